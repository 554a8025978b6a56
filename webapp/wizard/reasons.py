"""The engine's reasons for refusing an answer (contracts.profile.Reason), in the reader's language.

The engine knows nothing of Flask, so pybabel does not read it: each reason template is listed here
once, and a test checks this list against the engine's.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

TEMPLATES = (
    _l("is required"),
    _l("is not a known field (check the spelling)"),
    _l("must not be empty"),
    _l("must be at most {max_length} characters"),
    _l("must have at least {min_length} item(s)"),
    _l("must have at most {max_length} items"),
    _l("must be at least {ge}, got {got!r}"),
    _l("must be at most {le}, got {got!r}"),
    _l("must have at most {decimal_places} decimal places"),
    _l("must be one of {expected}, got {got!r}"),
    _l("must be true or false, got {got!r}"),
    _l("must be a group of fields"),
    _l("must be a list"),
    _l("must be a date like 2026-01-31, got {got!r}"),
    _l("must be a number, got {got!r}"),
    _l("must be text, got {got!r}"),
    _l("must be an email address like name@example.com, got {got!r}"),
    _l("must be a three-letter currency code such as USD or EUR, got {got!r}"),
    _l("must be between {low} and {high}, got {got}"),
    _l("is required when the model is licence"),
    _l("does not apply to full_assignment, which already assigns the source files"),
    _l("is required when the plan is maintenance"),
    _l("lists an item twice"),
    _l("is required when estimates need written approval"),
    _l("must differ from language (leave it empty for one language)"),
)


def reason_text(reason: str) -> str:
    """A reason in the reader's language: its template translated, then filled with its values."""
    template, params = getattr(reason, "template", None), getattr(reason, "params", None)
    if template is None or params is None:
        return str(reason)
    return _(template).format(**params)
