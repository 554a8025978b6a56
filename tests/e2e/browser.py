"""What the browser tests share: window sizes, reading a downloaded DOCX, the CSP watch, signing by typing."""

from __future__ import annotations

import io

import docx

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def text_of(path) -> str:
    """Paragraphs and table cells of a saved DOCX."""
    document = docx.Document(io.BytesIO(path.read_bytes()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def watch_csp(page, refused: list[str]) -> None:
    """Collect console messages saying the Content Security Policy blocked something."""
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)


def type_name_and_press(page, name: str, button: str) -> None:
    """Tick the consent, type the name and press the button (Sign, Issue, Acknowledge)."""
    page.check("#consent")
    page.fill("#typed_name", name)
    page.get_by_role("button", name=button, exact=True).click()


def review_designer_sample(page, live_server: str) -> None:
    """Register a freelancer and start a contract from the designer sample: the page ends on its review."""
    page.goto(live_server + "/account/register")
    page.fill("#email", "maya@lindqvist.design")
    page.fill("#password", "a long enough password")
    page.fill("#confirm", "a long enough password")
    page.click("button.primary")
    page.wait_for_url("**/account/business")
    page.goto(live_server + "/contracts/new")
    page.check("input[value='designer-licence']")
    page.click("button:has-text('Start')")
    page.wait_for_url("**/review")
