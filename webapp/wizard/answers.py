"""Check draft answers against the Profile and point each problem at the field that fixes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wtforms import FieldList, FormField

from contracts.profile import Profile, ProfileError, parse_profile
from contracts.wizard import Step, question_steps, step_for_answer
from webapp.wizard.reasons import reason_text
from webapp.wizard.steps import StepForm, page_for


@dataclass(frozen=True)
class Problem:
    """Something the freelancer must fix: where (step and field) and why."""

    step: Step
    field_id: str
    label: str
    reason: str


def check_answers(answers: dict[str, Any]) -> tuple[Profile | None, list[tuple[str, str]]]:
    """The Profile the answers make, or the (field path, reason) problems that prevent it."""
    try:
        return parse_profile(answers), []
    except ProfileError as error:
        return None, error.problems


def problems_in_step(answers: dict[str, Any], step: Step) -> list[tuple[str, str]]:
    """The Profile's objections to the answers this step collects."""
    _, problems = check_answers(answers)
    return [(path, reason) for path, reason in problems if path and path.split(".")[0] in step.answers]


def complete_steps(answers: dict[str, Any]) -> list[str]:
    """The question steps whose answers the Profile accepts as they are."""
    _, problems = check_answers(answers)
    troubled = {step_for_answer(path).id for path, _ in problems}
    return [step.id for step in question_steps() if step.id not in troubled]


def report_problems(form: StepForm, problems: list[tuple[str, str]]) -> None:
    """Show each problem under the field it concerns, in the reader's language."""
    for path, reason in problems:
        field = first_input(field_at(form, path) or next(iter(form)))
        field.errors = [*field.errors, reason_text(reason)]


def locate(answers: dict[str, Any], problems: list[tuple[str, str]], completed: list[str]) -> list[Problem]:
    """Problems in answered steps, each with the step, field id and label that lead to the fix, translated."""
    found = []
    for path, reason in problems:
        step = step_for_answer(path)
        if step.id not in completed:
            continue
        form = page_for(step).form(data=answers)
        field = field_at(form, path)
        target = first_input(field) if field is not None else next(iter(form))
        found.append(Problem(step, target.id, label_at(form, path) or str(target.label.text), reason_text(reason)))
    return found


def field_at(form, path: str):
    """The deepest form field on a dotted Profile path such as `deliverables.0.price`."""
    found = None
    for part in path.split("."):
        inner = child(found if found is not None else form, part)
        if inner is None:
            break
        found = inner
    return found


def child(node, name: str):
    """The field called `name` (or the row numbered `name`) inside a form, group or list."""
    if isinstance(node, FieldList):
        rows = node.entries
        return rows[int(name)] if name.isdigit() and int(name) < len(rows) else None
    inner = node.form if isinstance(node, FormField) else node
    fields = getattr(inner, "_fields", None)
    return fields.get(name) if fields is not None and name != "csrf_token" else None


def first_input(field):
    """The first field a person types into, inside a group or list."""
    if isinstance(field, FormField):
        return first_input(next(iter(field.form)))
    if isinstance(field, FieldList) and field.entries:
        return first_input(field.entries[0])
    return field


def label_at(form, path: str) -> str:
    """A readable name for the field at `path`, such as `Your client: Email`."""
    parts, node = [], form
    for name in path.split("."):
        node = child(node, name)
        if node is None:
            break
        if name.isdigit():
            parts.append(f"#{int(name) + 1}")
        elif str(node.label.text):
            parts.append(str(node.label.text))
    return ": ".join(parts)
