"""Every email in French and Spanish, through a real SMTP server: the client reads the contract's language,
the freelancer their own; no English interface text is left in a subject or a body."""

from __future__ import annotations

import pytest
from babel.dates import format_date
from web.interview import start_contract
from web.localized import answer_all_in
from web.signing import freelancer_link, send, sign_as, stored
from web.test_mail import DAY, T0, bodies, link_in
from web.test_mail import inbox, now, settings  # noqa: F401 - the same real SMTP server and clock as test_mail
from web.untranslated import untranslated_html, untranslated_text

from webapp.extensions import db
from webapp.models import Event

FREELANCER, CLIENT = "maya@example.com", {"fr": "bonjour@boulangerie-port.fr", "es": "hola@panaderiapuerto.es"}


@pytest.fixture
def database_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'clausewright.sqlite'}"


def english_left(message, locale: str) -> list:
    text, html = bodies(message)
    assert f'<html lang="{locale}">' in html
    return untranslated_text(message["Subject"], locale) + untranslated_text(text, locale) + \
        untranslated_html(html, locale)


def contract_in(client, auth, locale: str, freelancer_language: str) -> int:
    auth.register()
    client.post("/language", data={"language": freelancer_language, "next": "/"})
    contract_id = start_contract(client)
    answer_all_in(client, contract_id, locale)
    return contract_id


@pytest.mark.parametrize("locale", ["fr", "es"])
def test_every_email_is_in_the_readers_language(app, client, auth, inbox, now, locale):
    contract_id = contract_in(client, auth, locale, locale)
    envelope_id = send(client, contract_id)
    now[0] = T0 + 12 * DAY
    assert "1 reminder(s) sent" in app.test_cli_runner().invoke(args=["envelopes", "remind", "--days", "3"]).output
    link = link_in(bodies(inbox.to(CLIENT[locale])[0])[0])
    sign_as(client, link, "Thomas Fournier")
    sign_as(client, freelancer_link(client, envelope_id), "Adèle Pixel")
    other = send(client, contract_id)
    link = link_in(bodies(inbox.to(CLIENT[locale])[-1])[0])
    client.post(f"{link}/decline", data={"reason": "Le calendrier ne convient pas."})

    assert set(emailed(app, envelope_id) + emailed(app, other)) == {"sign_link", "client_signed", "completed",
                                                                    "declined"}
    assert len(inbox.messages) == 7
    left = [(m["Subject"], found) for m in inbox.messages for found in english_left(m, locale)]
    assert not left, left
    expires = stored(app, envelope_id)["envelope"].expires_at
    assert " ".join(format_date(expires, "long", locale=locale).split()) in " ".join(
        bodies(inbox.to(CLIENT[locale])[0])[0].split())


def emailed(app, envelope_id: str) -> list[str]:
    """The email templates the audit trail says went out for an envelope."""
    with app.app_context():
        return [e.detail.get("message") for e in db.session.query(Event).filter_by(envelope_id=envelope_id,
                                                                                  kind="emailed")]


def test_the_client_reads_the_contracts_language_and_the_freelancer_their_own(client, auth, inbox):
    contract_id = contract_in(client, auth, "es", "fr")
    envelope_id = send(client, contract_id)
    [invitation] = inbox.to(CLIENT["es"])
    assert invitation["Subject"] == "Estudio Píxel SL le ha enviado un contrato para firmar"
    sign_as(client, link_in(bodies(invitation)[0]), "Tomás Horno")
    [notice] = inbox.to(FREELANCER)
    assert notice["Subject"] == "Tomás Horno a signé « Rediseño de la web de Panadería del Puerto »".replace(
        "« ", "«\u00a0").replace(" »", "\u00a0»")
    assert '<html lang="fr">' in bodies(notice)[1] and not english_left(notice, "fr")
    assert f"https://contracts.example.com/envelopes/{envelope_id}" in bodies(notice)[0]


@pytest.mark.parametrize("locale", ["fr", "es"])
def test_every_email_about_a_transition_plan_is_in_the_readers_language(app, client, auth, inbox, locale):
    contract_id = contract_in(client, auth, locale, locale)
    envelope_id = send(client, contract_id)
    sign_as(client, link_in(bodies(inbox.to(CLIENT[locale])[0])[0]), "Thomas Fournier")
    sign_as(client, freelancer_link(client, envelope_id), "Adèle Pixel")
    ending = {"ended_by": "freelancer", "notice_date": "2027-06-30", "fees_paid": "3500.50", "note": ""}
    response = client.post(f"/envelopes/{envelope_id}/end/issue", data=ending)
    plan = response.headers["Location"].split("/")[2]
    first = len(inbox.messages)
    sign_as(client, freelancer_link(client, plan), "Adèle Pixel")
    link = link_in(bodies(inbox.to(CLIENT[locale])[-1])[0])
    client.post(f"{link}/comment", data={"text": "La date de remise est trop tardive."})
    sign_as(client, link, "Thomas Fournier")

    assert set(emailed(app, plan)) == {"sign_link", "commented", "client_signed", "completed"}
    plan_messages = inbox.messages[first:]
    assert len(plan_messages) == 5
    left = [(m["Subject"], found) for m in plan_messages for found in english_left(m, locale)]
    assert not left, left
