"""The contract's language against the law that governs it: they may differ, but the wizard says so."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel import Locale
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

# The language the courts of each governing law work in.
LAW_LANGUAGE = {"US": "en", "GB": "en", "FR": "fr", "ES": "es"}
LAWS = {"US": _l("United States law"), "GB": _l("United Kingdom law"), "FR": _l("French law"),
        "ES": _l("Spanish law")}


@dataclass(frozen=True)
class LanguageNotice:
    """What to tell the freelancer whose contract is not in the language of its governing law."""

    text: str
    advice: str
    bilingual: bool


def in_words(code: str) -> str:
    """A language's name as it reads inside a sentence: `French` in English, `français` in French."""
    return Locale.parse(code).get_display_name(str(get_locale() or "en"))


def language_notice(answers: dict[str, Any]) -> LanguageNotice | None:
    """The notice for these answers, or None when the contract is in the language of its law."""
    country = (answers.get("law") or {}).get("country")
    language, second = answers.get("language") or "en", answers.get("second_language")
    expected = LAW_LANGUAGE.get(country)
    if expected is None or expected == language:
        return None
    words = {"language": in_words(language), "law": LAWS[country], "law_language": in_words(expected)}
    if second == expected:
        return LanguageNotice(
            _("Your contract is in %(language)s and %(second)s side by side, under %(law)s.",
              second=in_words(second), **words),
            _("If the two versions differ, the %(language)s version prevails, and the contract says so.",
              **words),
            bilingual=True)
    return LanguageNotice(
        _("Your contract is in %(language)s but governed by %(law)s. That is allowed, but the courts that "
          "apply %(law)s work in %(law_language)s and may ask for a translation.", **words),
        _("To add a %(law_language)s version beside each clause, choose %(law_language)s as the second "
          "language: the contract then says the %(language)s version prevails.", **words),
        bilingual=False)
