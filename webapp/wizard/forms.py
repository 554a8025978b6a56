"""The parts of the interview that appear in several steps: parties, contacts, deliverables."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from babel.numbers import get_currency_name, list_currencies
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from webapp.fields import AmountField, CalendarDateField, EmailAddress, SubForm, options

LINE = Length(max=200)
TEXT = Length(max=2000)

LANGUAGES = {"en": _l("English"), "fr": _l("French"), "es": _l("Spanish")}
COUNTRIES = {"US": _l("United States"), "GB": _l("United Kingdom"), "FR": _l("France"), "ES": _l("Spain")}
SERVICES = {
    "hosting": _l("Web hosting"),
    "registrar": _l("Domain registrar"),
    "printer": _l("Printer"),
    "email": _l("Email provider"),
    "software": _l("Software licence"),
    "other": _l("Other"),
}
HOLDERS = {"client": _l("The client"), "freelancer": _l("You")}


@lru_cache(maxsize=8)
def currency_choices(locale: str) -> dict[str, str]:
    """Every ISO currency, as `EUR: EUR, Euro` in the reader's language."""
    return {code: f"{code}, {get_currency_name(code, locale=locale)}" for code in sorted(list_currencies())}


def current_currency_choices() -> dict[str, str]:
    """The currency list for the interface language of this request."""
    return currency_choices(str(get_locale() or "en"))


class PartyForm(SubForm):
    """One side of the contract as it appears in the parties block."""

    name = StringField(_l("Legal name"), [DataRequired(), LINE],
                       description=_l("The person's or company's full legal name."))
    address = TextAreaField(_l("Address"), [DataRequired(), TEXT], render_kw={"rows": 3})
    email = StringField(_l("Email"), [DataRequired(), EmailAddress(), LINE], render_kw={"type": "email"})
    signer_name = StringField(_l("Who signs"), [DataRequired(), LINE])
    signer_title = StringField(_l("Their title (optional)"), [LINE])
    business_id = StringField(_l("Company or tax number (optional)"), [LINE])


class LawForm(SubForm):
    """Which law governs the contract and where disputes are heard."""

    country = SelectField(_l("Governing law"), [InputRequired()], choices=options(COUNTRIES))
    region = StringField(_l("State or region (optional)"), [LINE],
                         description=_l("For example California, or Scotland."))
    venue = StringField(_l("Courts that hear disputes"), [DataRequired(), LINE],
                        description=_l("For example: the courts of Paris."))


class ContactForm(SubForm):
    """A person on the client's side."""

    name = StringField(_l("Name"), [DataRequired(), LINE])
    title = StringField(_l("Title (optional)"), [LINE])
    email = StringField(_l("Email (optional)"), [EmailAddress(), LINE], render_kw={"type": "email"})

    key_fields = ("name", "title", "email")


class ApproverForm(SubForm):
    """The person who approves estimates; only needed when estimates need approval."""

    name = StringField(_l("Name"), [LINE])
    title = StringField(_l("Title (optional)"), [LINE])
    email = StringField(_l("Email (optional)"), [EmailAddress(), LINE], render_kw={"type": "email"})


class DeliverableForm(SubForm):
    """One thing you deliver, with its due date, revision rounds and price."""

    title = StringField(_l("What you deliver"), [DataRequired(), LINE])
    description = TextAreaField(_l("Description (optional)"), [TEXT], render_kw={"rows": 2})
    format = StringField(_l("Formats (optional)"), [LINE], description=_l("For example: SVG, PDF, PNG."))
    due = CalendarDateField(_l("Due date (optional)"), [Optional()])
    revisions = IntegerField(_l("Revision rounds included"), [InputRequired(), NumberRange(0, 20)], default=2)
    price = AmountField(_l("Price"), [InputRequired(), NumberRange(Decimal(0), Decimal(1_000_000_000))])

    key_fields = ("title", "description", "format", "due", "price")


class AccountForm(SubForm):
    """A third-party account (printer, host, registrar...) and who holds it."""

    service = SelectField(_l("Service"), [InputRequired()], choices=options(SERVICES))
    provider = StringField(_l("Provider"), [DataRequired(), LINE],
                           description=_l("For example: Pacific Print Co."))
    holder = SelectField(_l("Account holder"), [InputRequired()], choices=options(HOLDERS))

    key_fields = ("provider",)
