"""The freelancer ends a signed engagement and issues the dated plan; the client comments, then acknowledges it."""

from __future__ import annotations

import pytest
from e2e.browser import DESKTOP, PHONE, review_designer_sample, text_of, type_name_and_press, watch_csp

pytestmark = pytest.mark.e2e


def signed_contract(page, browser, live_server) -> str:
    """Register, send the designer sample, have the client sign it and countersign; the envelope page URL."""
    review_designer_sample(page, live_server)
    page.get_by_role("button", name="Send for signature").click()
    page.wait_for_url("**/envelopes/*")
    link = page.input_value("#sign-link")
    signer = browser.new_context()
    other = signer.new_page()
    other.goto(link)
    type_name_and_press(other, "Daniel Okafor", "Sign")
    other.wait_for_selector("#outcome")
    signer.close()
    page.reload()
    page.get_by_role("link", name="Countersign").click()
    page.wait_for_selector("#typed_name")
    type_name_and_press(page, "Maya Lindqvist", "Sign")
    page.wait_for_url("**/envelopes/*")
    return page.url


def test_end_issue_comment_acknowledge_and_download(live_server, browser, artifacts):
    refused: list[str] = []
    freelancer = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = freelancer.new_page()
    watch_csp(page, refused)
    contract_url = signed_contract(page, browser, live_server)

    page.get_by_role("link", name="End engagement").click()
    page.wait_for_url("**/end")
    assert page.input_value("#fees_paid") == "10000"
    page.get_by_role("button", name="Preview the plan").click()
    assert "is required" in page.inner_text("main")
    page.check("#ended_by-0")
    page.fill("#notice_date", "2027-01-31")
    page.fill("#fees_paid", "6000")
    page.fill("#note", "Thank you for two good years.")
    page.screenshot(path=artifacts / "00-ending-form.png", full_page=True)
    page.get_by_role("button", name="Preview the plan").click()
    page.wait_for_selector("#plan-dates")
    assert page.get_attribute("#service-end-date", "datetime") == "2027-03-31"
    assert page.get_attribute("#handover-date", "datetime") == "2027-02-10"
    assert page.get_attribute("#buyout-price", "value") == "2400.00"
    assert "$2,400.00" in page.inner_text("#plan-dates")
    assert "Thank you for two good years." in page.inner_text(".preview")
    page.screenshot(path=artifacts / "01-plan-preview.png", full_page=True)
    page.get_by_role("button", name="Issue the plan").click()
    page.wait_for_selector("#typed_name")
    assert page.inner_text("#sign-title") == "Issue the plan"
    type_name_and_press(page, "Maya Lindqvist", "Issue")
    page.wait_for_url("**/envelopes/*")
    assert "Issued. Copy the link below" in page.inner_text("main")
    link = page.input_value("#sign-link")
    page.screenshot(path=artifacts / "02-plan-issued.png", full_page=True)

    client = browser.new_context(viewport=PHONE, accept_downloads=True, is_mobile=True, has_touch=True)
    phone = client.new_page()
    watch_csp(phone, refused)
    phone.goto(link)
    assert "asks you to acknowledge this transition plan" in phone.inner_text("main")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=artifacts / "03-client-plan-phone.png")
    phone.get_by_role("link", name="Comment instead").click()
    phone.fill("#text", "Could the handover happen a week earlier?")
    phone.get_by_role("button", name="Send the comment").click()
    phone.wait_for_selector("#typed_name")
    assert "Your comment was sent" in phone.inner_text("main")
    phone.screenshot(path=artifacts / "04-client-commented-phone.png", full_page=True)

    page.reload()
    assert "Could the handover happen a week earlier?" in page.inner_text("#comments")
    page.screenshot(path=artifacts / "05-freelancer-sees-comment.png", full_page=True)

    type_name_and_press(phone, "Daniel Okafor", "Acknowledge")
    phone.wait_for_selector("#outcome")
    assert "Issued and acknowledged" in phone.inner_text("#outcome")
    phone.screenshot(path=artifacts / "06-client-acknowledged-phone.png", full_page=True)
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Download the acknowledged plan (DOCX)").click()
    by_client = artifacts / "acknowledged-plan-client.docx"
    download.value.save_as(by_client)

    page.reload()
    assert "Acknowledged" in page.inner_text("main")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the acknowledged plan (DOCX)").click()
    by_freelancer = artifacts / "acknowledged-plan-freelancer.docx"
    download.value.save_as(by_freelancer)
    assert by_client.read_bytes() == by_freelancer.read_bytes()
    text = text_of(by_client)
    assert "Daniel Okafor (Acknowledged electronically)" in text and "Maya Lindqvist (Issued electronically)" in text
    assert "Certificate of issue and acknowledgment" in text

    page.goto(contract_url)
    assert "Ended by the client" in page.inner_text("#ending")
    page.goto(live_server + "/verify")
    page.set_input_files("#document", str(by_client))
    page.get_by_role("button", name="Check").click()
    assert "Genuine and unaltered" in page.inner_text("#verdict")
    page.screenshot(path=artifacts / "07-verify-plan.png", full_page=True)
    assert refused == []
    client.close()
    freelancer.close()
