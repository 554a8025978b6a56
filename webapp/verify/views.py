"""Check an uploaded DOCX or a certificate's verification code against the envelopes of this server."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass

from flask import Blueprint, render_template
from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select

from contracts.certificate import envelope_named
from webapp.extensions import db
from webapp.models import Envelope
from webapp.verify.forms import VerifyForm

bp = Blueprint("verify", __name__, url_prefix="/verify", template_folder="templates")


@dataclass(frozen=True)
class Verdict:
    """What a check found: genuine, original (unsigned as sent), altered or unknown; and the envelope."""

    kind: str
    envelope: Envelope | None = None
    file_hash: str = ""


def is_docx(data: bytes) -> bool:
    """Whether the bytes are a Word document (a ZIP package with a main document part)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, EOFError):
        return False


def check_file(data: bytes) -> Verdict:
    """Genuine if the file is, byte for byte, a signed copy (or the frozen original) issued here."""
    digest = hashlib.sha256(data).hexdigest()
    found = db.session.scalar(select(Envelope).where(or_(Envelope.signed_hash == digest,
                                                         Envelope.document_hash == digest)))
    if found is not None:
        return Verdict("genuine" if found.signed_hash == digest else "original", found, digest)
    named = envelope_named(data)
    envelope = db.session.get(Envelope, named) if named else None
    return Verdict("altered" if envelope is not None else "unknown", envelope, digest)


def normal_code(text: str) -> str:
    """A typed verification code in its printed form: ABCD-EFGH-JKLM-NPQR."""
    letters = re.sub(r"[^A-Z2-7]", "", text.upper())
    return "-".join(letters[i:i + 4] for i in range(0, len(letters), 4))


def check_code(text: str) -> Verdict:
    """The completed envelope a verification code belongs to, if any."""
    envelope = db.session.scalar(select(Envelope).where(Envelope.verification_code == normal_code(text)))
    return Verdict("code" if envelope is not None else "unknown_code", envelope)


@bp.route("", methods=["GET", "POST"])
def check():
    """The form; on submit, the verdict on the file or code."""
    form = VerifyForm()
    verdict = None
    if form.validate_on_submit():
        if form.document.data:
            data = form.document.data.read()
            if is_docx(data):
                verdict = check_file(data)
            else:
                form.document.errors = [_l("This file is not a Word document (.docx).")]
        else:
            verdict = check_code(form.code.data)
    return render_template("verify/check.html", form=form, verdict=verdict), 422 if form.errors else 200


@bp.get("/<code>")
def code(code: str):
    """The verdict on a code, as the QR code on a printed certificate opens it."""
    form = VerifyForm(data={"code": code})
    return render_template("verify/check.html", form=form, verdict=check_code(code))
