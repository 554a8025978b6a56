"""One form per interview step, with the title and the plain sentence that introduce it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, FormField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired

from contracts.wizard import Step, find_step
from webapp.fields import CalendarDateField, LinesField, RowsField, options, to_json
from webapp.wizard import questions
from webapp.wizard.forms import LANGUAGES, LINE, DeliverableForm, LawForm, PartyForm, current_currency_choices


# The law a contract starts under when the interface speaks one of these languages.
LOCAL_DEFAULTS = {"fr": "FR", "es": "ES"}


class StepForm(FlaskForm):
    """A step's form; its top-level fields are the Profile answers the step collects."""

    def validate(self, extra_validators=None) -> bool:
        drop_blank_rows(self)
        return super().validate(extra_validators)

    def answers(self) -> dict[str, Any]:
        """The entered answers, JSON-safe, keyed by Profile field."""
        return to_json(self.data)


def drop_blank_rows(form) -> None:
    """Forget list rows left entirely empty, keeping the one row a required list needs."""
    for field in form:
        if isinstance(field, FormField):
            drop_blank_rows(field.form)
        if isinstance(field, FieldList):
            kept = [row for row in field.entries if not is_blank(row.form)]
            field.entries = kept or field.entries[: field.min_entries]


def is_blank(row) -> bool:
    """Whether a row's identifying fields were left empty."""
    return not any(str((row[name].raw_data or [""])[0]).strip() for name in row.key_fields)


class PartiesStep(StepForm):
    language = SelectField(_l("Language of the contract"), [InputRequired()], choices=options(LANGUAGES), default="en")
    second_language = SelectField(_l("Second language, side by side (optional)"), default="",
                                  choices=options({"": _l("None"), **LANGUAGES}),
                                  description=_l("Each clause then appears beside its translation, and the "
                                                 "contract says the version in the language above prevails "
                                                 "if they differ."))
    currency = SelectField(_l("Currency"), [InputRequired()], default="USD")
    effective_date = CalendarDateField(_l("Effective date"), [InputRequired()], default=date.today)
    project = StringField(_l("Project name"), [DataRequired(), LINE],
                          description=_l("For example: Brand identity for Northwind Coffee."))
    law = FormField(LawForm, _l("Law and courts"))
    freelancer = FormField(PartyForm, _l("You"))
    client = FormField(PartyForm, _l("Your client"))

    def __init__(self, *args, **kwargs):
        if kwargs.get("data") is not None:
            kwargs["data"] = {**interface_defaults(), **kwargs["data"]}
        super().__init__(*args, **kwargs)
        self.currency.choices = current_currency_choices()

    def answers(self) -> dict[str, Any]:
        answers = super().answers()
        answers["second_language"] = answers["second_language"] or None
        return answers


def interface_defaults() -> dict[str, Any]:
    """Language, currency and law a new contract starts with when the interface is in French or Spanish."""
    language = str(get_locale() or "en")
    if language not in LOCAL_DEFAULTS:
        return {}
    return {"language": language, "currency": "EUR", "law": {"country": LOCAL_DEFAULTS[language]}}


class RelationshipStep(StepForm):
    relationship = FormField(questions.RelationshipForm, "")


class DeliverablesStep(StepForm):
    deliverables = RowsField(FormField(DeliverableForm), _l("Deliverables"), min_entries=1, max_entries=50,
                             add_label=_l("Add another deliverable"), row_label=_l("Deliverable %(number)s"))
    exclusions = LinesField(_l("Not included, one per line (optional)"), render_kw={"rows": 3},
                            description=_l("For example: copywriting, photography, printing costs."))


class IPStep(StepForm):
    ip = FormField(questions.IPForm, "")


class CommunicationStep(StepForm):
    communication = FormField(questions.CommunicationForm, "")


class ContactsStep(StepForm):
    contacts = FormField(questions.ContactsForm, "")

    def answers(self) -> dict[str, Any]:
        answers = super().answers()
        contacts = answers["contacts"]
        if not contacts["approver"]["name"]:
            contacts["approver"] = None
        return answers


class ResellerStep(StepForm):
    reseller = FormField(questions.ResellerForm, "")


class PaymentStep(StepForm):
    payment = FormField(questions.PaymentForm, "")


class TerminationStep(StepForm):
    termination = FormField(questions.TerminationForm, "")


@dataclass(frozen=True)
class Page:
    """How a step looks: its form, title and the sentence that explains the choice."""

    form: type[StepForm] | None
    title: Any
    intro: Any


PAGES: dict[str, Page] = {
    "parties": Page(PartiesStep, _l("Parties and language"),
                    _l("Who signs, in which language, and which law applies. Your business details are filled in "
                       "from your account.")),
    "relationship": Page(RelationshipStep, _l("Relationship"),
                         _l("Decide who calls the shots. This sets how revisions, response times and an early "
                            "exit work.")),
    "deliverables": Page(DeliverablesStep, _l("Deliverables"),
                         _l("List what you deliver, when, and for how much. Anything not listed, and anything "
                            "you exclude, is extra work.")),
    "ip": Page(IPStep, _l("Intellectual property"),
               _l("Decide who owns what you make. Keeping your source files lets the client buy them later "
                  "at a fair price instead of getting them for free.")),
    "communication": Page(CommunicationStep, _l("Billable communication"),
                          _l("Calls, emails and troubleshooting take time. Say which are billed and how, so "
                             "support does not turn into unpaid work.")),
    "contacts": Page(ContactsStep, _l("Contacts and approvals"),
                     _l("One person speaks for the client. Requests from anyone else need their approval before "
                        "billable work starts.")),
    "reseller": Page(ResellerStep, _l("Third-party accounts"),
                     _l("Printers, hosts and registrars: say whose name the accounts are in, so nobody is "
                        "locked out when the work ends.")),
    "payment": Page(PaymentStep, _l("Payment"),
                    _l("A deposit and clear invoice terms protect your cash flow. A late fee gives the terms "
                       "teeth.")),
    "termination": Page(TerminationStep, _l("Termination and exit"),
                        _l("How either side ends the contract, and what the client receives on the way out: "
                           "files once, in one batch, and support until a fixed end date.")),
    "review": Page(None, _l("Review"),
                   _l("Read the contract as your client will. Change any answer, then download it.")),
}


def page_for(step: Step) -> Page:
    """The page that presents a step."""
    return PAGES[step.id]


def step_or_none(step_id: str) -> Step | None:
    """The question step with this id (the review is not a form), or None."""
    step = find_step(step_id)
    return step if step is not None and PAGES[step.id].form is not None else None
