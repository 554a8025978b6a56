"""Read a rendered page the way a browser would: elements by id, form values by name."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"input", "br", "meta", "link", "img", "hr", "source", "area", "col", "wbr"}


class Page(HTMLParser):
    """The elements of one HTML page, with their attributes and text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self._open: list[dict] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data

    def find(self, **attrs) -> dict | None:
        """The first element with these attribute values."""
        return next((e for e in self.elements if all(e["attrs"].get(k) == v for k, v in attrs.items())), None)

    def text(self, element_id: str) -> str:
        """The text inside the element with this id, whitespace collapsed."""
        element = self.find(id=element_id)
        return " ".join(element["text"].split()) if element else ""

    def errors(self, field_id: str) -> list[str]:
        """The error messages the input with this id points at (aria-describedby)."""
        field = self.find(id=field_id)
        described = (field or {"attrs": {}})["attrs"].get("aria-describedby", "").split()
        return [self.text(i).removeprefix("Error: ") for i in described if "-error-" in i]

    def value(self, name: str) -> str | list[str] | None:
        """What the form shows for a field: its value, text, selected option or checked boxes."""
        found = [e for e in self.elements if e["attrs"].get("name") == name]
        if not found:
            return None
        first = found[0]
        if first["tag"] == "textarea":
            return first["text"].replace("\r\n", "\n").removeprefix("\n")
        if first["tag"] == "select":
            return self._selected(first)
        kind = first["attrs"].get("type")
        if kind in ("checkbox", "radio"):
            checked = [e["attrs"].get("value", "y") for e in found if "checked" in e["attrs"]]
            if kind == "checkbox" and len(found) > 1:
                return checked
            return checked[0] if checked else ""
        return first["attrs"].get("value", "")

    def _selected(self, select: dict) -> str | None:
        index = self.elements.index(select)
        for element in self.elements[index + 1:]:
            if element["tag"] == "select":
                break
            if element["tag"] == "option" and "selected" in element["attrs"]:
                return element["attrs"].get("value")
        return None
