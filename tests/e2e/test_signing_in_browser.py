"""The freelancer sends a contract, the client signs it on a phone, the freelancer countersigns, both download."""

from __future__ import annotations

import pytest
from e2e.browser import DESKTOP, PHONE, review_designer_sample, text_of, type_name_and_press, watch_csp

pytestmark = pytest.mark.e2e


def download_signed(page, path):
    """Click the signed contract's download link and save the file at `path`."""
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the signed contract (DOCX)").click()
    download.value.save_as(path)
    return path


def test_send_sign_countersign_and_both_download(live_server, browser, artifacts):
    refused: list[str] = []
    freelancer = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    freelancer.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = freelancer.new_page()
    watch_csp(page, refused)
    review_designer_sample(page, live_server)
    page.locator(".send").screenshot(path=artifacts / "00-review-send.png")
    page.get_by_role("button", name="Send for signature").click()
    page.wait_for_url("**/envelopes/*")
    page.click("button[data-copy]")
    page.wait_for_selector("button[data-copy]:has-text('Copied')")
    link = page.input_value("#sign-link")
    assert page.evaluate("navigator.clipboard.readText()") == link
    page.screenshot(path=artifacts / "01-sent.png", full_page=True)

    client = browser.new_context(viewport=PHONE, accept_downloads=True, is_mobile=True, has_touch=True)
    phone = client.new_page()
    watch_csp(phone, refused)
    phone.goto(link)
    assert "Maya Lindqvist Design LLC asks you to sign" in phone.inner_text("main")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=artifacts / "02-client-signing-page-phone.png")
    phone.click("a[href='#sign']")
    phone.check("#consent")
    phone.fill("#typed_name", "Daniel Okafor")
    phone.locator("#sign").screenshot(path=artifacts / "03-client-signature-phone.png")
    type_name_and_press(phone, "Daniel Okafor", "Sign")
    phone.wait_for_selector("#outcome")
    assert "You have signed" in phone.inner_text("#outcome")
    phone.screenshot(path=artifacts / "04-client-signed-phone.png", full_page=True)

    page.reload()
    assert "Signed by the client" in page.inner_text("main")
    page.get_by_role("link", name="Countersign").click()
    page.wait_for_selector("#typed_name")
    page.screenshot(path=artifacts / "05-freelancer-signing-page-desktop.png")
    type_name_and_press(page, "Maya Lindqvist", "Sign")
    page.wait_for_url("**/envelopes/*")
    assert "Signed by both" in page.inner_text("main")
    page.screenshot(path=artifacts / "06-completed.png", full_page=True)
    by_freelancer = download_signed(page, artifacts / "signed-by-freelancer.docx")

    phone.reload()
    assert "Signed by both parties" in phone.inner_text("#outcome")
    phone.screenshot(path=artifacts / "07-client-completed-phone.png", full_page=True)
    by_client = download_signed(phone, artifacts / "signed-by-client.docx")

    assert by_client.read_bytes() == by_freelancer.read_bytes()
    text = text_of(by_client)
    assert "Daniel Okafor (Signed electronically)" in text and "Maya Lindqvist (Signed electronically)" in text
    assert "Certificate of electronic signature" in text
    page.goto(live_server + "/verify")
    page.set_input_files("#document", str(by_client))
    page.get_by_role("button", name="Check").click()
    assert "Genuine and unaltered" in page.inner_text("#verdict")
    page.screenshot(path=artifacts / "08-verify.png", full_page=True)
    phone.goto(link[:-4] + "AAAA")
    assert "This signing link does not work" in phone.inner_text("main")
    phone.screenshot(path=artifacts / "09-broken-link-phone.png", full_page=True)
    assert refused == []
    client.close()
    freelancer.close()
