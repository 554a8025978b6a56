"""Security headers on every response: a CSP without inline script, no sniffing, no framing;
over HTTPS, HSTS and cookies that never travel in clear."""

from __future__ import annotations

from flask import Flask, has_request_context, request
from flask.sessions import SecureCookieSessionInterface

POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HSTS = "max-age=31536000; includeSubDomains"


class SessionOverHttps(SecureCookieSessionInterface):
    """Flask's signed session cookie, marked Secure whenever the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return super().get_cookie_secure(app) or (has_request_context() and request.is_secure)


def init_app(app: Flask) -> None:
    """Add the headers to every response, and mark cookies Secure over HTTPS."""
    app.session_interface = SessionOverHttps()
    app.after_request(add_headers)


def add_headers(response):
    """The headers a browser enforces for this site."""
    response.headers.setdefault("Content-Security-Policy", POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    # Same-origin only: a signing link in the address bar never leaks to another site.
    response.headers.setdefault("Referrer-Policy", "same-origin")
    # request.is_secure is true over HTTPS, directly or (with PROXY_HOPS) through the proxy's X-Forwarded-Proto.
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
        # Registered before Flask-Login, this runs after it has set its remember-me cookie.
        cookies = response.headers.getlist("Set-Cookie")
        response.headers.setlist("Set-Cookie", [c if "; Secure" in c else f"{c}; Secure" for c in cookies])
    return response
