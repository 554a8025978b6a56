"""Every page, in French and in Spanish, speaks the reader's language: no English interface text is left.

A French (then Spanish) freelancer goes through the whole product: account, business details, three
contracts (one bilingual, one from a sample under a foreign law, one under another country's law),
every wizard step with and without mistakes, the review, envelopes in every state, the client's
signing pages, the verify page and the error pages. Every GET route of the app is visited. Each page
is then searched for the English of every msgid (ours and WTForms') whose translation differs.
"""

from __future__ import annotations

import io
import time
from datetime import UTC, datetime

import docx
import pytest
from flask import render_template
from flask_babel import force_locale
from web.interview import STEP_IDS, start_contract, step_url
from web.localized import answer_all_in, answers_in, business_in
from web.page import Page
from web.signing import client_link, freelancer_link, send, sign_as, stored
from web.untranslated import untranslated_html

from webapp.errors import PAGES
from webapp.extensions import db
from webapp.models import Contract, ExitRequest

LOCALES = ["fr", "es"]
HTML = "text/html"


@pytest.fixture
def database_url(tmp_path) -> str:
    """One database is enough: this test is about words."""
    return f"sqlite:///{tmp_path / 'clausewright.sqlite'}"


@pytest.fixture(params=LOCALES)
def locale(request) -> str:
    return request.param


class Reader:
    """A browser set to one language that keeps every page it was shown."""

    def __init__(self, client, locale: str):
        self.client, self.locale, self.pages, self.endpoints = client, locale, [], set()
        client.environ_base["HTTP_ACCEPT_LANGUAGE"] = locale

    def keep(self, label: str, response):
        if response.mimetype == HTML and not 300 <= response.status_code < 400:
            self.pages.append((label, response.status_code, response.text))
        return response

    def get(self, url: str, label: str | None = None, **kwargs):
        return self.keep(label or f"GET {url}", self.client.get(url, follow_redirects=True, **kwargs))

    def post(self, url: str, data: dict, label: str | None = None, **kwargs):
        return self.keep(label or f"POST {url}", self.client.post(url, data=data, follow_redirects=True, **kwargs))


def minimal_docx() -> bytes:
    """A Word document this server never issued."""
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Contrat")
    document.save(out)
    return out.getvalue()


def upload(reader: Reader, data: bytes, label: str):
    return reader.post("/verify", {"document": (io.BytesIO(data), "contrat.docx")}, label,
                       content_type="multipart/form-data")


def signed_out_pages(reader: Reader) -> None:
    reader.get("/account/sign-in")
    reader.get("/account/register")
    reader.post("/account/register", {"email": "pas-une-adresse", "password": "court", "confirm": "autre"},
                "register with mistakes")
    reader.get("/contracts/new", "a page that needs signing in")
    reader.get("/verify")
    reader.post("/verify", {}, "verify with nothing")
    upload(reader, b"not a word document", "verify a file that is not DOCX")
    reader.post("/verify", {"code": "AAAA-BBBB-CCCC-DDDD"}, "verify an unknown code")
    upload(reader, minimal_docx(), "verify a file from elsewhere")
    reader.get("/there-is-nothing-here", "404")
    reader.get("/account/sign-out", "405")
    reader.post("/language", {"language": "xx", "next": "/"}, "400")
    reader.post("/verify", {"code": "A" * (2 * 1024 * 1024)}, "413")
    reader.get("/sign/not-a-real-token", "a broken signing link")


def interview_pages(reader: Reader, app, locale: str) -> dict:
    """Three contracts: A bilingual and answered in full, B from a sample, C under a foreign law."""
    client, answers = reader.client, answers_in(locale)
    reader.post("/account/register", {"email": f"ada@{locale}.example", "password": "un long mot de passe",
                                      "confirm": "un long mot de passe"}, "register")
    reader.post("/account/business", {}, "business details with mistakes")
    reader.post("/account/business", business_in(locale), "business details saved")
    reader.get("/", "empty dashboard")
    reader.get("/contracts/new")
    a = start_contract(client)
    for step in STEP_IDS:
        reader.get(step_url(a, step), f"step {step}, blank")
        reader.post(step_url(a, step), {"rows": ""} if step != "parties" else {}, f"step {step} with mistakes")
    reader.post(step_url(a, "deliverables"), {**answers["deliverables"], "rows": "add:deliverables"},
                "a row added")
    second = "en" if locale != "en" else "fr"
    reader.post(step_url(a, "parties"), {**answers["parties"], "second_language": locale},
                "second language equal to the first")
    answer_all_in(client, a, locale, second_language=second)
    reader.post(step_url(a, "ip"), {**answers["ip"], "ip-model": "full_assignment"}, "a reason from the engine")
    reader.get(f"/contracts/{a}/review", "review of a bilingual contract")

    b = int(client.post("/contracts/new", data={"start": "illustrator-france"}).headers["Location"].split("/")[-1])
    reader.get(f"/contracts/{b}/review", "review of a sample in English under French law")
    reader.get(step_url(b, "parties"), "parties of a sample in English under French law")

    c = start_contract(client)
    reader.post(step_url(c, "parties"), {**answers["parties"], "law-country": "GB", "law-venue": "Londres"},
                "parties saved under a foreign law")
    reader.get(step_url(c, "parties"), "parties under a foreign law")
    reader.get(f"/contracts/{c}/review", "review with unanswered steps")
    with app.app_context():
        contract = db.session.get(Contract, a)
        broken = {**contract.answers, "ip": {**contract.answers["ip"], "buyout_percent": "5"}}
        db.session.get(Contract, c).record(broken, contract.completed)
        db.session.commit()
    reader.get(f"/contracts/{c}/review", "review with a problem to fix")
    reader.get(f"/contracts/{c}/download/contract", "download refused")
    reader.post(f"/contracts/{c}/duplicate", {}, "a copy")
    reader.get(f"/contracts/{c}/delete")
    return {"contract_id": a, "step_id": "parties"}


def signing_pages(reader: Reader, app, a: int) -> dict:
    """Envelopes of contract `a` in every state, seen by the freelancer and by the client."""
    client = reader.client
    e1 = send(client, a)
    reader.get(f"/envelopes/{e1}", "sent: copy the link")
    link = client_link(client, e1)
    reader.get(link, "client signing page")
    reader.post(link, {}, "client signing page with mistakes")
    reader.get(f"{link}/decline", "decline page")
    reader.post(f"{link}/decline", {}, "decline page with mistakes")
    reader.keep("client signed", sign_as(client, link, "Thomas Fournier"))
    reader.get(link, "client status after signing")
    reader.get(f"/envelopes/{e1}", "envelope signed by the client")
    countersign = freelancer_link(client, e1)
    reader.get(countersign, "freelancer countersigning page")
    reader.keep("countersigned", sign_as(client, countersign, "Adèle Pixel"))
    reader.get("/", "dashboard after countersigning")
    reader.get(link, "client status when completed")
    envelope = stored(app, e1)["envelope"]
    upload(reader, envelope.signed_document, "verify the signed copy")
    upload(reader, envelope.document, "verify the unsigned original")
    upload(reader, envelope.signed_document + b"\0", "verify an altered copy")

    e2 = send(client, a, order="freelancer")
    first = freelancer_link(client, e2)
    reader.get(first, "freelancer signing first")
    reader.get(f"/envelopes/{e2}", "envelope waiting for the freelancer")
    reader.get(f"/envelopes/{e2}/void")
    reader.post(f"/envelopes/{e2}/void", {"reason": "Nouvelle version"}, "withdrawn")
    reader.get(first, "link of a withdrawn envelope")

    e3 = send(client, a)
    declined = client_link(client, e3)
    reader.post(f"{declined}/decline", {"reason": "Trop tôt"}, "declined")
    reader.get(declined, "link of a declined envelope")
    reader.get(f"/envelopes/{e3}", "declined envelope")
    reader.get(f"/envelopes/{e3}/requests", "request log of a contract that was not ended")

    plan_pages(reader, app, e1)

    e4 = send(client, a)
    expired = client_link(client, e4)
    later = app.config["LINK_MAX_AGE"] + 3600
    app.config["CLOCK"] = lambda: time.time() + later
    reader.get(expired, "expired link")
    app.config["CLOCK"] = None
    reader.get(f"/envelopes/{e4}", "expired envelope")
    return {"envelope_id": e1, "token": link.split("/sign/")[1], "code": envelope.verification_code,
            "document": "contract"}


def plan_pages(reader: Reader, app, contract: str) -> None:
    """The end of the completed contract: the form, its mistakes, the preview, a plan issued, commented on,
    replaced, then acknowledged; as the freelancer and the client see them."""
    client, ending = reader.client, {"ended_by": "client", "notice_date": "2028-02-29", "fees_paid": "3000"}
    reader.get(f"/envelopes/{contract}/end", "ending form")
    reader.post(f"/envelopes/{contract}/end", {"fees_paid": "beaucoup"}, "ending form with mistakes")
    reader.post(f"/envelopes/{contract}/end", {**ending, "notice_date": "2020-01-01"}, "notice before the contract")
    reader.post(f"/envelopes/{contract}/end", ending, "plan preview")
    old = client.post(f"/envelopes/{contract}/end/issue", data=ending).headers["Location"].split("/")[2]
    reader.get(freelancer_link(client, old), "freelancer issuing the plan")
    reader.get(f"/envelopes/{old}", "plan waiting to be issued")
    reader.keep("plan issued", sign_as(client, freelancer_link(client, old), "Adèle Pixel"))
    old_link = client_link(client, old)
    reader.get(f"/envelopes/{contract}/end", "ending form with a plan waiting")
    plan = client.post(f"/envelopes/{contract}/end/issue", data=ending).headers["Location"].split("/")[2]
    reader.get(old_link, "link of a replaced plan")
    sign_as(client, freelancer_link(client, plan), "Adèle Pixel")
    link = client_link(client, plan)
    reader.get(link, "client acknowledgment page")
    reader.post(link, {}, "acknowledgment page with mistakes")
    reader.get(f"{link}/comment", "comment page")
    reader.post(f"{link}/comment", {}, "comment page with mistakes")
    reader.post(f"{link}/comment", {"text": "La date de remise est trop tardive."}, "commented")
    reader.get(f"/envelopes/{plan}", "plan with a comment")
    reader.get(f"/envelopes/{plan}/trail", "audit trail of a plan")
    reader.keep("acknowledged", sign_as(client, link, "Thomas Fournier"))
    reader.get(link, "client status when acknowledged")
    reader.get(f"/envelopes/{plan}", "acknowledged plan")
    reader.get(f"/envelopes/{contract}", "ended contract")
    reader.get(f"/envelopes/{contract}/end", "settled ending")
    request_log_pages(reader, app, contract)
    reader.get("/", "dashboard with an ended contract")
    reader.post("/verify", {"code": stored(app, plan)["envelope"].verification_code}, "verify a plan's code")
    upload(reader, stored(app, plan)["envelope"].signed_document, "verify an acknowledged plan")


def request_log_pages(reader: Reader, app, contract: str) -> None:
    """The former client's requests after the ending (notice Feb 29, 2028), logged in June 2028: mistakes,
    each kind of answer, a correction of the topic, and a request removed."""
    app.config["CLOCK"] = lambda: datetime(2028, 6, 1, 12, tzinfo=UTC).timestamp()
    log = f"/envelopes/{contract}/requests"
    reader.get(log, "empty request log")
    reader.post(log, {"received_on": "2020-01-01", "text": ""}, "request log with mistakes")
    reader.post(log, {"received_on": "2028-07-01", "text": "Encore une question"}, "a request from the future")
    reader.post(log, {"received_on": "pas une date", "text": "Encore une question"}, "a request on no date")
    for day, text, topic in [("2028-03-01", "Pouvez-vous nous envoyer les fichiers vectoriels ?", "source_files"),
                             ("2028-03-02", "Quel est le mot de passe du site ?", "credentials"),
                             ("2028-03-03", "Une petite question sur la mise en page", "advice"),
                             ("2028-03-04", "Qui a imprimé les étiquettes ?", "supplier"),
                             ("2028-03-05", "Pouvez-vous créer une nouvelle affiche ?", ""),
                             ("2028-05-30", "Pouvez-vous renvoyer les fichiers définitifs ?", "deliverables")]:
        reader.post(log, {"received_on": day, "text": text, "topic": topic}, f"request logged: {text}")
    with app.app_context():
        outcomes = [r.outcome for r in db.session.query(ExitRequest).order_by(ExitRequest.id)]
        assert len(outcomes) == 6 and {"included", "billable", "declined", "too_late"} <= set(outcomes), outcomes
        mistake = db.session.query(ExitRequest).order_by(ExitRequest.id.desc()).first().id
    reader.post(f"{log}/remove", {"request": str(mistake)}, "request removed")
    app.config["CLOCK"] = None


def every_get_route(reader: Reader, app, values: dict) -> set[str]:
    """Visit each GET route of the app with real values; the endpoints visited."""
    visited = set()
    with app.test_request_context():
        adapter = app.url_map.bind("localhost")
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or rule.endpoint == "static":
                continue
            missing = rule.arguments - values.keys()
            assert not missing, f"give {rule.endpoint} a value for {missing} in this test"
            steps = STEP_IDS if "step_id" in rule.arguments else [None]
            for step in steps:
                args = {name: values[name] for name in rule.arguments}
                if step:
                    args["step_id"] = step
                url = adapter.build(rule.endpoint, args)
                response = reader.get(url, f"route {rule.endpoint} {url}")
                assert response.status_code < 500, url
            visited.add(rule.endpoint)
    return visited


def error_pages(reader: Reader, app) -> None:
    """The error page with each message the app can give it."""
    with app.test_request_context(), force_locale(reader.locale):
        for code, message in PAGES.items():
            reader.pages.append((f"error {code}", code, render_template("error.html", code=code, message=message)))


def test_every_page_is_in_the_readers_language(app, client, locale):
    reader = Reader(client, locale)
    signed_out_pages(reader)
    values = interview_pages(reader, app, locale)
    values |= signing_pages(reader, app, values["contract_id"])
    visited = every_get_route(reader, app, values)
    error_pages(reader, app)
    reader.post("/account/sign-out", {}, "signed out")
    reader.post("/account/sign-in", {"email": f"ada@{locale}.example", "password": "faux"}, "wrong password")

    assert len(visited) >= 20
    left = [(label, piece, chunk) for label, _, html in reader.pages
            for piece, _, chunk in untranslated_html(html, locale)]
    assert not left, "\n".join(f"{label}: {piece!r} in {chunk!r}" for label, piece, chunk in left)
    assert all(f'<html lang="{locale}">' in html for _, _, html in reader.pages if "<html" in html)
    assert len(reader.pages) > 80


def test_the_check_finds_english_left_in_a_page():
    page = ('<html lang="fr"><body><p>Étape 1 sur 10</p><button>Save and continue</button>'
            '<div class="preview"><p>Save and continue</p></div><p lang="en">English</p>'
            '<input type="text" value="Save"><span aria-label="Interview progress"></span></body></html>')
    found = untranslated_html(page, "fr")
    assert {chunk for _, _, chunk in found} == {"Save and continue", "Interview progress"}
    assert {"Save and continue", "Save", "Interview progress"} <= {piece for piece, _, _ in found}
