"""A contract in one language under another country's law is allowed, but the wizard says so and offers a
second language side by side; a bilingual contract goes through review and download."""

from __future__ import annotations

import pytest
from conftest import docx_text
from web.interview import ANSWERS, step_url
from web.page import Page
from web.signing import ready_contract

FRENCH_LAW = {"law-country": "FR", "law-venue": "the courts of Lyon"}


@pytest.fixture
def database_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'clausewright.sqlite'}"


@pytest.fixture
def contract_id(client, auth) -> int:
    return ready_contract(client, auth)


def save_parties(client, contract_id: int, **changes):
    return client.post(step_url(contract_id, "parties"), data={**ANSWERS["parties"], **changes})


def notice(client, url: str, **headers) -> dict | None:
    page = Page(client.get(url, headers=headers).text)
    found = page.find(id="language-notice")
    return {"text": page.text("language-notice"), "class": found["attrs"]["class"],
            "links": [e["attrs"]["href"] for e in page.elements if e["tag"] == "a" and e["attrs"].get("href", "")
                      .endswith("#second_language")]} if found else None


def test_an_english_contract_under_french_law_is_saved_and_said_plainly(client, contract_id):
    response = save_parties(client, contract_id, **FRENCH_LAW)
    assert response.headers["Location"] == step_url(contract_id, "relationship")
    flashed = Page(client.get(response.headers["Location"]).text)
    assert "in English but governed by French law" in flashed.text("main")
    assert flashed.find(**{"class": "notice notice--warning", "role": "status"}) is not None
    on_parties = notice(client, step_url(contract_id, "parties"))
    assert "in English but governed by French law" in on_parties["text"]
    assert "choose French as the second language" in on_parties["text"]
    assert "notice--warning" in on_parties["class"] and on_parties["links"] == ["#second_language"]
    on_review = notice(client, f"/contracts/{contract_id}/review")
    assert on_review["links"] == [step_url(contract_id, "parties") + "?then=review#second_language"]


def test_the_notice_speaks_the_readers_language(client, contract_id):
    save_parties(client, contract_id, **FRENCH_LAW)
    text = notice(client, f"/contracts/{contract_id}/review", **{"Accept-Language": "es"})["text"]
    assert "Su contrato está redactado en inglés, pero se rige por el Derecho francés." in text
    text = notice(client, step_url(contract_id, "parties"), **{"Accept-Language": "fr"})["text"]
    assert "Votre contrat est rédigé en anglais mais soumis au droit français." in " ".join(text.split())


@pytest.mark.parametrize(("language", "country"), [("en", "GB"), ("en", "US"), ("fr", "FR"), ("es", "ES")])
def test_no_notice_when_the_contract_speaks_the_language_of_its_law(client, contract_id, language, country):
    save_parties(client, contract_id, language=language, **{"law-country": country})
    assert notice(client, step_url(contract_id, "parties")) is None
    assert notice(client, f"/contracts/{contract_id}/review") is None


def test_with_the_laws_language_beside_it_the_notice_says_which_version_prevails(client, contract_id):
    response = save_parties(client, contract_id, second_language="fr", **FRENCH_LAW)
    assert "governed by" not in Page(client.get(response.headers["Location"]).text).text("main")
    said = notice(client, f"/contracts/{contract_id}/review")
    assert "in English and French side by side, under French law" in said["text"]
    assert "the English version prevails" in said["text"] and "notice--warning" not in said["class"]


def test_the_second_language_is_explained_next_to_its_field(client, contract_id):
    page = Page(client.get(step_url(contract_id, "parties")).text)
    assert page.text("second_language-hint") == ("Each clause then appears beside its translation, and the contract "
                                                 "says the version in the language above prevails if they differ.")


def test_a_bilingual_contract_is_reviewed_and_downloaded_in_both_languages(client, contract_id):
    save_parties(client, contract_id, second_language="fr", **FRENCH_LAW)
    review = client.get(f"/contracts/{contract_id}/review").text
    pair = review[review.index('<div class="clause bilingual" id="clause-general.languages">'):]
    pair = pair[:pair.find('<div class="clause', 1)]
    assert '<div lang="en"><h3>' in pair and '<div lang="fr"><h3>' in pair
    assert "Languages of this Agreement" in pair and "Langues du Contrat" in pair
    text = docx_text(client.get(f"/contracts/{contract_id}/download/contract").data)
    assert "15.7 Languages of this Agreement" in text and "15.7 Langues du Contrat" in text
    assert "the English version prevails" in text


def test_both_columns_name_the_same_prevailing_version(client, contract_id):
    save_parties(client, contract_id, second_language="fr", **FRENCH_LAW)
    text = docx_text(client.get(f"/contracts/{contract_id}/download/contract").data)
    assert "en langue française et en langue anglaise" in text
    assert "la version en langue anglaise prévaut" in text
