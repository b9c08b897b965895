"""Password hashing (argon2id) and API token generation (only the sha256 is ever stored)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import Type

TOKEN_PREFIX = "rc_"

# argon2-cffi's defaults follow RFC 9106's low-memory recommendation; pinned as argon2id.
_hasher = PasswordHasher(type=Type.ID)


def hash_password(password: str) -> str:
    """An argon2id hash in PHC format ($argon2id$v=19$m=...,t=...,p=...$salt$hash)."""
    if not password:
        raise ValueError("a password cannot be empty")
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True if `password` matches; False for a wrong password, a missing or corrupt hash."""
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's: rehash at sign-in."""
    return _hasher.check_needs_rehash(password_hash)


def make_up_password() -> str:
    """A strong password for someone else to pass on: 24 URL-safe characters, 144 random bits.
    Shown once to whoever asked for it (the CLI, the Accounts screen); never stored in clear."""
    return secrets.token_urlsafe(18)


def generate_token() -> tuple[str, str]:
    """A new API token and the hash to store: (token shown once, sha256 hex)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(token: str, token_hash: str) -> bool:
    return hmac.compare_digest(hash_token(token), token_hash)
