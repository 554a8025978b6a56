"""Helpers the templates call."""

from __future__ import annotations

from flask import Flask
from flask_babel import get_locale


def init_app(app: Flask) -> None:
    """Make the helpers available in every template."""
    app.add_template_global(aria)
    app.add_template_global(current_locale)


def aria(field) -> dict[str, str]:
    """The attributes that tie an input to its hint and its errors for screen readers."""
    ids = [f"{field.id}-hint"] if field.description else []
    ids += [f"{field.id}-error-{number}" for number in range(1, len(field.errors) + 1)]
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return attrs


def current_locale() -> str:
    """The interface language, as an HTML `lang` value."""
    return str(get_locale() or "en").replace("_", "-")
