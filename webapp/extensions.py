"""The Flask extensions, created unbound and attached to an app in `create_app`."""

from __future__ import annotations

from babel import Locale
from babel.support import NullTranslations, Translations
from flask import g
from flask_babel import Babel, Domain, get_locale
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase
from werkzeug.utils import cached_property


class Base(DeclarativeBase):
    """Base class of the web app's tables."""


class Catalogues(Domain):
    """Flask-Babel's message domain, finding the request's catalogue with one dictionary lookup.

    Flask-Babel keeps the catalogues too, but works out the request's language and the catalogue's
    key again for every string a page translates, and a page translates dozens.
    """

    def __init__(self, domain: str):
        super().__init__(domain=domain)
        self.by_language: dict = {}

    def get_translations(self) -> Translations | NullTranslations:
        locale = request_locale()
        key = locale and (locale.language, locale.territory, locale.script, locale.variant, locale.modifier)
        found = self.by_language.get(key)
        if found is None:
            found = super().get_translations()
            if locale is not None:
                self.by_language[key] = found
        return found


def request_locale() -> Locale | None:
    """The request's locale as Flask-Babel settled it (also inside `force_locale`), without the three
    lookups of `flask.g` that `get_locale()` makes each time; `get_locale()` until it is settled."""
    settled = getattr(g.get("_flask_babel"), "babel_locale", None) if g else None
    return settled or get_locale()


class QuickBabel(Babel):
    """Flask-Babel, with the default domain's catalogues found as `Catalogues` finds them."""

    @cached_property
    def domain_instance(self) -> Domain:
        return Catalogues(self.domain)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login = LoginManager()
babel = QuickBabel()
csrf = CSRFProtect()
