"""Ending a signed contract: the dated plan computed from it, issued through the signing module, then
acknowledged (or commented on) by the client, with the same links, audit trail and certificate as a contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from conftest import docx_text
from web.ending import ENDING, issue, issue_and_send, plan_dates, signed_contract
from web.page import Page
from web.signing import BROWSER, client_link, freelancer_link, send, sign_as, stored
from web.test_mail import bodies, link_in
from web.test_mail import inbox, now, settings  # noqa: F401 - the same real SMTP server and clock as test_mail

from contracts.library import long_date
from webapp.extensions import db
from webapp.models import Ending, Envelope, Event

CLIENT = "ops@northwindcoffee.com"

# sample, the ending entered, and what the plan must say: (handover, notice end, service end, buyout, hourly rate)
PLANS = [
    pytest.param("designer-licence", {"notice_date": "2027-01-31", "fees_paid": "6000"},
                 ("2027-02-10", "2027-03-02", "2027-03-31", "2400.00", "95"), id="designer-licence"),
    pytest.param("web-consultant", {"notice_date": "2027-05-31", "fees_paid": "12000"},
                 ("2027-06-10", "2027-06-30", "2027-06-30", "3600.00", "120"), id="web-consultant"),
    pytest.param("illustrator-france", {"notice_date": "2028-01-31", "fees_paid": "10250"},
                 ("2028-02-15", "2028-02-15", "2028-02-29", None, None), id="illustrator-france-leap-year"),
    pytest.param("designer-reseller", {"notice_date": "2027-12-31", "fees_paid": "17850"},
                 ("2028-01-10", "2028-01-30", "2028-02-29", "8925.00", "90"), id="designer-reseller-leap-year"),
    pytest.param("software-vendor-maintenance", {"notice_date": "2027-02-01", "fees_paid": "70000"},
                 ("2027-02-21", "2027-05-02", "2027-05-02", None, "85"), id="software-vendor-notice-outlasts"),
    pytest.param("virtual-assistant", {"notice_date": "2027-01-31", "fees_paid": "1925.50"},
                 ("2027-02-05", "2027-02-14", "2027-02-28", None, None), id="virtual-assistant-month-end"),
]


def envelope_of(app, envelope_id: str) -> Envelope:
    with app.app_context():
        envelope = db.session.get(Envelope, envelope_id)
        db.session.expunge(envelope)
        return envelope


@pytest.mark.parametrize(("sample", "ending", "expected"), PLANS)
def test_the_plan_shows_the_dates_and_buyout_computed_from_the_notice_date_and_fees_paid(
        app, client, auth, sample, ending, expected):
    contract = signed_contract(client, auth, sample)
    form = Page(client.get(f"/envelopes/{contract}/end").text)
    total = sum(Decimal(d["price"]) for d in stored(app, contract)["envelope"].profile["deliverables"])
    assert Decimal(form.value("fees_paid")) == total

    preview = client.post(f"/envelopes/{contract}/end", data={**ENDING, **ending})
    assert preview.status_code == 200
    handover, notice_end, service_end, buyout, hourly = expected
    assert plan_dates(preview.text) == {
        "notice-date": ending["notice_date"], "handover-date": handover, "notice-end-date": notice_end,
        "service-end-date": service_end, "fees-paid": ending["fees_paid"], "buyout-price": buyout,
        "hourly-rate": hourly}
    language = stored(app, contract)["envelope"].language
    plan_html = Page(preview.text).text("main")
    assert long_date(date.fromisoformat(service_end), language) in plan_html

    plan_id = issue(client, contract, **ending)
    plan = stored(app, plan_id)["envelope"]
    assert (plan.kind, plan.parent_id, plan.status, plan.freelancer_first) == ("plan", contract, "draft", True)
    assert plan.profile == stored(app, contract)["envelope"].profile
    text = docx_text(plan.document)
    assert long_date(date.fromisoformat(service_end), language) in text
    assert long_date(date.fromisoformat(handover), language) in text
    with app.app_context():
        stored_ending = db.session.query(Ending).one()
        assert (stored_ending.envelope_id, stored_ending.ended_by, stored_ending.notice_date,
                stored_ending.fees_paid) == (contract, "client", date.fromisoformat(ending["notice_date"]),
                                             Decimal(ending["fees_paid"]))


@pytest.mark.parametrize(("data", "errors"), [
    ({"notice_date": "", "fees_paid": "6000"}, {"ended_by": "is required", "notice_date": "is required"}),
    ({"ended_by": "client", "notice_date": "2026-11-30", "fees_paid": "6000", "note": "Thanks"},
     {"notice_date": "must not be before the contract's effective date, 2026-12-01"}),
    ({"ended_by": "client", "notice_date": "2027-01-31", "fees_paid": "a lot", "note": "Thanks"},
     {"fees_paid": "Enter a number, like 1200 or 12.50."}),
    ({"ended_by": "freelancer", "notice_date": "2027-01-31", "fees_paid": "-5"},
     {"fees_paid": "must be at least 0"}),
])
def test_form_errors_appear_next_to_each_field_and_keep_the_input(app, client, auth, data, errors):
    contract = signed_contract(client, auth)
    for url in (f"/envelopes/{contract}/end", f"/envelopes/{contract}/end/issue"):
        response = client.post(url, data=data)
        assert response.status_code == 422
        page = Page(response.text)
        for name, message in errors.items():
            shown = page.text("ended_by") if name == "ended_by" else " ".join(page.errors(name))
            assert message in shown, (name, shown)
        for name, value in data.items():
            assert page.value(name) == value, name
    with app.app_context():
        assert db.session.query(Ending).count() == 0 and db.session.query(Envelope).count() == 1


def test_a_contract_that_is_not_signed_by_both_cannot_be_ended(app, client, auth):
    auth.register()
    contract_id = int(client.post("/contracts/new", data={"start": "designer-licence"})
                      .headers["Location"].split("/")[-1])
    envelope_id = send(client, contract_id)
    page = Page(client.get(f"/envelopes/{envelope_id}/end").text)
    assert "Only a contract signed by both parties can be ended" in page.text("refusal")
    assert page.find(name="notice_date") is None
    assert "End engagement" not in client.get(f"/envelopes/{envelope_id}").text
    assert client.post(f"/envelopes/{envelope_id}/end/issue", data=ENDING).status_code == 422
    with app.app_context():
        assert db.session.query(Ending).count() == 0 and db.session.query(Envelope).count() == 1


def test_another_freelancer_gets_404_on_every_route_of_an_ended_contract_and_its_plan(app, client, auth):
    from web.test_authorization import urls_naming

    contract = signed_contract(client, auth)
    plan, _link = issue_and_send(client, contract)
    auth.sign_out()
    auth.register("intruder@example.com")
    urls = urls_naming(app, "envelope_id", contract) + urls_naming(app, "envelope_id", plan)
    assert ("POST", f"/envelopes/{contract}/end/issue") in urls and ("GET", f"/envelopes/{contract}/end") in urls
    for method, url in urls:
        response = client.open(url, method=method, data={**ENDING, "reason": "mine now"})
        assert response.status_code == 404, (method, url, response.status_code)
    with app.app_context():
        assert db.session.query(Envelope).count() == 2 and db.session.get(Envelope, plan).status == "sent"


def test_the_client_gets_the_plan_link_by_email_and_a_tampered_link_is_refused(app, client, auth, inbox):
    contract = signed_contract(client, auth)
    plan, link = issue_and_send(client, contract)
    message = inbox.to(CLIENT)[-1]
    assert message["Subject"] == "Maya Lindqvist Design LLC sent you a transition plan to acknowledge"
    assert link_in(bodies(message)[0]) == link
    text = bodies(message)[0]
    assert "to acknowledge electronically" in text and "Read and acknowledge" in bodies(message)[1]
    assert "to sign" not in text and "signature" not in text
    for forged in (link[:-1] + ("A" if link[-1] != "A" else "B"), link.replace(".", "x", 1)):
        assert client.get(forged).status_code == 404
        assert client.post(f"{forged}/comment", data={"text": "hi"}).status_code == 404
    page = Page(client.get(link).text)
    assert page.text("sign-title") == "Acknowledge"
    assert page.find(href=f"{link}/decline") is None and page.find(href=f"{link}/comment") is not None
    assert client.get(f"{link}/decline").headers["Location"] == link


def test_a_comment_goes_on_the_audit_trail_to_the_freelancer_and_leaves_the_plan_open(app, client, auth, inbox):
    contract = signed_contract(client, auth)
    plan, link = issue_and_send(client, contract)
    client.get(link)
    response = client.post(f"{link}/comment", data={"text": "The handover is too late for our launch."},
                           headers={"User-Agent": BROWSER})
    assert response.headers["Location"] == link
    assert client.post(f"{link}/comment", data={"text": ""}).status_code == 422
    facts = stored(app, plan)
    assert facts["status"] == "viewed"
    assert facts["events"] == ["created", "issued", "sent", "emailed", "viewed", "commented", "emailed"]
    with app.app_context():
        event = db.session.query(Event).filter_by(envelope_id=plan, kind="commented").one()
        assert event.detail == {"text": "The handover is too late for our launch."} and event.actor == "client"
    assert "0 altered" not in (result := app.test_cli_runner().invoke(args=["envelopes", "check", plan])).output
    assert result.exit_code == 0 and "intact" in result.output
    [notice] = [m for m in inbox.to("maya@example.com") if "commented" in m["Subject"]]
    assert notice["Subject"].startswith("Daniel Okafor commented on Transition Plan: Brand identity")
    assert "The handover is too late for our launch." in bodies(notice)[0]
    page = Page(client.get(f"/envelopes/{plan}").text)
    assert "The handover is too late for our launch." in page.text("comments")
    assert Page(client.get(link).text).find(id="typed_name") is not None


def test_acknowledging_completes_the_plan_with_a_certificate_that_the_verify_page_accepts(app, client, auth, inbox):
    contract = signed_contract(client, auth)
    plan, link = issue_and_send(client, contract)
    assert "I agree to use electronic records for this transition plan" in Page(client.get(link).text).text("sign")
    response = sign_as(client, link, "Daniel Okafor")
    assert response.headers["Location"] == link
    facts = stored(app, plan)
    assert facts["status"] == "completed"
    assert facts["events"][:5] == ["created", "issued", "sent", "emailed", "viewed"]
    assert "acknowledged" in facts["events"] and "signed" not in facts["events"]
    envelope = facts["envelope"]
    downloaded = client.get(f"{link}/download/signed")
    assert downloaded.data == envelope.signed_document
    import hashlib
    assert hashlib.sha256(downloaded.data).hexdigest() == envelope.signed_hash
    text = docx_text(downloaded.data)
    assert "Daniel Okafor (Acknowledged electronically)" in text
    assert "Freelancer Signer (Issued electronically)" in text
    assert "Certificate of issue and acknowledgment" in text
    assert f"Transition Plan: {envelope.profile['project']}" in text
    assert "Issued" in text and "Acknowledged" in text
    certificate = docx_text(client.get(f"{link}/download/certificate").data)
    assert "Certificate of issue and acknowledgment" in certificate and envelope.verification_code in certificate
    status = Page(client.get(link).text)
    assert "Issued and acknowledged" in status.text("outcome")
    assert client.get(f"/envelopes/{plan}/download/signed").data == envelope.signed_document
    verdict = Page(client.post("/verify", data={"code": envelope.verification_code}).text).text("verdict")
    assert "This code is genuine" in verdict and "Transition plan" in verdict
    import io
    upload = client.post("/verify", data={"document": (io.BytesIO(envelope.signed_document), "plan.docx")},
                         content_type="multipart/form-data")
    assert "Genuine and unaltered" in Page(upload.text).text("verdict")
    subjects = [m["Subject"] for m in inbox.messages]
    assert f"Daniel Okafor acknowledged {envelope.title}" in subjects
    assert subjects.count(f"Issued and acknowledged: {envelope.title}") == 2
    for message in inbox.messages[-3:]:
        assert "signed" not in bodies(message)[0] and "acknowledged" in bodies(message)[0]
    with app.app_context():
        signature = db.session.get(Envelope, plan).signer("client").signature
        assert signature.document_hash == envelope.document_hash and len(signature.consent_hash) == 64
        contract_signature = db.session.get(Envelope, contract).signer("client").signature
        assert signature.consent_hash != contract_signature.consent_hash


def test_reissuing_withdraws_the_open_plan_and_an_acknowledged_plan_locks_the_ending(app, client, auth):
    contract = signed_contract(client, auth)
    first, old_link = issue_and_send(client, contract)
    form = Page(client.get(f"/envelopes/{contract}/end").text)
    assert form.value("notice_date") == ENDING["notice_date"] and form.find(id="waiting") is not None
    second, link = issue_and_send(client, contract, notice_date="2027-02-28", fees_paid="8000")
    assert stored(app, first)["status"] == "voided"
    assert client.get(old_link).status_code == 410
    with app.app_context():
        ending = db.session.query(Ending).one()
        assert (ending.notice_date, ending.fees_paid) == (date(2027, 2, 28), Decimal("8000.00"))
        event = db.session.query(Event).filter_by(envelope_id=first, kind="voided").one()
        assert event.detail == {"replaced_by": second}
    sign_as(client, link)
    assert stored(app, second)["status"] == "completed"
    page = Page(client.get(f"/envelopes/{contract}/end").text)
    assert "can no longer be changed" in page.text("settled") and page.find(name="notice_date") is None
    assert client.post(f"/envelopes/{contract}/end/issue", data=ENDING).status_code == 422
    with app.app_context():
        assert db.session.query(Envelope).filter_by(kind="plan").count() == 2
        assert db.session.query(Ending).one().notice_date == date(2027, 2, 28)
    show = Page(client.get(f"/envelopes/{contract}").text)
    assert "Ended by the client" in show.text("ending") and "Acknowledged" in show.text("plans")
    assert "Withdrawn" in show.text("plans")
    dashboard = client.get("/").text
    assert "Ended" in dashboard and "Notice given on Feb 28, 2027" in dashboard


def test_the_freelancer_issues_from_their_own_signing_page(app, client, auth, inbox):
    contract = signed_contract(client, auth)
    plan = issue(client, contract)
    page = Page(client.get(freelancer_link(client, plan)).text)
    assert page.text("sign-title") == "Issue the plan" and page.find(name="typed_name") is not None
    assert inbox.to(CLIENT)[-1]["Subject"] != "Maya Lindqvist Design LLC sent you a transition plan to acknowledge"
    shown = Page(client.get(f"/envelopes/{plan}").text)
    assert "Waiting for you to issue it" in shown.text("main") and shown.find(id="sign-link") is None
    sign_as(client, freelancer_link(client, plan), "Maya Lindqvist")
    assert stored(app, plan)["status"] == "sent"
    assert client_link(client, plan).startswith("/sign/")


def test_a_plan_acknowledged_while_a_new_one_is_issued_keeps_the_ending(app, client, auth):
    from sqlalchemy import update

    from contracts.profile import parse_profile
    from contracts.transition import parse_ending, plan_exit
    from webapp.envelopes.freeze import Settled, issue_plan

    contract = signed_contract(client, auth)
    first, _link = issue_and_send(client, contract)
    with app.app_context():
        parent = db.session.get(Envelope, contract)
        assert [plan.status for plan in parent.plans] == ["sent"]
        # The client acknowledges between the freelancer's page load and their new plan.
        db.session.execute(update(Envelope).where(Envelope.id == first).values(status="completed")
                           .execution_options(synchronize_session=False))
        profile = parse_profile(parent.profile)
        with pytest.raises(Settled):
            issue_plan(parent, profile, plan_exit(profile, parse_ending(ENDING, profile)))
        db.session.rollback()


def test_withdrawing_an_issued_plan_speaks_of_the_plan_and_stops_the_clients_link(app, client, auth):
    contract = signed_contract(client, auth)
    plan, link = issue_and_send(client, contract)
    page = Page(client.get(f"/envelopes/{plan}/void").text).text("main")
    assert "Withdraw this transition plan?" in page and "contract" not in page
    response = client.post(f"/envelopes/{plan}/void", data={"reason": "Wrong notice date"}, follow_redirects=True)
    assert "the plan was withdrawn" in response.text and "contract was withdrawn" not in response.text
    assert stored(app, plan)["status"] == "voided" and stored(app, contract)["status"] == "completed"
    assert client.get(link).status_code == 410


def test_under_a_full_assignment_the_preview_says_the_source_files_are_already_the_clients(app, client, auth):
    contract = signed_contract(client, auth, "software-vendor-maintenance")
    preview = client.post(f"/envelopes/{contract}/end", data={**ENDING, "fees_paid": "70000"})
    facts = Page(preview.text).text("plan-dates")
    assert "None: the source files belong to the client once the fees are paid" in facts
    assert "No buyout under this contract" not in facts
