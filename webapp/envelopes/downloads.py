"""Serving an envelope's documents, to either party, with a name that says what each file is."""

from __future__ import annotations

import io

from flask import abort, send_file
from werkzeug.utils import secure_filename

from webapp.envelopes.documents import standalone_certificate
from webapp.envelopes.trail import record
from webapp.extensions import db
from webapp.models import Envelope

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCUMENTS = ("contract", "transition", "signed", "certificate")


def document_bytes(envelope: Envelope, document: str) -> bytes | None:
    """The bytes of one of the envelope's documents, or None while it does not exist yet."""
    if document == "contract":
        return envelope.document
    if document == "transition":
        return envelope.transition
    if envelope.status != "completed":
        return None
    return envelope.signed_document if document == "signed" else standalone_certificate(envelope)


def download(envelope: Envelope, document: str, actor: str):
    """Send the document as an attachment and note the download on the audit trail."""
    data = document_bytes(envelope, document)
    if data is None:
        abort(404)
    record(envelope, "downloaded", actor, document=document)
    db.session.commit()
    client = secure_filename(envelope.client_name.replace(" ", "-")).strip("._-") or envelope.id[:8]
    return send_file(io.BytesIO(data), mimetype=DOCX, as_attachment=True, download_name=f"{document}-{client}.docx")
