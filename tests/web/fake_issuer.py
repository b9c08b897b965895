"""An OIDC identity provider served in-process, shaped like Microsoft Entra ID's v2 endpoints:
discovery, an authorization endpoint that signs the person in at once, a token endpoint that
checks the client secret (HTTP Basic) and the PKCE verifier and signs its ID tokens (RS256),
and the key set (`jwks_uri`) that publishes the public half of its signing key."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlencode

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI, Form, Header, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.testclient import TestClient
from jwt.algorithms import RSAAlgorithm

from rightcare.web import create_app
from rightcare.web.oidc_config import OidcConfig
from tests.web.conftest import BASE_URL, Web, make_settings

ISSUER = "https://login.fake-issuer.test/tenant-1/v2.0"
CLIENT_ID = "rightcare-client-id"
CLIENT_SECRET = "s3cret~with.odd+chars"
FAKE_BASE = "https://login.fake-issuer.test"
CONFIG = OidcConfig(issuer=ISSUER, client_id=CLIENT_ID, client_secret=CLIENT_SECRET)


def new_signing_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


SIGNING_KEY = new_signing_key()  # made once per test run: key generation takes a moment


def public_jwk(key: rsa.RSAPrivateKey, kid: str) -> dict[str, Any]:
    jwk = cast(dict[str, Any], RSAAlgorithm.to_jwk(key.public_key(), as_dict=True))
    return {**jwk, "kid": kid, "use": "sig", "alg": "RS256"}


def sign(
    claims: dict[str, Any], key: Any = SIGNING_KEY, *, kid: str = "fake-1", alg: str = "RS256"
) -> str:
    """An ID token as the fake issuer would sign it (or as a forger would, given another key)."""
    return jwt.encode(claims, key, algorithm=alg, headers={"kid": kid})


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class FakeIssuer:
    claims: dict[str, Any] = field(default_factory=dict)  # what the next ID token says
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    override: dict[str, Any] = field(default_factory=dict)  # claims forced after the defaults
    # The key the token endpoint signs with, and the keys the key set publishes.
    signing_key: Any = SIGNING_KEY
    kid: str = "fake-1"
    alg: str = "RS256"
    published: list[dict[str, Any]] = field(
        default_factory=lambda: [public_jwk(SIGNING_KEY, "fake-1")]
    )
    advertised_algs: list[str] = field(default_factory=lambda: ["RS256"])
    key_fetches: int = 0
    keys_down: bool = False

    def app(self) -> FastAPI:
        app = FastAPI()
        prefix = "/tenant-1/v2.0"

        @app.get(prefix + "/.well-known/openid-configuration")
        def discovery() -> dict[str, Any]:
            return {
                "issuer": ISSUER,
                "authorization_endpoint": f"{ISSUER}/authorize",
                "token_endpoint": f"{ISSUER}/token",
                "jwks_uri": f"{ISSUER}/keys",
                "id_token_signing_alg_values_supported": self.advertised_algs,
                "response_types_supported": ["code"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": [
                    "client_secret_basic",
                    "client_secret_post",
                ],
            }

        @app.get(prefix + "/keys")
        def keys() -> JSONResponse:
            self.key_fetches += 1
            if self.keys_down:
                return JSONResponse({"error": "unavailable"}, status_code=503)
            return JSONResponse({"keys": self.published})

        @app.get(prefix + "/authorize")
        def authorize(request: Request) -> RedirectResponse:
            params = dict(request.query_params)
            assert params["response_type"] == "code"
            assert params["client_id"] == CLIENT_ID
            assert params["code_challenge_method"] == "S256"
            code = secrets.token_urlsafe(16)
            self.codes[code] = params
            query = urlencode({"code": code, "state": params["state"]})
            return RedirectResponse(f"{params['redirect_uri']}?{query}", 302)

        @app.post(prefix + "/token")
        def token(
            grant_type: str = Form(),
            code: str = Form(),
            redirect_uri: str = Form(),
            code_verifier: str = Form(),
            authorization: str = Header(default=""),
        ) -> JSONResponse:
            self.token_requests.append({"code": code, "verifier": code_verifier})
            expected = (
                "Basic "
                + base64.b64encode(
                    f"{CLIENT_ID}:{CLIENT_SECRET}".replace("+", "%2B").encode()
                ).decode()
            )
            if authorization != expected:
                return JSONResponse({"error": "invalid_client"}, status_code=401)
            params = self.codes.pop(code, None)
            if params is None or grant_type != "authorization_code":
                return JSONResponse({"error": "invalid_grant"}, status_code=400)
            challenge = _b64(hashlib.sha256(code_verifier.encode()).digest())
            if challenge != params["code_challenge"] or redirect_uri != params["redirect_uri"]:
                return JSONResponse({"error": "invalid_grant"}, status_code=400)
            now = int(time.time())
            claims = {
                "iss": ISSUER,
                "aud": CLIENT_ID,
                "iat": now,
                "exp": now + 3600,
                "nonce": params["nonce"],
                **self.claims,
                **self.override,
            }
            id_token = sign(claims, self.signing_key, kid=self.kid, alg=self.alg)
            return JSONResponse({"access_token": "x", "token_type": "Bearer", "id_token": id_token})

        return app


def site_signing_in_with(issuer: FakeIssuer, web: Web, tmp_path: Path) -> TestClient:
    """rightcare configured for single sign-on against `issuer`, whose token and key endpoints
    it reaches in this process (a `TestClient` standing in for its HTTP client)."""
    fake = issuer.app()
    app = create_app(
        make_settings(web.url, tmp_path),
        web.policies,
        oidc_config=CONFIG,
        clock=lambda: dt.datetime.now(dt.UTC),
        http_client=lambda: cast(httpx.Client, TestClient(fake, base_url=FAKE_BASE)),
    )
    return TestClient(app, base_url=BASE_URL)


def sign_in_through(site: TestClient, issuer: FakeIssuer, next_path: str = "/") -> Any:
    """Start single sign-on at `site`, let `issuer` sign the person in, and return the site's
    answer to the callback (a redirect when it worked)."""
    start = site.get(f"/auth/oidc/login?next={next_path}", follow_redirects=False)
    assert start.status_code == 302, start.text
    assert start.headers["location"].startswith(f"{ISSUER}/authorize?")
    browser = TestClient(issuer.app(), base_url=FAKE_BASE)  # codes live on the shared issuer
    back = browser.get(start.headers["location"], follow_redirects=False)
    assert back.status_code == 302
    return site.get(
        back.headers["location"].replace("http://localhost", ""), follow_redirects=False
    )
