"""The dated transition plan: dates and prices computed from the signed contract and its ending."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from conftest import ROOT, docx_text

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.html import render_html
from contracts.profile import ProfileError, load_profile
from contracts.transition import add_months, parse_ending, plan_exit


def sample(name: str):
    return load_profile(ROOT / "sample_profiles" / f"{name}.yaml")


@pytest.mark.parametrize("day, months, expected", [
    (date(2027, 1, 15), 1, date(2027, 2, 15)),
    (date(2027, 1, 31), 1, date(2027, 2, 28)),   # February is shorter
    (date(2028, 1, 31), 1, date(2028, 2, 29)),   # ... except in a leap year
    (date(2027, 11, 30), 3, date(2028, 2, 29)),  # across the year, into a leap February
    (date(2027, 12, 31), 2, date(2028, 2, 29)),
    (date(2027, 3, 31), 1, date(2027, 4, 30)),
    (date(2027, 10, 31), 3, date(2028, 1, 31)),
    (date(2028, 2, 29), 3, date(2028, 5, 29)),
])
def test_months_are_added_calendar_style_and_clamped_to_the_month_end(day, months, expected):
    assert add_months(day, months) == expected


# sample, (ended by, notice date, fees paid) -> handover, end of notice, service end, buyout, hourly rate
CASES = [
    # 30 days' notice, 2 months, licence with a 40% buyout: the buyout is 40% of what was paid.
    ("designer-licence", ("client", "2027-01-31", "6250.00"),
     date(2027, 2, 10), date(2027, 3, 2), date(2027, 3, 31), Decimal("2500.00"), Decimal("95")),
    # 2 months from December 31 lands on a leap February 29.
    ("designer-reseller", ("freelancer", "2027-12-31", "17850"),
     date(2028, 1, 10), date(2028, 1, 30), date(2028, 2, 29), Decimal("8925.00"), Decimal("90")),
    # 1 month from January 31 of a leap year; no buyout and no production advice in this contract.
    ("illustrator-france", ("client", "2028-01-31", "3333.33"),
     date(2028, 2, 15), date(2028, 2, 15), date(2028, 2, 29), None, None),
    # 90 days' notice outlasts 3 months from February 1: the later date wins. Full assignment: no buyout.
    ("software-vendor-maintenance", ("client", "2027-02-01", "70000"),
     date(2027, 2, 21), date(2027, 5, 2), date(2027, 5, 2), None, Decimal("85")),
    # 1 month from January 31 of a common year clamps to February 28.
    ("virtual-assistant", ("freelancer", "2027-01-31", "1925.50"),
     date(2027, 2, 5), date(2027, 2, 14), date(2027, 2, 28), None, None),
    # 30 days' notice from February 1 ends March 3, after the one month (March 1).
    ("web-consultant", ("client", "2027-02-01", "5010"),
     date(2027, 2, 11), date(2027, 3, 3), date(2027, 3, 3), Decimal("1503.00"), Decimal("120")),
]


@pytest.mark.parametrize("name, ending, handover, notice_end, service_end, buyout, hourly", CASES,
                         ids=[case[0] for case in CASES])
def test_each_sample_ended_on_a_date_gets_the_dates_and_prices_of_its_contract(
        name, ending, handover, notice_end, service_end, buyout, hourly):
    profile = sample(name)
    ended_by, notice, paid = ending
    plan = plan_exit(profile, parse_ending({"ended_by": ended_by, "notice_date": notice, "fees_paid": paid}, profile))
    assert plan.notice_date == date.fromisoformat(notice)
    assert (plan.handover_date, plan.notice_end_date, plan.service_end_date) == (handover, notice_end, service_end)
    assert plan.buyout_price == buyout
    assert plan.hourly_rate == hourly
    assert not plan.too_late(service_end) and plan.too_late(date.fromordinal(service_end.toordinal() + 1))


def dated(name: str, notice: str, paid: str, note: str = ""):
    profile = sample(name)
    ending = parse_ending({"ended_by": "client", "notice_date": notice, "fees_paid": paid, "note": note}, profile)
    return assemble(profile, "transition", extra={"exit": plan_exit(profile, ending)})


def test_the_dated_plan_states_the_computed_dates_and_the_buyout_on_fees_paid():
    text = docx_text(render_docx(dated("designer-licence", "2027-01-31", "6250")))
    for phrase in ("Dated plan: notice given on January 31, 2027",
                   "Notice to end the Agreement was given by the Client on January 31, 2027",
                   "Handover batch sent, at the latest | February 10, 2027",
                   "End of the notice period | March 2, 2027",
                   "Service end date | March 31, 2027",
                   "Every request received after March 31, 2027",
                   "One batch, by February 10, 2027",
                   "$2,500.00 (40% of the $6,250.00 of Fees paid)",
                   "Within 10 days of payment, if bought by March 31, 2027",
                   "The service end date is March 31, 2027: two months after the notice date"):
        assert phrase in text, phrase
    assert "$4,000.00" not in text  # the full-fees buyout does not apply: only $6,250 was paid


def test_the_dated_plan_is_issued_and_acknowledged_but_the_annex_has_no_signature_block():
    plan = docx_text(render_docx(dated("web-consultant", "2027-02-01", "5010")))
    assert "Issued by the Freelancer, acknowledged by the Client" in plan and "Signed for" in plan
    annex = docx_text(render_docx(assemble(sample("web-consultant"), "transition")))
    assert "Signed for" not in annex and "notice given on" not in annex
    assert "if bought by the service end date" in annex  # the offer is open on that day too, as the contract says


def test_a_plan_without_buyout_or_advice_says_so_with_its_dates():
    text = dated("illustrator-france", "2028-01-31", "3333.33").text()
    assert "Source Files: not for sale and not available." in text
    assert "does not offer production advice after the notice date" in text
    assert "The service end date is February 29, 2028" in text


def test_the_freelancers_note_is_printed_literally_in_docx_and_html():
    note = "Thanks! {{ client.name }} {% if x %} *not bold* | a | b |"
    contract = dated("designer-licence", "2027-01-31", "6250", note)
    assert f"Note from the Freelancer: {note}" in docx_text(render_docx(contract))
    assert "{{ client.name }} {% if x %} *not bold* | a | b |" in str(render_html(contract))


@pytest.mark.parametrize("answers, field, words", [
    ({"ended_by": "nobody"}, "ended_by", "must be one of"),
    ({"notice_date": "2027-02-30"}, "notice_date", "must be a date"),
    ({"notice_date": "2026-11-30"}, "notice_date", "must not be before the contract's effective date, 2026-12-01"),
    ({"fees_paid": "-1"}, "fees_paid", "must be at least 0"),
    ({"fees_paid": "12.345"}, "fees_paid", "at most 2 decimal places"),
    ({"fees_paid": "lots"}, "fees_paid", "must be a number"),
    ({"note": "x" * 2001}, "note", "at most 2000 characters"),
    ({"surprise": 1}, "surprise", "is not a known field"),
])
def test_a_bad_ending_names_the_field_and_why(answers, field, words):
    good = {"ended_by": "client", "notice_date": "2027-01-31", "fees_paid": "100"}
    with pytest.raises(ProfileError) as caught:
        parse_ending({**good, **answers}, sample("designer-licence"))
    assert [(path, words in reason) for path, reason in caught.value.problems] == [(field, True)]


def test_control_characters_in_the_note_are_removed_before_they_reach_a_document():
    profile = sample("designer-licence")
    ending = parse_ending({"ended_by": "client", "notice_date": "2027-01-31", "fees_paid": "1",
                           "note": "line\x00one\x0b"}, profile)
    assert ending.note == "lineone"


def test_a_number_from_a_form_is_named_plainly_in_the_error():
    with pytest.raises(ProfileError) as caught:
        parse_ending({"ended_by": "client", "notice_date": "2027-01-31", "fees_paid": Decimal("-3")},
                     sample("designer-licence"))
    assert str(caught.value) == "fees_paid: must be at least 0, got -3"
