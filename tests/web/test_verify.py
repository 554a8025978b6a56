"""The verify page: a genuine signed file is recognised; one changed character makes it altered."""

from __future__ import annotations

import io
import zipfile

import pytest
from web.page import Page
from web.signing import client_link, freelancer_link, ready_contract, send, sign_as, stored

from contracts.certificate import envelope_named


@pytest.fixture
def completed(app, client, auth):
    envelope_id = send(client, ready_contract(client, auth))
    sign_as(client, client_link(client, envelope_id))
    sign_as(client, freelancer_link(client, envelope_id), "Ada Pixel")
    auth.sign_out()
    return stored(app, envelope_id)["envelope"]


def upload(client, data: bytes, name: str = "contract.docx"):
    return client.post("/verify", data={"document": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def verdict(response) -> str:
    return Page(response.text).text("verdict")


def one_character_changed(data: bytes) -> bytes:
    """The same DOCX with one letter of the contract's text changed, as an editor would save it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                part = part.replace(b"Harbour Bakery Ltd", b"Harbour Bakery Ltc", 1)
            target.writestr(info, part)
    return out.getvalue()


def test_the_genuine_signed_file_is_recognised(client, completed):
    response = upload(client, completed.signed_document)
    assert response.status_code == 200
    assert "Genuine and unaltered" in verdict(response)
    assert completed.id in verdict(response) and completed.document_hash in verdict(response)


def test_a_file_with_one_changed_character_is_altered(client, completed):
    altered = one_character_changed(completed.signed_document)
    assert envelope_named(altered) == completed.id
    response = upload(client, altered)
    assert "Altered" in verdict(response) and completed.id in verdict(response)
    assert "Genuine" not in verdict(response)


def test_the_unsigned_original_is_genuine_but_not_signed(client, completed):
    assert "Genuine, but not signed" in verdict(upload(client, completed.document))


def test_a_document_from_elsewhere_is_unknown(client, completed):
    import docx

    other = io.BytesIO()
    docx.Document().save(other)
    assert "Not issued by this server" in verdict(upload(client, other.getvalue()))


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"%PDF-1.7 not a word file", "contract.pdf", "Word document (.docx)"),
    (b"plain text pretending", "contract.docx", "not a Word document"),
])
def test_only_word_documents_are_checked(client, completed, data, name, message):
    response = upload(client, data, name)
    assert response.status_code == 422
    assert any(message in error for error in Page(response.text).errors("document"))


def test_a_file_over_the_size_limit_is_refused(client, completed):
    body = (b"--edge\r\nContent-Disposition: form-data; name=\"document\"; filename=\"big.docx\"\r\n\r\n"
            + b"x" * (1024 * 1024) + b"\r\n--edge--\r\n")
    response = client.post("/verify", data=body, content_type="multipart/form-data; boundary=edge")
    assert response.status_code == 413
    assert "more than we accept" in response.text


@pytest.mark.parametrize("typed", ["{code}", "{lower}", "{spaced}"])
def test_the_verification_code_finds_the_envelope(client, completed, typed):
    code = completed.verification_code
    text = typed.format(code=code, lower=code.lower(), spaced=code.replace("-", " "))
    response = client.post("/verify", data={"code": text})
    assert "This code is genuine" in verdict(response) and completed.id in verdict(response)


def test_the_qr_code_address_opens_the_verdict(client, completed):
    response = client.get(f"/verify/{completed.verification_code}")
    assert "This code is genuine" in verdict(response)
    assert "Unknown code" in verdict(client.get("/verify/AAAA-BBBB-CCCC-DDDD"))


def test_the_form_asks_for_a_file_or_a_code(client):
    response = client.post("/verify", data={})
    assert response.status_code == 422
    assert Page(response.text).errors("document") == ["Choose a file, or type a verification code."]
