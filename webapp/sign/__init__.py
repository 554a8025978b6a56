"""The public signing pages: no account, only the link a signer was given."""

from webapp.sign.views import bp

__all__ = ["bp"]
