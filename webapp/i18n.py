"""Interface language: the freelancer's choice, else the browser's, among the catalogues we ship."""

from __future__ import annotations

from pathlib import Path

from babel import Locale
from flask import Flask, current_app, g, has_request_context, request
from flask_babel import get_locale
from flask_login import current_user

from webapp.extensions import babel

SOURCE_LOCALE = "en"


def init_app(app: Flask) -> None:
    """Attach Babel and the template helpers that name languages."""
    app.config.setdefault("UI_LOCALES", shipped_locales(Path(app.root_path) / "translations"))
    babel.init_app(app, locale_selector=select_locale)
    app.add_template_filter(language_name)


def shipped_locales(folder: Path) -> list[str]:
    """English, plus every language whose compiled catalogue is in `folder`."""
    found = sorted(path.parents[1].name for path in folder.glob("*/LC_MESSAGES/messages.mo"))
    return [SOURCE_LOCALE, *(code for code in found if code != SOURCE_LOCALE)]


def select_locale() -> str:
    """The contract's language on signing pages, else the signed-in freelancer's choice, else the browser's."""
    available = current_app.config["UI_LOCALES"]
    if not has_request_context():
        return SOURCE_LOCALE
    if g.get("document_language") in available:
        return g.document_language
    if current_user.is_authenticated and current_user.locale in available:
        return current_user.locale
    return request.accept_languages.best_match(available, default=SOURCE_LOCALE)


def language_name(code: str) -> str:
    """A language code as a reader of the interface names it: `fr` -> `French`."""
    try:
        name = Locale.parse(code).get_display_name(get_locale() or SOURCE_LOCALE)
    except (ValueError, TypeError):
        return code
    return name[:1].upper() + name[1:] if name else code
