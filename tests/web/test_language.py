"""Interface language: the freelancer's choice, else the browser's, among the catalogues shipped."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from web.interview import start_contract
from web.page import Page

from webapp.extensions import db
from webapp.i18n import shipped_locales
from webapp.models import Contract, User


@pytest.fixture
def settings(settings):
    # French dates need no catalogue; pretend one ships so the browser's language can be chosen.
    return {**settings, "UI_LOCALES": ["en", "fr"]}


def test_a_language_ships_when_its_catalogue_is_there(tmp_path):
    assert shipped_locales(tmp_path) == ["en"]
    (tmp_path / "es" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "es" / "LC_MESSAGES" / "messages.po").write_bytes(b"")
    assert shipped_locales(tmp_path) == ["en", "es"]


def signed_in_with_a_contract(app, client, auth) -> None:
    auth.register()
    contract_id = start_contract(client)
    with app.app_context():
        db.session.get(Contract, contract_id).created_at = datetime(2026, 3, 14, tzinfo=UTC)
        db.session.commit()


def test_dates_follow_the_browsers_language(app, client, auth):
    signed_in_with_a_contract(app, client, auth)
    page = Page(client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).text)
    assert "14 mars 2026" in page.text("main")
    assert '<html lang="fr">' in client.get("/", headers={"Accept-Language": "fr"}).text


def test_the_freelancers_choice_wins_over_the_browser(app, client, auth):
    signed_in_with_a_contract(app, client, auth)
    with app.app_context():
        user = db.session.query(User).one()
        user.locale = "en"
        db.session.commit()
    assert "Mar 14, 2026" in client.get("/", headers={"Accept-Language": "fr"}).text


def test_an_unshipped_language_falls_back_to_english(app, client, auth):
    signed_in_with_a_contract(app, client, auth)
    assert '<html lang="en">' in client.get("/", headers={"Accept-Language": "de"}).text
