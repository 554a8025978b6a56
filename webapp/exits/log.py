"""The request log after exit: what the former client asked, and how the signed contract answers it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from contracts import transition
from contracts.assemble import Contract, assemble
from contracts.requests import answer
from contracts.transition import ExitPlan, plan_exit
from webapp.clock import utcnow
from webapp.contracts.forms import ButtonForm
from webapp.exits.forms import OUTCOMES, TOPICS, RequestForm
from webapp.exits.views import bp, ended_contract
from webapp.extensions import db
from webapp.models import Ending, ExitRequest


@dataclass(frozen=True)
class Logged:
    """A logged request with the clause that governs it, as the page shows it."""

    row: ExitRequest
    clause: str


def exit_plan(profile, ending: Ending) -> ExitPlan:
    """The dates and prices of the stored ending, as the plan computed them."""
    return plan_exit(profile, transition.Ending(ended_by=ending.ended_by, notice_date=ending.notice_date,
                                                fees_paid=ending.fees_paid, note=ending.note))


def logged(contract: Contract, ending: Ending) -> list[Logged]:
    """The ending's requests, newest first, each with its clause ("number title")."""
    clauses = {c.id: c for section in contract.sections for c in section.clauses}
    rows = sorted(ending.requests, key=lambda r: (r.received_on, r.id), reverse=True)
    return [Logged(row, f"{clauses[row.clause_id].number} {clauses[row.clause_id].title}"
                   if row.clause_id in clauses else row.clause_id) for row in rows]


@bp.route("/envelopes/<envelope_id>/requests", methods=["GET", "POST"])
@login_required
def request_log(envelope_id: str):
    """The requests logged since the contract ended, and a form to log one more (post/redirect/get)."""
    envelope, profile = ended_contract(envelope_id)
    if envelope.is_plan:  # the log belongs to the contract the plan ends
        return redirect(url_for("exits.request_log", envelope_id=envelope.parent_id)) if envelope.parent_id else abort(404)
    posted = request.method == "POST"
    ending = envelope.ending
    if ending is None:
        return render_template("exits/requests.html", envelope=envelope, profile=profile, ending=None), (
            422 if posted else 200)
    today = utcnow().date()
    form = RequestForm(notice_date=ending.notice_date, today=today,
                       **({} if posted else {"data": {"received_on": today}}))
    contract, plan = assemble(profile), exit_plan(profile, ending)
    if form.validate_on_submit():
        text, received = form.text.data.strip(), form.received_on.data
        row = ExitRequest(ending_id=ending.id, received_on=received, text=text)
        db.session.add(row.answered(answer(contract, plan, text, received, topic=form.topic.data or None)))
        db.session.commit()
        flash(_("Request logged. The contract's answer and a reply draft are below."))
        return redirect(url_for("exits.request_log", envelope_id=envelope.id))
    return render_template("exits/requests.html", envelope=envelope, profile=profile, ending=ending, form=form,
                           plan=plan, rows=logged(contract, ending), topics=TOPICS,
                           outcomes=OUTCOMES), (
        422 if form.errors else 200)


@bp.post("/envelopes/<envelope_id>/requests/remove")
@login_required
def remove_request(envelope_id: str):
    """Remove a request logged by mistake."""
    envelope, _profile = ended_contract(envelope_id)
    if not ButtonForm().validate_on_submit():  # the CSRF check, repeated when its refusal runs this view again
        abort(400)
    ending = envelope.ending
    row = next((r for r in ending.requests if str(r.id) == request.form.get("request")), None) if ending else None
    if row is None:
        abort(404)
    db.session.delete(row)
    db.session.commit()
    flash(_("Request removed from the log."))
    return redirect(url_for("exits.request_log", envelope_id=envelope.id))
