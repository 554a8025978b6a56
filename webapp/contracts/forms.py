"""Forms of the dashboard: starting a contract, and buttons that change one."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from webapp.contracts.samples import Sample
from webapp.fields import ExplainedRadioField, options

BLANK = "blank"


class ButtonForm(FlaskForm):
    """A button that changes something: only its CSRF token is posted."""


class StartForm(FlaskForm):
    """Start a contract from scratch or from one of the sample profiles."""

    start = ExplainedRadioField(_l("Start from"), default=BLANK)

    def offer(self, samples: list[Sample]) -> StartForm:
        """List the blank contract and each sample as choices."""
        self.start.choices = options({BLANK: _l("A blank contract"), **{s.name: s.title for s in samples}})
        self.start.explanations = {
            BLANK: _l("Answer every question yourself; your business details are already filled in."),
            **{s.name: s.description for s in samples},
        }
        return self
