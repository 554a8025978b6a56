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
