"""The freelancer's side of signing: send a contract, follow its envelope, sign, withdraw, download."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required

from webapp.envelopes import trail
from webapp.envelopes.ceremony import whose_turn
from webapp.envelopes.downloads import download
from webapp.envelopes.forms import SendForm, VoidForm
from webapp.envelopes.freeze import OPEN, send, void
from webapp.envelopes.links import link_token
from webapp.extensions import db
from webapp.jobs import email_sign_link, notify
from webapp.mail import mail_configured
from webapp.models import Envelope, own_contract, own_envelope
from webapp.urls import external_url
from webapp.wizard.answers import check_answers

bp = Blueprint("envelopes", __name__, template_folder="templates")


@bp.post("/contracts/<int:contract_id>/send")
@login_required
def send_contract(contract_id: int):
    """Freeze the contract into an envelope; sign first, or send the client their link."""
    contract = own_contract(contract_id)
    form = SendForm()
    if not form.validate_on_submit():
        abort(400)
    profile, _problems = check_answers(contract.answers)
    if profile is None:
        flash(_("Some answers need fixing before the contract can be sent."))
        return redirect(url_for("wizard.review", contract_id=contract.id))
    envelope = send(contract, profile, freelancer_first=form.order.data == "freelancer")
    if envelope.freelancer_first:
        return redirect(url_for("envelopes.sign", envelope_id=envelope.id))
    deliver_link(envelope)
    return redirect(url_for("envelopes.show", envelope_id=envelope.id))


def deliver_link(envelope) -> None:
    """Email the client their link, or tell the freelancer to copy it."""
    if notify(email_sign_link, envelope.id):
        flash(_("Sent. %(client)s has the link by email.", client=envelope.signer("client").name))
    elif mail_configured():
        flash(_("The email could not be sent. Copy the link below and send it yourself."))
    else:
        flash(_("Ready to sign. Copy the link below and send it to %(client)s.",
                client=envelope.signer("client").name))


@bp.get("/envelopes/<envelope_id>")
@login_required
def show(envelope_id: str):
    """Where the envelope stands, the client's link, and what the freelancer can do next."""
    envelope = own_envelope(envelope_id)
    client = envelope.signer("client")
    link = external_url("sign.page", token=link_token(client)) if envelope.status in ("sent", "viewed") else None
    comments = [event for event in trail.events(envelope.id) if event.kind == "commented"]
    return render_template("envelopes/show.html", envelope=envelope, client=client,
                           freelancer=envelope.signer("freelancer"), link=link, turn=whose_turn(envelope),
                           can_void=envelope.status in OPEN and not envelope.is_plan, emailed=mail_configured(),
                           comments=comments, parent=db.session.get(Envelope, envelope.parent_id)
                           if envelope.parent_id else None)


@bp.get("/envelopes/<envelope_id>/sign")
@login_required
def sign(envelope_id: str):
    """The freelancer's own signing page, through a link minted for them now."""
    envelope = own_envelope(envelope_id)
    return redirect(url_for("sign.page", token=link_token(envelope.signer("freelancer"))))


@bp.route("/envelopes/<envelope_id>/void", methods=["GET", "POST"])
@login_required
def withdraw(envelope_id: str):
    """Ask for confirmation, then withdraw the envelope: its links stop working."""
    envelope = own_envelope(envelope_id)
    form = VoidForm()
    if form.validate_on_submit():
        if void(envelope, reason=form.reason.data.strip()):
            db.session.commit()
            flash(_("Withdrawn. The client's link now says the plan was withdrawn.") if envelope.is_plan
                  else _("Withdrawn. The signing link now says the contract was withdrawn."))
        else:
            db.session.rollback()
            flash(_("This envelope can no longer be withdrawn."))
        return redirect(url_for("envelopes.show", envelope_id=envelope.id))
    return render_template("envelopes/void.html", envelope=envelope, form=form)


@bp.get("/envelopes/<envelope_id>/download/<any(contract, transition, signed, certificate):document>")
@login_required
def download_document(envelope_id: str, document: str):
    """One of the envelope's documents as a Word file."""
    return download(own_envelope(envelope_id), document, "freelancer")


@bp.get("/envelopes/<envelope_id>/trail")
@login_required
def audit_trail(envelope_id: str):
    """Every event of the envelope, and whether the hash chain that seals them holds."""
    envelope = own_envelope(envelope_id)
    return render_template("envelopes/trail.html", envelope=envelope, events=trail.events(envelope.id),
                           broken=trail.first_tampered(envelope.id))
