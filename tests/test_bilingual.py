"""A bilingual contract puts each clause in both languages side by side, in DOCX and HTML alike."""

from __future__ import annotations

import io
import re
import shutil

import docx
import pytest
from conftest import SAMPLES

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.html import render_html
from contracts.library import CLAUSES_DIR, load_library
from contracts.profile import ProfileError, load_profile, parse_profile


@pytest.fixture(scope="module")
def twin_library(tmp_path_factory):
    """English and a marked copy of it as French: each French paragraph starts with [FR]."""
    root = tmp_path_factory.mktemp("clauses")
    shutil.copy(CLAUSES_DIR / "VERSION", root / "VERSION")
    shutil.copytree(CLAUSES_DIR / "en", root / "en")
    shutil.copytree(CLAUSES_DIR / "en", root / "fr")
    for path in (root / "fr").glob("*/*.md"):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        marked = "\n".join(line if not line.strip() or line.lstrip()[0] in "{|-" else f"[FR] {line}"
                           for line in body.splitlines())
        path.write_text(f"{head}\n---\n{marked}\n", encoding="utf-8")
    return load_library(root)


def _bilingual():
    return load_profile(SAMPLES[0]).model_copy(update={"second_language": "fr"})


def test_each_clause_sits_beside_its_translation_in_the_docx(twin_library):
    contract = assemble(_bilingual(), library=twin_library)
    document = docx.Document(io.BytesIO(render_docx(contract)))
    rows = [row for table in document.tables for row in table.rows if len(row.cells) == 2
            and re.match(r"\d+\.\d+ ", row.cells[0].text)]
    assert len(rows) == len(contract.clause_ids)
    for row in rows:
        left, right = row.cells[0].text, row.cells[1].text
        assert left.split("\n")[0] == right.split("\n")[0]  # the same number and title
        assert "[FR]" not in left and "[FR]" in right


def test_html_preview_shows_both_languages_with_their_lang_attribute(twin_library):
    html = str(render_html(assemble(_bilingual(), library=twin_library)))
    assert html.count('class="clause bilingual"') == len(assemble(_bilingual(), library=twin_library).clause_ids)
    assert '<div lang="en">' in html and '<div lang="fr">' in html


def test_a_single_language_contract_has_no_translation(twin_library):
    contract = assemble(load_profile(SAMPLES[0]), library=twin_library)
    assert contract.translation is None and "bilingual" not in str(render_html(contract))


def test_second_language_must_differ_from_the_first():
    data = load_profile(SAMPLES[0]).model_dump(mode="json")
    data["second_language"] = data["language"]
    with pytest.raises(ProfileError, match="second_language: must differ from language"):
        parse_profile(data)


@pytest.mark.parametrize("first, second, prevails", [
    ("en", "fr", "the English version prevails"),
    ("fr", "es", "la version en langue française prévaut"),
    ("es", "en", "prevalecerá la versión en español"),
])
def test_a_bilingual_contract_says_which_version_prevails(first, second, prevails):
    profile = load_profile(SAMPLES[0]).model_copy(update={"language": first, "second_language": second})
    contract = assemble(profile)
    assert "general.languages" in contract.clause_ids
    assert prevails in docx.Document(io.BytesIO(render_docx(contract))).element.xml
    assert "general.languages" not in assemble(load_profile(SAMPLES[0])).clause_ids


def test_both_columns_name_the_same_languages_and_the_same_prevailing_version():
    profile = load_profile(SAMPLES[0]).model_copy(update={"language": "en", "second_language": "fr"})
    document = docx.Document(io.BytesIO(render_docx(assemble(profile)))).element.xml
    assert "made in English and in French" in document and "the English version prevails" in document
    assert "en langue française et en langue anglaise" in document
    assert "la version en langue anglaise prévaut" in document
