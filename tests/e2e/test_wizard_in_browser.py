"""A freelancer registers, answers every step in Chromium, reviews and downloads the contract."""

from __future__ import annotations

import pytest
from e2e.browser import DESKTOP, PHONE, text_of

pytestmark = pytest.mark.e2e

SCREENS = {"desktop": DESKTOP, "phone": PHONE}

FILL = {
    "parties": {"#project": "Spring menu illustrations", "#law-venue": "the courts of Madrid",
                "#client-name": "Casa Olivo SL", "#client-address": "Calle Mayor 5\nMadrid",
                "#client-email": "hola@casaolivo.es", "#client-signer_name": "Lucia Olivo"},
    "deliverables": {"#deliverables-0-title": "Menu illustrations", "#deliverables-0-price": "1800"},
    "ip": {"#ip-buyout_percent": "50"},
    "communication": {"#communication-hourly_rate": "70"},
    "contacts": {"#contacts-primary-name": "Lucia Olivo"},
}
CHOICES = {"parties": {"#law-country": "ES"}}
CHECK = {"relationship": ["#relationship-type-0"], "ip": ["#ip-model-1"], "reseller": ["#reseller-stance-0"]}
BUSINESS = {"#business-name": "Pablo Tinta Estudio", "#business-address": "Calle Luna 9\nSevilla",
            "#business-email": "pablo@tinta.es", "#business-signer_name": "Pablo Tinta"}


def fill(page, values: dict) -> None:
    """Type each value into the field its selector names."""
    for selector, value in values.items():
        page.fill(selector, value)


STEPS = ["parties", "relationship", "deliverables", "ip", "communication", "contacts", "reseller", "payment",
         "termination", "review"]


def register(page, live_server: str, email: str, artifacts) -> None:
    """Create an account from the sign-in page and give the business details."""
    page.goto(live_server + "/")
    page.get_by_role("link", name="Create an account").click()
    fill(page, {"#email": email, "#password": "a long enough password", "#confirm": "a long enough password"})
    page.screenshot(path=artifacts / "01-register.png", full_page=True)
    page.click("button.primary")
    page.wait_for_url("**/account/business")
    fill(page, BUSINESS)
    page.screenshot(path=artifacts / "02-business.png", full_page=True)
    page.click("button.primary")
    page.wait_for_url(live_server + "/")


def answer_every_step(page, artifacts) -> None:
    """Fill each step of the interview, checking the progress indicator on the way."""
    for number, (step, following) in enumerate(zip(STEPS, STEPS[1:]), start=1):
        assert f"Step {number} of 10" in page.inner_text(".progress-count")
        fill(page, FILL.get(step, {}))
        for selector, value in CHOICES.get(step, {}).items():
            page.select_option(selector, value)
        for selector in CHECK.get(step, []):
            page.check(selector)
        page.screenshot(path=artifacts / f"{number + 3:02d}-{step}.png", full_page=True)
        page.click("button.primary")
        page.wait_for_url(f"**/{following}")


@pytest.mark.parametrize("screen", SCREENS)
def test_register_answer_every_step_review_and_download(live_server, browser, artifacts, screen):
    page = browser.new_page(viewport=SCREENS[screen], accept_downloads=True)
    register(page, live_server, f"pablo-{screen}@tinta.es", artifacts)
    page.get_by_role("link", name="New contract").click()
    page.wait_for_url("**/contracts/new")
    page.screenshot(path=artifacts / "03-start.png", full_page=True)
    page.click("button:has-text('Start')")
    page.wait_for_url("**/steps/parties")
    answer_every_step(page, artifacts)
    assert "Casa Olivo SL" in page.inner_text(".preview")
    assert "Pablo Tinta Estudio" in page.inner_text(".preview")
    page.screenshot(path=artifacts / "13-review.png")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the contract (DOCX)").click()
    saved = artifacts / "contract.docx"
    download.value.save_as(saved)
    text = text_of(saved)
    assert "Casa Olivo SL" in text and "Ownership of the final Deliverables" in text
    page.goto(live_server + "/")
    assert "Casa Olivo SL" in page.inner_text("table")
    page.screenshot(path=artifacts / "14-dashboard.png", full_page=True)


def test_a_mistake_is_announced_next_to_the_field_in_the_browser(live_server, browser, artifacts):
    page = browser.new_page(viewport=SCREENS["desktop"])
    register(page, live_server, "x@y.es", artifacts)
    page.goto(live_server + "/contracts/new")
    page.click("button:has-text('Start')")
    page.wait_for_url("**/steps/parties")
    page.click("button.primary")
    page.wait_for_selector("#project[aria-invalid=true]")
    assert page.get_attribute("#project", "aria-invalid") == "true"
    described = page.get_attribute("#project", "aria-describedby")
    assert "This field is required." in page.inner_text(f"#{described.split()[-1]}")
    page.keyboard.press("Tab")
    page.screenshot(path=artifacts / "parties-errors.png", full_page=True)
