"""The forms of an ending: how a signed contract ended, and the requests the former client sends after it."""

from __future__ import annotations

from datetime import date

from flask_babel import format_date, gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from webapp.fields import AmountField, CalendarDateField, ExplainedRadioField, options

# The engine's reason for a notice date before the contract began (contracts.transition.parse_ending),
# listed here so that pybabel extracts it; webapp.wizard.reasons translates it by its template.
REASONS = (_l("must not be before the contract's effective date, {effective}"),)


class EndingForm(FlaskForm):
    """Who ended the engagement, on what date, and how much of the fees the client actually paid."""

    ended_by = ExplainedRadioField(
        _l("Who ended the engagement"), [Optional()], validate_choice=False,
        choices=options({"client": _l("The client"), "freelancer": _l("You")}),
        explanations={"client": _l("The client gave notice to end the contract."),
                      "freelancer": _l("You gave the client notice to end the contract.")},
    )
    notice_date = CalendarDateField(_l("Notice date"), [Optional()],
                                    description=_l("The day notice was given. Every date of the plan counts from it."))
    fees_paid = AmountField(_l("Fees actually paid"), [Optional()],
                            description=_l("What the client has paid so far. The buyout price is the agreed "
                                           "percentage of this figure."))
    note = TextAreaField(_l("Note (optional)"), render_kw={"rows": 3},
                         description=_l("Printed on the plan for the client to read."))

    def ending(self) -> dict:
        """The answers as parse_ending reads them."""
        return {"ended_by": self.ended_by.data, "notice_date": self.notice_date.data,
                "fees_paid": self.fees_paid.data, "note": (self.note.data or "").strip()}


# The engine's topics (contracts.requests.TOPICS) as the freelancer would name them.
TOPICS = {
    "source_files": _l("Source files (vector, layered or editable files)"),
    "deliverables": _l("Copies of the delivered files"),
    "credentials": _l("Passwords and account access"),
    "supplier": _l("Who the suppliers are (printer, host)"),
    "production_specs": _l("Production details (paper, inks, finishes)"),
    "advice": _l("Advice or know-how"),
    "other": _l("New work or anything else"),
}

# The engine's outcomes (contracts.requests.OUTCOMES) in plain words.
OUTCOMES = {
    "included": _l("Included and free (one batch)"),
    "billable": _l("Billable at the hourly rate"),
    "purchase": _l("Available for purchase at the buyout price"),
    "declined": _l("Declined under the contract"),
    "too_late": _l("Outside the agreement: received after the service end date"),
}


class RequestForm(FlaskForm):
    """A request from the former client: when it came, what it says, and optionally its topic."""

    received_on = CalendarDateField(_l("Date received"), [InputRequired(_l("Enter the date you received it."))])
    text = TextAreaField(_l("The request"), [DataRequired(_l("Paste or type what the client asked.")),
                                             Length(max=5000)], render_kw={"rows": 5},
                         description=_l("As the client wrote it, in an email or a message."))
    topic = SelectField(_l("What it is about"), default="",
                        choices=options({"": _l("Let Clausewright decide"), **TOPICS}),
                        description=_l("Change it if Clausewright reads the request wrongly."))

    def __init__(self, *args, notice_date: date, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.notice_date, self.today = notice_date, today

    def validate_received_on(self, field) -> None:
        """Requests count from the notice date, and none can come from the future."""
        if field.data and field.data < self.notice_date:
            raise ValidationError(_("must not be before the notice date, %(date)s",
                                    date=format_date(self.notice_date, "long")))
        if field.data and field.data > self.today:
            raise ValidationError(_("must not be in the future"))
