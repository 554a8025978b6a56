"""Forms of the freelancer's side of signing: send a contract, withdraw an envelope."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import InputRequired, Length

from webapp.fields import ExplainedRadioField, options


class SendForm(FlaskForm):
    """Send the contract for signature, signing before or after the client."""

    order = ExplainedRadioField(
        _l("Who signs first"), [InputRequired()], default="client",
        choices=options({"client": _l("The client signs, then you countersign"), "freelancer": _l("You sign first")}),
        explanations={
            "client": _l("The client gets the link now. You countersign once they have signed."),
            "freelancer": _l("You sign now; the client gets the link as soon as you have."),
        },
    )


class VoidForm(FlaskForm):
    """Withdraw an envelope, optionally saying why."""

    reason = TextAreaField(_l("Why (optional, kept in the audit trail)"), [Length(max=500)], render_kw={"rows": 3})
