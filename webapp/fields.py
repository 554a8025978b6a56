"""Form fields that read the answers as they are stored (JSON) and as they are typed."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf.i18n import translations
from wtforms import DateField, DecimalField, FieldList, Form, RadioField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class SubForm(Form):
    """A group of fields inside a FlaskForm; WTForms' own messages speak the reader's language, as at the top level."""

    class Meta:
        def get_translations(self, form):
            return translations


def options(labels: dict[Any, Any]) -> list[SelectChoice]:
    """Choices from a {value: label} dict whose labels may be translated lazily."""
    return [SelectChoice(value, label) for value, label in labels.items()]


class AmountField(DecimalField):
    """A number shown as typed (no forced decimals) and stored as text, never as a float."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("invalid_value_message", _l("Enter a number, like 1200 or 12.50."))
        super().__init__(label, validators, places=None, **kwargs)

    def process_data(self, value: Any) -> None:
        try:
            self.data = None if value in (None, "") else Decimal(str(value))
        except InvalidOperation:
            self.data = None

    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata(valuelist)
        if self.data is not None and not self.data.is_finite():
            self.data = None
            raise ValueError(self.invalid_value_message)


class CalendarDateField(DateField):
    """A date picker that also accepts the ISO dates the answers are stored as."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("invalid_value_message", _l("Enter a date, like 2026-01-31."))
        super().__init__(label, validators, **kwargs)

    def process_data(self, value: Any) -> None:
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                value = None
        self.data = value or None


class LinesField(TextAreaField):
    """A list of short items, typed one per line."""

    def process_data(self, value: Any) -> None:
        self.data = [str(item) for item in value] if isinstance(value, list) else []

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist:
            self.data = [line.strip() for line in valuelist[0].splitlines() if line.strip()]

    def _value(self) -> str:
        return "\n".join(self.data or [])


class ExplainedRadioField(RadioField):
    """Radio buttons, each followed by a sentence saying what choosing it means."""

    def __init__(self, label=None, validators=None, explanations=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.explanations = explanations or {}


class CheckboxesField(SelectMultipleField):
    """Several independent choices, shown as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class EmailAddress:
    """Require something shaped like an email address (blank is left to other validators)."""

    def __call__(self, form, field) -> None:
        if field.data and not _EMAIL.match(field.data.strip()):
            raise ValidationError(_l("Enter an email address, like name@example.com."))


def to_json(value: Any) -> Any:
    """Form data as JSON-safe answers: dates as ISO text, amounts as exact text."""
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items() if key != "csrf_token"}
    if isinstance(value, list):
        return [to_json(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    return value


class RowsField(FieldList):
    """A list of rows the freelancer can add to and remove from, each with a numbered name."""

    def __init__(self, unbound_field, label=None, validators=None, add_label="", row_label="", **kwargs):
        super().__init__(unbound_field, label, validators, **kwargs)
        self.add_label = add_label
        self.row_label = row_label
