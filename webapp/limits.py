"""Rate limits per client address on the pages a robot would hammer: sign-in, registration, signing, verify.

Counters live in Redis when CLAUSEWRIGHT_REDIS_URL is set, so every worker and server shares them;
in memory otherwise (the zero-setup default, one process). Each limit is a setting, in
Flask-Limiter's notation ("10 per minute; 50 per hour").
"""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import lazy_gettext as _l
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.exceptions import TooManyRequests

# endpoint -> (the setting holding its limit, the methods it counts; None for all)
LIMITED = {
    "auth.sign_in": ("RATELIMIT_SIGN_IN", ["POST"]),
    "auth.register": ("RATELIMIT_REGISTER", ["POST"]),
    "sign.page": ("RATELIMIT_SIGN", ["POST"]),
    "sign.decline_page": ("RATELIMIT_SIGN", ["POST"]),
    "sign.comment_page": ("RATELIMIT_SIGN", ["POST"]),
    "verify.check": ("RATELIMIT_VERIFY", ["POST"]),
    "verify.code": ("RATELIMIT_VERIFY", None),
}

# Flask-Limiter settings that would limit every page, not only the views above.
APP_WIDE = ("RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION", "RATELIMIT_META")

TOO_MANY = _l("That was a lot of attempts in a short time. Please wait a minute, then try again.")


def init_app(app: Flask) -> Limiter:
    """Put the limits on the views (registered before this is called) and show a friendly 429 page."""
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    app.config.setdefault("RATELIMIT_KEY_PREFIX", "clausewright")
    # Should Redis be away for a moment, count in this process's memory rather than refuse everyone.
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    # One limiter per app: tests build many apps, and each keeps its own counters.
    limiter = Limiter(get_remote_address, app=app)
    # The wrapped views only hold a weak reference; with RATELIMIT_ENABLED off nothing else would keep it.
    app.extensions["clausewright.limiter"] = limiter
    for endpoint, (setting, methods) in LIMITED.items():
        limit = limiter.shared_limit(app.config[setting], scope=setting.lower(), methods=methods)
        app.view_functions[endpoint] = limit(app.view_functions[endpoint])
    if not any(app.config.get(name) for name in APP_WIDE):
        skip_check_before_every_request(app, limiter)
    app.register_error_handler(TooManyRequests, show_too_many)
    return limiter


def skip_check_before_every_request(app: Flask, limiter: Limiter) -> None:
    """Drop the limiter's check before every request, which only counts app-wide limits: the limited
    views check their own limits as they are called, and without app-wide limits the check before
    every other page found nothing to count, on every page."""
    hooks = app.before_request_funcs.get(None, [])
    if limiter._check_request_limit in hooks:
        hooks.remove(limiter._check_request_limit)


def show_too_many(error: TooManyRequests):
    """The 429 page, in the site's layout and language, saying when to come back (at most one window)."""
    limit = getattr(error, "limit", None)
    wait = limit.limit.get_expiry() if limit is not None else 60
    return render_template("error.html", code=429, message=TOO_MANY), 429, {"Retry-After": str(wait)}
