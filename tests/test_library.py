from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from contracts.library import CLAUSES_DIR, LibraryError, check_library, load_library


def test_shipped_library_passes_every_check():
    assert check_library(load_library()) == []


def _library(tmp_path: Path, clauses: dict[str, str]) -> Path:
    """A copy of the shipped sections and labels with the given clause files."""
    root = tmp_path / "clauses"
    (root / "en").mkdir(parents=True)
    (root / "VERSION").write_text("test")
    for name in ("sections.yaml", "strings.yaml"):
        shutil.copy(CLAUSES_DIR / "en" / name, root / "en" / name)
    for relative, text in clauses.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def _clause(body: str, when: str = "", cid: str = "ip.x", section: str = "ip") -> str:
    condition = f"when: {when!r}\n" if when else ""
    return f"---\nid: {cid}\ntitle: Test\nsection: {section}\norder: 1\n{condition}---\n{body}\n"


@pytest.mark.parametrize("body, when, problem", [
    ("{{ freelancer.nmae }}", "", "freelancer has no attribute 'nmae'"),
    ("{{ customer.name }}", "", "unknown variable 'customer'"),
    ("{% for d in deliverables %}{{ d.cost }}{% endfor %}", "", "deliverables[] has no attribute 'cost'"),
    ("{{ ip.model }}", "ip.modle == \"licence\"", "ip has no attribute 'modle'"),
    ("{{ total_fees | dollars }}", "", "unknown filter 'dollars'"),
    ("{% if ip.model %}unclosed", "", "does not compile"),
    ("text", "ip.model ==", "does not compile"),
])
def test_check_names_the_file_and_the_problem(tmp_path, body, when, problem):
    root = _library(tmp_path, {"en/ip/x.md": _clause(body, when)})
    problems = check_library(load_library(root))
    assert len(problems) == 1 and problem in problems[0] and "x.md" in problems[0]


def test_check_accepts_every_profile_path_and_computed_value(tmp_path):
    body = ("{{ client.name }} {{ buyout_price | money }} {{ first_milestone.title }} {{ law.civil_law }}\n"
            "{% for d in deliverables %}\n- {{ d.title }} {{ d.due | date }} {{ loop.index }}\n{% endfor %}")
    root = _library(tmp_path, {"en/ip/x.md": _clause(body, "ip.buyout_percent and ip.portfolio")})
    assert check_library(load_library(root)) == []


def test_check_rejects_a_section_the_document_does_not_have(tmp_path):
    root = _library(tmp_path, {"en/ip/x.md": _clause("text", section="appendix")})
    assert "section 'appendix' is not in en/sections.yaml" in check_library(load_library(root))[0]


def test_languages_must_have_the_same_ids_conditions_and_variables(tmp_path):
    root = _library(tmp_path, {
        "en/ip/x.md": _clause("{{ client.name }}", "ip.portfolio"),
        "en/ip/y.md": _clause("text", cid="ip.y"),
        "fr/ip/x.md": _clause("{{ freelancer.name }}", "not ip.portfolio"),
    })
    for name in ("sections.yaml", "strings.yaml"):
        shutil.copy(root / "en" / name, root / "fr" / name)
    problems = "\n".join(check_library(load_library(root)))
    assert "fr: clause 'ip.y' is missing" in problems
    assert "when 'not ip.portfolio' differs from en 'ip.portfolio'" in problems
    assert "uses different variables than en: client.name, freelancer.name" in problems


@pytest.mark.parametrize("text, problem", [
    ("no front matter", "missing the --- front matter ---"),
    ("---\nid: a\ntitle: b\nsection: ip\n---\nbody", "front matter missing ['order']"),
    ("---\nid: [a\n---\nbody", "bad front matter"),
])
def test_malformed_clause_files_are_named(tmp_path, text, problem):
    root = _library(tmp_path, {"en/ip/bad.md": text})
    with pytest.raises(LibraryError, match="bad.md") as caught:
        load_library(root)
    assert problem in str(caught.value)


def test_duplicate_ids_are_refused(tmp_path):
    root = _library(tmp_path, {"en/ip/a.md": _clause("one"), "en/ip/b.md": _clause("two")})
    with pytest.raises(LibraryError, match="duplicate clause id 'ip.x'"):
        load_library(root)
