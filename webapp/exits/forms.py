"""The form that records how a signed contract ended."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Optional

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
