"""The signing page a client (or the freelancer) opens from a link: read, download, sign or decline."""

from __future__ import annotations

import hashlib

from flask import Blueprint, abort, flash, g, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import refresh
from markupsafe import Markup

from webapp.envelopes.ceremony import AlreadySigned, comment, decline, expire, has_signed, sign, view, whose_turn
from webapp.envelopes.downloads import download
from webapp.envelopes.links import Refused, open_link
from webapp.extensions import db
from webapp.jobs import (
    email_client_signed, email_commented, email_completed, email_declined, email_sign_link, notify,
)
from webapp.models import Envelope, Signer
from webapp.sign.forms import CommentForm, DeclineForm, SignForm

bp = Blueprint("sign", __name__, url_prefix="/sign", template_folder="templates")

REFUSED_STATUS = {"invalid": 404, "expired": 410, "voided": 410, "declined": 410}


@bp.after_request
def keep_private(response):
    """A signing page holds a personal link: never cached, never indexed."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def opened(token: str) -> tuple[Envelope, Signer]:
    """The envelope and signer of a usable link, in the contract's language; else the page saying why not."""
    try:
        envelope, signer = open_link(token)
    except Refused as refused:
        if refused.envelope is not None:
            speak(refused.envelope)
            if refused.reason == "expired" and expire(refused.envelope):
                db.session.commit()
        abort(make_response(*refusal_page(refused)))
    speak(envelope)
    return envelope, signer


def refusal_page(refused: Refused):
    """The page saying why a link cannot be used and what to do, with its own status."""
    page = render_template("sign/refused.html", reason=refused.reason, envelope=refused.envelope)
    return page, REFUSED_STATUS.get(refused.reason, 409)


def speak(envelope: Envelope) -> None:
    """Show this request's pages in the contract's language (see i18n.select_locale)."""
    g.document_language = envelope.language
    refresh()


def consent_text(envelope: Envelope, signer: Signer) -> str:
    """The exact consent the signer agrees to; its SHA-256 is stored with the signature."""
    party = envelope.profile["client" if signer.role == "freelancer" else "freelancer"]["name"]
    if envelope.is_plan and signer.role == "freelancer":
        return _("I agree to use electronic records for this transition plan with %(party)s. I have read the plan "
                 "and can download a copy to keep. Typing my name and pressing Issue is my signature as its issuer, "
                 "with the same legal effect as signing it on paper.", party=party)
    if envelope.is_plan:
        return _("I agree to use electronic records for this transition plan with %(party)s. I have read the plan "
                 "and can download a copy to keep. Typing my name and pressing Acknowledge records that I received "
                 "it, with the same legal effect as acknowledging it on paper.", party=party)
    return _("I agree to use electronic records and signatures for this contract with %(party)s. I have read "
             "the contract and can download a copy to keep. Typing my name and pressing Sign is my signature, "
             "with the same legal effect as signing on paper.", party=party)


def status_page(envelope: Envelope, signer: Signer, token: str, code: int = 200):
    """Where signing stands for this signer, with the downloads they may have."""
    return render_template("sign/status.html", envelope=envelope, signer=signer, token=token,
                           signed=has_signed(signer)), code


def signing_page(envelope: Envelope, signer: Signer, token: str, form: SignForm, code: int = 200):
    """The contract in full, its downloads and fingerprint, and the form to sign it."""
    return render_template("sign/page.html", envelope=envelope, signer=signer, token=token, form=form,
                           contract=Markup(envelope.html), consent=consent_text(envelope, signer)), code


@bp.route("/<token>", methods=["GET", "POST"])
def page(token: str):
    """Read and sign; after signing, or while it is the other party's turn, where things stand."""
    envelope, signer = opened(token)
    if has_signed(signer) or whose_turn(envelope) != signer.role:
        return status_page(envelope, signer, token, 409 if request.method == "POST" else 200)
    form = SignForm()
    if not form.validate_on_submit():
        if request.method != "POST":
            view(envelope, signer)
        return signing_page(envelope, signer, token, form, 422 if form.errors else 200)
    consent = hashlib.sha256(consent_text(envelope, signer).encode("utf-8")).hexdigest()
    try:
        sign(envelope, signer, form.typed_name.data.strip(), consent)
    except AlreadySigned:
        return status_page(envelope, signer, token, 409)
    except Refused as refused:
        return refusal_page(refused)
    return after_signing(envelope, signer, token)


def after_signing(envelope: Envelope, signer: Signer, token: str):
    """Tell whoever needs to know, then show the signer where things stand."""
    if envelope.status == "completed":
        notify(email_completed, envelope.id)
    if signer.role == "client":
        notify(email_client_signed, envelope.id)
        return redirect(url_for("sign.page", token=token))
    client = envelope.signer("client").name
    if envelope.status == "sent" and notify(email_sign_link, envelope.id):
        flash(_("Issued. %(client)s has the link by email.", client=client) if envelope.is_plan
              else _("Signed. %(client)s has the link by email.", client=client))
    elif envelope.status == "sent":
        flash(_("Issued. Copy the link below and send it to %(client)s.", client=client) if envelope.is_plan
              else _("Signed. Copy the link below and send it to %(client)s.", client=client))
    else:
        flash(_("Signed by both parties. The signed contract is ready to download."))
    return redirect(url_for("envelopes.show", envelope_id=envelope.id))


@bp.route("/<token>/decline", methods=["GET", "POST"])
def decline_page(token: str):
    """Ask the client why, then record that they decline."""
    envelope, signer = opened(token)
    if envelope.is_plan or signer.role != "client" or has_signed(signer) or whose_turn(envelope) != "client":
        return redirect(url_for("sign.page", token=token))
    form = DeclineForm()
    if form.validate_on_submit():
        try:
            decline(envelope, signer, form.reason.data.strip())
        except Refused:
            return redirect(url_for("sign.page", token=token))
        notify(email_declined, envelope.id)
        return redirect(url_for("sign.page", token=token))
    return render_template("sign/decline.html", envelope=envelope, token=token, form=form), 422 if form.errors else 200


@bp.route("/<token>/comment", methods=["GET", "POST"])
def comment_page(token: str):
    """A plan's client comments instead of acknowledging: the comment goes on the audit trail and to the sender."""
    envelope, signer = opened(token)
    if request.method == "POST" and (not envelope.is_plan or signer.role != "client"):
        abort(400)  # no page offers this: only a plan's client may comment
    if not envelope.is_plan or signer.role != "client" or has_signed(signer) or whose_turn(envelope) != "client":
        return redirect(url_for("sign.page", token=token))
    form = CommentForm()
    if form.validate_on_submit():
        try:
            comment(envelope, signer, form.text.data.strip())
        except Refused as refused:
            return refusal_page(refused)
        notify(email_commented, envelope.id)
        flash(_("Your comment was sent to %(freelancer)s. You can still acknowledge the plan below.",
                freelancer=envelope.profile["freelancer"]["name"]))
        return redirect(url_for("sign.page", token=token))
    return render_template("sign/comment.html", envelope=envelope, token=token, form=form), 422 if form.errors else 200


@bp.get("/<token>/download/<any(contract, transition, signed, certificate):document>")
def download_document(token: str, document: str):
    """A document of the envelope, for the signer the link names."""
    envelope, signer = opened(token)
    return download(envelope, document, signer.role)
