"""The English clause library: each interview answer puts the right clause in the document.

Every test builds a real DOCX from the designer sample with one answer changed, reads it back with
python-docx (paragraphs and table cells) and checks that the promised text is there and that the
text of the other option is not.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from contracts.assemble import assemble
from contracts.html import render_html
from contracts.library import check_library, load_library
from contracts.profile import load_profile

from answers import BASE, assert_says, changed, text

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_profiles").glob("*.yaml"))

APPROVER = {"name": "Martin Crowe", "title": "Finance Director", "email": "martin@northwindcoffee.com"}
FRANCE = {"country": "FR", "venue": "the courts of Lyon, France"}
BRITAIN = {"country": "GB", "venue": "the courts of England and Wales"}
SPAIN = {"country": "ES", "venue": "the courts of Madrid, Spain"}


def profile(**changes):
    """The designer sample with some answers changed."""
    return changed(BASE, **changes)


@lru_cache(maxsize=None)
def sample_text(name: str, document: str) -> str:
    return text(load_profile(ROOT / "sample_profiles" / name), document)


# -- the library itself ------------------------------------------------------------------------


def test_clause_library_passes_its_own_check():
    assert check_library(load_library()) == []


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("document", ["contract", "transition"])
def test_every_sample_builds_a_complete_document_without_placeholders(sample, document):
    body = sample_text(sample.name, document)
    assert_says(body, (), ("{{", "{%", "}}", "[insert", "TODO", "None", "  "))
    assert not re.search(r"\.\.(?!\.)", body), "a sentence ends with two full stops"
    assert not re.search(r"\w\(", body), "a parenthesis is glued to the word before it"


def test_html_preview_says_what_the_docx_says():
    answers = profile()
    html = str(render_html(assemble(answers)))
    for phrase in ("Client direction and approvals", "Buying the Source Files", "Service end date"):
        assert phrase in html and phrase in text(answers)


# -- parties and relationship ------------------------------------------------------------------


def test_definitions_name_the_parties_and_define_source_files():
    assert_says(text(profile()), (
        '"Freelancer" means Maya Lindqvist Design LLC',
        '"Client" means Northwind Coffee Roasters, Inc.',
        'This Agreement takes effect on December 1, 2026 (the "Effective Date")',
        '"Project" means Brand identity for Northwind Coffee Roasters',
        '"Fees" means the prices of the Deliverables stated in the Deliverables table, $10,000.00 in total',
        "layered and editable working files",
        "the vector originals of custom illustrations, and code repositories",
    ))


VENDOR = ("The Client directs the Project.", "The specification is fixed when this Agreement is signed.",
          "within 5 Business Days of receiving it, either approve it in writing")
CONSULTANT = ("Within the brief, the Freelancer decides how to carry out the work",
              "within 5 Business Days of the Freelancer's request", "Early exit after the first milestone")


@pytest.mark.parametrize("kind, present, absent", [
    ("vendor", VENDOR, CONSULTANT),
    ("consultant", CONSULTANT, VENDOR),
])
def test_relationship_type_chooses_who_decides(kind, present, absent):
    assert_says(text(profile(relationship__type=kind)), present, absent)


def test_consultant_contract_offers_early_exit_after_first_milestone():
    body = text(profile(relationship__type="consultant", relationship__response_days=7))
    assert_says(body, (
        "The first milestone is the first Deliverable, Logo and brand mark, due on January 15, 2027.",
        "If either party finds that expectations diverge, it may end this Agreement by written notice "
        "given within 7 Business Days after the first milestone is delivered.",
        "The Client pays for the work done: the price of the first milestone",
    ))


@pytest.mark.parametrize("kind", ["vendor", "consultant"])
def test_both_relationships_state_independent_contractor_status(kind):
    assert_says(text(profile(relationship__type=kind)),
                ("The Freelancer is an independent contractor, not an employee",))


# -- scope, changes and fees -------------------------------------------------------------------


def test_deliverables_table_lists_title_format_due_date_revisions_and_price():
    body = text(profile())
    assert_says(body, ("Deliverable", "Revision rounds", "Logo and brand mark", "AI, EPS, SVG, PDF, PNG",
                       "January 15, 2027", "$4,800.00", "Brand guidelines", "$10,000.00"))


@pytest.mark.parametrize("exclusions, present, absent", [
    (["Photography"], ("The following are not part of the Project", "Photography"), ()),
    ([], (), ("The following are not part of the Project",)),
])
def test_exclusions_are_listed_only_when_there_are_some(exclusions, present, absent):
    assert_says(text(profile(exclusions=exclusions)), present, absent)


def test_out_of_scope_work_is_quoted_in_writing_before_it_starts():
    assert_says(text(profile()), (
        "the Freelancer will first send a written quote",
        "The Freelancer will not start the work until the quote has been approved in writing",
        "Unused revision rounds do not carry over",
    ))


@pytest.mark.parametrize("deposit, present, absent", [
    (30, ("deposit of 30% of the Fees, that is $3,000.00",), ()),
    (0, (), ("deposit of",)),
])
def test_deposit_appears_only_when_asked_for(deposit, present, absent):
    assert_says(text(profile(payment__deposit_percent=deposit)), present, absent)


@pytest.mark.parametrize("days, present, absent", [
    (15, ("payable within 15 days of the invoice date",), ("payable on receipt",)),
    (0, ("Invoices are payable on receipt",), ("days of the invoice date",)),
])
def test_invoice_terms_follow_invoice_days(days, present, absent):
    assert_says(text(profile(payment__invoice_days=days)), present, absent)


@pytest.mark.parametrize("fee, period, present, absent", [
    (1.5, "month", ("interest at 1.5% per month",), ("does not charge contractual interest",)),
    (8, "year", ("interest at 8% per year",), ("does not charge contractual interest",)),
    (0, "month", ("does not charge contractual interest",), ("bears interest",)),
])
def test_late_payment_interest_follows_the_late_fee(fee, period, present, absent):
    body = text(profile(payment__late_fee_percent=fee, payment__late_fee_period=period))
    assert_says(body, present + ("Suspension of work",), absent)


# -- communication and support -----------------------------------------------------------------

BILLED = {
    "calls": "phone and video calls",
    "email": "email and messages beyond those routine exchanges, such as answering questions, reviewing "
             "documents or coordinating with third parties",
    "meetings": "meetings, in person or online",
    "training": "training the Client's staff or contractors to use the Deliverables",
    "troubleshooting": "troubleshooting problems outside the Freelancer's work, such as problems in the Client's "
                       "systems or in third-party software or services, or problems caused by changes made by others",
}
FREE = {
    "calls": "phone and video calls about the Project",
    "email": "email and messages about the Project",
    "meetings": "meetings about the Project, in person or online",
    "training": "a reasonable introduction to using the Deliverables",
    "troubleshooting": "reasonable help in finding the cause of problems that arise where the Deliverables are "
                       "used, even when they are not caused by the Freelancer's work",
}


@pytest.mark.parametrize("item", sorted(BILLED))
def test_each_billable_item_is_billed_only_when_chosen(item):
    billed = text(profile(communication__billable=[item])).splitlines()
    assert BILLED[item] in billed and FREE[item] not in billed
    assert "The following are not included in the Fees and are billed at the Hourly Rate of $95.00 per hour:" in billed
    free = text(profile(communication__billable=[other for other in BILLED if other != item])).splitlines()
    assert FREE[item] in free and BILLED[item] not in free
    assert "The following are included in the Fees and not billed separately:" in free


def test_nothing_billable_means_communication_is_included():
    assert_says(text(profile(communication__billable=[])),
                ("Phone and video calls, email and messages, meetings", "are included in the Fees"),
                ("Billable communication and support",))


@pytest.mark.parametrize("minutes", [15, 30])
def test_time_is_billed_in_the_chosen_increment(minutes):
    other = 45 - minutes
    assert_says(text(profile(communication__increment_minutes=minutes)),
                (f"in {minutes}-minute increments", f"rounded up to the next full {minutes} minutes"),
                (f"in {other}-minute increments",))


@pytest.mark.parametrize("free, present, absent", [
    (15, ("A request that takes 15 minutes or less is free.",), ("There is no free allowance",)),
    (0, ("There is no free allowance: every request is billed from the first minute",), ("or less is free",)),
])
def test_free_threshold_per_request(free, present, absent):
    assert_says(text(profile(communication__free_minutes=free)), present, absent)


HOURLY = ("There is no retainer or monthly plan.",)
MAINTENANCE = ("Maintenance plan", "flat fee of $400.00 per month, invoiced monthly in advance")


@pytest.mark.parametrize("changes, present, absent", [
    ({"communication__plan": "hourly"}, HOURLY, MAINTENANCE),
    ({"communication__plan": "maintenance", "communication__maintenance_fee": 400,
      "communication__maintenance_hours": 4},
     MAINTENANCE + ("The plan includes up to 4 hours per month", "Time beyond the included hours is billed "
                    "at the Hourly Rate"), HOURLY),
    ({"communication__plan": "maintenance", "communication__maintenance_fee": 400},
     MAINTENANCE + ("without a fixed number of hours",), HOURLY + ("The plan includes up to",)),
])
def test_support_plan_is_hourly_or_a_flat_monthly_maintenance_fee(changes, present, absent):
    assert_says(text(profile(**changes)), present, absent)


# -- contacts and approvals --------------------------------------------------------------------


def test_primary_contact_and_authorised_contacts_are_named():
    assert_says(text(profile()), (
        "The Client's primary contact for the Project is Daniel Okafor, Chief Executive Officer",
        "Priya Raman, Marketing Manager, priya@northwindcoffee.com",
        "Requests from anyone other than the primary contact or an authorised contact",
        "need the primary contact's approval before the Freelancer starts any billable work",
    ))


def test_without_authorised_contacts_only_the_primary_contact_may_ask():
    assert_says(text(profile(contacts__authorised=[])),
                ("Requests from anyone other than the primary contact, including",),
                ("Authorised contacts", "or an authorised contact"))


APPROVAL = ("Written approval of estimates",
            "The work starts only after Martin Crowe, Finance Director, has approved the estimate in writing.",
            "The Freelancer sends its estimates to martin@northwindcoffee.com.")
NO_APPROVAL = ("does not need a written approval of an estimate",)


@pytest.mark.parametrize("changes, present, absent", [
    ({"contacts__estimates_need_approval": True, "contacts__approver": APPROVER}, APPROVAL, NO_APPROVAL),
    ({"contacts__estimates_need_approval": False}, NO_APPROVAL, APPROVAL),
])
def test_estimates_need_written_approval_by_the_named_approver_only_when_chosen(changes, present, absent):
    assert_says(text(profile(**changes)), present, absent)


# -- third-party accounts ----------------------------------------------------------------------

CLIENT_ACCOUNTS = ("Accounts held by the Client", "The Client is the account holder",
                   "the Client gives the Freelancer its own user account",
                   "The Freelancer's administration of these accounts", "Pacific Print Co.")
RESELLER = ("resells them to the Client", "markup of 15%", "are the Freelancer's confidential know-how",
            "Chosen by the Freelancer (confidential)")
RESELLER_ANSWERS = {"stance": "reseller", "markup_percent": 15,
                    "accounts": [{"service": "printer", "provider": "Pacific Print Co.", "holder": "freelancer"}]}


@pytest.mark.parametrize("answers, present, absent", [
    (BASE["reseller"], CLIENT_ACCOUNTS, RESELLER),
    (RESELLER_ANSWERS, RESELLER, CLIENT_ACCOUNTS),
])
def test_reseller_stance_decides_who_holds_third_party_accounts(answers, present, absent):
    assert_says(text(profile(reseller=answers)), present, absent)


def test_reseller_without_markup_sells_at_cost():
    assert_says(text(profile(reseller={"stance": "reseller"})),
                ("at its cost, without any markup",), ("markup of",))


@pytest.mark.parametrize("vault, shown", [
    ("", "through a shared password manager"),
    ('Bitwarden vault "Northwind"', 'through Bitwarden vault "Northwind"'),
])
def test_credentials_go_through_the_named_vault_or_a_shared_password_manager(vault, shown):
    for document in ("contract", "transition"):
        assert_says(text(profile(reseller__vault=vault), document),
                    (shown, "never sent by plain email"))


def test_credentials_are_handed_over_once_through_a_secure_channel():
    assert_says(text(profile()), ("the Freelancer hands them over once, through that secure channel",))


# -- intellectual property ---------------------------------------------------------------------

LICENCE = ("Copyright and licence", "The Freelancer keeps the copyright",
           "use of the final deliverables to identify and promote the client's coffee business")
ASSIGN = ("Ownership of the final Deliverables",
          "assigns to the Client the copyright and all other intellectual property rights in the final Deliverables",
          "the copyright in custom illustrations made for the Project")
FULL = ("Assignment of all rights", "in everything it creates for the Project: the Deliverables and the Source Files",
        "Pre-existing Materials are not assigned.")


@pytest.mark.parametrize("model, present, absent", [
    ("licence", LICENCE, ASSIGN + FULL),
    ("assign_on_payment", ASSIGN, LICENCE + FULL),
    ("full_assignment", FULL, LICENCE + ASSIGN),
])
def test_ip_model_decides_who_owns_the_work(model, present, absent):
    buyout = None if model == "full_assignment" else 40
    assert_says(text(profile(ip__model=model, ip__buyout_percent=buyout)), present, absent)


@pytest.mark.parametrize("exclusive, present, absent", [
    (True, ("The licence is exclusive",), ("The licence is non-exclusive",)),
    (False, ("The licence is non-exclusive",), ("The licence is exclusive",)),
])
def test_licence_is_exclusive_only_when_chosen(exclusive, present, absent):
    assert_says(text(profile(ip__licence_exclusive=exclusive)), present, absent)


BUYOUT = ("Buying the Source Files", "for 40% of the Fees paid under this Agreement",
          "once all the Fees are paid, that is $4,000.00")
NOT_FOR_SALE = ("The Source Files are not for sale.",)


@pytest.mark.parametrize("model", ["licence", "assign_on_payment"])
@pytest.mark.parametrize("buyout, present, absent", [
    (40, BUYOUT, NOT_FOR_SALE),
    (None, NOT_FOR_SALE, BUYOUT),
])
def test_source_files_are_for_sale_only_at_the_buyout_price(model, buyout, present, absent):
    assert_says(text(profile(ip__model=model, ip__buyout_percent=buyout)), present, absent)


def test_full_assignment_hands_over_source_files_without_a_buyout():
    body = text(profile(ip__model="full_assignment", ip__buyout_percent=None))
    assert_says(body, ("The Source Files belong to the Client once the Fees are paid in full.",),
                BUYOUT + NOT_FOR_SALE)


def test_buyout_price_appears_in_transition_plan():
    assert_says(text(profile(), "transition"), ("40% of the Fees paid ($4,000.00 if all the Fees are paid)",))
    assert_says(text(profile(ip__buyout_percent=None), "transition"),
                ("Source Files: not for sale and not available.",), ("$4,000.00",))


@pytest.mark.parametrize("logo, present, absent", [
    (True, ("the final logo is always delivered in vector formats (SVG, EPS and PDF)",), ()),
    (False, (), ("the final logo",)),
])
def test_final_logo_is_always_delivered_in_vector_formats(logo, present, absent):
    assert_says(text(profile(ip__logo=logo)), present, absent)


@pytest.mark.parametrize("field, items, heading", [
    ("brand_assets", ["Colour palette", "Packaging illustrations"], "The following are the Client's brand assets"),
    ("pre_existing", ['Hand-lettered alphabet "Tidewater"'], "Pre-existing Materials, which include:"),
])
def test_brand_assets_and_pre_existing_materials_are_listed_when_present(field, items, heading):
    assert_says(text(profile(**{f"ip__{field}": items})), (heading, *items))
    assert_says(text(profile(**{f"ip__{field}": []})), (), (heading, *items))


PORTFOLIO = ("The Freelancer may show the final Deliverables",)
NO_PORTFOLIO = ("The Freelancer will not show, publish or describe the Deliverables",)


@pytest.mark.parametrize("portfolio, present, absent", [
    (True, PORTFOLIO, NO_PORTFOLIO),
    (False, NO_PORTFOLIO, PORTFOLIO),
])
def test_portfolio_use_only_with_the_clients_consent_when_switched_off(portfolio, present, absent):
    assert_says(text(profile(ip__portfolio=portfolio)), present, absent)


KEPT = ("cannot be waived or transferred", "They remain with the author of the Deliverables")
WAIVED = ("the Freelancer waives its moral rights",)


@pytest.mark.parametrize("law, present, absent", [
    (FRANCE, KEPT, WAIVED),
    (SPAIN, KEPT, WAIVED),
    (BRITAIN, WAIVED, KEPT),
    (BASE["law"], WAIVED, KEPT),
])
def test_moral_rights_stay_with_the_author_under_civil_law(law, present, absent):
    assert_says(text(profile(law=law)), present, absent)


# -- termination, exit and law -----------------------------------------------------------------


@pytest.mark.parametrize("days, present, absent", [
    (30, ("by giving the other 30 days' written notice",), ("ends when the notice is received. ",)),
    (0, ("for any reason, by written notice. The Agreement then ends when the notice is received.",),
     ("by giving the other",)),
])
def test_termination_for_convenience_uses_the_notice_period(days, present, absent):
    body = text(profile(termination__notice_days=days))
    assert_says(body, present + ("Termination for breach", "Termination for non-payment",
                                 "Whatever the reason this Agreement ends, the Client pays for the work done"), absent)


def test_exit_hands_over_shipped_work_and_credentials_once_and_free():
    body = text(profile(termination__handover_days=12, termination__service_end_months=3))
    assert_says(body, (
        "Within 12 days after notice is given, the Freelancer hands over to the Client, once, in one batch "
        "and free of charge:",
        "The service end date is three months after the day on which notice to end this Agreement is given",
        "After it, the Freelancer declines all requests",
        "the Transition Plan annexed to this Agreement",
    ))


ADVICE = ("If the Client asks, the Freelancer will advise the Client or its new provider",)
NO_ADVICE = ("The Freelancer does not offer production advice",)


@pytest.mark.parametrize("advice, present, absent", [
    (True, ADVICE, NO_ADVICE),
    (False, NO_ADVICE, ADVICE),
])
def test_production_advice_is_optional_and_billed_hourly_when_offered(advice, present, absent):
    assert_says(text(profile(termination__production_advice=advice)), present, absent)


@pytest.mark.parametrize("law, present, absent", [
    (BASE["law"], ("governed by the laws of the State of California", 'not "works made for hire"'),
     ("England and Wales", "French law")),
    (BRITAIN, ("governed by the law of England and Wales", "does not own the copyright in the Deliverables "
               "merely because it commissioned or paid for them"), ("State of", "works made for hire")),
    (FRANCE, ("governed by French law", "the courts of Lyon, France"), ("works made for hire", "No work made for hire")),
    (SPAIN, ("governed by Spanish law", "the courts of Madrid, Spain"), ("works made for hire", "No work made for hire")),
])
def test_governing_law_and_venue_follow_the_country(law, present, absent):
    assert_says(text(profile(law=law)), present, absent)


def test_general_provisions_cover_notices_severability_and_electronic_signature():
    assert_says(text(profile()), (
        "Entire agreement", "This Agreement can be changed only in writing",
        "to the Freelancer: maya@lindqvist.design", "to the Client: ops@northwindcoffee.com",
        "Severability and waiver", "may be signed electronically and in counterparts",
    ))


# -- the transition plan -----------------------------------------------------------------------


def test_transition_plan_schedule_follows_the_options():
    plan = text(profile(), "transition")
    assert_says(plan, (
        "Handover schedule", "One batch, within 10 days of the notice date", "Free",
        "$95.00 per hour", "The Client already holds its accounts",
        "Service end date: two months after the notice date",
    ), ("Not offered",))
    other = text(profile(termination__production_advice=False, reseller=RESELLER_ANSWERS,
                         ip__model="full_assignment", ip__buyout_percent=None), "transition")
    assert_says(other, ("Not offered", "Products and services the Freelancer resells stop",
                        "Supplier identities and production specifications", "Included in the Fees"),
                ("The Client already holds its accounts", "$4,000.00"))


def test_transition_plan_lists_accounts_and_who_holds_them():
    plan = text(profile(), "transition")
    assert_says(plan, ("Accounts and who holds them", "Pacific Print Co.", "Stays with the Client"))
    resold = text(profile(reseller=RESELLER_ANSWERS), "transition")
    assert_says(resold, ("Chosen by the Freelancer (confidential)", "Stays with the Freelancer"),
                ("Pacific Print Co.",))


def test_consultant_transition_plan_covers_the_early_exit():
    assert_says(text(profile(relationship__type="consultant"), "transition"),
                ("early exit after the first milestone (Logo and brand mark)",))
