"""The dashboard: a freelancer's contracts; start, open, duplicate, delete and download them."""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.utils import secure_filename

from contracts.wizard import is_complete, question_steps, resume_step
from webapp.contracts.forms import BLANK, ButtonForm, StartForm
from webapp.contracts.samples import list_samples, sample_answers
from webapp.extensions import db
from webapp.models import Contract, own_contract, own_contracts, own_envelopes
from webapp.rendered import contract_docx
from webapp.wizard.answers import complete_steps

bp = Blueprint("contracts", __name__, template_folder="templates")

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@bp.get("/")
def dashboard():
    """The freelancer's contracts, newest first; visitors go to the sign-in page."""
    if not current_user.is_authenticated:
        return redirect(url_for("auth.sign_in"))
    rows = [{"contract": c, "fees": total_fees(c.answers), "complete": is_complete(c.completed)}
            for c in own_contracts()]
    return render_template("contracts/dashboard.html", rows=rows, button=ButtonForm(),
                           questions=len(question_steps()), envelopes=own_envelopes())


@bp.route("/contracts/new", methods=["GET", "POST"])
@login_required
def start():
    """Start a contract from scratch or from a sample profile."""
    samples = {s.name: s for s in list_samples()}
    form = StartForm().offer(list(samples.values()))
    if form.validate_on_submit():
        if form.start.data == BLANK:
            contract = create(business_answers({}), [])
        else:
            answers = business_answers(sample_answers(samples[form.start.data]))
            contract = create(answers, complete_steps(answers))
        return redirect(url_for("contracts.open_contract", contract_id=contract.id))
    earlier = own_contracts()
    return render_template("contracts/start.html", form=form, earlier=earlier, button=ButtonForm())


@bp.get("/contracts/<int:contract_id>")
@login_required
def open_contract(contract_id: int):
    """Pick up a contract where the freelancer left it."""
    contract = own_contract(contract_id)
    step = resume_step(contract.completed)
    if step.id == "review":
        return redirect(url_for("wizard.review", contract_id=contract.id))
    return redirect(url_for("wizard.step", contract_id=contract.id, step_id=step.id))


@bp.post("/contracts/<int:contract_id>/duplicate")
@login_required
def duplicate(contract_id: int):
    """Start a new contract with a copy of an earlier one's answers."""
    original = own_contract(contract_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    copy = create(dict(original.answers), list(original.completed))
    flash(_("This is a copy. Change what differs for the new client."))
    return redirect(url_for("contracts.open_contract", contract_id=copy.id))


@bp.route("/contracts/<int:contract_id>/delete", methods=["GET", "POST"])
@login_required
def delete(contract_id: int):
    """Ask for confirmation, then delete the contract for good."""
    contract = own_contract(contract_id)
    form = ButtonForm()
    if form.validate_on_submit():
        db.session.delete(contract)
        db.session.commit()
        flash(_("The contract was deleted."))
        return redirect(url_for("contracts.dashboard"))
    return render_template("contracts/delete.html", contract=contract, form=form)


@bp.get("/contracts/<int:contract_id>/download/<any(contract, transition):document>")
@login_required
def download(contract_id: int, document: str):
    """The contract or its transition plan as a Word document."""
    contract = own_contract(contract_id)
    data = contract_docx(contract.answers, document)
    if data is None:
        flash(_("Some answers need fixing before the document can be made."))
        return redirect(url_for("wizard.review", contract_id=contract.id))
    client = secure_filename(contract.client_name.replace(" ", "-")).strip("._-") or str(contract.id)
    name = f"{document}-{client}.docx"
    return send_file(io.BytesIO(data), mimetype=DOCX, as_attachment=True, download_name=name)


def create(answers: dict[str, Any], completed: list[str]) -> Contract:
    """Save a new draft contract for the signed-in freelancer."""
    contract = Contract(user_id=current_user.id)
    contract.record(answers, completed)
    db.session.add(contract)
    db.session.commit()
    return contract


def business_answers(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers with the freelancer's own business details, when they have given them."""
    if current_user.business.get("name"):
        return {**answers, "freelancer": dict(current_user.business)}
    return answers


def total_fees(answers: dict[str, Any]) -> Decimal | None:
    """The sum of the deliverables' prices so far, or None before there are any."""
    try:
        prices = [Decimal(str(row["price"])) for row in answers.get("deliverables") or []]
    except (KeyError, TypeError, InvalidOperation):
        return None
    return sum(prices, Decimal(0)) if prices else None
