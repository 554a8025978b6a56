"""Helpers the templates call, and WTForms' attribute writer made cheap."""

from __future__ import annotations

from flask import Flask
from flask_babel import get_locale
from markupsafe import Markup, escape
from wtforms import widgets
from wtforms.widgets import core


def init_app(app: Flask) -> None:
    """Make the helpers available in every template."""
    app.add_template_global(aria)
    app.add_template_global(current_locale)
    use_quick_html_params()


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


def html_params(**attributes) -> Markup:
    """What `wtforms.widgets.html_params` writes, character for character, without formatting each
    attribute through `Markup.format` (markupsafe's pure-Python formatter), which made rendering the
    inputs of a form most of the cost of a wizard step."""
    params = []
    for key, value in sorted(attributes.items()):
        key = escape(core.clean_key(key))
        if value is True:
            params.append(str(key))
        elif value is not False:
            # escape() already turns quotes into &#34;, except inside Markup it leaves alone.
            params.append(f'{key}="{str(escape(value)).replace(chr(34), "&quot;")}"')
    return Markup(" ".join(params))


def use_quick_html_params() -> None:
    """Have every WTForms widget, and labels, write their attributes with `html_params` above."""
    core.html_params = widgets.html_params = html_params
    core.Input.html_params = core.Button.html_params = staticmethod(html_params)
