"""Register, sign in, sign out, and the freelancer's business details."""

from __future__ import annotations

import math

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select

from webapp.auth.forms import BusinessForm, RegisterForm, SignInForm, normal_email
from webapp.auth.lockout import forget_failures, note_failure, seconds_to_wait
from webapp.auth.passwords import check_password, hash_password
from webapp.contracts.forms import ButtonForm
from webapp.extensions import db
from webapp.fields import to_json
from webapp.i18n import chosen_language, language_name, remember_language
from webapp.models import User
from webapp.urls import safe_next

bp = Blueprint("auth", __name__, url_prefix="/account", template_folder="templates")


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Create an account, sign in, and ask for the business details."""
    form = RegisterForm()
    if form.validate_on_submit():
        user = User(email=normal_email(form.email.data), password_hash=hash_password(form.password.data),
                    locale=chosen_language())
        db.session.add(user)
        db.session.commit()
        login_user(user)
        flash(_("Welcome! Tell us about your business once; every new contract starts with it."))
        return redirect(url_for("auth.business"))
    return render_template("auth/register.html", form=form), 422 if form.errors else 200


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Check the email and password, then go where the freelancer was heading."""
    form = SignInForm()
    if form.validate_on_submit():
        email = normal_email(form.email.data)
        wait = seconds_to_wait(email)
        if wait:
            form.password.errors.append(ngettext(
                "Too many failed attempts with this email. Try again in %(num)d minute.",
                "Too many failed attempts with this email. Try again in %(num)d minutes.", math.ceil(wait / 60)))
            return render_template("auth/sign_in.html", form=form), 429
        user = db.session.scalar(select(User).where(User.email == email))
        if check_password(user, form.password.data):
            forget_failures(email)
            db.session.commit()
            login_user(user, remember=form.remember.data)
            return redirect(safe_next(request.args.get("next")))
        note_failure(email)
        form.password.errors.append(_("That email and password do not match an account."))
    return render_template("auth/sign_in.html", form=form), 422 if form.errors else 200


@bp.post("/sign-out")
@login_required
def sign_out():
    """Sign out and return to the sign-in page."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    logout_user()
    flash(_("You are signed out."))
    return redirect(url_for("auth.sign_in"))


@bp.route("/business", methods=["GET", "POST"])
@login_required
def business():
    """The freelancer's own details, kept once for every new contract."""
    form = BusinessForm(data={"business": current_user.business, "locale": current_user.locale or ""})
    form.locale.choices = {"": _("Same as my browser"),
                           **{code: language_name(code) for code in current_app.config["UI_LOCALES"]}}
    if form.validate_on_submit():
        current_user.business = to_json(form.business.data)
        current_user.locale = form.locale.data or None
        db.session.commit()
        flash(_("Your business details are saved. New contracts start with them."))
        return remember_language(redirect(url_for("contracts.dashboard")), current_user.locale)
    return render_template("auth/business.html", form=form), 422 if form.errors else 200

