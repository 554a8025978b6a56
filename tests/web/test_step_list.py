"""The interview's step list (contracts/wizard.py): order, coverage of the Profile, resuming."""

from __future__ import annotations

import inspect

from wtforms.fields.core import UnboundField

from contracts.profile import Profile
from contracts.wizard import (
    find_step, is_complete, next_step, previous_step, question_steps, resume_step, step_for_answer,
    step_number, wizard_steps,
)
from webapp.wizard.steps import PAGES


def test_steps_come_in_the_order_of_the_interview():
    assert [s.id for s in wizard_steps()] == [
        "parties", "relationship", "deliverables", "ip", "communication", "contacts", "reseller",
        "payment", "termination", "review"]


def test_every_profile_answer_is_asked_in_exactly_one_step():
    asked = [name for step in wizard_steps() for name in step.answers]
    assert sorted(asked) == sorted(Profile.model_fields)


def test_every_question_step_has_a_form_with_exactly_its_answers():
    for step in question_steps():
        form = PAGES[step.id].form
        fields = {name for name, _ in inspect.getmembers(form, lambda v: isinstance(v, UnboundField))}
        assert fields == set(step.answers), step.id


def test_a_problem_path_leads_to_the_step_that_asks_it():
    assert step_for_answer("ip.licence_scope").id == "ip"
    assert step_for_answer("deliverables.0.price").id == "deliverables"
    assert step_for_answer("client.email").id == "parties"
    assert step_for_answer("currency").id == "parties"


def test_resume_picks_the_first_unanswered_step_then_the_review():
    assert resume_step([]).id == "parties"
    assert resume_step(["parties", "relationship", "ip"]).id == "deliverables"
    everything = [s.id for s in question_steps()]
    assert resume_step(everything).id == "review" and is_complete(everything)
    assert not is_complete(everything[:-1])


def test_neighbours_and_numbers():
    first, review = find_step("parties"), find_step("review")
    assert previous_step(first) is None and next_step(review) is None
    assert next_step(first).id == "relationship" and previous_step(review).id == "termination"
    assert step_number(first) == 1 and step_number(review) == len(wizard_steps())
    assert find_step("nope") is None
