"""Find English interface text left in a page or an email meant for a French or Spanish reader.

The English to look for is every msgid of our catalogue and of WTForms' own whose translation
differs from it, cut at its placeholders into the literal pieces a reader would see. User data and
the contract are not interface text: form values, text areas, code, the contract preview and
anything marked with another `lang` than the page's are skipped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import wtforms
from babel.messages.pofile import read_po

CATALOGUES = Path(__file__).resolve().parents[2] / "webapp" / "translations"
WTFORMS = Path(wtforms.__file__).parent / "locale"
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sdr]|\{[^}]*\}")
EDGES = " \t\n.,:;!?()[]“”\"'«»‘’–-"
SKIPPED_TAGS = {"script", "style", "code", "textarea"}
SKIPPED_CLASSES = {"preview", "hash", "agent"}
SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-copied", "data-label")
VOID = {"input", "br", "meta", "link", "img", "hr", "source", "area", "col", "wbr"}


def catalogue(path: Path) -> list[tuple[str, str]]:
    """(English, translation) of every message of a .po file, plural forms included."""
    with path.open("rb") as file:
        messages = read_po(file)
    pairs = []
    for message in messages:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        pairs += [(english, strings[min(i, len(strings) - 1)]) for i, english in enumerate(ids)]
    return pairs


@lru_cache(maxsize=4)
def english_pieces(locale: str) -> tuple[tuple[str, re.Pattern, str], ...]:
    """(piece, its pattern, the msgid it comes from) for every English text not translated to itself.

    A missing translation counts: the reader would see the English.
    """
    pairs = catalogue(CATALOGUES / locale / "LC_MESSAGES" / "messages.po")
    pairs += catalogue(WTFORMS / locale / "LC_MESSAGES" / "wtforms.po")
    found = {}
    for english, translated in pairs:
        if translated.strip() == english.strip():
            continue
        for piece in PLACEHOLDER.split(english):
            piece = " ".join(piece.split()).strip(EDGES)
            if re.search(r"[A-Za-z]{3,}", piece) and piece not in translated:
                found.setdefault(piece, english)
    return tuple((piece, re.compile(rf"(?<!\w){re.escape(piece)}(?!\w)"), english) for piece, english in found.items())


class Visible(HTMLParser):
    """The interface text of a page: text nodes and the attributes a reader meets, user data left out."""

    def __init__(self, locale: str):
        super().__init__(convert_charrefs=True)
        self.locale, self.chunks, self._open, self._skipping = locale, [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = (tag in SKIPPED_TAGS or SKIPPED_CLASSES & set((attrs.get("class") or "").split())
                or (tag != "html" and attrs.get("lang") not in (None, self.locale)))
        if not self._skipping and not skip:
            self.chunks += [attrs[name] for name in SHOWN_ATTRIBUTES if attrs.get(name)]
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.chunks.append(attrs["value"])
        if tag in VOID:
            return
        self._open.append(bool(skip))
        self._skipping += bool(skip)

    def handle_endtag(self, tag):
        if tag in VOID or not self._open:
            return
        self._skipping -= self._open.pop()

    def handle_data(self, data):
        if not self._skipping and data.strip():
            self.chunks.append(" ".join(data.split()))


def untranslated_in(chunks: list[str], locale: str) -> list[tuple[str, str, str]]:
    """(English piece, its msgid, where it was found) for every English piece in the chunks."""
    found = []
    for chunk in chunks:
        for piece, pattern, english in english_pieces(locale):
            if pattern.search(chunk):
                found.append((piece, english, chunk))
    return found


def untranslated_html(html: str, locale: str) -> list[tuple[str, str, str]]:
    """English interface text left in an HTML page or email."""
    parser = Visible(locale)
    parser.feed(html)
    parser.close()
    return untranslated_in(parser.chunks, locale)


def untranslated_text(text: str, locale: str) -> list[tuple[str, str, str]]:
    """English interface text left in a plain-text email or a subject line."""
    return untranslated_in([" ".join(line.split()) for line in text.splitlines() if line.strip()], locale)
