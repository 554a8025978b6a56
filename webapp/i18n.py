"""Interface language: the visitor's choice, else the browser's, among the catalogues we ship.

The translations live as editable catalogues, `translations/<lang>/LC_MESSAGES/messages.po`. When
the app starts they are compiled into the instance folder, so the app always serves what the .po
files say and no compiled file can go stale (see translations/README.md).
"""

from __future__ import annotations

import io
import os
import secrets
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from flask import Blueprint, Flask, Request, abort, current_app, g, has_request_context, redirect, request
from flask_babel import get_locale, get_translations
from flask_login import current_user
from flask_wtf import FlaskForm
from jinja2 import pass_eval_context
from markupsafe import Markup
from wtforms import SelectField
from wtforms.i18n import messages_path

from webapp.extensions import babel, db
from webapp.urls import safe_next

SOURCE_LOCALE = "en"
CATALOGUES = Path(__file__).parent / "translations"
# A visitor's choice, remembered for a year; a signed-in freelancer's is also kept on the account.
COOKIE = "language"
COOKIE_AGE = 365 * 24 * 3600

bp = Blueprint("language", __name__)


def init_app(app: Flask) -> None:
    """Compile the catalogues, attach Babel, the language switcher and the helpers that name languages."""
    app.config.setdefault("UI_LOCALES", shipped_locales(CATALOGUES))
    compiled = Path(app.instance_path) / "translations"
    compile_catalogues(CATALOGUES, compiled)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(compiled))
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.globals.update(gettext=template_gettext, _=template_gettext)
    app.request_class = RequestInLocale
    app.add_template_filter(language_name)
    app.add_template_global(language_choices)
    app.after_request(say_language)
    app.register_blueprint(bp)


def say_language(response):
    """Tell caches that pages differ by language, and readers which language this one is in."""
    response.vary.update(("Accept-Language", "Cookie"))
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Language", str(get_locale() or SOURCE_LOCALE).replace("_", "-"))
    return response


def shipped_locales(folder: Path) -> list[str]:
    """English, plus every language with a catalogue in `folder`."""
    found = sorted(path.parents[1].name for path in folder.glob("*/LC_MESSAGES/messages.po"))
    return [SOURCE_LOCALE, *(code for code in found if code != SOURCE_LOCALE)]


def compile_catalogues(source: Path, target: Path) -> None:
    """Compile every .po under `source` into the same place under `target`, rewriting only what changed."""
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        stat = po.stat()
        data = compiled_catalogue(po, stat.st_mtime_ns, stat.st_size)
        mo = target / po.relative_to(source).with_suffix(".mo")
        if mo.exists() and mo.read_bytes() == data:
            continue
        mo.parent.mkdir(parents=True, exist_ok=True)
        # Written aside then renamed: workers starting together never read half a catalogue.
        draft = mo.with_name(f".{mo.name}.{secrets.token_hex(8)}")
        draft.write_bytes(data)
        os.replace(draft, mo)


@lru_cache(maxsize=16)
def compiled_catalogue(po: Path, mtime_ns: int, size: int) -> bytes:
    """The .mo bytes of a catalogue; fuzzy entries are left out, so they show in English until reviewed."""
    with po.open("rb") as file:
        catalog = read_po(file)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


@pass_eval_context
def template_gettext(eval_context, string: str, **variables) -> str:
    """`_()` and `gettext()` in templates, as Jinja's "newstyle" gettext that Flask-Babel installs
    (escaped, and always formatted with the variables), in one call instead of four nested ones."""
    text = get_translations().ugettext(string)
    if eval_context.autoescape:
        text = Markup(text)
    return text % variables


class RequestInLocale(Request):
    """Flask's request, knowing WTForms' own messages ("This field is required.") in its language."""

    @property
    def wtforms_translations(self) -> Translations | NullTranslations:
        """Read by Flask-WTF, which otherwise reads and parses WTForms' catalogue anew for every request."""
        return wtforms_catalogue(get_locale())


@lru_cache(maxsize=16)
def wtforms_catalogue(locale: Locale | None) -> Translations | NullTranslations:
    """WTForms' catalogue for a language, read once per process."""
    return Translations.load(messages_path(), [locale], domain="wtforms")


def select_locale() -> str:
    """The contract's language on signing pages, else the visitor's choice, else the browser's."""
    available = current_app.config["UI_LOCALES"]
    if not has_request_context():
        return SOURCE_LOCALE
    if g.get("document_language") in available:
        return g.document_language
    chosen = current_user.locale if current_user.is_authenticated else None
    if chosen in available:
        return chosen
    return chosen_language() or request.accept_languages.best_match(available, default=SOURCE_LOCALE)


def language_name(code: str) -> str:
    """A language code as a reader of the interface names it: `fr` -> `French`."""
    return display_name(code, str(get_locale() or SOURCE_LOCALE))


@lru_cache(maxsize=64)
def display_name(code: str, reader: str) -> str:
    """A language's name in the reader's language, capitalised as a menu item."""
    try:
        name = Locale.parse(code).get_display_name(reader)
    except (ValueError, TypeError):
        return code
    return name[:1].upper() + name[1:] if name else code


def language_choices() -> list[tuple[str, str]]:
    """The switcher's languages, each named in itself (`Français`), so anyone finds their own."""
    return [(code, display_name(code, code)) for code in current_app.config["UI_LOCALES"]]


class LanguageForm(FlaskForm):
    """The language switcher: one button per language, posting its code."""

    language = SelectField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = {code: name for code, name in language_choices()}


@bp.post("/language")
def choose():
    """Remember the visitor's language (on the account too when signed in), then go back."""
    form = LanguageForm()
    if not form.validate_on_submit():
        abort(400)
    back = redirect(safe_next(request.form.get("next")))
    if current_user.is_authenticated:
        current_user.locale = form.language.data
        db.session.commit()
    return remember_language(back, form.language.data)


def chosen_language() -> str | None:
    """The language this browser chose with the switcher, if it is one we ship."""
    chosen = request.cookies.get(COOKIE)
    return chosen if chosen in current_app.config["UI_LOCALES"] else None


def remember_language(response, language: str | None):
    """Keep the visitor's choice in a cookie; None forgets it, so the browser's language applies again."""
    if language is None:
        response.delete_cookie(COOKIE, secure=request.is_secure, httponly=True, samesite="Lax")
    else:
        response.set_cookie(COOKIE, language, max_age=COOKIE_AGE, secure=request.is_secure, httponly=True,
                            samesite="Lax")
    return response

