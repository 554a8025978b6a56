"""Argon2 password hashes."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from webapp.extensions import db
from webapp.models import User

hasher = PasswordHasher()
# Checked when the email is unknown, so a wrong email takes as long as a wrong password.
_DECOY = hasher.hash("clausewright decoy password")


def hash_password(password: str) -> str:
    """A salted Argon2 hash of the password."""
    return hasher.hash(password)


def check_password(user: User | None, password: str) -> bool:
    """Whether the password is the user's; upgrades the stored hash when parameters changed."""
    try:
        hasher.verify(user.password_hash if user else _DECOY, password)
    except (VerificationError, InvalidHashError):
        return False
    if user is None:
        return False
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
        db.session.commit()
    return True
