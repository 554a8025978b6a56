"""Forms to register, sign in and keep one's business details."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, FormField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from webapp.extensions import db
from webapp.fields import EmailAddress
from webapp.models import User
from webapp.wizard.forms import PartyForm


class SignInForm(FlaskForm):
    """Email and password."""

    email = StringField(_l("Email"), [DataRequired(), EmailAddress()],
                        render_kw={"type": "email", "autocomplete": "username"})
    password = PasswordField(_l("Password"), [DataRequired()], render_kw={"autocomplete": "current-password"})
    remember = BooleanField(_l("Keep me signed in on this device"))


class RegisterForm(FlaskForm):
    """A new freelancer account."""

    email = StringField(_l("Email"), [DataRequired(), EmailAddress(), Length(max=254)],
                        render_kw={"type": "email", "autocomplete": "username"})
    password = PasswordField(_l("Password"), [DataRequired(), Length(min=10, max=200)],
                             description=_l("At least 10 characters. A few unrelated words make a strong one."),
                             render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("Password again"),
                            [DataRequired(), EqualTo("password", _l("The two passwords differ."))],
                            render_kw={"autocomplete": "new-password"})

    def validate_email(self, field) -> None:
        """Refuse an email that already has an account."""
        if db.session.scalar(select(User.id).where(User.email == normal_email(field.data))):
            raise ValidationError(_l("There is already an account with this email. Sign in instead."))


class BusinessForm(FlaskForm):
    """The freelancer's own details, filled into every new contract."""

    business = FormField(PartyForm, "")
    locale = SelectField(_l("Language of this site"))


def normal_email(email: str) -> str:
    """An email address as stored: trimmed and lower-cased."""
    return email.strip().lower()
