"""Every sample profile becomes a contract and a transition plan that real word processors open."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import zipfile
from datetime import timedelta

import docx
import pytest
from conftest import SAMPLES, docx_text, require_tool

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.html import render_html
from contracts.library import load_library
from contracts.profile import load_profile
from contracts.transition import Ending, plan_exit


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Contract and transition plan DOCX for every sample, written once for the module."""
    out = tmp_path_factory.mktemp("built")
    files = {}
    for path in SAMPLES:
        profile = load_profile(path)
        ending = Ending(ended_by="client", notice_date=profile.effective_date + timedelta(days=60),
                        fees_paid=profile.total_fees)
        documents = {"contract": assemble(profile), "transition": assemble(profile, "transition"),
                     "plan": assemble(profile, "transition", extra={"exit": plan_exit(profile, ending)})}
        for document, contract in documents.items():
            target = out / f"{path.stem}-{document}.docx"
            target.write_bytes(render_docx(contract))
            files[path.stem, document] = target
    return files


def test_every_sample_builds_a_contract_an_annex_and_a_dated_plan_that_python_docx_reopens(built):
    for (stem, document), path in built.items():
        text = docx_text(path.read_bytes())
        assert "{{" not in text and "{%" not in text, f"unfilled tag in {stem} {document}"
        assert len(docx.Document(path).paragraphs) > 10


def test_libreoffice_converts_every_document_to_pdf(built, tmp_path):
    soffice = require_tool("soffice")
    paths = [str(p) for p in built.values()]
    result = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *paths], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    for path in built.values():
        pdf = tmp_path / f"{path.stem}.pdf"
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), f"{path.name} did not convert"
        assert pdf.stat().st_size > 5000


def test_html_preview_says_what_the_docx_says(sample_path):
    contract = assemble(load_profile(sample_path))
    word = docx_text(render_docx(contract))
    html = re.sub(r"<[^>]+>", "\n", re.sub(r"</?strong>", "", str(render_html(contract))))
    html = html.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    for section in contract.sections:
        for clause in section.clauses:
            assert f"{clause.number} {clause.title}" in word and f"{clause.number} {clause.title}" in html
    for line in contract.text().splitlines():
        for cell in line.split(" | "):
            assert cell in word and cell in html


def test_every_section_and_clause_is_numbered_in_order(sample_path):
    contract = assemble(load_profile(sample_path))
    assert [s.number for s in contract.sections] == list(range(1, len(contract.sections) + 1))
    for section in contract.sections:
        assert [c.number for c in section.clauses] == [f"{section.number}.{i}" for i in range(1, len(section.clauses) + 1)]


def test_the_same_profile_always_gives_the_same_bytes(sample_path):
    profile = load_profile(sample_path)
    first, second = (hashlib.sha256(render_docx(assemble(profile))).hexdigest() for _ in range(2))
    assert first == second


def test_document_records_the_clause_library_version_and_the_parties(sample_path):
    profile = load_profile(sample_path)
    document = docx.Document(io.BytesIO(render_docx(assemble(profile))))
    assert document.core_properties.comments.endswith(load_library().version)
    assert document.core_properties.author == profile.freelancer.name
    signature_cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert f"Name: {profile.client.signer_name}" in signature_cells


@pytest.mark.parametrize("country, width", [("US", "12240"), ("GB", "11906"), ("FR", "11906")])
def test_page_size_follows_the_governing_law(country, width):
    profile = load_profile(SAMPLES[0])
    profile = profile.model_copy(update={"law": profile.law.model_copy(update={"country": country})})
    with zipfile.ZipFile(io.BytesIO(render_docx(assemble(profile)))) as archive:
        assert f'w:w="{width}"' in archive.read("word/document.xml").decode()


def test_transition_plan_has_no_signature_block_and_its_own_title(sample_path):
    plan = docx_text(render_docx(assemble(load_profile(sample_path), "transition")))
    assert plan.startswith("Transition Plan") and "Signed for" not in plan
    assert "This plan is made between" in plan and "This agreement is made between" not in plan


def test_a_column_of_long_text_gets_more_width_than_a_column_of_short_codes():
    from contracts.docx import TABLE_WIDTH, column_widths
    from contracts.markup import Span

    rows = [((Span("Time"),), (Span("Browser"),)),
            ((Span("12:00"),), (Span("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0"),))]
    short, long = column_widths(rows, 2)
    assert long > 2 * short and short + long <= TABLE_WIDTH
