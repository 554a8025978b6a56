"""Documents made from the same answers are reused; changed answers always make a new document."""

from __future__ import annotations

from web.interview import ANSWERS, step_url
from web.signing import ready_contract

from conftest import docx_text
from webapp.extensions import db
from webapp.models import Contract
from webapp.rendered import contract_docx, contract_preview


def test_a_changed_answer_shows_in_the_next_download_and_preview(client, auth):
    contract_id = ready_contract(client, auth)
    download = f"/contracts/{contract_id}/download/contract"
    assert "Harbour Bakery Ltd" in docx_text(client.get(download).data)
    parties = {**ANSWERS["parties"], "client-name": "Quayside Bread Co"}
    assert client.post(step_url(contract_id, "parties"), data=parties).status_code in (302, 303)
    text = docx_text(client.get(download).data)
    assert "Quayside Bread Co" in text and "Harbour Bakery Ltd" not in text
    review = client.get(f"/contracts/{contract_id}/review").text
    assert "Quayside Bread Co" in review and "Harbour Bakery Ltd" not in review


def test_the_same_answers_are_rendered_once(app, client, auth):
    contract_id = ready_contract(client, auth)
    with app.app_context():
        answers = db.session.get(Contract, contract_id).answers
        assert contract_docx(answers, "contract") is contract_docx(dict(answers), "contract")
        assert contract_preview(answers)[1] is contract_preview(dict(answers))[1]
        assert contract_docx({}, "contract") is None and contract_preview({}) == (None, None)
