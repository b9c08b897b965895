"""An OIDC identity provider served in-process, shaped like Microsoft Entra ID's v2 endpoints:
discovery, an authorization endpoint that signs the person in at once, and a token endpoint
that checks the client secret (HTTP Basic) and the PKCE verifier."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlencode

import httpx
from fastapi import FastAPI, Form, Header, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.testclient import TestClient

from rightcare.web import create_app
from rightcare.web.oidc_config import OidcConfig
from tests.web.conftest import BASE_URL, Web, make_settings

ISSUER = "https://login.fake-issuer.test/tenant-1/v2.0"
CLIENT_ID = "rightcare-client-id"
CLIENT_SECRET = "s3cret~with.odd+chars"
FAKE_BASE = "https://login.fake-issuer.test"
CONFIG = OidcConfig(issuer=ISSUER, client_id=CLIENT_ID, client_secret=CLIENT_SECRET)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class FakeIssuer:
    claims: dict[str, Any] = field(default_factory=dict)  # what the next ID token says
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    override: dict[str, Any] = field(default_factory=dict)  # claims forced after the defaults

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
                "response_types_supported": ["code"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": [
                    "client_secret_basic",
                    "client_secret_post",
                ],
            }

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
            header = {"alg": "RS256", "kid": "fake", "typ": "JWT"}
            id_token = ".".join(
                [_b64(json.dumps(header).encode()), _b64(json.dumps(claims).encode()), "c2ln"]
            )
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
