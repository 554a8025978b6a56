"""Untrusted text in any answer is either refused plainly or printed literally, never evaluated.

Acceptance: a profile with &, <, >, quotes, {{ 7*7 }}, {% raw %}, emoji, right-to-left text and
control characters in every text field yields either a clear validation error or a valid document
where the text appears literally (no 49, no template evaluation).

Method: for each text field, build the documents twice, once with a harmless marker in that field
and once with the hostile text. The hostile documents must be the marker documents with the
marker swapped for the text: same paragraphs, same tables, same HTML tags, nothing evaluated.
Where the marker is printed, the text is printed; where it is not, the document is still valid.
"""

from __future__ import annotations

import io
import re
import types
import typing
import zipfile
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from pydantic import BaseModel

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.html import render_html
from contracts.profile import Profile, ProfileError, parse_profile

BASE = Path(__file__).resolve().parents[1] / "sample_profiles" / "designer-licence.yaml"
MARKER = "Qzxv Marker"
EMAIL_MARKER = "qzxv.marker@example.com"
DOCUMENTS = ("contract", "transition")
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

HOSTILE = [
    # (id, what the user typed, what must appear in the documents)
    ("xml-specials", "Smith & Sons <Ltd> \"quoted\" 'apostrophe' a<b>c &amp; &#x41; ]]>",
     "Smith & Sons <Ltd> \"quoted\" 'apostrophe' a<b>c &amp; &#x41; ]]>"),
    ("jinja", "{{ 7*7 }} and {% raw %} and {{ client.name }} {# note #} ${7*7}",
     "{{ 7*7 }} and {% raw %} and {{ client.name }} {# note #} ${7*7}"),
    ("html-script", "<script>alert(1)</script><img src=x onerror=alert(2)>",
     "<script>alert(1)</script><img src=x onerror=alert(2)>"),
    ("unicode", "Café Ωmega 🎨👩🏽‍💻 שלום עולם مرحبا بالعالم \u202eevil\u202c",
     "Café Ωmega 🎨👩🏽‍💻 שלום עולם مرحبا بالعالم \u202eevil\u202c"),
    ("control-chars", "\x01\x0bAcme\x1f \x00Ltd\x0c\ud800\ufffe", "Acme Ltd"),
    ("markup-inline", "**not bold** | not a cell | back\\slash \\* star",
     "**not bold** | not a cell | back\\slash \\* star"),
    ("markup-line-start", "- ### | looks like a bullet, a heading and a row |",
     "- ### | looks like a bullet, a heading and a row |"),
    ("email-shaped", "o'brien+{{7*7}}<b>&\"x\"@example.com", "o'brien+{{7*7}}<b>&\"x\"@example.com"),
]
EMAIL_SHAPED = {"email-shaped"}


def _unwrap(tp: typing.Any) -> typing.Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            (tp,) = [a for a in typing.get_args(tp) if a is not type(None)]
        else:
            return tp


def text_fields(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Dotted paths of every str field of the model, recursively; list fields by their first item."""
    paths = []
    for name, info in model.model_fields.items():
        tp, path = _unwrap(info.annotation), f"{prefix}{name}"
        if typing.get_origin(tp) is list:
            tp, path = _unwrap(typing.get_args(tp)[0]), f"{path}.0"
        if tp is str:
            paths.append(path)
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            paths += text_fields(tp, f"{path}.")
    return paths


FIELDS = text_fields(Profile)


def base_answers() -> dict:
    """The designer sample with every optional text printed: approver, vault, business ids."""
    data = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    data["freelancer"]["business_id"] = "EIN 12-3456789"
    data["client"]["business_id"] = "EIN 98-7654321"
    data["contacts"]["estimates_need_approval"] = True
    data["contacts"]["approver"] = {"name": "Ruth Abebe", "title": "Finance Director",
                                    "email": "ruth@northwindcoffee.com"}
    data["reseller"]["vault"] = "Bitwarden organisation vault"
    return data


def set_field(data: dict, dotted: str, value: str) -> dict:
    *parents, last = dotted.split(".")
    node: typing.Any = data
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    node[int(last) if isinstance(node, list) else last] = value
    return data


def get_field(profile: Profile, dotted: str) -> str:
    value: typing.Any = profile
    for part in dotted.split("."):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    return value


def docx_lines(data: bytes) -> list[str]:
    """Every paragraph of a DOCX (body, table cells, headers, footers), after strict XML checks."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                xml = archive.read(name)
                assert not XML_ILLEGAL.search(xml.decode("utf-8")), name
                etree.fromstring(xml)  # raises on anything Word would call corrupt
    document = Document(io.BytesIO(data))
    lines = []
    for part in document.part.package.iter_parts():
        if re.fullmatch(r"/word/(document|header\d*|footer\d*)\.xml", str(part.partname)):
            for paragraph in part.element.iter(qn("w:p")):
                lines.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
    return lines


class _Events(HTMLParser):
    """The HTML as a list of tags and text, with entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(f"<{tag} {sorted(attrs)}>")

    def handle_endtag(self, tag):
        self.events.append(f"</{tag}>")

    def handle_data(self, data):
        self.events.append(data)


def html_events(html: str) -> list[str]:
    parser = _Events()
    parser.feed(str(html))
    parser.close()
    return parser.events


def documents(profile: Profile) -> dict[str, str]:
    """Each document as DOCX text and as decoded HTML events, one entry per line."""
    out = {}
    for document in DOCUMENTS:
        contract = assemble(profile, document=document)
        out[f"{document}.docx"] = "\n".join(docx_lines(render_docx(contract)))
        html = str(render_html(contract))
        assert "<script" not in html.lower()
        out[f"{document}.html"] = "\n".join(html_events(html))
    return out


def marker_for(field: str) -> str:
    """A harmless value for the field, easy to find in a document."""
    return EMAIL_MARKER if field.endswith("email") else MARKER


@cache
def marker_documents(field: str) -> dict[str, str]:
    """The documents with the marker in this one field."""
    return documents(parse_profile(set_field(base_answers(), field, marker_for(field))))


def test_every_text_field_of_the_profile_is_covered():
    assert len(FIELDS) >= 30
    assert {"project", "client.name", "client.address", "deliverables.0.title", "exclusions.0",
            "ip.brand_assets.0", "contacts.approver.name", "reseller.vault",
            "reseller.accounts.0.provider"} <= set(FIELDS)


def test_the_base_profile_prints_the_answers_the_acceptance_test_relies_on():
    printed = [f for f in FIELDS if f != "currency"
               and any(marker_for(f) in text for text in marker_documents(f).values())]
    assert {"project", "client.name", "freelancer.name", "client.address", "deliverables.0.title",
            "ip.licence_scope"} <= set(printed)


@pytest.mark.parametrize(("kind", "typed", "literal"), HOSTILE, ids=[h[0] for h in HOSTILE])
@pytest.mark.parametrize("field", FIELDS)
def test_hostile_text_is_refused_or_printed_literally(field, kind, typed, literal):
    data = set_field(base_answers(), field, typed)
    # A currency code and an email address have a shape; text that lacks it is refused, by name.
    must_refuse = field == "currency" or (field.endswith("email") and kind not in EMAIL_SHAPED)
    if must_refuse:
        with pytest.raises(ProfileError) as caught:
            parse_profile(data)
        assert field in [path for path, _ in caught.value.problems]
        return
    profile = parse_profile(data)
    assert get_field(profile, field) == literal

    hostile, expected, marker = documents(profile), marker_documents(field), marker_for(field)
    for name in expected:
        printed = expected[name].count(marker)
        assert hostile[name].count(literal) == printed, f"{field} in {name}"
        # Swap the text back for the marker: the documents must then be identical, so no "49",
        # no evaluated template, no extra paragraph, table, list or HTML tag came from the text.
        assert hostile[name].replace(literal, marker) == expected[name], f"{field} in {name}"


@pytest.mark.parametrize("field", ["project", "client.name", "deliverables.0.title", "deliverables.0.description"])
def test_template_syntax_in_an_answer_is_never_evaluated(field):
    profile = parse_profile(set_field(base_answers(), field, "Total {{ 7*7 }} {{ freelancer.name }}"))
    for name, text in documents(profile).items():
        assert "Total {{ 7*7 }} {{ freelancer.name }}" in text or MARKER not in marker_documents(field)[name]
        assert "Total 49" not in text and f"Total 49 {profile.freelancer.name}" not in text
