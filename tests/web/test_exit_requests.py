"""The request log after exit: the freelancer logs what the former client asks, and the page says which
clause of the signed contract covers it, the outcome in plain words, the price, and a reply draft in the
contract's language that quotes the clause."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from web.ending import ENDING, issue, signed_contract, signed_contract_in
from web.page import Page
from web.signing import stored

from contracts.assemble import assemble
from contracts.profile import parse_profile
from webapp.extensions import db
from webapp.models import Envelope, ExitRequest

TODAY = date(2027, 6, 1)  # the designer-licence ending: notice Jan 31, 2027, service end Mar 31, 2027


@pytest.fixture
def today(app):
    """The app's clock set to TODAY, after the contract was signed and ended."""
    def set_clock():
        app.config["CLOCK"] = lambda: datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=UTC).timestamp()
    return set_clock


def ended(client, auth, today, sample: str = "designer-licence", **ending: str) -> str:
    """A signed contract whose ending (and plan) is recorded, with the clock set to TODAY; its envelope id."""
    contract = signed_contract(client, auth, sample)
    issue(client, contract, **ending)
    today()
    return contract


def log(client, contract: str, text: str, received: str = "2027-02-20", topic: str = ""):
    return client.post(f"/envelopes/{contract}/requests", data={"received_on": received, "text": text, "topic": topic})


def logged(client, contract: str, text: str, **kwargs) -> dict:
    """Log a request (post/redirect/get) and read the newest entry of the log as the page shows it."""
    response = log(client, contract, text, **kwargs)
    assert response.status_code in (302, 303), response.text[:3000]
    assert response.headers["Location"] == f"/envelopes/{contract}/requests"
    page = Page(client.get(response.headers["Location"]).text)
    entry = next(e for e in page.elements if e["tag"] == "article")
    key = entry["attrs"]["id"]
    price = page.find(id=f"{key}-price")
    return {"text": page.text(f"{key}-text"), "outcome": page.find(id=f"{key}-outcome")["attrs"]["value"],
            "outcome_words": page.text(f"{key}-outcome"), "clause": page.text(f"{key}-clause"),
            "price": price["attrs"]["value"] if price else None, "price_words": page.text(f"{key}-price"),
            "reply": page.find(id=f"{key}-reply")["text"].strip(), "page": page}


def clause(app, contract: str, clause_id: str):
    """A clause of the contract as it was signed."""
    profile = parse_profile(stored(app, contract)["envelope"].profile)
    return next(c for s in assemble(profile).sections for c in s.clauses if c.id == clause_id)


def test_vector_files_under_a_licence_are_for_sale_at_the_buyout_price_on_fees_paid(app, client, auth, today):
    contract = ended(client, auth, today)
    entry = logged(client, contract, "Hi, could you send us the vector files?")
    buyout = clause(app, contract, "ip.buyout")
    assert entry["outcome"] == "purchase"
    assert entry["outcome_words"] == "Available for purchase at the buyout price"
    assert entry["clause"] == f"{buyout.number} {buyout.title}"
    assert entry["price"] == "2400.00" and entry["price_words"] == "$2,400.00"
    assert f'Clause {buyout.number} of our agreement, "{buyout.title}", says:' in entry["reply"]
    assert "$2,400.00" in entry["reply"] and entry["reply"].startswith("Dear ")
    with app.app_context():
        row = db.session.query(ExitRequest).one()
        assert (row.received_on, row.text, row.topic, row.outcome, row.clause_id) == (
            date(2027, 2, 20), "Hi, could you send us the vector files?", "source_files", "purchase", "ip.buyout")
        assert row.reply == entry["reply"]


@pytest.mark.parametrize("text", ["Who printed this?", "What stock was that printed on?"])
def test_supplier_and_print_stock_are_declined_as_confidential_under_the_reseller_stance(
        app, client, auth, today, text):
    contract = ended(client, auth, today, "designer-reseller", notice_date="2027-02-15")
    entry = logged(client, contract, text, received="2027-03-01")
    reseller = clause(app, contract, "accounts.reseller")
    assert (entry["outcome"], entry["outcome_words"]) == ("declined", "Declined under the contract")
    assert entry["clause"] == f"{reseller.number} {reseller.title}" and entry["price"] is None
    assert "confidential" in entry["reply"] and f"Clause {reseller.number}" in entry["reply"]


@pytest.mark.parametrize(("text", "received", "outcome", "words", "clause_id", "price", "price_words"), [
    pytest.param("What's the password for the website?", "2027-02-01", "included", "Included and free (one batch)",
                 "exit.handover", None, "", id="website password"),
    pytest.param("Can I pick your brain for five minutes?", "2027-03-31", "billable", "Billable at the hourly rate",
                 "exit.production-advice", "95.00", "$95.00 an hour", id="pick your brain"),
    pytest.param("Can I pick your brain for five minutes?", "2027-04-01", "too_late",
                 "Outside the agreement: received after the service end date", "exit.service-end", None, "",
                 id="after the service end date"),
])
def test_each_request_maps_to_the_clause_that_governs_it(app, client, auth, today, text, received, outcome, words,
                                                         clause_id, price, price_words):
    contract = ended(client, auth, today)
    entry = logged(client, contract, text, received=received)
    governing = clause(app, contract, clause_id)
    assert (entry["outcome"], entry["outcome_words"]) == (outcome, words)
    assert entry["clause"] == f"{governing.number} {governing.title}"
    assert (entry["price"], entry["price_words"]) == (price, price_words)
    assert f"Clause {governing.number}" in entry["reply"]


def test_the_freelancer_corrects_the_topic_and_the_answer_follows(app, client, auth, today):
    contract = ended(client, auth, today)
    assert logged(client, contract, "Could you send the vector files?")["outcome"] == "purchase"
    corrected = logged(client, contract, "Could you send the vector files?", topic="deliverables")
    assert (corrected["outcome"], corrected["price"]) == ("included", None)
    with app.app_context():
        assert [r.topic for r in db.session.query(ExitRequest).order_by(ExitRequest.id)] == ["source_files",
                                                                                              "deliverables"]


def test_the_log_lists_the_newest_request_first_and_a_mistake_can_be_removed(app, client, auth, today):
    contract = ended(client, auth, today)
    logged(client, contract, "Who printed this?", received="2027-02-03")
    logged(client, contract, "Send us the vector files", received="2027-03-10")
    logged(client, contract, "What's the password for the website?", received="2027-02-20")
    page = Page(client.get(f"/envelopes/{contract}/requests").text)
    texts = [page.text(e["attrs"]["id"] + "-text") for e in page.elements if e["tag"] == "article"]
    assert texts == ["Send us the vector files", "What's the password for the website?", "Who printed this?"]
    with app.app_context():
        mistake = db.session.query(ExitRequest).filter_by(text="Who printed this?").one().id
    response = client.post(f"/envelopes/{contract}/requests/remove", data={"request": str(mistake)})
    assert response.headers["Location"] == f"/envelopes/{contract}/requests"
    assert client.post(f"/envelopes/{contract}/requests/remove", data={"request": str(mistake)}).status_code == 404
    with app.app_context():
        assert db.session.query(ExitRequest).count() == 2


@pytest.mark.parametrize(("received", "message"), [
    ("2027-01-30", "must not be before the notice date, January 31, 2027"),
    ("2027-06-02", "must not be in the future"),
    ("last Tuesday", "Enter a date, like 2026-01-31."),
    ("", "Enter the date you received it."),
])
def test_a_bad_date_is_refused_next_to_the_field_and_keeps_the_text(app, client, auth, today, received, message):
    contract = ended(client, auth, today)
    response = log(client, contract, "Send us the vector files", received=received, topic="advice")
    assert response.status_code == 422
    page = Page(response.text)
    assert page.errors("received_on") == [message]
    assert (page.value("received_on"), page.value("text"), page.value("topic")) == (
        received, "Send us the vector files", "advice")
    with app.app_context():
        assert db.session.query(ExitRequest).count() == 0


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001])
def test_an_empty_or_too_long_request_is_refused_next_to_the_field(app, client, auth, today, text):
    contract = ended(client, auth, today)
    response = log(client, contract, text, received="2027-02-20")
    assert response.status_code == 422
    page = Page(response.text)
    assert page.errors("text") and page.value("received_on") == "2027-02-20"
    assert page.value("text") == text
    with app.app_context():
        assert db.session.query(ExitRequest).count() == 0


def test_the_form_starts_on_today(client, auth, today):
    contract = ended(client, auth, today)
    page = Page(client.get(f"/envelopes/{contract}/requests").text)
    assert page.value("received_on") == TODAY.isoformat() and page.value("topic") == ""
    assert page.find(id="empty-log") is not None


def test_template_syntax_and_html_in_a_request_appear_literally(app, client, auth, today):
    contract = ended(client, auth, today)
    text = "{{ 7*7 }} {% raw %} <script>alert('x')</script> <b>bold</b> &amp; vector files"
    response = log(client, contract, text)
    html = client.get(response.headers["Location"]).text
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    entry = Page(html)
    key = next(e for e in entry.elements if e["tag"] == "article")["attrs"]["id"]
    assert entry.text(f"{key}-text") == text
    assert "{{ 7*7 }}" in entry.find(id=f"{key}-reply")["text"]
    with app.app_context():
        assert db.session.query(ExitRequest).one().text == text


def test_a_contract_not_ended_yet_says_so_and_links_to_the_ending_form(app, client, auth, today):
    contract = signed_contract(client, auth)
    today()
    page = Page(client.get(f"/envelopes/{contract}/requests").text)
    assert "has not been ended yet" in page.text("not-ended")
    assert page.find(href=f"/envelopes/{contract}/end") is not None and page.find(name="text") is None
    assert log(client, contract, "Send us the vector files").status_code == 422
    assert Page(client.get(f"/envelopes/{contract}").text).find(id="request-log") is None
    with app.app_context():
        assert db.session.query(ExitRequest).count() == 0


def test_the_contract_page_and_its_plan_link_to_the_log(app, client, auth, today):
    contract = ended(client, auth, today)
    shown = Page(client.get(f"/envelopes/{contract}").text)
    assert shown.find(id="request-log")["attrs"]["href"] == f"/envelopes/{contract}/requests"
    with app.app_context():
        plan = db.session.query(Envelope).filter_by(kind="plan").one().id
    assert Page(client.get(f"/envelopes/{plan}").text).find(href=f"/envelopes/{contract}/requests") is not None
    assert client.get(f"/envelopes/{plan}/requests").headers["Location"] == f"/envelopes/{contract}/requests"


def test_another_freelancer_gets_404_and_changes_nothing(app, client, auth, today):
    contract = ended(client, auth, today)
    logged(client, contract, "Send us the vector files")
    with app.app_context():
        row = db.session.query(ExitRequest).one().id
    auth.sign_out()
    auth.register("intruder@example.com")
    assert client.get(f"/envelopes/{contract}/requests").status_code == 404
    assert log(client, contract, "Mine now").status_code == 404
    assert client.post(f"/envelopes/{contract}/requests/remove", data={"request": str(row)}).status_code == 404
    with app.app_context():
        assert db.session.query(ExitRequest).count() == 1


def test_a_french_contract_gets_its_reply_draft_in_french(app, client, auth, today):
    contract = signed_contract_in(client, auth, "fr")
    issue(client, contract, notice_date="2027-04-01")
    today()
    entry = logged(client, contract, "Bonjour, envoyez-nous les fichiers vectoriels svp", received="2027-04-10")
    assert entry["reply"].startswith("Bonjour ") and "Merci pour votre message du 10 avril 2027" in entry["reply"]
    assert "Dear" not in entry["reply"]
    assert entry["page"].find(id=next(e["attrs"]["id"] for e in entry["page"].elements
                                      if e["tag"] == "article") + "-reply")["attrs"]["lang"] == "fr"


def test_removing_without_the_csrf_token_is_refused_and_keeps_the_request(app, client, auth, today):
    contract = ended(client, auth, today)
    logged(client, contract, "Send us the vector files")
    with app.app_context():
        row = db.session.query(ExitRequest).one().id
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post(f"/envelopes/{contract}/requests/remove", data={"request": str(row)}).status_code == 400
    refused = client.post(f"/envelopes/{contract}/requests", data={"received_on": "2027-02-21", "text": "Who printed this?"})
    assert refused.status_code == 400 and Page(refused.text).value("text") == "Who printed this?"
    with app.app_context():
        assert [r.id for r in db.session.query(ExitRequest)] == [row]


def test_a_changed_ending_answers_the_logged_requests_again(app, client, auth, today):
    contract = ended(client, auth, today)
    assert logged(client, contract, "Send us the vector files")["price"] == "2400.00"  # 40% of 6,000 paid
    issue(client, contract, fees_paid="8000")  # the plan was not acknowledged: the ending may still change
    entry = logged(client, contract, "Can I pick your brain about the menu boards?")
    page = entry["page"]
    prices = [e["attrs"]["value"] for e in page.elements if e["attrs"].get("id", "").endswith("-price")]
    assert prices == ["95.00", "3200.00"]  # newest first: the advice, then the files at 40% of 8,000
    assert "$3,200.00" in page.text("main") and "$2,400.00" not in page.text("main")
