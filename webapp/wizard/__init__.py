"""The interview, step by step, and the review of the assembled contract."""

from webapp.wizard.views import bp

__all__ = ["bp"]
