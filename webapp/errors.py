"""Error pages, and the second chance given to a form whose CSRF token went stale."""

from __future__ import annotations

from flask import Flask, current_app, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

PAGES = {
    400: _l("Something in that request did not make sense."),
    404: _l("There is nothing here. The page may have moved, or the link is mistyped."),
    405: _l("This page cannot be used that way. Go back and try again from the page before."),
    413: _l("That was more than we accept in one go."),
    500: _l("Something went wrong on our side. Nothing you did caused it: please try again in a minute."),
}


def init_app(app: Flask) -> None:
    """Register the handlers."""
    app.register_error_handler(CSRFError, refuse_stale_form)
    for code in PAGES:
        app.register_error_handler(code, show_error)


def show_error(error: HTTPException):
    """A plain page for an HTTP error, in the site's layout."""
    return render_template("error.html", code=error.code, message=PAGES[error.code]), error.code


def refuse_stale_form(error: CSRFError):
    """Refuse the POST with 400, but show the same form again with what was typed in it.

    Every POST view only acts after its FlaskForm validates, and that validation repeats the
    CSRF check, so running the view again re-renders the form with its values and nothing else.
    """
    view = current_app.view_functions.get(request.endpoint or "")
    if view is None:
        return show_error(error)
    try:
        response = current_app.make_response(view(**(request.view_args or {})))
    except HTTPException as refused:
        return refused
    if response.status_code < 300 or response.status_code == 422:
        response.status_code = 400
    return response
