"""The verify form: a DOCX to check, or the verification code printed on a certificate."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import StringField
from wtforms.validators import Length


class VerifyForm(FlaskForm):
    """Either a file or a code."""

    document = FileField(_l("A signed contract (DOCX)"),
                         [FileAllowed(["docx"], _l("Choose a Word document (.docx)."))],
                         render_kw={"accept": ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
    code = StringField(_l("Or the verification code from its certificate"), [Length(max=40)],
                       description=_l("Like ABCD-EFGH-JKLM-NPQR."), render_kw={"autocapitalize": "characters"})

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if valid and not self.document.data and not (self.code.data or "").strip():
            self.document.errors = [_l("Choose a file, or type a verification code.")]
            return False
        return valid
