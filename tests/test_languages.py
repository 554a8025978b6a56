"""Every sample, in every language: a complete document, no English left behind, nothing unfilled."""

from __future__ import annotations

import subprocess

import pytest
from answers import english_sentences
from conftest import SAMPLES, docx_text, require_tool

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.library import load_library
from contracts.profile import LANGUAGES, load_profile

OTHER_LANGUAGES = [code for code in LANGUAGES if code != "en"]


def _build(path, language: str, document: str) -> bytes:
    profile = load_profile(path).model_copy(update={"language": language})
    return render_docx(assemble(profile, document))


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("document", ["contract", "transition"])
def test_no_english_sentence_is_left_in_a_translated_document(sample_path, language, document):
    text = docx_text(_build(sample_path, language, document))
    leftovers = [s for s in english_sentences() if s in text]
    assert not leftovers, f"untranslated in {language}: {leftovers[:3]}"
    assert "{{" not in text and "{%" not in text


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_language_selects_the_same_clauses_as_english(sample_path, language):
    profile = load_profile(sample_path)
    for document in ("contract", "transition"):
        english = assemble(profile, document).clause_ids
        assert assemble(profile.model_copy(update={"language": language}), document).clause_ids == english


def test_every_language_exists_in_the_library():
    assert set(load_library().languages) == set(LANGUAGES)


def test_libreoffice_opens_every_sample_in_every_language(tmp_path):
    soffice = require_tool("soffice")
    paths = []
    for sample in SAMPLES:
        for language in OTHER_LANGUAGES:
            target = tmp_path / f"{sample.stem}-{language}.docx"
            target.write_bytes(_build(sample, language, "contract"))
            paths.append(target)
        bilingual = load_profile(sample).model_copy(update={"second_language": OTHER_LANGUAGES[len(paths) % 2]})
        target = tmp_path / f"{sample.stem}-bilingual.docx"
        target.write_bytes(render_docx(assemble(bilingual)))
        paths.append(target)
    result = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, paths)], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    for path in paths:
        pdf = path.with_suffix(".pdf")
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), f"{path.name} did not convert"
