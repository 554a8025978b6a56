"""Add and remove rows of a list (deliverables, contacts, accounts) without JavaScript.

The buttons are ordinary submit buttons named `rows`: `add:<list id>` or `remove:<row id>`.
"""

from __future__ import annotations

from wtforms import FieldList, FormField


def change_rows(form, action: str) -> bool:
    """Apply an add or remove button's action to the form; False when it names no list."""
    verb, _, target = action.partition(":")
    for rows in lists_in(form):
        if verb == "add" and rows.id == target and len(rows.entries) < (rows.max_entries or 100):
            rows.append_entry()
            return True
        if verb == "remove":
            kept = [row for row in rows.entries if row.id != target]
            if len(kept) < len(rows.entries) and len(kept) >= rows.min_entries:
                rows.entries = kept
                return True
    return False


def lists_in(form):
    """Every list of rows in a form, however deeply nested."""
    for field in form:
        if isinstance(field, FieldList):
            yield field
        elif isinstance(field, FormField):
            yield from lists_in(field.form)
