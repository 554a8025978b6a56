"""What the speed-ups must not change: the HTML of form fields, the language of every string, and
which requests are rate limited. (How fast is measured by bench/load.py, never here.)"""

from __future__ import annotations

import importlib.util

import pytest
from flask import g, render_template_string
from flask_babel import force_locale, gettext, refresh
from markupsafe import Markup

from webapp import create_app
from webapp.extensions import db
from webapp.templating import html_params


def wtforms_own_html_params():
    """`wtforms.widgets.core.html_params` as WTForms ships it, from a fresh copy of its module."""
    spec = importlib.util.find_spec("wtforms.widgets.core")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.html_params


@pytest.mark.parametrize("attributes", [
    {"name": "a", "id": "b", "class_": "c d", "value": "x\"<y>&'z"},
    {"checked": True, "readonly": False, "data_user_name": "n", "aria_describedby": "q"},
    {"value": Markup('a"b<i>')},
    {"value": None, "min": 0, "max": 1.5, "step": "any"},
    {"for_": "x", "aria-invalid": "true", "placeholder": "é ü 中 \u2028"},
    {},
])
def test_form_fields_are_written_exactly_as_wtforms_writes_them(attributes):
    expected = wtforms_own_html_params()(**attributes)
    assert html_params(**attributes) == expected
    assert type(html_params(**attributes)) is type(expected)


def test_strings_follow_the_language_of_the_moment_within_one_request(app):
    template = "{{ _('Sign') }}|{{ gettext('Decline to sign') }}"
    with app.test_request_context("/", headers={"Accept-Language": "fr"}):
        french = (gettext("Sign"), render_template_string(template))
        with force_locale("es"):
            spanish = (gettext("Sign"), render_template_string(template))
        after = gettext("Sign")
    assert french[0] == after != "Sign" and spanish[0] not in (french[0], "Sign")
    assert french[1] == f"{french[0]}|{gettext_in(app, 'fr', 'Decline to sign')}"
    assert spanish[1].startswith(f"{spanish[0]}|")


def test_a_refresh_switches_the_language_of_later_strings(app):
    with app.test_request_context("/", headers={"Accept-Language": "fr"}):
        french = gettext("Sign")
        g.document_language = "es"
        refresh()
        assert gettext("Sign") == gettext_in(app, "es", "Sign") != french


def test_template_strings_are_escaped_then_formatted(app):
    with app.test_request_context("/"):
        page = render_template_string("{{ _('%(who)s asks you to sign', who='<b>Ann</b>') }}")
    assert page == "&lt;b&gt;Ann&lt;/b&gt; asks you to sign"


def test_wtforms_messages_follow_the_language_of_the_moment(app):
    from flask_wtf.i18n import translations

    with app.test_request_context("/", headers={"Accept-Language": "fr"}):
        french = translations.gettext("This field is required.")
        with force_locale("es"):
            spanish = translations.gettext("This field is required.")
    assert french == "Ce champ est requis." and spanish not in (french, "This field is required.")


def test_an_app_wide_default_limit_still_counts_every_page(app):
    limited = create_app({**app.config, "INSTANCE_PATH": app.instance_path, "RATELIMIT_DEFAULT": "2 per minute"})
    client = limited.test_client()
    assert [client.get("/account/sign-in").status_code for _ in range(3)] == [200, 200, 429]
    with limited.app_context():
        db.engine.dispose()


def gettext_in(app, language: str, text: str) -> str:
    """`text` in `language`, from a request of its own."""
    with app.test_request_context("/", headers={"Accept-Language": language}):
        return gettext(text)
