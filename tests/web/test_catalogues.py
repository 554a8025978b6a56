"""The French and Spanish catalogues: complete for today's interface, well-formed, and what the app serves."""

from __future__ import annotations

import ast
import re
from gettext import c2py
from functools import lru_cache
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask_babel import force_locale, gettext, ngettext, pgettext

from webapp import create_app
from webapp.contracts.samples import FOLDER as SAMPLES
from webapp.contracts.samples import SITUATIONS
from webapp.i18n import CATALOGUES, compiled_catalogue, shipped_locales
from webapp.wizard.reasons import TEMPLATES

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ["fr", "es"]
BRACES = re.compile(r"\{[^{}]*\}")


@lru_cache(maxsize=1)
def interface_messages() -> dict:
    """Every message the interface can show, by (msgid, context), as `pybabel extract -F webapp/babel.cfg -k _l`."""
    with (ROOT / "webapp" / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "lazy_ngettext": (1, 2)}
    found = {}
    for filename, lineno, message, _comments, context in extract_from_dir(ROOT, method_map, options_map, keywords):
        key = (message if isinstance(message, str) else message[0], context)
        found.setdefault(key, []).append(f"{filename}:{lineno}")
    return found


def catalogue(locale: str):
    with (CATALOGUES / locale / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file)


def is_translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(s.strip() for s in strings) and not message.fuzzy


@pytest.fixture(params=LOCALES)
def locale(request) -> str:
    return request.param


def test_french_and_spanish_ship():
    assert shipped_locales(CATALOGUES) == ["en", "es", "fr"]


def test_every_message_of_the_interface_is_translated(locale):
    messages = catalogue(locale)
    missing = [f"{msgid!r} ({', '.join(where)})" for (msgid, context), where in interface_messages().items()
               if messages.get(msgid, context) is None or not is_translated(messages.get(msgid, context))]
    assert not missing, (f"untranslated in {locale} (fuzzy counts; see webapp/translations/README.md):\n"
                         + "\n".join(missing))


def test_no_catalogue_keeps_a_message_the_interface_no_longer_has(locale):
    messages = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalogue(locale) if m.id}
    assert messages - interface_messages().keys() == set(), "run pybabel update (webapp/translations/README.md)"


def test_translations_keep_their_placeholders(locale):
    messages = catalogue(locale)
    assert [(m.id, errors) for m, errors in messages.check()] == []
    for message in messages:
        if message.id and isinstance(message.id, str):
            assert sorted(BRACES.findall(message.string)) == sorted(BRACES.findall(message.id)), message.id


def test_the_app_serves_what_the_catalogues_say(tmp_path, locale):
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "INSTANCE_PATH": str(tmp_path),
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}"})
    messages = catalogue(locale)
    plural = c2py(messages.plural_expr)
    with app.test_request_context(), force_locale(locale):
        for message in messages:
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                for n in (1, 2, 5):
                    expected = message.string[plural(n)]
                    assert ngettext(*message.id, n) == expected % {"num": n}
            elif message.context:
                assert pgettext(message.context, message.id) == message.string, message.id
            else:
                assert gettext(message.id) == message.string, message.id


def test_a_stale_compiled_catalogue_is_replaced_when_the_app_starts(tmp_path):
    stale = tmp_path / "translations" / "fr" / "LC_MESSAGES" / "messages.mo"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"an old build")
    create_app({"TESTING": True, "SECRET_KEY": "x", "INSTANCE_PATH": str(tmp_path),
                "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}"})
    po = CATALOGUES / "fr" / "LC_MESSAGES" / "messages.po"
    assert stale.read_bytes() == compiled_catalogue(po, po.stat().st_mtime_ns, po.stat().st_size)
    with stale.open("rb") as file:
        assert read_mo(file).get("Save and continue").string == "Enregistrer et continuer"


def engine_reasons() -> set[str]:
    """Every reason template contracts/profile.py can give: Reason("...") calls and the REASONS table."""
    tree = ast.parse((ROOT / "contracts" / "profile.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Reason" and node.args:
            if isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "REASONS" for t in node.targets):
            found |= {value.value for value in node.value.values}
    return found - {"{text}"}


def test_every_reason_the_engine_gives_is_listed_for_translation():
    listed = {str(template) for template in TEMPLATES}  # outside a request: the English template
    assert engine_reasons() - listed == set(), "add these to webapp/wizard/reasons.py, then translate them"


def test_every_sample_situation_is_translatable():
    assert set(SITUATIONS) == {path.stem for path in SAMPLES.glob("*.yaml")}
