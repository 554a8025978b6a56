"""`clausewright build|validate|clauses ...`: the engine from the command line."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from .assemble import assemble
from .docx import render_docx
from .html import render_html
from .library import LibraryError, check_library, load_library
from .profile import ProfileError, load_profile
from .requests import check_requests
from .transition import PARTIES, parse_ending, plan_exit


class InputError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a half-written DOCX is worse than none."""
    path = path.resolve()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _output(path: str) -> Path:
    out = Path(path)
    if not out.parent.resolve().is_dir():
        raise InputError(f"cannot write {path}: folder {out.parent} does not exist")
    return out


@click.group()
@click.version_option(package_name="clausewright")
def cli() -> None:
    """Freelance contracts that protect you before a client relationship goes wrong."""


@cli.command()
@click.argument("profile")
@click.option("-o", "--output", required=True, help="Where to write the contract (.docx).")
@click.option("--html", "html_path", help="Also write an HTML preview here.")
@click.option("--transition", "transition_path", help="Also write the transition plan (.docx) here.")
def build(profile: str, output: str, html_path: str | None, transition_path: str | None) -> None:
    """Build the contract for PROFILE (YAML or JSON)."""
    targets = [_output(p) for p in (output, html_path, transition_path) if p]
    answers = load_profile(profile)
    contract = assemble(answers)
    files = [render_docx(contract)]
    if html_path:
        files.append(render_html(contract).encode("utf-8"))
    if transition_path:
        files.append(render_docx(assemble(answers, document="transition")))
    for path, data in zip(targets, files):
        write_atomically(path, data)
        click.echo(f"wrote {path}")


@cli.command()
@click.argument("profile")
@click.option("--ended-by", required=True, type=click.Choice(PARTIES), help="Who gave notice.")
@click.option("--notice-date", required=True, help="The day notice was given (YYYY-MM-DD).")
@click.option("--fees-paid", required=True, help="Fees actually paid so far; the buyout price is based on it.")
@click.option("--note", default="", help="A note to print in the plan.")
@click.option("-o", "--output", required=True, help="Where to write the dated transition plan (.docx).")
@click.option("--html", "html_path", help="Also write an HTML preview here.")
def plan(profile: str, ended_by: str, notice_date: str, fees_paid: str, note: str, output: str,
         html_path: str | None) -> None:
    """Write the dated transition plan for PROFILE's contract, ended on NOTICE_DATE."""
    targets = [_output(p) for p in (output, html_path) if p]
    answers = load_profile(profile)
    ending = parse_ending({"ended_by": ended_by, "notice_date": notice_date, "fees_paid": fees_paid, "note": note},
                          answers)
    exit_plan = plan_exit(answers, ending)
    document = assemble(answers, "transition", extra={"exit": exit_plan})
    files = [render_docx(document), *([render_html(document).encode("utf-8")] if html_path else [])]
    for path, data in zip(targets, files):
        write_atomically(path, data)
        click.echo(f"wrote {path}")
    click.echo(f"handover by {exit_plan.handover_date}, service ends {exit_plan.service_end_date}")


@cli.command()
@click.argument("profile")
def validate(profile: str) -> None:
    """Check PROFILE and say what is wrong with it, if anything."""
    answers = load_profile(profile)
    click.echo(f"{profile}: valid ({len(answers.deliverables)} deliverables, language {answers.language})")


@cli.group()
def clauses() -> None:
    """Inspect the clause library."""


@clauses.command("list")
@click.option("--lang", default="en", show_default=True, help="Language of the library.")
def list_clauses(lang: str) -> None:
    """List every clause: id, document, section and condition."""
    library = load_library()
    for clause in (*library.language(lang).ordered("contract"), *library.language(lang).ordered("transition")):
        click.echo(f"{clause.id:<36} {clause.document:<10} {clause.section:<15} {clause.when or 'always'}")


@clauses.command("check")
def check_clauses() -> None:
    """Check that every clause parses, compiles, uses known variables, and languages agree; and the
    phrases and reply drafts of requests after exit (requests.yaml)."""
    library = load_library()
    problems = check_library(library) + check_requests(library)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise click.exceptions.Exit(1)
    count = sum(len(lang.clauses) for lang in library.languages.values())
    click.echo(f"clause library {library.version}: {count} clauses in {', '.join(library.languages)}: ok")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; bad input is one line on stderr and exit code 2, never a traceback."""
    try:
        # Without standalone mode, click returns an Exit's code instead of raising it.
        code = cli.main(args=argv, prog_name="clausewright", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("clausewright: aborted", err=True)
        return 1
    except click.ClickException as exc:
        click.echo(f"clausewright: error: {exc.format_message()}", err=True)
        return 2
    except (ProfileError, InputError, LibraryError) as exc:
        click.echo(f"clausewright: error: {exc}", err=True)
        return 2
    except OSError as exc:
        click.echo(f"clausewright: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
        return 1
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
