"""The review: the assembled contract with its contents, problems that link to their field, downloads."""

from __future__ import annotations

import io

import docx
import pytest
from web.interview import ANSWERS, CHOSEN_CLAUSES, EXCLUDED_CLAUSES, answer_all, start_contract, step_url
from web.page import Page

from webapp.extensions import db
from webapp.models import Contract

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def contract_id(client, auth) -> int:
    auth.register()
    contract_id = start_contract(client)
    answer_all(client, contract_id)
    return contract_id


def document_text(data: bytes) -> str:
    """Every paragraph and table cell of a Word document."""
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_review_shows_the_contract_with_a_table_of_contents(client, contract_id):
    page = Page(client.get(f"/contracts/{contract_id}/review").text)
    contents = [e for e in page.elements if e["tag"] == "a" and e["attrs"].get("href", "").startswith("#section-")]
    assert len(contents) > 5
    for link in contents:
        assert page.find(id=link["attrs"]["href"][1:]) is not None
    preview = page.text("main")
    assert "Harbour Bakery Ltd" in preview
    for title in CHOSEN_CLAUSES:
        assert title in preview


def test_downloaded_contract_contains_the_chosen_clauses(client, contract_id):
    response = client.get(f"/contracts/{contract_id}/download/contract")
    assert response.mimetype == DOCX
    assert "attachment" in response.headers["Content-Disposition"]
    text = document_text(response.data)
    assert "Harbour Bakery Ltd" in text and "Ada Pixel Studio Ltd" in text
    for title in CHOSEN_CLAUSES:
        assert title in text
    for title in EXCLUDED_CLAUSES:
        assert title not in text


def test_downloaded_transition_plan_is_a_separate_document(client, contract_id):
    response = client.get(f"/contracts/{contract_id}/download/transition")
    assert response.mimetype == DOCX
    assert "Transition Plan" in document_text(response.data)
    assert "transition-Harbour-Bakery-Ltd.docx" in response.headers["Content-Disposition"]


def test_a_problem_links_to_the_step_and_field_that_fix_it(app, client, contract_id):
    with app.app_context():
        contract = db.session.get(Contract, contract_id)
        answers = {**contract.answers, "ip": {**contract.answers["ip"], "buyout_percent": "5"}}
        contract.record(answers, contract.completed)
        db.session.commit()
    page = Page(client.get(f"/contracts/{contract_id}/review").text)
    link = page.find(href=step_url(contract_id, "ip") + "?then=review#ip-buyout_percent")
    assert link is not None
    assert "must be between 20 and 100" in page.text("main")
    assert page.find(href=f"/contracts/{contract_id}/download/contract") is None
    response = client.get(f"/contracts/{contract_id}/download/contract")
    assert response.headers["Location"] == f"/contracts/{contract_id}/review"


def test_unanswered_steps_are_listed_on_the_review(client, auth):
    auth.register()
    contract_id = start_contract(client)
    client.post(step_url(contract_id, "parties"), data=ANSWERS["parties"])
    page = Page(client.get(f"/contracts/{contract_id}/review").text)
    assert page.find(href=step_url(contract_id, "deliverables") + "?then=review") is not None
    assert page.find(href=f"/contracts/{contract_id}/download/contract") is None


def test_a_sample_profile_goes_straight_to_a_complete_review(client, auth):
    auth.register()
    response = client.post("/contracts/new", data={"start": "designer-licence"})
    contract_id = int(response.headers["Location"].split("/")[-1])
    assert client.get(response.headers["Location"]).headers["Location"] == f"/contracts/{contract_id}/review"
    page = Page(client.get(f"/contracts/{contract_id}/review").text)
    assert "Northwind Coffee Roasters" in page.text("main")
    assert page.find(href=f"/contracts/{contract_id}/download/contract") is not None
