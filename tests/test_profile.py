"""The Profile: real profiles load, and bad answers come back as a field path and a plain reason."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from contracts.profile import Profile, ProfileError, load_profile, parse_profile

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "sample_profiles"
SAMPLES = sorted(SAMPLES_DIR.glob("*.yaml"))
BASE = SAMPLES_DIR / "designer-licence.yaml"
DELETE = object()


def raw_profile(path: Path = BASE) -> dict:
    """The answers of a sample profile as plain YAML data, ready to be spoiled."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def set_field(data: dict, dotted: str, value: object) -> dict:
    """Set (or delete, with DELETE) the field at a dotted path like `deliverables.0.price`."""
    *parents, last = dotted.split(".")
    node = data
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
    if value is DELETE:
        del node[last]
    elif isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return data


def problems_of(data: dict) -> list[tuple[str, str]]:
    """The problems parse_profile reports for these answers (fails if it accepts them)."""
    with pytest.raises(ProfileError) as caught:
        parse_profile(data)
    return caught.value.problems


def with_changes(**changes: object) -> dict:
    """The base profile with each `a__b__0__c=value` change applied."""
    data = raw_profile()
    for dotted, value in changes.items():
        set_field(data, dotted.replace("__", "."), value)
    return data


# --- the sample profiles -------------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_profile_loads(path):
    profile = load_profile(path)
    assert isinstance(profile, Profile)
    assert profile.deliverables and profile.total_fees > 0


def test_there_is_a_sample_for_each_typical_freelancer():
    names = {p.stem for p in SAMPLES}
    assert {
        "designer-licence",
        "software-vendor-maintenance",
        "web-consultant",
        "virtual-assistant",
        "designer-reseller",
    } <= names


def test_samples_between_them_exercise_every_option():
    profiles = [load_profile(p) for p in SAMPLES]
    assert {p.relationship.type for p in profiles} == {"vendor", "consultant"}
    assert {p.ip.model for p in profiles} == {"licence", "assign_on_payment", "full_assignment"}
    assert {p.reseller.stance for p in profiles} == {"client_accounts", "reseller"}
    assert {p.communication.plan for p in profiles} == {"hourly", "maintenance"}
    assert {p.communication.increment_minutes for p in profiles} == {15, 30}
    assert {p.contacts.estimates_need_approval for p in profiles} == {True, False}
    assert {p.ip.buyout_percent is None for p in profiles} == {True, False}


def test_no_two_samples_describe_the_same_situation():
    def options(p: Profile) -> tuple:
        return (
            p.relationship.type,
            p.ip.model,
            p.reseller.stance,
            p.communication.plan,
            p.contacts.estimates_need_approval,
            p.communication.increment_minutes,
            p.law.country,
        )

    situations = [options(load_profile(p)) for p in SAMPLES]
    assert len(set(situations)) == len(situations)


def test_software_vendor_is_the_largest_sample():
    vendor = load_profile(SAMPLES_DIR / "software-vendor-maintenance.yaml")
    others = [load_profile(p) for p in SAMPLES if p.stem != "software-vendor-maintenance"]
    assert len(vendor.deliverables) >= 10
    assert len(vendor.contacts.authorised) >= 4
    assert len(vendor.reseller.accounts) >= 5
    assert all(len(vendor.deliverables) > len(o.deliverables) for o in others)
    assert vendor.communication.plan == "maintenance"
    assert vendor.contacts.approver.title == "Finance Director"
    assert (vendor.law.country, vendor.law.region) == ("GB", "England and Wales")


# --- validation errors name the field and the reason ---------------------------------------------

ERRORS = [
    # (field, bad value, reported path, plain reason)
    ("ip.buyout_percent", 5, "ip.buyout_percent", "must be between 20 and 100, got 5"),
    ("ip.buyout_percent", 101, "ip.buyout_percent", "must be between 20 and 100, got 101"),
    ("payment.deposit_percent", 150, "payment.deposit_percent", "must be between 0 and 100, got 150"),
    ("payment.late_fee_percent", 60, "payment.late_fee_percent", "must be between 0 and 50, got 60"),
    ("reseller.markup_percent", -1, "reseller.markup_percent", "must be between 0 and 100, got -1"),
    ("colour", "teal", "colour", "is not a known field (check the spelling)"),
    ("client.phone", "555-0100", "client.phone", "is not a known field (check the spelling)"),
    ("deliverables.0.cost", 10, "deliverables.0.cost", "is not a known field (check the spelling)"),
    ("deliverables.0.price", "abc", "deliverables.0.price", "must be a number, got 'abc'"),
    ("deliverables.0.price", 19.999, "deliverables.0.price", "must have at most 2 decimal places"),
    ("communication.hourly_rate", -5, "communication.hourly_rate", "must be at least 0, got -5"),
    ("deliverables.1.revisions", 21, "deliverables.1.revisions", "must be at most 20, got 21"),
    ("relationship.response_days", "five", "relationship.response_days", "must be a number, got 'five'"),
    ("ip.portfolio", "maybe", "ip.portfolio", "must be true or false, got 'maybe'"),
    ("client.name", 12345, "client.name", "must be text, got 12345"),
    ("law", "US", "law", "must be a group of fields"),
    ("exclusions", "none", "exclusions", "must be a list"),
    ("client", DELETE, "client", "is required"),
    ("client.name", DELETE, "client.name", "is required"),
    ("effective_date", DELETE, "effective_date", "is required"),
    ("deliverables.0.price", DELETE, "deliverables.0.price", "is required"),
    ("deliverables", [], "deliverables", "must have at least 1 item(s)"),
    ("relationship.type", "employee", "relationship.type",
     "must be one of 'vendor' or 'consultant', got 'employee'"),
    ("communication.increment_minutes", 20, "communication.increment_minutes",
     "must be one of 15 or 30, got 20"),
    ("communication.billable", ["calls", "calls"], "communication.billable", "lists an item twice"),
    ("communication.plan", "maintenance", "communication.maintenance_fee",
     "is required when the plan is maintenance"),
    ("contacts.estimates_need_approval", True, "contacts.approver",
     "is required when estimates need written approval"),
    ("ip.licence_scope", "", "ip.licence_scope", "is required when the model is licence"),
    ("ip.licence_scope", " \x01\x0b ", "ip.licence_scope", "is required when the model is licence"),
    ("client.email", "nope", "client.email",
     "must be an email address like name@example.com, got 'nope'"),
    ("contacts.primary.email", "priya@localhost", "contacts.primary.email",
     "must be an email address like name@example.com, got 'priya@localhost'"),
    ("currency", "XYZ", "currency", "must be a three-letter currency code such as USD or EUR, got 'XYZ'"),
    ("currency", "dollars", "currency",
     "must be a three-letter currency code such as USD or EUR, got 'dollars'"),
    ("effective_date", "01/12/2026", "effective_date", "must be a date like 2026-01-31, got '01/12/2026'"),
    ("effective_date", "2026-02-30", "effective_date", "must be a date like 2026-01-31, got '2026-02-30'"),
    ("deliverables.2.due", "next Friday", "deliverables.2.due",
     "must be a date like 2026-01-31, got 'next Friday'"),
    ("law.country", "us", "law.country", "must be one of 'US', 'GB', 'FR' or 'ES', got 'us'"),
    ("language", "de", "language", "must be one of 'en', 'fr' or 'es', got 'de'"),
    # length bounds: a one-line answer holds 200 characters, a text answer 2000
    ("project", "x" * 201, "project", "must be at most 200 characters"),
    ("client.address", "x" * 2001, "client.address", "must be at most 2000 characters"),
    ("project", "", "project", "must not be empty"),
    ("client.email", "", "client.email", "must not be empty"),
    ("client.signer_name", "\x01\x0b\x1f", "client.signer_name", "must not be empty"),
    ("ip.brand_assets", ["asset"] * 31, "ip.brand_assets", "must have at most 30 items"),
]


@pytest.mark.parametrize(
    ("field", "value", "path", "reason"),
    ERRORS,
    ids=[f"{field}={value!r:.20}" for field, value, _, _ in ERRORS],
)
def test_validation_error_names_the_field_and_the_reason(field, value, path, reason):
    data = set_field(raw_profile(), field, value)
    with pytest.raises(ProfileError) as caught:
        parse_profile(data)
    assert caught.value.problems == [(path, reason)]
    assert str(caught.value) == f"{path}: {reason}"


def test_every_problem_is_reported_at_once():
    problems = problems_of(
        with_changes(client__name=7, currency="XYZ", ip__buyout_percent=5, deliverables__0__price=-1)
    )
    assert {path for path, _ in problems} == {
        "client.name",
        "currency",
        "ip.buyout_percent",
        "deliverables.0.price",
    }


def test_a_profile_that_is_not_a_mapping_is_rejected_plainly():
    for data in ([1, 2], "a profile", None, 42):
        assert problems_of(data) == [("", "the profile must be a mapping of fields")]


def test_a_date_with_a_time_of_day_is_rejected_as_a_date():
    (problem,) = problems_of(with_changes(effective_date="2026-12-01T10:30:00"))
    assert problem[0] == "effective_date"
    assert problem[1].startswith("must be a date like 2026-01-31")


def test_an_approver_makes_approval_of_estimates_valid():
    data = with_changes(
        contacts__estimates_need_approval=True,
        contacts__approver={"name": "Ruth Abebe", "title": "Finance Director", "email": "ruth@example.com"},
    )
    assert parse_profile(data).contacts.approver.name == "Ruth Abebe"


def test_a_maintenance_plan_with_a_fee_is_valid():
    data = with_changes(communication__plan="maintenance", communication__maintenance_fee=900)
    assert parse_profile(data).communication.maintenance_fee == Decimal("900")


@pytest.mark.parametrize(
    ("field", "longest"),
    [("project", 200), ("client.name", 200), ("client.address", 2000), ("deliverables.0.description", 2000)],
)
def test_answers_up_to_the_length_limit_are_accepted(field, longest):
    profile = parse_profile(set_field(raw_profile(), field, "x" * longest))
    value = profile
    for part in field.split("."):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    assert value == "x" * longest


def test_fifty_deliverables_are_accepted_and_fifty_one_are_not():
    one = raw_profile()["deliverables"][0]
    assert len(parse_profile(with_changes(deliverables=[one] * 50)).deliverables) == 50
    assert problems_of(with_changes(deliverables=[one] * 51)) == [
        ("deliverables", "must have at most 50 items")
    ]


def test_currency_code_is_normalised_to_upper_case():
    assert parse_profile(with_changes(currency="eur")).currency == "EUR"


# --- text is cleaned at the boundary -------------------------------------------------------------

CLEANING = [
    # (field, answer, stored)
    ("client.name", "\x01\x0bAcme\x1f", "Acme"),
    ("client.name", "Acme\x00 Ltd", "Acme Ltd"),
    ("client.name", "A\ufffeB\uffff", "AB"),
    ("project", "\x08Brand\x0c refresh\x0e", "Brand refresh"),
    ("client.name", "  Acme\tTrading\nGroup  ", "Acme Trading Group"),
    ("client.address", "1 Road\r\nTown\x0c  \r\n\x00CA 94607\r", "1 Road\nTown\nCA 94607"),
    ("deliverables.0.description", "\x1bFirst line  \n\x02Second line\n", "First line\nSecond line"),
    ("exclusions.0", "\x0bPhotography\x0b", "Photography"),
    ("contacts.primary.name", "Dan\x1fiel", "Daniel"),
]


@pytest.mark.parametrize(("field", "answer", "stored"), CLEANING, ids=[c[0] for c in CLEANING])
def test_xml_illegal_control_characters_are_stripped(field, answer, stored):
    profile = parse_profile(set_field(raw_profile(), field, answer))
    value = profile
    for part in field.split("."):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    assert value == stored


def test_text_keeps_accents_emoji_and_right_to_left_script():
    name = "Café Ünïcode 🎨 شركة القهوة"
    assert parse_profile(with_changes(client__name=name)).client.name == name


# --- YAML traps, read from real files ------------------------------------------------------------


def write_variant(tmp_path: Path, old: str, new: str, suffix: str = ".yaml") -> Path:
    """The base sample with one line of its YAML replaced, written to a temporary file."""
    text = BASE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"profile{suffix}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_unquoted_country_code_no_gives_a_clear_error(tmp_path):
    # YAML 1.1 reads a bare NO as the boolean false.
    path = write_variant(tmp_path, 'country: "US"', "country: NO")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    ((field, reason),) = caught.value.problems
    assert field == "law.country"
    assert "'US', 'GB', 'FR' or 'ES'" in reason


def test_quoted_and_bare_dates_mean_the_same_day(tmp_path):
    path = write_variant(tmp_path, "effective_date: 2026-12-01", 'effective_date: "2026-12-01"')
    assert load_profile(path).effective_date == load_profile(BASE).effective_date == date(2026, 12, 1)


def test_an_impossible_bare_date_is_a_profile_error(tmp_path):
    # PyYAML builds bare dates itself, and an impossible one raises before validation starts.
    path = write_variant(tmp_path, "effective_date: 2026-12-01", "effective_date: 2026-02-30")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    # The user must be able to find the mistake: by field, by line, or by the value itself.
    assert any(clue in message for clue in ("effective_date", "line 3", "2026-02-30")), message


@pytest.mark.parametrize(
    ("old", "new", "path", "reason"),
    [
        ("hourly_rate: 95", "hourly_rate: 1,200", "communication.hourly_rate", "must be a number, got '1,200'"),
        ("deposit_percent: 30", "deposit_percent: 30%", "payment.deposit_percent", "must be a number, got '30%'"),
        ("portfolio: true", "portfolio: perhaps", "ip.portfolio", "must be true or false, got 'perhaps'"),
        ("language: en", "language: no", "language", "must be one of 'en', 'fr' or 'es', got False"),
    ],
    ids=["thousands-comma", "percent-sign", "not-a-boolean", "language-no"],
)
def test_yaml_traps_give_a_plain_error(tmp_path, old, new, path, reason):
    with pytest.raises(ProfileError) as caught:
        load_profile(write_variant(tmp_path, old, new))
    assert caught.value.problems == [(path, reason)]


def test_prices_written_as_yaml_decimals_add_up_exactly(tmp_path):
    text = BASE.read_text(encoding="utf-8")
    text = text.replace("price: 4800", "price: 0.10").replace("price: 3600", "price: 0.20")
    text = text.replace("price: 1600", "price: 1999.99")
    path = tmp_path / "cents.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_profile(path).total_fees == Decimal("2000.29")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("project: [unclosed\n", "is not valid YAML at line"),
        ("project: Brand\n  law: :\n", "is not valid YAML at line"),
        ("", "the profile must be a mapping of fields"),
        ("- just\n- a list\n", "the profile must be a mapping of fields"),
    ],
    ids=["unclosed-list", "bad-indent", "empty-file", "list"],
)
def test_unreadable_profiles_are_profile_errors(tmp_path, content, reason):
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert reason in str(caught.value)


def test_a_missing_file_is_a_profile_error(tmp_path):
    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(ProfileError) as caught:
        load_profile(missing)
    assert caught.value.problems == [("", f"no such file: {missing}")]


def test_a_json_profile_loads_like_its_yaml_twin(tmp_path):
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(raw_profile(), default=str), encoding="utf-8")
    assert load_profile(path) == load_profile(BASE)


def test_bad_json_is_named_as_json(tmp_path):
    path = tmp_path / "profile.json"
    path.write_text('{"project": ', encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert "is not valid JSON" in str(caught.value)


# --- computed values -----------------------------------------------------------------------------

COMPUTED = [
    # (sample, total_fees, buyout_price, deposit_amount)
    ("designer-licence", "10000", "4000.00", "3000.00"),
    ("software-vendor-maintenance", "70000", None, "14000.00"),
    ("web-consultant", "16700", "5010.00", "4175.00"),
    ("virtual-assistant", "1925.50", None, "0.00"),
    ("designer-reseller", "17850", "8925.00", "8925.00"),
]


@pytest.mark.parametrize(("sample", "total", "buyout", "deposit"), COMPUTED, ids=[c[0] for c in COMPUTED])
def test_fees_buyout_and_deposit_are_exact_decimals(sample, total, buyout, deposit):
    profile = load_profile(SAMPLES_DIR / f"{sample}.yaml")
    assert isinstance(profile.total_fees, Decimal)
    assert profile.total_fees == Decimal(total)
    if buyout is None:
        assert profile.buyout_price is None
    else:
        assert isinstance(profile.buyout_price, Decimal)
        assert str(profile.buyout_price) == buyout
    assert isinstance(profile.deposit_amount, Decimal)
    assert str(profile.deposit_amount) == deposit


def test_buyout_and_deposit_are_rounded_to_the_cent():
    prices = [{"title": f"Part {n}", "price": "333.33"} for n in range(3)]
    profile = parse_profile(
        with_changes(deliverables=prices, ip__buyout_percent=33, payment__deposit_percent="12.5")
    )
    assert profile.total_fees == Decimal("999.99")
    assert str(profile.buyout_price) == "330.00"  # 329.9967
    assert str(profile.deposit_amount) == "125.00"  # 124.99875


def test_first_milestone_is_the_first_deliverable():
    profile = load_profile(BASE)
    assert profile.first_milestone.title == "Logo and brand mark"


def test_a_key_given_twice_is_an_error_not_a_silent_overwrite(tmp_path):
    text = (SAMPLES_DIR / "designer-licence.yaml").read_text(encoding="utf-8")
    path = tmp_path / "twice.yaml"
    path.write_text(text.replace("    price: 4800\n", "    price: 4800\n    price: 48\n"), encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert "the key 'price' is given twice" in str(caught.value) and "line" in str(caught.value)


def test_a_buyout_price_is_refused_when_everything_is_assigned_anyway():
    data = with_changes(ip__model="full_assignment", ip__buyout_percent=40)
    assert problems_of(data) == [
        ("ip.buyout_percent", "does not apply to full_assignment, which already assigns the source files")]


def test_each_reason_keeps_its_template_and_values_for_translation():
    data = with_changes(ip__buyout_percent=5, communication__plan="maintenance")
    with pytest.raises(ProfileError) as caught:
        parse_profile(data)
    reasons = dict(caught.value.problems)
    buyout = reasons["ip.buyout_percent"]
    assert buyout.template == "must be between {low} and {high}, got {got}"
    assert buyout.template.format(**buyout.params) == buyout == "must be between 20 and 100, got 5"
    assert reasons["communication.maintenance_fee"].template == "is required when the plan is maintenance"
