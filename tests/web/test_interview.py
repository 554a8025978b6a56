"""The interview: every step saves a draft, catches mistakes next to the field, and keeps answers."""

from __future__ import annotations

import pytest
from web.interview import ANSWERS, MISTAKES, STEP_IDS, answer_all, start_contract, step_url
from web.page import Page

from webapp.extensions import db
from webapp.models import Contract


@pytest.fixture
def contract_id(client, auth) -> int:
    auth.register()
    return start_contract(client)


def draft(app, contract_id: int) -> Contract:
    with app.app_context():
        return db.session.get(Contract, contract_id)


def test_next_saves_each_step_and_leads_to_the_following_one(app, client, contract_id):
    for number, step in enumerate(STEP_IDS):
        response = client.post(step_url(contract_id, step), data=ANSWERS[step])
        following = STEP_IDS[number + 1] if number + 1 < len(STEP_IDS) else None
        expected = step_url(contract_id, following) if following else f"/contracts/{contract_id}/review"
        assert response.headers["Location"] == expected
        assert draft(app, contract_id).completed == STEP_IDS[: number + 1]
    saved = draft(app, contract_id)
    assert saved.client_name == "Harbour Bakery Ltd"
    assert saved.answers["deliverables"][1]["price"] == "1100.50"
    assert saved.answers["contacts"]["approver"]["name"] == "Tom Baker"
    assert saved.answers["communication"]["billable"] == ["calls", "troubleshooting"]


def test_each_step_shows_its_number_and_which_steps_are_complete(client, contract_id):
    client.post(step_url(contract_id, "parties"), data=ANSWERS["parties"])
    page = Page(client.get(step_url(contract_id, "relationship")).text)
    assert "Step 2 of 10" in page.text("main")
    current = page.find(**{"aria-current": "step"})
    assert current["attrs"]["href"] == step_url(contract_id, "relationship")
    assert "(complete)" in " ".join(e["text"] for e in page.elements if e["tag"] == "li" and "done" in
                                    e["attrs"].get("class", ""))


@pytest.mark.parametrize(("step", "field", "typed", "message"), MISTAKES,
                         ids=[f"{m[0]}-{m[1]}" for m in MISTAKES])
def test_a_mistake_is_shown_next_to_its_field_and_other_answers_stay(app, client, contract_id, step, field,
                                                                     typed, message):
    data = {**ANSWERS[step], field: typed}
    response = client.post(step_url(contract_id, step), data=data)
    assert response.status_code == 422
    page = Page(response.text)
    assert any(message in error.lower() for error in page.errors(field)), page.errors(field)
    assert page.find(id=field)["attrs"].get("aria-invalid") == "true"
    for name, value in data.items():
        if name != field and isinstance(value, str) and value:
            assert page.value(name) == value, name
    assert step not in draft(app, contract_id).completed


@pytest.mark.parametrize(("step", "changes", "field", "message"), [
    ("ip", {"ip-model": "licence", "ip-licence_scope": ""}, "ip-licence_scope", "licence"),
    ("communication", {"communication-plan": "maintenance", "communication-maintenance_fee": ""},
     "communication-maintenance_fee", "monthly fee"),
    ("contacts", {"contacts-approver-name": ""}, "contacts-approver-name", "approves estimates"),
])
def test_an_answer_that_depends_on_another_is_asked_for(client, contract_id, step, changes, field, message):
    response = client.post(step_url(contract_id, step), data={**ANSWERS[step], **changes})
    assert any(message in error for error in Page(response.text).errors(field))


def test_back_and_next_keep_every_answer(client, contract_id):
    client.post(step_url(contract_id, "parties"), data=ANSWERS["parties"])
    client.post(step_url(contract_id, "relationship"), data=ANSWERS["relationship"])
    relationship = Page(client.get(step_url(contract_id, "relationship")).text)
    back = next(e for e in relationship.elements if e["tag"] == "a" and e["text"].strip() == "Back")
    assert back["attrs"]["href"] == step_url(contract_id, "parties")
    parties = Page(client.get(back["attrs"]["href"]).text)
    for name, value in ANSWERS["parties"].items():
        assert parties.value(name) == value, name
    response = client.post(step_url(contract_id, "parties"), data=ANSWERS["parties"])
    relationship = Page(client.get(response.headers["Location"]).text)
    assert relationship.value("relationship-type") == "consultant"
    assert relationship.value("relationship-response_days") == "4"


def test_every_step_shows_its_saved_answers(client, contract_id):
    answer_all(client, contract_id)
    for step in STEP_IDS:
        page = Page(client.get(step_url(contract_id, step)).text)
        for name, value in ANSWERS[step].items():
            shown = page.value(name)
            assert shown == value or (value == "" and shown in ("", None)), (step, name, shown)


def test_a_draft_resumes_where_it_stopped_after_signing_in_again(client, auth, contract_id):
    for step in STEP_IDS[:3]:
        client.post(step_url(contract_id, step), data=ANSWERS[step])
    auth.sign_out()
    assert client.get(f"/contracts/{contract_id}").headers["Location"].startswith("/account/sign-in")
    auth.sign_in()
    response = client.get(f"/contracts/{contract_id}")
    assert response.headers["Location"] == step_url(contract_id, "ip")
    page = Page(client.get(step_url(contract_id, "deliverables")).text)
    assert page.value("deliverables-1-title") == "Menu pages"


def test_rows_are_added_and_removed_without_javascript(app, client, contract_id):
    data = {**ANSWERS["deliverables"], "rows": "add:deliverables"}
    page = Page(client.post(step_url(contract_id, "deliverables"), data=data).text)
    assert page.find(id="deliverables-2-title") is not None
    assert page.value("deliverables-1-title") == "Menu pages"
    assert page.errors("deliverables-2-title") == []
    data = {**ANSWERS["deliverables"], "rows": "remove:deliverables-0"}
    page = Page(client.post(step_url(contract_id, "deliverables"), data=data).text)
    assert page.find(id="deliverables-0-title") is None
    assert page.value("deliverables-1-title") == "Menu pages"
    assert "deliverables" not in draft(app, contract_id).answers


def test_an_empty_added_row_is_ignored_on_save(app, client, contract_id):
    empty = {"deliverables-2-title": "", "deliverables-2-price": "", "deliverables-2-revisions": "2"}
    client.post(step_url(contract_id, "deliverables"), data={**ANSWERS["deliverables"], **empty})
    assert [d["title"] for d in draft(app, contract_id).answers["deliverables"]] == ["Homepage design",
                                                                                      "Menu pages"]


def test_editing_from_the_review_returns_to_it(client, contract_id):
    answer_all(client, contract_id)
    url = step_url(contract_id, "payment") + "?then=review"
    assert "Save and return to review" in client.get(url).text
    response = client.post(url, data={**ANSWERS["payment"], "payment-invoice_days": "7"})
    assert response.headers["Location"] == f"/contracts/{contract_id}/review"


def test_new_contract_starts_with_the_freelancers_business_details(client, auth):
    auth.register()
    business = {f"business-{k.removeprefix('freelancer-')}": v for k, v in ANSWERS["parties"].items()
                if k.startswith("freelancer-")}
    client.post("/account/business", data=business)
    contract_id = start_contract(client)
    page = Page(client.get(step_url(contract_id, "parties")).text)
    assert page.value("freelancer-name") == "Ada Pixel Studio Ltd"
    assert page.value("freelancer-address") == "12 Canal Street\nManchester M1 3HW"


def test_a_step_that_does_not_exist_is_not_found(client, contract_id):
    assert client.get(step_url(contract_id, "review")).status_code == 404
    assert client.get(step_url(contract_id, "horoscope")).status_code == 404


@pytest.mark.parametrize(("step", "rows", "new_row"), [
    ("contacts", "contacts-authorised", "contacts-authorised-1-name"),
    ("reseller", "reseller-accounts", "reseller-accounts-1-provider"),
])
def test_lists_inside_a_step_grow_a_row_too(client, contract_id, step, rows, new_row):
    response = client.post(step_url(contract_id, step), data={**ANSWERS[step], "rows": f"add:{rows}"})
    page = Page(response.text)
    assert page.find(id=new_row) is not None
    assert page.find(name="rows", value=f"remove:{rows}-0") is not None
