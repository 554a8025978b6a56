"""The reader picks the language at the foot of any page, signed in or not; then the browser decides."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.dates import format_date
from babel.numbers import format_currency
from web.interview import start_contract, step_url
from web.localized import answer_all_in, business_in
from web.page import Page
from web.signing import client_link, send

from webapp.extensions import db
from webapp.i18n import COOKIE
from webapp.models import Contract, Envelope, User


@pytest.fixture
def database_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'clausewright.sqlite'}"


def choose(client, language: str, back: str = "/account/sign-in"):
    return client.post("/language", data={"language": language, "next": back})


def switcher(page: Page) -> dict[str, str]:
    """The language buttons at the foot of a page: code -> the name it shows."""
    return {e["attrs"]["value"]: " ".join(e["text"].split()) for e in page.elements
            if e["tag"] == "button" and e["attrs"].get("name") == "language"}


def test_a_visitor_switches_to_french_and_stays_there(client):
    page = Page(client.get("/account/sign-in").text)
    assert switcher(page) == {"es": "Español", "fr": "Français"}
    assert page.find(lang="en", **{"aria-current": "true"}) is not None
    response = choose(client, "fr")
    assert response.headers["Location"] == "/account/sign-in"
    assert client.get_cookie(COOKIE).value == "fr"
    page = client.get("/account/sign-in").text
    assert '<html lang="fr">' in page and "Se connecter" in page
    assert '<html lang="fr">' in client.get("/verify", headers={"Accept-Language": "es"}).text


def test_pages_say_their_language_and_that_it_varies(client):
    response = client.get("/account/sign-in", headers={"Accept-Language": "es"})
    assert response.headers["Content-Language"] == "es"
    assert {"Accept-Language", "Cookie"} <= set(response.vary)


def test_without_a_choice_the_browsers_language_applies(client):
    assert "Iniciar sesión" in client.get("/account/sign-in", headers={"Accept-Language": "es-MX,es;q=0.9"}).text
    assert "Se connecter" in client.get("/account/sign-in", headers={"Accept-Language": "fr-CA"}).text
    assert '<html lang="en">' in client.get("/account/sign-in", headers={"Accept-Language": "de"}).text


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example"])
def test_the_switcher_only_returns_to_this_site(client, target):
    assert choose(client, "es", target).headers["Location"] == "/"


def test_a_language_we_do_not_ship_is_refused(client):
    assert choose(client, "de").status_code == 400
    assert client.get_cookie(COOKIE) is None


def test_a_choice_made_before_registering_is_kept_on_the_account(app, client, auth):
    choose(client, "es")
    auth.register()
    with app.app_context():
        assert db.session.query(User).one().locale == "es"


def test_a_signed_in_freelancers_choice_follows_them_to_another_browser(app, client, auth):
    auth.register()
    choose(client, "fr", "/")
    with app.app_context():
        assert db.session.query(User).one().locale == "fr"
    other = app.test_client()
    other.post("/account/sign-in", data={"email": "maya@example.com", "password": "correct horse battery"})
    assert '<html lang="fr">' in other.get("/", headers={"Accept-Language": "es"}).text


def test_same_as_my_browser_forgets_the_choice(app, client, auth):
    choose(client, "fr")
    auth.register()
    client.post("/account/business", data={**business_in("fr"), "locale": ""})
    assert client.get_cookie(COOKIE) is None
    assert '<html lang="es">' in client.get("/", headers={"Accept-Language": "es"}).text


def test_signing_pages_speak_the_contract_and_offer_no_other_language(app, client, auth):
    auth.register()
    contract_id = start_contract(client)
    answer_all_in(client, contract_id, "es")
    link = client_link(client, send(client, contract_id))
    choose(client, "fr")
    page = client.get(link, headers={"Accept-Language": "fr"}).text
    assert '<html lang="es">' in page and "Firmar" in page
    assert switcher(Page(page)) == {}


def test_wtforms_own_messages_are_translated(client):
    page = Page(client.post("/account/register", data={"email": "", "password": "", "confirm": ""},
                            headers={"Accept-Language": "fr"}).text)
    assert page.text("email-error-1") == "Erreur : Ce champ est requis."


def test_a_new_contract_starts_in_the_interface_language(client, auth):
    auth.register()
    choose(client, "es", "/")
    page = Page(client.get(step_url(start_contract(client), "parties")).text)
    assert (page.value("language"), page.value("currency"), page.value("law-country")) == ("es", "EUR", "ES")


def test_the_samples_are_described_in_the_readers_language(client, auth):
    auth.register()
    choose(client, "fr", "/")
    page = client.get("/contracts/new").text
    assert "Illustratrice sous droit français" in page and "Illustrator under French law" not in page


@pytest.mark.parametrize("locale", ["fr", "es"])
def test_dates_and_money_follow_the_readers_language(app, client, auth, locale):
    auth.register()
    choose(client, locale, "/")
    contract_id = start_contract(client)
    answer_all_in(client, contract_id, locale)
    envelope_id = send(client, contract_id)
    with app.app_context():
        contract = db.session.get(Contract, contract_id)
        envelope = db.session.get(Envelope, envelope_id)
        started, expires = contract.created_at, envelope.expires_at
    dashboard = Page(client.get("/").text).text("main")
    assert words(format_currency(Decimal("3500.50"), "EUR", locale=locale)) in dashboard
    assert words(format_date(started, "medium", locale=locale)) in dashboard
    show = Page(client.get(f"/envelopes/{envelope_id}").text).text("main")
    assert words(format_date(expires, "medium", locale=locale)) in show


def words(text: str) -> str:
    """Text with its (no-break) spaces made plain, as Page.text gives it."""
    return " ".join(text.split())
