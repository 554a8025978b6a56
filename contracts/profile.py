"""The Profile: a freelancer's interview answers, validated once at the boundary."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from babel.numbers import list_currencies
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

LANGUAGES = ("en", "fr", "es")
COUNTRIES = ("US", "GB", "FR", "ES")
CIVIL_LAW_COUNTRIES = ("FR", "ES")
BILLABLE = ("calls", "email", "meetings", "training", "troubleshooting")

# Characters WordprocessingML cannot hold; Word refuses a file that contains them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Reason(str):
    """A plain English reason that keeps its template and values, so an interface can translate it."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Reason:
        reason = super().__new__(cls, template.format(**params))
        reason.template, reason.params = template, params
        return reason


class FieldProblem(ValueError):
    """A rule across fields, raised by a model validator, that belongs to one of its fields."""

    def __init__(self, field: str, reason: Reason):
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason


class ProfileError(ValueError):
    """Bad interview answers: each problem is a (field path, plain reason) pair."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{path}: {reason}" if path else reason for path, reason in problems))


def _clean(value: Any, *, multiline: bool) -> Any:
    if not isinstance(value, str):
        return value
    value = _XML_ILLEGAL.sub("", value).replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        return "\n".join(line.rstrip() for line in value.strip().split("\n"))
    return " ".join(value.split())


def _percent(low: int, high: int):
    def check(value: Decimal) -> Decimal:
        if not low <= value <= high:
            raise ValueError(Reason("must be between {low} and {high}, got {got}", low=low, high=high, got=f"{value:g}"))
        return value

    return AfterValidator(check)


def _email(value: str) -> str:
    if value and not _EMAIL.match(value):
        raise ValueError(Reason("must be an email address like name@example.com, got {got!r}", got=value))
    return value


def _currency(value: str) -> str:
    if value.upper() not in list_currencies():
        raise ValueError(Reason("must be a three-letter currency code such as USD or EUR, got {got!r}", got=value))
    return value.upper()


Line = Annotated[str, BeforeValidator(lambda v: _clean(v, multiline=False)), Field(max_length=200)]
Text = Annotated[str, BeforeValidator(lambda v: _clean(v, multiline=True)), Field(max_length=2000)]
Name = Annotated[Line, Field(min_length=1)]
Email = Annotated[Line, AfterValidator(_email)]
Money = Annotated[Decimal, Field(ge=0, le=Decimal("1000000000"), decimal_places=2)]
Days = Annotated[int, Field(ge=0, le=365)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


M = TypeVar("M", bound=Model)


class Party(Model):
    """One side of the contract, as it should appear in the parties block."""

    name: Name
    address: Annotated[Text, Field(min_length=1)]
    email: Annotated[Email, Field(min_length=1)]
    signer_name: Name
    signer_title: Line = ""
    business_id: Line = ""


class Law(Model):
    """Which law governs the contract and which courts hear disputes."""

    country: Literal[COUNTRIES]
    region: Line = ""
    venue: Name

    @property
    def civil_law(self) -> bool:
        return self.country in CIVIL_LAW_COUNTRIES


class Relationship(Model):
    """Vendor (client decides, fixed spec) or consultant (freelancer has latitude)."""

    type: Literal["vendor", "consultant"]
    response_days: Annotated[int, Field(ge=1, le=30)] = 5


class Deliverable(Model):
    """One thing the freelancer delivers, with its due date, revisions and price."""

    title: Name
    description: Text = ""
    format: Line = ""
    due: date | None = None
    revisions: Annotated[int, Field(ge=0, le=20)] = 2
    price: Money


class IP(Model):
    """Who owns the work, and what the client may buy."""

    model: Literal["licence", "assign_on_payment", "full_assignment"]
    licence_scope: Text = ""
    licence_exclusive: bool = False
    buyout_percent: Annotated[Decimal, _percent(20, 100)] | None = None
    portfolio: bool = True
    logo: bool = False
    brand_assets: Annotated[list[Line], Field(max_length=30)] = []
    pre_existing: Annotated[list[Line], Field(max_length=30)] = []

    @model_validator(mode="after")
    def _licence_has_scope(self) -> IP:
        if self.model == "licence" and not self.licence_scope:
            raise FieldProblem("licence_scope", Reason("is required when the model is licence"))
        if self.model == "full_assignment" and self.buyout_percent is not None:
            raise FieldProblem("buyout_percent", Reason("does not apply to full_assignment, which already assigns the source files"))
        return self


class Communication(Model):
    """Billable communication: what is billed, at what rate, in what increments."""

    hourly_rate: Money
    increment_minutes: Literal[15, 30] = 15
    free_minutes: Annotated[int, Field(ge=0, le=120)] = 0
    billable: Annotated[list[Literal[BILLABLE]], Field(max_length=5)] = list(BILLABLE)
    plan: Literal["hourly", "maintenance"] = "hourly"
    maintenance_fee: Money | None = None
    maintenance_hours: Annotated[Decimal, Field(ge=0, le=200, decimal_places=2)] | None = None

    @model_validator(mode="after")
    def _plan_has_fee(self) -> Communication:
        if self.plan == "maintenance" and self.maintenance_fee is None:
            raise FieldProblem("maintenance_fee", Reason("is required when the plan is maintenance"))
        if len(set(self.billable)) != len(self.billable):
            raise FieldProblem("billable", Reason("lists an item twice"))
        return self


class Contact(Model):
    """A person on the client's side."""

    name: Name
    title: Line = ""
    email: Email = ""


class Contacts(Model):
    """Single point of contact, authorised contacts and approval of estimates."""

    primary: Contact
    authorised: Annotated[list[Contact], Field(max_length=20)] = []
    estimates_need_approval: bool = False
    approver: Contact | None = None

    @model_validator(mode="after")
    def _approver_when_needed(self) -> Contacts:
        if self.estimates_need_approval and self.approver is None:
            raise FieldProblem("approver", Reason("is required when estimates need written approval"))
        return self


class Account(Model):
    """A third-party account (printer, host, registrar...) and who holds it."""

    service: Literal["hosting", "registrar", "printer", "email", "software", "other"]
    provider: Name
    holder: Literal["client", "freelancer"]


class Reseller(Model):
    """Whether the client owns its third-party accounts or the freelancer resells."""

    stance: Literal["client_accounts", "reseller"]
    markup_percent: Annotated[Decimal, _percent(0, 100)] = Decimal(0)
    accounts: Annotated[list[Account], Field(max_length=30)] = []
    vault: Line = ""


class Payment(Model):
    """Deposit, invoice terms and late-payment fee."""

    deposit_percent: Annotated[Decimal, _percent(0, 100)] = Decimal(0)
    invoice_days: Annotated[int, Field(ge=0, le=120)] = 30
    late_fee_percent: Annotated[Decimal, _percent(0, 50)] = Decimal(0)
    late_fee_period: Literal["month", "year"] = "month"


class Termination(Model):
    """Notice for ending the contract and the shape of the exit."""

    notice_days: Annotated[int, Field(ge=0, le=180)] = 30
    service_end_months: Annotated[int, Field(ge=1, le=3)] = 1
    handover_days: Annotated[int, Field(ge=1, le=60)] = 10
    production_advice: bool = True


class Profile(Model):
    """Every answer of the interview; everything downstream trusts it."""

    language: Literal[LANGUAGES] = "en"
    second_language: Literal[LANGUAGES] | None = None
    currency: Annotated[str, AfterValidator(_currency)] = "USD"
    effective_date: date
    project: Name
    law: Law
    freelancer: Party
    client: Party
    relationship: Relationship
    deliverables: Annotated[list[Deliverable], Field(min_length=1, max_length=50)]
    exclusions: Annotated[list[Line], Field(max_length=30)] = []
    ip: IP
    communication: Communication
    contacts: Contacts
    reseller: Reseller
    payment: Payment = Payment()
    termination: Termination = Termination()

    @model_validator(mode="after")
    def _two_different_languages(self) -> Profile:
        if self.second_language == self.language:
            raise FieldProblem("second_language", Reason("must differ from language (leave it empty for one language)"))
        return self

    @property
    def total_fees(self) -> Decimal:
        return sum((d.price for d in self.deliverables), Decimal(0))

    @property
    def buyout_price(self) -> Decimal | None:
        if self.ip.buyout_percent is None:
            return None
        return (self.total_fees * self.ip.buyout_percent / 100).quantize(Decimal("0.01"))

    @property
    def deposit_amount(self) -> Decimal:
        return (self.total_fees * self.payment.deposit_percent / 100).quantize(Decimal("0.01"))

    @property
    def first_milestone(self) -> Deliverable:
        return self.deliverables[0]


REASONS = {
    "missing": "is required",
    "extra_forbidden": "is not a known field (check the spelling)",
    "string_too_short": "must not be empty",
    "string_too_long": "must be at most {max_length} characters",
    "too_short": "must have at least {min_length} item(s)",
    "too_long": "must have at most {max_length} items",
    "greater_than_equal": "must be at least {ge}, got {got!r}",
    "less_than_equal": "must be at most {le}, got {got!r}",
    "decimal_max_places": "must have at most {decimal_places} decimal places",
    "literal_error": "must be one of {expected}, got {got!r}",
    "bool_parsing": "must be true or false, got {got!r}",
    "model_type": "must be a group of fields",
    "dict_type": "must be a group of fields",
    "list_type": "must be a list",
    "date": "must be a date like 2026-01-31, got {got!r}",
    "number": "must be a number, got {got!r}",
    "string": "must be text, got {got!r}",
}


def _describe(error: dict) -> tuple[str, Reason]:
    """Turn one pydantic error into a (field path, plain reason) pair."""
    path = ".".join(str(part) for part in error["loc"])
    kind, ctx, got = error["type"], error.get("ctx", {}), error.get("input")
    if isinstance(got, Decimal):
        got = int(got) if got == got.to_integral_value() else float(got)  # say -3, never Decimal('-3')
    if kind == "value_error":
        cause = ctx.get("error")
        if isinstance(cause, FieldProblem):
            return (f"{path}.{cause.field}" if path else cause.field), cause.reason
        reason = cause.args[0] if isinstance(cause, ValueError) and cause.args else str(cause or error["msg"])
        return path, reason if isinstance(reason, Reason) else Reason("{text}", text=reason)
    if kind in ("too_short", "too_long") and isinstance(got, str):
        kind = "string_" + kind
    for prefix, family in (("date_", "date"), ("int_", "number"), ("decimal_", "number"), ("float_", "number")):
        if kind.startswith(prefix) and kind not in REASONS:
            kind = family
    if kind.startswith("string_") and kind not in REASONS:
        kind = "string"
    if kind not in REASONS:
        return path, Reason("{text}", text=error["msg"])
    params = {k: v for k, v in ctx.items() if isinstance(v, (str, int, float, Decimal))}
    return path, Reason(REASONS[kind], got=got, **params)


def validate(model: type[M], data: Any, what: str = "profile") -> M:
    """Validate raw answers into `model`, or raise ProfileError naming each bad field."""
    if not isinstance(data, dict):
        raise ProfileError([("", f"the {what} must be a mapping of fields")])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ProfileError([_describe(e) for e in exc.errors()]) from None


def parse_profile(data: Any) -> Profile:
    """Validate raw answers into a Profile, or raise ProfileError naming each bad field."""
    return validate(Profile, data)


class _Loader(yaml.SafeLoader):
    """Safe YAML, but dates stay text (the Profile parses them and names the field when one is
    wrong) and a key given twice is an error instead of silently keeping the last value."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def load_profile(path: str | Path) -> Profile:
    """Read a YAML or JSON profile file and validate it."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError([("", f"no such file: {path}")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError([("", f"cannot read {path}: {exc}")]) from None
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_Loader)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 1}" if where else f" at line {exc.lineno}" if hasattr(exc, "lineno") else ""
        problem = getattr(exc, "problem", None) or ""
        detail = f": {problem}" if "given twice" in problem else ""
        kind = "JSON" if path.suffix == ".json" else "YAML"
        raise ProfileError([("", f"{path} is not valid {kind}{line}{detail}")]) from None
    return parse_profile(data)
