"""The sections of the interview that each fill one part of the Profile."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, FormField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, NumberRange, Optional

from contracts.profile import BILLABLE
from webapp.fields import (
    AmountField, CheckboxesField, ExplainedRadioField, LinesField, RowsField, SubForm, options,
)
from webapp.wizard.forms import LINE, TEXT, AccountForm, ApproverForm, ContactForm


def percent(low: int, high: int) -> NumberRange:
    """A percentage between `low` and `high`."""
    return NumberRange(Decimal(low), Decimal(high))


def required_when(condition: bool, field, message) -> bool:
    """Ask for `field` when `condition` holds and it was left empty; False if it was."""
    if condition and (field.data is None or not str(field.data).strip()):
        if not field.errors:
            field.errors = [message]
        return False
    return True


class RelationshipForm(SubForm):
    """Vendor or consultant."""

    type = ExplainedRadioField(
        _l("How you work with this client"), [InputRequired()],
        choices=options({"vendor": _l("Vendor"), "consultant": _l("Consultant")}),
        explanations={
            "vendor": _l("The client decides and the specification is fixed; revisions are limited."),
            "consultant": _l("You decide how within the brief; the client supplies information on time, "
                             "and either side may stop after the first milestone."),
        },
    )
    response_days = IntegerField(_l("Working days the client has to answer you"),
                                 [InputRequired(), NumberRange(1, 30)], default=5)


class IPForm(SubForm):
    """Who owns the work and what the client may buy."""

    model = ExplainedRadioField(
        _l("Who owns the work"), [InputRequired()],
        choices=options({"licence": _l("You keep it, the client gets a licence"),
                 "assign_on_payment": _l("The client owns the final work once paid"),
                 "full_assignment": _l("The client owns everything")}),
        explanations={
            "licence": _l("You keep the copyright; the client may use the work within the licence below."),
            "assign_on_payment": _l("Final deliverables pass to the client on full payment. Source files, "
                                    "sketches, custom illustrations and your own tools stay yours unless "
                                    "the client buys them."),
            "full_assignment": _l("Everything you make for this project, source files included, "
                                  "belongs to the client."),
        },
    )
    licence_scope = TextAreaField(_l("What the licence lets the client do"), [TEXT], render_kw={"rows": 3},
                                  description=_l("For example: use the final designs to promote the business, "
                                                 "in all media, worldwide."))
    licence_exclusive = BooleanField(_l("The licence is exclusive"))
    buyout_percent = AmountField(_l("Price to buy the source files, as a percentage of total fees (optional)"),
                                 [Optional(), percent(20, 100)], description=_l("Between 20 and 100."))
    portfolio = BooleanField(_l("You may show the work in your portfolio"), default=True)
    logo = BooleanField(_l("The work includes a logo (delivered in vector formats)"))
    brand_assets = LinesField(_l("Brand assets, one per line (optional)"), render_kw={"rows": 3})
    pre_existing = LinesField(_l("Your pre-existing tools and material, one per line (optional)"),
                              render_kw={"rows": 3},
                              description=_l("Fonts, brushes, code libraries: they stay yours."))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return required_when(self.model.data == "licence", self.licence_scope,
                             _l("Say what the licence lets the client do.")) and valid


class CommunicationForm(SubForm):
    """What communication is billed, at what rate."""

    hourly_rate = AmountField(_l("Hourly rate"), [InputRequired(), NumberRange(Decimal(0))])
    increment_minutes = SelectField(_l("Billed in steps of"), coerce=int, default=15,
                                    choices=options({15: _l("15 minutes"), 30: _l("30 minutes")}))
    free_minutes = IntegerField(_l("Free minutes per request"), [InputRequired(), NumberRange(0, 120)],
                                default=0, description=_l("A quick question under this is not billed."))
    billable = CheckboxesField(
        _l("What is billable"), default=list(BILLABLE),
        choices=options({"calls": _l("Phone and video calls"), "email": _l("Email"), "meetings": _l("Meetings"),
                 "training": _l("Training"), "troubleshooting": _l("Troubleshooting outside your work")}),
    )
    plan = ExplainedRadioField(
        _l("Support"), [InputRequired()], default="hourly",
        choices=options({"hourly": _l("Billed by the hour"), "maintenance": _l("Monthly maintenance plan")}),
        explanations={"hourly": _l("Each billable request is charged at your hourly rate."),
                      "maintenance": _l("A flat monthly fee covers support up to the hours below.")},
    )
    maintenance_fee = AmountField(_l("Monthly fee"), [Optional(), NumberRange(Decimal(0))])
    maintenance_hours = AmountField(_l("Hours included each month (optional)"), [Optional(), NumberRange(0, 200)])

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return required_when(self.plan.data == "maintenance", self.maintenance_fee,
                             _l("Enter the monthly fee of the maintenance plan.")) and valid


class ContactsForm(SubForm):
    """Single point of contact, authorised contacts and approval of estimates."""

    primary = FormField(ContactForm, _l("Primary contact"))
    authorised = RowsField(FormField(ContactForm), _l("Also authorised to request work"), max_entries=20,
                           add_label=_l("Add an authorised contact"), row_label=_l("Authorised contact %(number)s"))
    estimates_need_approval = BooleanField(_l("Estimates need written approval before work starts"))
    approver = FormField(ApproverForm, _l("Who approves estimates"))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return required_when(self.estimates_need_approval.data, self.approver.form.name,
                             _l("Name the person who approves estimates.")) and valid


class ResellerForm(SubForm):
    """Who holds the third-party accounts."""

    stance = ExplainedRadioField(
        _l("Third-party accounts"), [InputRequired()],
        choices=options({"client_accounts": _l("The client holds the accounts"), "reseller": _l("You resell")}),
        explanations={
            "client_accounts": _l("The client is the account holder; you administer with your own user, "
                                  "at your standard rate, and credentials travel through a shared vault."),
            "reseller": _l("You buy from suppliers and add a markup; your suppliers and production specs "
                           "stay your confidential know-how."),
        },
    )
    markup_percent = AmountField(_l("Markup on resold services, %"), [InputRequired(), percent(0, 100)],
                                 default=Decimal(0))
    accounts = RowsField(FormField(AccountForm), _l("Accounts"), max_entries=30,
                         add_label=_l("Add an account"), row_label=_l("Account %(number)s"))
    vault = StringField(_l("Shared password vault (optional)"), [LINE],
                        description=_l("Where credentials are shared, for example a 1Password vault."))


class PaymentForm(SubForm):
    """Deposit, invoice terms and late fee."""

    deposit_percent = AmountField(_l("Deposit, as a percentage of total fees"), [InputRequired(), percent(0, 100)],
                                  default=Decimal(0))
    invoice_days = IntegerField(_l("Invoices are due within (days)"), [InputRequired(), NumberRange(0, 120)],
                                default=30)
    late_fee_percent = AmountField(_l("Late fee, %"), [InputRequired(), percent(0, 50)], default=Decimal(0))
    late_fee_period = SelectField(_l("Late fee charged per"), default="month",
                                  choices=options({"month": _l("month"), "year": _l("year")}))


class TerminationForm(SubForm):
    """Notice period and the shape of the exit."""

    notice_days = IntegerField(_l("Notice period (days)"), [InputRequired(), NumberRange(0, 180)], default=30)
    service_end_months = SelectField(_l("Service ends this long after notice"), coerce=int, default=1,
                                     choices=options({1: _l("1 month"), 2: _l("2 months"), 3: _l("3 months")}))
    handover_days = IntegerField(_l("Days to hand over files after notice"),
                                 [InputRequired(), NumberRange(1, 60)], default=10)
    production_advice = BooleanField(_l("Offer production advice after the exit, at your hourly rate"),
                                     default=True)
