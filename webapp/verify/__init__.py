"""The public verify page: is this file, or this code, a signed document of this server?"""

from webapp.verify.views import bp

__all__ = ["bp"]
