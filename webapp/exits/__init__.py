"""Ending an engagement: the freelancer records how a signed contract ended and issues the dated plan."""

from webapp.exits import log  # noqa: F401 - registers the request log's routes on bp
from webapp.exits.views import bp

__all__ = ["bp"]
