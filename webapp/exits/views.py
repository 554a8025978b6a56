"""End an engagement: record the ending, preview the dated plan, issue it for the client to acknowledge."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from markupsafe import Markup

from contracts.assemble import assemble
from contracts.html import render_html
from contracts.profile import Profile, ProfileError, parse_profile
from contracts.requests import answer
from contracts.transition import ExitPlan, parse_ending, plan_exit
from webapp.envelopes.freeze import Settled, issue_plan
from webapp.exits.forms import EndingForm
from webapp.extensions import db
from webapp.models import Ending, Envelope, own_envelope
from webapp.wizard.reasons import reason_text

bp = Blueprint("exits", __name__, template_folder="templates")


def ended_contract(envelope_id: str) -> tuple[Envelope, Profile]:
    """The freelancer's own contract envelope and the Profile it was signed with; 404 for anyone else's."""
    envelope = own_envelope(envelope_id)
    return envelope, parse_profile(envelope.profile)


def acknowledged(envelope: Envelope) -> Envelope | None:
    """The plan the client acknowledged for this contract, if any: the ending is then settled."""
    return next((plan for plan in envelope.plans if plan.status == "completed"), None)


def check(form: EndingForm, profile: Profile) -> ExitPlan | None:
    """The exit plan the form's answers make, or None with each problem shown under its field."""
    form.validate_on_submit()
    if not form.is_submitted() or "csrf_token" in form.errors:
        return None
    answers = {name: value for name, value in form.ending().items() if value is not None and not form[name].errors}
    try:
        plan = plan_exit(profile, parse_ending(answers, profile))
    except ProfileError as error:
        for path, reason in error.problems:
            name = path.split(".")[0]
            field = form[name] if name in form else form.ended_by
            if not field.errors:
                field.errors = [reason_text(reason)]
        return None
    return None if any(field.errors for field in form) else plan


def prefilled(envelope: Envelope, profile: Profile) -> EndingForm:
    """The form as the ending stands, or with the contract's total fees for a first ending."""
    ending = envelope.ending
    if ending is None:
        return EndingForm(data={"fees_paid": profile.total_fees})
    return EndingForm(data={"ended_by": ending.ended_by, "notice_date": ending.notice_date,
                            "fees_paid": ending.fees_paid, "note": ending.note})


def show_form(envelope: Envelope, profile: Profile, form: EndingForm, code: int = 200):
    """The ending form, or why this contract cannot be ended (not completed, or the plan already acknowledged)."""
    form.fees_paid.label.text = _("Fees actually paid (%(currency)s)", currency=profile.currency)
    return render_template("exits/end.html", envelope=envelope, profile=profile, form=form,
                           settled=acknowledged(envelope)), code


@bp.route("/envelopes/<envelope_id>/end", methods=["GET", "POST"])
@login_required
def end(envelope_id: str):
    """The ending form; a valid submission shows the dated plan to check before issuing it."""
    envelope, profile = ended_contract(envelope_id)
    posted = request.method == "POST"
    if envelope.is_plan or envelope.status != "completed" or acknowledged(envelope):
        return show_form(envelope, profile, EndingForm(), 422 if posted else 200)
    form = EndingForm() if posted else prefilled(envelope, profile)
    plan = check(form, profile) if posted and not request.form.get("change") else None
    if plan is None:
        return show_form(envelope, profile, form, 422 if form.errors else 200)
    document = render_html(assemble(profile, document="transition", extra={"exit": plan}))
    return render_template("exits/preview.html", envelope=envelope, profile=profile, form=form, plan=plan,
                           document=Markup(document))


@bp.post("/envelopes/<envelope_id>/end/issue")
@login_required
def issue(envelope_id: str):
    """Store the ending, freeze the dated plan and take the freelancer to issue it (their signature)."""
    envelope, profile = ended_contract(envelope_id)
    if envelope.is_plan or envelope.status != "completed" or acknowledged(envelope):
        return show_form(envelope, profile, EndingForm(), 422)
    form = EndingForm()
    plan = check(form, profile)
    if plan is None:
        return show_form(envelope, profile, form, 422)
    record_ending(envelope, profile, plan)
    try:
        issued = issue_plan(envelope, profile, plan)
    except Settled:
        db.session.rollback()
        return show_form(envelope, profile, EndingForm(), 422)
    db.session.commit()
    flash(_("Read the plan once more, then type your name to issue it. %(client)s gets the link once you have.",
            client=issued.signer("client").name))
    return redirect(url_for("envelopes.sign", envelope_id=issued.id))


def record_ending(envelope: Envelope, profile: Profile, plan: ExitPlan) -> Ending:
    """Create or update the contract's ending with what the plan was computed from.

    Requests already logged are answered again, so their outcome, price and reply follow the new dates.
    """
    ending = envelope.ending or Ending(user_id=envelope.user_id, envelope_id=envelope.id)
    ending.ended_by, ending.notice_date, ending.fees_paid, ending.note = (
        plan.ended_by, plan.notice_date, plan.fees_paid, plan.note)
    db.session.add(ending)
    contract = assemble(profile) if ending.requests else None
    for row in ending.requests:
        row.answered(answer(contract, plan, row.text, row.received_on, topic=row.topic))
    return ending
