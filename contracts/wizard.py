"""The interview's steps: their order and which Profile answers each one collects."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One page of the interview; `answers` names the top-level Profile fields it fills."""

    id: str
    answers: tuple[str, ...]


STEPS: tuple[Step, ...] = (
    Step("parties", ("language", "second_language", "currency", "effective_date", "project", "law", "freelancer",
                     "client")),
    Step("relationship", ("relationship",)),
    Step("deliverables", ("deliverables", "exclusions")),
    Step("ip", ("ip",)),
    Step("communication", ("communication",)),
    Step("contacts", ("contacts",)),
    Step("reseller", ("reseller",)),
    Step("payment", ("payment",)),
    Step("termination", ("termination",)),
    Step("review", ()),
)

REVIEW = STEPS[-1]


def wizard_steps() -> tuple[Step, ...]:
    """Every step of the interview, in the order the freelancer meets them."""
    return STEPS


def question_steps() -> tuple[Step, ...]:
    """The steps that ask questions: all of them but the final review."""
    return STEPS[:-1]


def find_step(step_id: str) -> Step | None:
    """The step with this id, or None."""
    return next((step for step in STEPS if step.id == step_id), None)


def step_for_answer(path: str) -> Step:
    """The step that collects the answer at a dotted Profile path such as `ip.licence_scope`."""
    top = path.split(".", 1)[0]
    return next((step for step in STEPS if top in step.answers), STEPS[0])


def step_number(step: Step) -> int:
    """The step's position, counting from 1."""
    return STEPS.index(step) + 1


def previous_step(step: Step) -> Step | None:
    """The step before this one, or None on the first."""
    index = STEPS.index(step)
    return STEPS[index - 1] if index else None


def next_step(step: Step) -> Step | None:
    """The step after this one, or None on the review."""
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def resume_step(completed: Iterable[str]) -> Step:
    """Where a freelancer picks up a draft: the first unanswered step, else the review."""
    done = set(completed)
    return next((step for step in question_steps() if step.id not in done), REVIEW)


def is_complete(completed: Iterable[str]) -> bool:
    """Whether every question step has been answered."""
    return resume_step(completed) is REVIEW
