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

# A dated transition plan is issued by the freelancer first, then acknowledged by the client.
PLAN_STATUS = {
    "draft": _l("Waiting for you to issue it"),
    "sent": _l("Issued, not opened yet"),
    "completed": _l("Acknowledged"),
    "voided": _l("Withdrawn"),
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
    "issued": _l("Issued"),
    "acknowledged": _l("Acknowledged"),
    "commented": _l("Commented"),
}

ACTORS = {"freelancer": _l("You"), "client": _l("Client"), "system": _l("Clausewright")}

DOCUMENTS = {"contract": _l("Contract"), "transition": _l("Transition plan"), "signed": _l("Signed contract"),
             "certificate": _l("Certificate")}
PLAN_DOCUMENTS = {"contract": _l("Transition plan"), "transition": _l("Transition plan"),
                  "signed": _l("Acknowledged plan"), "certificate": _l("Certificate")}


def status_label(status: str, kind: str = "contract") -> str:
    """An envelope's state in the freelancer's words."""
    labels = {**STATUS, **PLAN_STATUS} if kind == "plan" else STATUS
    return str(labels.get(status, status))


def event_label(kind: str) -> str:
    """An audit event's kind in the freelancer's words."""
    return str(EVENTS.get(kind, kind))


def actor_label(actor: str) -> str:
    """Who did it, from the freelancer's point of view."""
    return str(ACTORS.get(actor, actor))


def document_label(document: str, kind: str = "contract") -> str:
    """Which of the envelope's documents, in the freelancer's words."""
    return str((PLAN_DOCUMENTS if kind == "plan" else DOCUMENTS).get(document, document))
