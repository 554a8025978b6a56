"""Forms of the signing page: sign with consent and a typed name, decline with a reason, or comment on a plan."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length


class SignForm(FlaskForm):
    """Consent to electronic records and signatures, and the signer's typed full name."""

    consent = BooleanField(validators=[DataRequired(_l("Tick the box to agree to sign electronically."))])
    typed_name = StringField(_l("Type your full name"), [DataRequired(_l("Type your full name to sign.")),
                                                         Length(max=200)],
                             description=_l("As you would sign it on paper."),
                             render_kw={"class": "signature-input", "autocomplete": "name",
                                        "autocapitalize": "words", "spellcheck": "false"})


class DeclineForm(FlaskForm):
    """Decline to sign, saying why."""

    reason = TextAreaField(_l("Why do you decline?"), [DataRequired(_l("Say why, so the sender knows what to change.")),
                                                      Length(max=2000)],
                           description=_l("The sender reads this. For example: the deadline for the logo is too early."),
                           render_kw={"rows": 4})


class CommentForm(FlaskForm):
    """Comment on a transition plan instead of acknowledging it."""

    text = TextAreaField(_l("Your comment"), [DataRequired(_l("Write your comment, so the sender knows what to change.")),
                                             Length(max=2000)],
                         description=_l("The sender reads this. For example: the handover date is too late for us."),
                         render_kw={"rows": 4})
