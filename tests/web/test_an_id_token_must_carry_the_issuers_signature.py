"""Single sign-on trusts an ID token only when one of the identity provider's published keys
signed it: a forged, altered or secret-signed token signs nobody in, and keys the provider
rotates are picked up without a restart, but not refetched for every forged key id."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rightcare.auth.models import User
from rightcare.web.oidc import OidcError, validate_id_token
from rightcare.web.oidc_keys import KeyCache, SigningKeys
from tests.web.conftest import Web
from tests.web.fake_issuer import (
    CLIENT_ID,
    CLIENT_SECRET,
    CONFIG,
    ISSUER,
    SIGNING_KEY,
    FakeIssuer,
    new_signing_key,
    public_jwk,
    sign,
    sign_in_through,
    site_signing_in_with,
)

SUBJECT = "entra-subject-sig"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def issuer() -> FakeIssuer:
    return FakeIssuer(claims={"sub": SUBJECT, "roles": ["RightCare.Call_Handler"]})


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def site(web: Web, issuer: FakeIssuer, tmp_path: Path, clock: Clock) -> TestClient:
    client = site_signing_in_with(issuer, web, tmp_path)
    client.app.state.rightcare.oidc_keys = KeyCache(clock=clock)  # type: ignore[attr-defined]
    return client


def _nobody_signed_in(site: TestClient, web: Web) -> bool:
    with web.session() as session:
        made = session.query(User).filter_by(oidc_subject=SUBJECT).count()
    return site.get("/api/v1/auth/me").status_code == 401 and made == 0


def _claims(**change: object) -> dict[str, Any]:
    now = int(time.time())
    base = {"iss": ISSUER, "aud": CLIENT_ID, "sub": "s", "iat": now, "exp": now + 60}
    return {**base, "nonce": "n", **change}


def _keys(*jwks: dict[str, Any]) -> Any:
    return lambda refresh: SigningKeys.from_jwks({"keys": list(jwks)})


def _validate(token: str, keys: Any, algorithms: frozenset[str] | None = None) -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC)
    return validate_id_token(
        token, config=CONFIG, nonce="n", now=now, keys=keys, algorithms=algorithms
    )


def test_a_token_signed_by_the_issuers_published_key_signs_the_person_in(
    site: TestClient, issuer: FakeIssuer
) -> None:
    assert sign_in_through(site, issuer).status_code == 303
    assert site.get("/api/v1/auth/me").status_code == 200
    assert issuer.key_fetches == 1


def _forged_key(issuer: FakeIssuer) -> None:
    issuer.signing_key = new_signing_key()  # a forger's key, under the issuer's key id


def _client_secret(issuer: FakeIssuer) -> None:
    issuer.signing_key, issuer.alg = CLIENT_SECRET.encode() * 4, "HS256"


def _keys_down(issuer: FakeIssuer) -> None:
    issuer.keys_down = True


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (_forged_key, "signature does not match"),
        (_client_secret, "shared secret"),
        (_keys_down, "signing keys cannot be fetched"),
    ],
    ids=["a key the issuer does not publish", "the client secret", "an unreachable key set"],
)
def test_a_token_that_cannot_be_checked_against_the_issuers_keys_signs_nobody_in(
    site: TestClient, issuer: FakeIssuer, web: Web, spoil: Callable[[FakeIssuer], None], words: str
) -> None:
    spoil(issuer)
    reply = sign_in_through(site, issuer)
    assert reply.status_code == 401
    assert words in reply.text
    assert _nobody_signed_in(site, web)


def test_keys_the_issuer_rotates_are_fetched_again_and_used(
    site: TestClient, issuer: FakeIssuer, clock: Clock
) -> None:
    assert sign_in_through(site, issuer).status_code == 303
    rotated = new_signing_key()
    issuer.signing_key, issuer.kid = rotated, "fake-2"
    issuer.published = [public_jwk(rotated, "fake-2")]
    clock.now += 120  # rotation happens long after the last fetch
    site.cookies.clear()
    assert sign_in_through(site, issuer).status_code == 303
    assert issuer.key_fetches == 2


def test_forged_key_ids_prompt_at_most_one_fetch_a_minute(
    site: TestClient, issuer: FakeIssuer, clock: Clock, web: Web
) -> None:
    assert sign_in_through(site, issuer).status_code == 303
    site.cookies.clear()
    clock.now += 120
    issuer.kid = "forged"
    for _ in range(3):
        reply = sign_in_through(site, issuer)
        assert reply.status_code == 401
        assert "does not list" in reply.text
    assert issuer.key_fetches == 2  # the first sign-in's, and one refresh for the forgeries


def test_a_token_whose_claims_were_altered_after_signing_is_refused() -> None:
    header, _, signature = sign(_claims(sub="someone")).split(".")
    _, other_payload, _ = sign(_claims(sub="the-admin")).split(".")
    with pytest.raises(OidcError, match="signature does not match"):
        _validate(f"{header}.{other_payload}.{signature}", _keys(public_jwk(SIGNING_KEY, "fake-1")))


def test_a_key_that_states_its_algorithm_verifies_that_algorithm_only() -> None:
    token = sign(_claims(), alg="PS256")
    stated = public_jwk(SIGNING_KEY, "fake-1")  # says RS256
    with pytest.raises(OidcError, match="does not list"):
        _validate(token, _keys(stated))
    open_ended = {k: v for k, v in stated.items() if k != "alg"}
    assert _validate(token, _keys(open_ended))["sub"] == "s"


def test_an_algorithm_the_issuer_does_not_advertise_is_refused() -> None:
    token = sign(_claims(), alg="PS256")
    open_ended = {k: v for k, v in public_jwk(SIGNING_KEY, "fake-1").items() if k != "alg"}
    with pytest.raises(OidcError, match="algorithm not accepted"):
        _validate(token, _keys(open_ended), frozenset({"RS256"}))


def test_a_token_without_a_key_id_uses_the_only_key_that_fits() -> None:
    import jwt

    token = jwt.encode(_claims(), SIGNING_KEY, algorithm="RS256")  # no kid header
    assert _validate(token, _keys(public_jwk(SIGNING_KEY, "fake-1")))["sub"] == "s"
    second = public_jwk(new_signing_key(), "fake-2")
    with pytest.raises(OidcError, match="does not list"):  # two could fit: name one
        _validate(token, _keys(public_jwk(SIGNING_KEY, "fake-1"), second))


def test_a_malformed_key_set_is_refused_with_a_clear_message() -> None:
    with pytest.raises(OidcError, match="signing keys are malformed"):
        _validate(sign(_claims()), lambda refresh: SigningKeys.from_jwks({"keys": "none"}))
