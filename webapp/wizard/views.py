"""The interview: one page per step, saved as a draft on every Next, and the review."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_login import login_required

from contracts.wizard import Step, next_step, previous_step, question_steps, step_number, wizard_steps
from webapp.envelopes.forms import SendForm
from webapp.extensions import db
from webapp.models import Contract, own_contract
from webapp.rendered import contract_preview
from webapp.wizard.answers import check_answers, locate, problems_in_step, report_problems
from webapp.wizard.languages import language_notice
from webapp.wizard.rows import change_rows
from webapp.wizard.steps import StepForm, page_for, step_or_none

bp = Blueprint("wizard", __name__, url_prefix="/contracts", template_folder="templates")


@bp.route("/<int:contract_id>/steps/<step_id>", methods=["GET", "POST"])
@login_required
def step(contract_id: int, step_id: str):
    """Show one step prefilled from the draft; on Next, check it, save it and move on."""
    contract = own_contract(contract_id)
    step = step_or_none(step_id) or abort(404)
    form_class = page_for(step).form
    form = form_class(data=contract.answers) if request.method == "GET" else form_class()
    if request.method == "POST" and request.form.get("rows"):
        change_rows(form, request.form["rows"])
        return show_step(contract, step, form)
    if form.validate_on_submit():
        answers = {**contract.answers, **form.answers()}
        problems = problems_in_step(answers, step)
        if not problems:
            # Settled before the commit, which expires the contract and the freelancer: reading
            # either again afterwards would cost a query each.
            following = after_step(contract, step)
            get_locale()
            save_step(contract, step, answers)
            warn_about_language(step, answers)
            return redirect(following)
        report_problems(form, problems)
    return show_step(contract, step, form), 422 if request.method == "POST" else 200


def save_step(contract: Contract, step: Step, answers: dict) -> None:
    """Store the step's answers and mark it complete."""
    done = set(contract.completed) | {step.id}
    contract.record(answers, [s.id for s in question_steps() if s.id in done])
    db.session.commit()


def warn_about_language(step: Step, answers: dict) -> None:
    """Once the parties are saved, say plainly when the contract is not in the language of its law."""
    notice = language_notice(answers) if step.id == "parties" else None
    if notice is not None and not notice.bilingual:
        flash(f"{notice.text} {notice.advice}", "warning")


def after_step(contract: Contract, step: Step) -> str:
    """Where Next leads: back to the review when editing from it, else the following step."""
    following = next_step(step) or step
    return step_url(contract, wizard_steps()[-1] if request.args.get("then") == "review" else following)


def step_url(contract: Contract, step: Step) -> str:
    """The address of a step of this contract; the last step is the review."""
    if step.id == "review":
        return url_for("wizard.review", contract_id=contract.id)
    return url_for("wizard.step", contract_id=contract.id, step_id=step.id)


def show_step(contract: Contract, step: Step, form: StepForm):
    """Render a step with its progress bar and Back link."""
    before = previous_step(step)
    back = step_url(contract, before) if before else None
    return render_template(
        "wizard/step.html", contract=contract, step=step, page=page_for(step), form=form,
        progress=progress(contract, step), back=back, then=request.args.get("then"),
        notice=language_notice(contract.answers) if step.id == "parties" else None,
    )


def progress(contract: Contract, current: Step) -> dict:
    """What the progress indicator shows: step N of M and each step's state."""
    steps = [
        {"title": page_for(s).title, "done": s.id in contract.completed, "current": s == current,
         "url": step_url(contract, s)}
        for s in wizard_steps()
    ]
    return {"number": step_number(current), "total": len(steps), "steps": steps}


@bp.get("/<int:contract_id>/review")
@login_required
def review(contract_id: int):
    """The assembled contract, what is still missing, and the downloads."""
    contract = own_contract(contract_id)
    profile, problems = check_answers(contract.answers)
    review_step = wizard_steps()[-1]
    unanswered = [s for s in question_steps() if s.id not in contract.completed]
    document, preview = contract_preview(contract.answers) if profile is not None else (None, None)
    return render_template(
        "wizard/review.html", contract=contract, step=review_step, page=page_for(review_step),
        progress=progress(contract, review_step), document=document, preview=preview,
        problems=locate(contract.answers, problems, contract.completed),
        unanswered=[{"id": s.id, "title": page_for(s).title} for s in unanswered],
        send=SendForm(), envelopes=list(reversed(contract.envelopes)), notice=language_notice(contract.answers),
    )
