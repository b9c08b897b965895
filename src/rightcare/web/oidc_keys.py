"""The identity provider's signing keys, and the check that an ID token was signed with one.

The keys are the JSON Web Key Set at the discovery document's `jwks_uri`, fetched at run time
and kept for an hour. Providers rotate keys (Entra ID does, with notice), so a token naming a
key id the cached set lacks makes one fresh fetch, at most once a minute per issuer, before it
is refused: a forged `kid` cannot make this site hammer the provider.

Only public-key algorithms are accepted (RSA, RSA-PSS, ECDSA). An HMAC-signed token (`HS256`,
keyed with the client secret) is refused: Entra ID never issues one, and accepting the family
would let anyone holding the secret mint sign-ins. The token's own `alg` must also be one the
provider says it uses, when its discovery document says (`id_token_signing_alg_values_supported`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import jwt
from jwt.exceptions import InvalidSignatureError, PyJWKError, PyJWKSetError

PUBLIC_KEY_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"}
)
KEYS_TTL = 3600.0  # seconds a fetched key set is used for
REFRESH_GAP = 60.0  # seconds between fetches prompted by an unknown key id
_UNREACHABLE = "the identity provider's signing keys cannot be fetched; try again shortly"


class SigningKeyError(Exception):
    """The token's signature could not be checked or did not match; the message is safe to
    show to the person signing in."""


@dataclass(frozen=True)
class _Key:
    kid: str | None
    kty: str
    alg: str | None  # as the key set states it; None when it leaves it open
    key: Any  # the public key object PyJWT verifies with


@dataclass(frozen=True)
class SigningKeys:
    """One fetch of a provider's key set, ready to look keys up by id and algorithm."""

    keys: tuple[_Key, ...]

    @classmethod
    def from_jwks(cls, document: Any) -> SigningKeys:
        if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
            raise SigningKeyError("the identity provider's signing keys are malformed")
        usable = []
        for entry in document["keys"]:
            if not isinstance(entry, dict) or entry.get("use", "sig") != "sig":
                continue
            try:
                parsed = jwt.PyJWK(entry)
            except (PyJWKError, PyJWKSetError, ValueError, TypeError):
                continue  # a key type this site cannot use (e.g. an encryption key): skip it
            alg = entry.get("alg")
            kid = entry.get("kid")
            usable.append(
                _Key(
                    kid=kid if isinstance(kid, str) else None,
                    kty=str(entry.get("kty")),
                    alg=alg if isinstance(alg, str) else None,
                    key=parsed.key,
                )
            )
        return cls(keys=tuple(usable))

    def find(self, kid: str | None, alg: str) -> Any | None:
        """The key the token names; with no key id, the only key that fits the algorithm."""
        fitting = [k for k in self.keys if _fits(k, alg)]
        if kid is not None:
            return next((k.key for k in fitting if k.kid == kid), None)
        return fitting[0].key if len(fitting) == 1 else None


def _fits(key: _Key, alg: str) -> bool:
    # A key that states its algorithm is used for that one only; one that leaves it open
    # serves its type's family (an RSA key verifies RS* and PS*, an EC key ES*).
    if key.alg is not None:
        return key.alg == alg
    return (key.kty == "RSA" and alg[:2] in ("RS", "PS")) or (key.kty == "EC" and alg[:2] == "ES")


def verify_signature(
    token: str,
    header: dict[str, Any],
    *,
    keys: Callable[[bool], SigningKeys],
    allowed: frozenset[str] | None = None,
) -> None:
    """Raise SigningKeyError unless `token` carries a valid signature by one of the provider's
    keys. `keys(refresh)` gives the key set (a fresh fetch when `refresh` is true);
    `allowed` narrows the algorithms to those the provider advertises."""
    alg = str(header.get("alg", ""))
    if alg.upper().startswith("HS"):
        raise SigningKeyError("the ID token is signed with a shared secret, which is not accepted")
    if alg not in PUBLIC_KEY_ALGORITHMS or (allowed is not None and alg not in allowed):
        raise SigningKeyError(f"the ID token is signed with an algorithm not accepted ({alg})")
    kid = header.get("kid")
    kid = kid if isinstance(kid, str) else None
    key = keys(False).find(kid, alg)
    if key is None:
        key = keys(True).find(kid, alg)  # the provider may have rotated its keys
    if key is None:
        raise SigningKeyError(
            "the ID token is signed with a key the identity provider does not list"
        )
    try:
        jwt.PyJWS().decode_complete(token, key, algorithms=[alg])
    except InvalidSignatureError as exc:
        raise SigningKeyError("the ID token's signature does not match; start again") from exc
    except jwt.PyJWTError as exc:
        raise SigningKeyError("the identity provider sent a malformed ID token") from exc


class KeyCache:
    """Key sets per `jwks_uri`, shared by the requests of one process."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._sets: dict[str, tuple[float, SigningKeys]] = {}

    def get(
        self, jwks_uri: str, fetch: Callable[[str], Any], *, refresh: bool = False
    ) -> SigningKeys:
        with self._lock:
            cached = self._sets.get(jwks_uri)
            now = self._clock()
            if cached is not None:
                age = now - cached[0]
                if age < KEYS_TTL and (not refresh or age < REFRESH_GAP):
                    return cached[1]
        keys = SigningKeys.from_jwks(fetch(jwks_uri))
        with self._lock:
            self._sets[jwks_uri] = (self._clock(), keys)
        return keys


def fetch_jwks(client_factory: Callable[[], httpx.Client]) -> Callable[[str], Any]:
    """A fetcher for `KeyCache.get` through the site's HTTP client (timeouts, proxies, tests)."""

    def fetch(url: str) -> Any:
        try:
            with client_factory() as client:
                reply = client.get(url)
                document = reply.json() if reply.status_code == 200 else None
        except (httpx.HTTPError, ValueError) as exc:
            raise SigningKeyError(_UNREACHABLE) from exc
        if document is None:  # checked here, not by raise_for_status: test clients differ
            raise SigningKeyError(_UNREACHABLE)
        return document

    return fetch
