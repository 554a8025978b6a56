"""The `clausewright` command: builds contracts from profiles, and says in one line what is wrong."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from contracts.assemble import assemble
from contracts.library import CLAUSES_DIR, load_library
from contracts.profile import load_profile

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_profiles").glob("*.yaml"))
DESIGNER = ROOT / "sample_profiles" / "designer-licence.yaml"
VENDOR = ROOT / "sample_profiles" / "software-vendor-maintenance.yaml"


def clausewright(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the CLI in a fresh interpreter, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "contracts.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def docx_text(path: Path) -> str:
    """All paragraph and table-cell text of a DOCX file, after python-docx re-opens it."""
    document = Document(str(path))
    lines = [p.text for p in document.paragraphs]
    lines += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def spoil(tmp_path: Path, old: str, new: str) -> Path:
    """The designer sample with one piece of its YAML replaced."""
    text = DESIGNER.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "profile.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# --- validate ------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", SAMPLES, ids=lambda p: p.stem)
def test_validate_accepts_every_sample_profile(profile):
    result = clausewright("validate", profile)
    assert (result.returncode, result.stderr) == (0, "")
    assert "valid" in result.stdout
    assert str(profile) in result.stdout


def test_installed_console_script_runs():
    script = Path(sys.executable).parent / "clausewright"
    result = subprocess.run([str(script), "validate", str(DESIGNER)], capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    assert "valid" in result.stdout


# --- build ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", SAMPLES, ids=lambda p: p.stem)
def test_build_writes_a_docx_that_reopens(tmp_path, profile):
    out = tmp_path / "contract.docx"
    result = clausewright("build", profile, "-o", out)
    assert (result.returncode, result.stderr) == (0, "")
    answers = load_profile(profile)
    text = docx_text(out)
    assert answers.project in text
    assert answers.client.name in text and answers.freelancer.name in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contract.docx"]


def test_build_writes_html_preview_and_transition_plan(tmp_path):
    out, preview, plan = tmp_path / "contract.docx", tmp_path / "preview.html", tmp_path / "plan.docx"
    result = clausewright("build", VENDOR, "-o", out, "--html", preview, "--transition", plan)
    assert (result.returncode, result.stderr) == (0, "")
    answers = load_profile(VENDOR)
    assert answers.client.name in docx_text(out)
    html = preview.read_text(encoding="utf-8")
    assert "Fenwick Labs Ltd" in html and "<script" not in html
    titles = [Document(str(path)).paragraphs[0].text for path in (out, plan)]
    assert titles == [assemble(answers).title, assemble(answers, document="transition").title]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contract.docx", "plan.docx", "preview.html"]


def test_build_html_says_what_the_docx_says(tmp_path):
    out, preview = tmp_path / "contract.docx", tmp_path / "preview.html"
    assert clausewright("build", VENDOR, "-o", out, "--html", preview).returncode == 0
    contract = assemble(load_profile(VENDOR))
    html, text = preview.read_text(encoding="utf-8"), docx_text(out)
    for section in contract.sections:
        for clause in section.clauses:
            assert clause.title in text
            assert f'id="clause-{clause.id}"' in html


def test_build_replaces_an_existing_output(tmp_path):
    out = tmp_path / "contract.docx"
    out.write_bytes(b"an older draft")
    assert clausewright("build", DESIGNER, "-o", out).returncode == 0
    assert "Northwind Coffee Roasters" in docx_text(out)


# --- bad input: one line on stderr, exit code 2, nothing written ---------------------------------

BAD_INPUT = [
    # (id, how to make the profile, words the one line must contain)
    ("missing-file", lambda tmp: tmp / "nowhere.yaml", "no such file"),
    ("bad-yaml", lambda tmp: spoil(tmp, "project: Brand", "project: [Brand"), "not valid YAML"),
    ("unknown-field", lambda tmp: spoil(tmp, "project: Brand", "colour: teal\nproject: Brand"),
     "colour: is not a known field"),
    ("wrong-type", lambda tmp: spoil(tmp, "price: 4800", "price: four thousand"),
     "deliverables.0.price: must be a number"),
    ("percent-out-of-range", lambda tmp: spoil(tmp, "buyout_percent: 40", "buyout_percent: 5"),
     "ip.buyout_percent: must be between 20 and 100, got 5"),
    ("unquoted-country-no", lambda tmp: spoil(tmp, 'country: "US"', "country: NO"), "law.country"),
    ("impossible-date", lambda tmp: spoil(tmp, "effective_date: 2026-12-01", "effective_date: 2026-02-30"),
     "2026-02-30"),
    ("not-a-mapping", lambda tmp: spoil(tmp, DESIGNER.read_text(encoding="utf-8"), "- a list\n"),
     "must be a mapping"),
    ("a-folder", lambda tmp: tmp, "cannot read"),
]


@pytest.mark.parametrize("command", ["validate", "build"])
@pytest.mark.parametrize(("make", "words"), [b[1:] for b in BAD_INPUT], ids=[b[0] for b in BAD_INPUT])
def test_bad_profile_is_one_line_on_stderr_and_exit_code_2(tmp_path, command, make, words):
    profile = make(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    out = tmp_path / "contract.docx"
    args = ["validate", profile] if command == "validate" else ["build", profile, "-o", out, "--html",
                                                                 tmp_path / "p.html"]
    result = clausewright(*args)
    assert_one_line_error(result, words)
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def assert_one_line_error(result, words: str) -> None:
    """Bad input: exactly one line on stderr naming the problem, exit code 2, never a traceback."""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]
    assert result.returncode == 2


def test_every_problem_is_named_on_the_one_line(tmp_path):
    profile = spoil(tmp_path, "buyout_percent: 40", "buyout_percent: 5\n  colour: teal")
    result = clausewright("validate", profile)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "ip.buyout_percent" in line and "ip.colour" in line


def test_failed_build_leaves_an_existing_contract_untouched(tmp_path):
    profile = spoil(tmp_path, "buyout_percent: 40", "buyout_percent: 5")
    out = tmp_path / "contract.docx"
    out.write_bytes(b"the contract signed last week")
    result = clausewright("build", profile, "-o", out)
    assert result.returncode == 2
    assert out.read_bytes() == b"the contract signed last week"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["build", DESIGNER], "-o"),
        (["build", DESIGNER, "-o", "no-such-folder/contract.docx"], "does not exist"),
        (["frobnicate"], "frobnicate"),
        (["validate"], "PROFILE"),
    ],
    ids=["build-without-output", "output-folder-missing", "unknown-command", "validate-without-profile"],
)
def test_usage_mistakes_are_one_line_and_exit_code_2(tmp_path, args, words):
    args = [str(tmp_path / a) if str(a).startswith("no-such-folder") else a for a in args]
    result = clausewright(*args)
    assert_one_line_error(result, words)
    assert list(tmp_path.iterdir()) == []


# --- the clause library --------------------------------------------------------------------------


def test_clauses_list_names_every_clause_once():
    result = clausewright("clauses", "list")
    assert (result.returncode, result.stderr) == (0, "")
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    english = load_library().language("en")
    expected = [c.id for doc in ("contract", "transition") for c in english.ordered(doc)]
    assert listed == expected


def test_clauses_check_passes_on_the_shipped_library():
    result = clausewright("clauses", "check")
    assert (result.returncode, result.stderr) == (0, "")
    assert load_library().version in result.stdout


def test_clauses_check_names_a_clause_that_uses_an_unknown_variable(tmp_path):
    library = tmp_path / "clauses"
    shutil.copytree(CLAUSES_DIR, library)
    bad = library / "en" / "ip" / "nickname.md"
    bad.parent.mkdir(exist_ok=True)
    bad.write_text(
        "---\nid: ip.nickname\ntitle: Nicknames\nsection: ip\norder: 99\n---\n"
        "{{ client.nickname }} is the client's nickname.\n",
        encoding="utf-8",
    )
    result = clausewright("clauses", "check", env={"CLAUSEWRIGHT_CLAUSES": str(library)})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "nickname.md" in result.stderr and "nickname" in result.stderr


def test_clauses_check_names_a_broken_reply_draft_of_requests_after_exit(tmp_path):
    library = tmp_path / "clauses"
    shutil.copytree(CLAUSES_DIR, library)
    requests = library / "es" / "requests.yaml"
    requests.write_text(requests.read_text(encoding="utf-8").replace("{{ service_end_date", "{{ service_ended", 1),
                        encoding="utf-8")
    result = clausewright("clauses", "check", env={"CLAUSEWRIGHT_CLAUSES": str(library)})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "es/requests.yaml" in result.stderr and "unknown variable 'service_ended'" in result.stderr


# --- plan ----------------------------------------------------------------------------------------

PLAN_ARGS = ("--ended-by", "client", "--notice-date", "2027-01-31", "--fees-paid", "6250")


def test_plan_writes_the_dated_transition_plan_for_an_ended_contract(tmp_path):
    out, preview = tmp_path / "plan.docx", tmp_path / "plan.html"
    result = clausewright("plan", DESIGNER, *PLAN_ARGS, "--note", "Last day: {{ x }}", "-o", out, "--html", preview)
    assert (result.returncode, result.stderr) == (0, "")
    assert "handover by 2027-02-10, service ends 2027-03-31" in result.stdout
    text = docx_text(out)
    assert "Dated plan: notice given on January 31, 2027" in text
    assert "$2,500.00 (40% of the $6,250.00 of Fees paid)" in text
    assert "Note from the Freelancer: Last day: {{ x }}" in text
    assert "March 31, 2027" in preview.read_text(encoding="utf-8")


@pytest.mark.parametrize("change, words", [
    (("--notice-date", "2026-11-30"), "notice_date: must not be before the contract's effective date, 2026-12-01"),
    (("--notice-date", "31/01/2027"), "notice_date: must be a date like 2026-01-31"),
    (("--fees-paid", "-5"), "fees_paid: must be at least 0"),
    (("--ended-by", "nobody"), "Invalid value for '--ended-by'"),
])
def test_a_bad_ending_is_one_line_and_writes_nothing(tmp_path, change, words):
    args = dict(zip(PLAN_ARGS[::2], PLAN_ARGS[1::2])) | dict([change])
    result = clausewright("plan", DESIGNER, *[x for pair in args.items() for x in pair], "-o", tmp_path / "plan.docx")
    assert_one_line_error(result, words)
    assert list(tmp_path.iterdir()) == []
