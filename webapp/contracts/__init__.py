"""The dashboard of a freelancer's contracts."""

from webapp.contracts.views import bp

__all__ = ["bp"]
