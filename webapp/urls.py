"""Addresses: absolute ones for links that leave the site (emails, QR codes), and safe ones to return to."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, has_request_context, url_for


def external_url(endpoint: str, **values) -> str:
    """The full address of a page: from CLAUSEWRIGHT_BASE_URL when set, else from the request."""
    base = current_app.config.get("BASE_URL")
    if base:
        parts = urlsplit(base)
        adapter = current_app.url_map.bind(parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme)
        return adapter.build(endpoint, values, force_external=True)
    if has_request_context():
        return url_for(endpoint, _external=True, **values)
    raise RuntimeError("set CLAUSEWRIGHT_BASE_URL (for example https://contracts.example.com): links made "
                       "outside a web request need the site's address")


def safe_next(target: str | None) -> str:
    """The `next` address if it is a path on this site, else the dashboard."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("contracts.dashboard")
