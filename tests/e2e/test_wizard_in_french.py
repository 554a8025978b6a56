"""A French (and a Spanish) freelancer switches the site to their language, registers, answers every step,
reviews and downloads a contract in that language, in Chromium on a desktop and on a phone."""

from __future__ import annotations

import pytest
from e2e.browser import DESKTOP, PHONE, text_of
from web.untranslated import untranslated_html

pytestmark = pytest.mark.e2e

SCREENS = {"desktop": DESKTOP, "phone": PHONE}

WORDS = {
    "fr": {
        "language": "Français", "register": "Créer un compte", "new": "Nouveau contrat", "start": "Commencer",
        "step": "Étape {number} sur 10", "download": "Télécharger le contrat (DOCX)",
        "clause": "Propriété des Livrables définitifs", "freelancer": "Prestataire",
        "business": {"#business-name": "Atelier Tinta", "#business-address": "9 rue de la Lune\n69001 Lyon",
                     "#business-email": "paul@atelier-tinta.fr", "#business-signer_name": "Paul Tinta"},
        "parties": {"#project": "Illustrations de la carte de printemps", "#law-venue": "les tribunaux de Lyon",
                    "#client-name": "Bistrot Olive SARL", "#client-address": "5 place Bellecour\n69002 Lyon",
                    "#client-email": "bonjour@bistrot-olive.fr", "#client-signer_name": "Lucie Olive"},
        "contact": "Lucie Olive", "deliverable": "Illustrations de la carte",
    },
    "es": {
        "language": "Español", "register": "Crear una cuenta", "new": "Nuevo contrato", "start": "Empezar",
        "step": "Paso {number} de 10", "download": "Descargar el contrato (DOCX)",
        "clause": "Titularidad de los Entregables definitivos", "freelancer": "Profesional",
        "business": {"#business-name": "Estudio Tinta", "#business-address": "Calle Luna 9\n41001 Sevilla",
                     "#business-email": "pablo@estudiotinta.es", "#business-signer_name": "Pablo Tinta"},
        "parties": {"#project": "Ilustraciones de la carta de primavera", "#law-venue": "los juzgados de Sevilla",
                    "#client-name": "Casa Olivo SL", "#client-address": "Calle Mayor 5\n28013 Madrid",
                    "#client-email": "hola@casaolivo.es", "#client-signer_name": "Lucía Olivo"},
        "contact": "Lucía Olivo", "deliverable": "Ilustraciones de la carta",
    },
}
STEPS = ["parties", "relationship", "deliverables", "ip", "communication", "contacts", "reseller", "payment",
         "termination", "review"]


def fill(page, values: dict) -> None:
    for selector, value in values.items():
        page.fill(selector, value)


def answers(words: dict) -> dict[str, dict[str, str]]:
    return {"parties": words["parties"],
            "deliverables": {"#deliverables-0-title": words["deliverable"], "#deliverables-0-price": "1800"},
            "ip": {"#ip-buyout_percent": "50"}, "communication": {"#communication-hourly_rate": "70"},
            "contacts": {"#contacts-primary-name": words["contact"]}}


CHECK = {"relationship": ["#relationship-type-0"], "ip": ["#ip-model-1"], "reseller": ["#reseller-stance-0"]}


def no_english(page, locale: str) -> None:
    """The page as the browser shows it has no English interface text left."""
    left = untranslated_html(page.content(), locale)
    assert not left, left


@pytest.mark.parametrize("locale", ["fr", "es"])
@pytest.mark.parametrize("screen", SCREENS)
def test_the_wizard_in_the_freelancers_language(live_server, browser, artifacts, screen, locale):
    words = WORDS[locale]
    page = browser.new_page(viewport=SCREENS[screen], accept_downloads=True, locale="en-US")
    page.goto(live_server + "/")
    assert page.get_attribute("html", "lang") == "en"
    page.get_by_role("button", name=words["language"]).click()
    page.wait_for_selector(f"html[lang={locale}]")
    page.screenshot(path=artifacts / "01-sign-in.png", full_page=True)
    no_english(page, locale)

    page.get_by_role("link", name=words["register"]).first.click()
    fill(page, {"#email": f"{locale}-{screen}@tinta.example", "#password": "un mot de passe assez long",
                "#confirm": "un mot de passe assez long"})
    page.click("button.primary")
    page.wait_for_url("**/account/business")
    fill(page, words["business"])
    page.screenshot(path=artifacts / "02-business.png", full_page=True)
    no_english(page, locale)
    page.click("button.primary")
    page.wait_for_url(live_server + "/")

    page.get_by_role("link", name=words["new"]).first.click()
    page.wait_for_url("**/contracts/new")
    page.screenshot(path=artifacts / "03-start.png", full_page=True)
    no_english(page, locale)
    page.get_by_role("button", name=words["start"]).click()
    page.wait_for_url("**/steps/parties")
    assert page.input_value("#language") == locale and page.input_value("#currency") == "EUR"

    fills = answers(words)
    for number, (step, following) in enumerate(zip(STEPS, STEPS[1:]), start=1):
        assert words["step"].format(number=number) in page.inner_text(".progress-count")
        fill(page, fills.get(step, {}))
        for selector in CHECK.get(step, []):
            page.check(selector)
        page.screenshot(path=artifacts / f"{number + 3:02d}-{step}.png", full_page=True)
        no_english(page, locale)
        page.click("button.primary")
        page.wait_for_url(f"**/{following}")

    assert words["parties"]["#client-name"] in page.inner_text(".preview")
    assert words["freelancer"] in page.inner_text(".preview")
    page.screenshot(path=artifacts / "13-review.png", full_page=screen == "phone")
    no_english(page, locale)
    with page.expect_download() as download:
        page.get_by_role("link", name=words["download"]).click()
    saved = artifacts / "contrat.docx"
    download.value.save_as(saved)
    text = text_of(saved)
    assert words["parties"]["#client-name"] in text and words["clause"] in text
    page.goto(live_server + "/")
    assert words["parties"]["#client-name"] in page.inner_text("main")
    page.screenshot(path=artifacts / "14-dashboard.png", full_page=True)
    no_english(page, locale)
