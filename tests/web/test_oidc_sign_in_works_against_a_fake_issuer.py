from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rightcare.auth.models import User
from rightcare.web.oidc import OidcError, validate_id_token
from rightcare.web.oidc_config import load_oidc_config
from rightcare.web.oidc_keys import SigningKeys
from tests.web.conftest import Web
from tests.web.fake_issuer import (
    CLIENT_ID,
    CONFIG,
    ISSUER,
    SIGNING_KEY,
    FakeIssuer,
    public_jwk,
    sign,
    sign_in_through,
    site_signing_in_with,
)


@pytest.fixture
def issuer() -> FakeIssuer:
    return FakeIssuer(
        claims={
            "sub": "entra-subject-123",
            "preferred_username": "olive@force.example",
            "name": "Olive Officer",
            "roles": ["RightCare.Call_Handler"],
        }
    )


@pytest.fixture
def site(web: Web, issuer: FakeIssuer, tmp_path: Path) -> TestClient:
    return site_signing_in_with(issuer, web, tmp_path)


def test_a_person_with_a_rightcare_role_is_signed_in_and_given_an_account(
    site: TestClient, issuer: FakeIssuer, web: Web
) -> None:
    reply = sign_in_through(site, issuer, "/calls")
    assert reply.status_code == 303, reply.text
    assert reply.headers["location"] == "/calls"
    me = site.get("/api/v1/auth/me").json()
    assert me["name"] == "olive@force.example"
    assert me["roles"] == ["call_handler"]
    assert issuer.token_requests and issuer.token_requests[0]["verifier"]
    with web.session() as session:
        user = session.query(User).filter_by(oidc_subject="entra-subject-123").one()
        assert user.password_hash is None


def test_a_person_without_a_rightcare_role_is_refused(site: TestClient, issuer: FakeIssuer) -> None:
    issuer.claims.pop("roles")
    reply = sign_in_through(site, issuer, "/calls")
    assert reply.status_code == 403
    assert "no rightcare role" in reply.text
    assert site.get("/api/v1/auth/me").status_code == 401


def test_an_id_token_with_the_wrong_nonce_is_refused(site: TestClient, issuer: FakeIssuer) -> None:
    issuer.override["nonce"] = "somebody-elses"
    reply = sign_in_through(site, issuer, "/calls")
    assert reply.status_code == 401
    assert site.get("/api/v1/auth/me").status_code == 401


def test_a_callback_whose_state_does_not_match_is_refused(site: TestClient) -> None:
    site.get("/auth/oidc/login", follow_redirects=False)
    reply = site.get("/auth/oidc/callback?code=abc&state=forged")
    assert reply.status_code == 400
    assert site.get("/api/v1/auth/me").status_code == 401


def test_a_callback_without_a_started_sign_in_is_refused(site: TestClient) -> None:
    assert site.get("/auth/oidc/callback?code=abc&state=x").status_code == 400


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"iss": "https://evil.example/v2.0"}, "another issuer"),
        ({"aud": "another-app"}, "another application"),
        ({"aud": [CLIENT_ID, "other"], "azp": "other"}, "another application"),
        ({"exp": 1_000}, "expired"),
    ],
)
def test_id_token_checks(change: dict[str, object], message: str) -> None:
    import base64
    import json
    import time

    def b64(value: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    def keys(refresh: bool) -> SigningKeys:
        return SigningKeys.from_jwks({"keys": [public_jwk(SIGNING_KEY, "fake-1")]})

    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "sub": "s",
        "iat": now,
        "exp": now + 60,
        "nonce": "n",
    }
    token = sign({**claims, **change})
    with pytest.raises(OidcError, match=message):
        validate_id_token(token, config=CONFIG, nonce="n", now=dt.datetime.now(dt.UTC), keys=keys)
    unsigned = f"{b64({'alg': 'none'})}.{b64(claims)}."
    with pytest.raises(OidcError, match="unsigned"):
        validate_id_token(
            unsigned, config=CONFIG, nonce="n", now=dt.datetime.now(dt.UTC), keys=keys
        )


def test_oidc_is_configured_from_the_environment(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n")
    config = load_oidc_config(
        {
            "RIGHTCARE_OIDC_ISSUER": ISSUER + "/",
            "RIGHTCARE_OIDC_CLIENT_ID": CLIENT_ID,
            "RIGHTCARE_OIDC_CLIENT_SECRET_FILE": str(secret),
        }
    )
    assert config is not None
    assert config.issuer == ISSUER
    assert config.client_secret == "from-a-file"
    assert load_oidc_config({}) is None
