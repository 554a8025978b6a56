"""How envelope states and audit events read on the freelancer's pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

STATUS = {
    "draft": _l("Waiting for your signature"),
    "sent": _l("Sent, not opened yet"),
    "viewed": _l("Opened by the client"),
    "signed": _l("Signed by the client: countersign"),
    "completed": _l("Signed by both"),
    "declined": _l("Declined"),
    "voided": _l("Withdrawn"),
    "expired": _l("Expired"),
}

EVENTS = {
    "created": _l("Created"),
    "sent": _l("Sent for signature"),
    "emailed": _l("Emailed"),
    "viewed": _l("Opened"),
    "signed": _l("Signed"),
    "countersigned": _l("Countersigned"),
    "declined": _l("Declined"),
    "voided": _l("Withdrawn"),
    "expired": _l("Expired"),
    "downloaded": _l("Downloaded"),
}

ACTORS = {"freelancer": _l("You"), "client": _l("Client"), "system": _l("Clausewright")}

DOCUMENTS = {"contract": _l("Contract"), "transition": _l("Transition plan"), "signed": _l("Signed contract"),
             "certificate": _l("Certificate")}


def status_label(status: str) -> str:
    """An envelope's state in the freelancer's words."""
    return str(STATUS.get(status, status))


def event_label(kind: str) -> str:
    """An audit event's kind in the freelancer's words."""
    return str(EVENTS.get(kind, kind))


def actor_label(actor: str) -> str:
    """Who did it, from the freelancer's point of view."""
    return str(ACTORS.get(actor, actor))


def document_label(document: str) -> str:
    """Which of the envelope's documents, in the freelancer's words."""
    return str(DOCUMENTS.get(document, document))
