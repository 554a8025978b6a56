"""`flask backup export --user EMAIL -o FILE.zip` and `flask backup import FILE.zip`: one freelancer's
data as one zip (a JSON manifest plus the documents, endings and exit requests), restored with new row ids.

Envelope ids are kept: they are printed on certificates and sealed into the audit trail. Every other
id is given afresh by the database it is restored into, so a restore never collides with its rows.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import LargeBinary, select
from sqlalchemy.orm import undefer

from webapp.clock import utcnow
from webapp.envelopes.trail import first_tampered
from webapp.extensions import db
from webapp.models import Contract, Ending, Envelope, Event, ExitRequest, Signature, Signer, User

FORMAT = "clausewright-backup/1"
MANIFEST = "manifest.json"


class BackupError(click.ClickException):
    """A backup that cannot be written or restored, and why."""


def init_app(app: Flask) -> None:
    """Register the `flask backup ...` commands."""
    app.cli.add_command(backup_cli)


def columns(row: db.Model, skip: set[str], files: dict[str, bytes], folder: str) -> dict[str, Any]:
    """A row's columns as JSON values; binary columns go to `files` and the manifest names them."""
    out = {}
    for column in row.__table__.columns:
        if column.key in skip:
            continue
        value = getattr(row, column.key)
        if isinstance(column.type, LargeBinary) and value is not None:
            path = f"{folder}/{column.key}.docx"
            files[path] = value
            value = {"file": path, "sha256": hashlib.sha256(value).hexdigest()}
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        out[column.key] = value
    return out


def export_user(email: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest and the documents of the freelancer with this email."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise BackupError(f"no account with the email {email}")
    files: dict[str, bytes] = {}
    contracts = db.session.scalars(select(Contract).where(Contract.user_id == user.id).order_by(Contract.id))
    envelopes = db.session.scalars(select(Envelope).where(Envelope.user_id == user.id)
                                   .order_by(Envelope.created_at).options(undefer("*")))
    manifest = {
        "format": FORMAT, "exported_at": utcnow().isoformat(),
        "user": columns(user, {"id"}, files, "user"),
        "contracts": [{"id": c.id, **columns(c, {"id", "user_id"}, files, f"contracts/{c.id}")} for c in contracts],
        "envelopes": [export_envelope(e, files) for e in envelopes],
        "endings": [export_ending(e, files) for e in
                    db.session.scalars(select(Ending).where(Ending.user_id == user.id).order_by(Ending.id))],
    }
    return manifest, files


def export_ending(ending: Ending, files: dict[str, bytes]) -> dict[str, Any]:
    """How a contract ended, with the former client's requests logged since."""
    return {**columns(ending, {"id", "user_id"}, files, "endings"),
            "requests": [columns(r, {"id", "ending_id"}, files, "endings") for r in ending.requests]}


def export_envelope(envelope: Envelope, files: dict[str, bytes]) -> dict[str, Any]:
    """One envelope with its documents, signers, signatures and audit trail."""
    folder = f"envelopes/{envelope.id}"
    signers = []
    for signer in envelope.signers:
        signature = signer.signature
        signers.append({"id": signer.id, **columns(signer, {"id", "envelope_id"}, files, folder),
                        "signature": columns(signature, {"id", "signer_id"}, files, folder) if signature else None})
    return {**columns(envelope, {"user_id"}, files, folder), "signers": signers,
            "events": [columns(e, {"id", "envelope_id"}, files, folder) for e in envelope.events]}


def write_zip(path: Path, manifest: dict[str, Any], files: dict[str, bytes]) -> None:
    """Write the zip whole or not at all."""
    draft = path.with_name(f".{path.name}.part")
    with zipfile.ZipFile(draft, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        for name, data in files.items():
            archive.writestr(name, data)
    os.replace(draft, path)


def values(model: type[db.Model], data: dict[str, Any], archive: zipfile.ZipFile, **given) -> dict[str, Any]:
    """The manifest's JSON values back as a model's column values, documents checked against their hash.

    Integer ids are left for the database to give; `given` sets the ids that link rows together.
    """
    out = dict(given)
    for column in model.__table__.columns:
        if column.key not in data or column.key in given or (column.key == "id" and model is not Envelope):
            continue
        value = data[column.key]
        if isinstance(column.type, LargeBinary) and value is not None:
            blob = archive.read(value["file"])
            if hashlib.sha256(blob).hexdigest() != value["sha256"]:
                raise BackupError(f"{value['file']} was altered: its SHA-256 differs from the manifest's")
            value = blob
        elif value is not None and column.type.python_type is datetime:
            value = datetime.fromisoformat(value)
        elif value is not None and column.type.python_type is date:
            value = date.fromisoformat(value)
        elif value is not None and column.type.python_type is Decimal:
            value = Decimal(value)
        out[column.key] = value
    return out


def import_archive(archive: zipfile.ZipFile) -> User:
    """Restore a freelancer from a backup; the caller commits."""
    manifest = json.loads(archive.read(MANIFEST))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"not a Clausewright backup ({MANIFEST} says {manifest.get('format')!r})")
    user = User(**values(User, manifest["user"], archive))
    if db.session.scalar(select(User.id).where(User.email == user.email)) is not None:
        raise BackupError(f"there is already an account with the email {user.email}")
    db.session.add(user)
    db.session.flush()
    contract_ids = {}
    for data in manifest["contracts"]:
        contract = Contract(**values(Contract, data, archive, user_id=user.id))
        db.session.add(contract)
        db.session.flush()
        contract_ids[data["id"]] = contract.id
    for data in manifest["envelopes"]:
        import_envelope(data, archive, user, contract_ids)
    for data in manifest.get("endings", []):
        ending = Ending(**values(Ending, data, archive, user_id=user.id))
        db.session.add(ending)
        db.session.flush()
        db.session.add_all(ExitRequest(**values(ExitRequest, each, archive, ending_id=ending.id))
                           for each in data["requests"])
    return user


def import_envelope(data: dict[str, Any], archive: zipfile.ZipFile, user: User, contract_ids: dict) -> None:
    """Restore one envelope, its signers, signatures and events; refuse it if its trail does not verify."""
    if db.session.get(Envelope, data["id"]) is not None:
        raise BackupError(f"envelope {data['id']} is already in this database")
    envelope = Envelope(**values(Envelope, data, archive, user_id=user.id,
                                 contract_id=contract_ids.get(data["contract_id"])))
    db.session.add(envelope)
    db.session.flush()
    for each in data["signers"]:
        signer = Signer(**values(Signer, each, archive, envelope_id=envelope.id))
        db.session.add(signer)
        db.session.flush()
        if each["signature"]:
            db.session.add(Signature(**values(Signature, each["signature"], archive, signer_id=signer.id)))
    db.session.add_all(Event(**values(Event, each, archive, envelope_id=envelope.id)) for each in data["events"])
    db.session.flush()
    if hashlib.sha256(envelope.document).hexdigest() != envelope.document_hash:
        raise BackupError(f"envelope {envelope.id}: the document does not match its hash")
    if first_tampered(envelope.id) is not None:
        raise BackupError(f"envelope {envelope.id}: its audit trail does not verify")


@click.group("backup")
def backup_cli() -> None:
    """Export one freelancer's data as a zip, or restore it."""


@backup_cli.command("export")
@click.option("--user", "email", required=True, help="The freelancer's account email.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The zip file to write.")
@with_appcontext
def export_command(email: str, output: Path) -> None:
    """Write everything of one freelancer to a zip: account, contracts, envelopes, documents, audit trails."""
    manifest, files = export_user(email)
    write_zip(output, manifest, files)
    click.echo(f"{manifest['user']['email']}: {len(manifest['contracts'])} contract(s), "
               f"{len(manifest['envelopes'])} envelope(s), {len(files)} document(s) -> {output}")


@backup_cli.command("import")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def import_command(archive: Path) -> None:
    """Restore a freelancer from a zip written by `backup export` (all of it, or nothing)."""
    try:
        with zipfile.ZipFile(archive) as opened:
            user = import_archive(opened)
            envelopes = len(db.session.scalars(select(Envelope.id).where(Envelope.user_id == user.id)).all())
        db.session.commit()
    except (KeyError, ValueError, zipfile.BadZipFile) as broken:
        db.session.rollback()
        raise BackupError(f"{archive} is not a readable backup: {broken}") from None
    except BackupError:
        db.session.rollback()
        raise
    click.echo(f"{user.email} restored with {len(user.contracts)} contract(s) and {envelopes} envelope(s); "
               "every audit trail verifies.")
