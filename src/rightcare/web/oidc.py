"""OIDC sign-in (authorization code flow with PKCE), e.g. Microsoft Entra ID, by configuration.

1. /auth/oidc/login reads the issuer's discovery document (at run time, cached for an hour),
   makes a state, a nonce and a PKCE verifier, keeps them in a short-lived signed cookie and
   sends the browser to the issuer's authorization endpoint (code_challenge_method S256).
2. /auth/oidc/callback checks the state, swaps the code (with the verifier and the client
   secret) for tokens at the token endpoint, and checks the ID token's signature against the
   provider's published keys (`jwks_uri`; see rightcare.web.oidc_keys), then its issuer,
   audience, authorised party, expiry, issue time and nonce. OIDC Core 3.1.3.7 (6) would let
   a client that took the token straight from the token endpoint over TLS skip the signature;
   checking it anyway means a compromised or misdirected TLS path cannot sign anyone in.
3. The person is matched by the token's subject (`oidc_subject`). Someone new is given an
   account only if the token carries rightcare roles (Entra ID app roles in the `roles` claim,
   e.g. `call_handler` or `RightCare.Supervisor`); the roles are refreshed at every sign-in.
   The role `can_see_personal` grants the permission to see personal details.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote_plus, urlencode

import httpx
import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from rightcare.auth.models import Role, User
from rightcare.web.auth import complete_sign_in
from rightcare.web.context import WebContext
from rightcare.web.deps import ContextDep, SessionDep
from rightcare.web.oidc_config import OidcConfig
from rightcare.web.oidc_keys import SigningKeyError, SigningKeys, fetch_jwks, verify_signature
from rightcare.web.sessions import cookie_is_secure, new_session, write_session
from rightcare.web.signin import render_sign_in, safe_next

router = APIRouter(prefix="/auth/oidc", include_in_schema=False)

FLOW_COOKIE = "rightcare_oidc"
FLOW_MAX_AGE = 600
DISCOVERY_TTL = 3600.0
CLOCK_SKEW = dt.timedelta(minutes=5)
PERSONAL_ROLE = "can_see_personal"

_discovery: dict[str, tuple[float, dict[str, Any]]] = {}


class OidcError(Exception):
    """Sign-in through the identity provider failed; the message is safe to show."""


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def pkce_challenge(verifier: str) -> str:
    return _b64url(hashlib.sha256(verifier.encode("ascii")).digest())


def discovery_document(context: WebContext, config: OidcConfig) -> dict[str, Any]:
    cached = _discovery.get(config.issuer)
    if cached is not None and time.monotonic() - cached[0] < DISCOVERY_TTL:
        return cached[1]
    url = f"{config.issuer}/.well-known/openid-configuration"
    try:
        with context.http_client() as client:
            reply = client.get(url)
            reply.raise_for_status()
            document = reply.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise OidcError("the identity provider cannot be reached; try again shortly") from exc
    if not isinstance(document, dict) or document.get("issuer") != config.issuer:
        raise OidcError("the identity provider's settings do not match this site's")
    for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not isinstance(document.get(key), str):
            raise OidcError(f"the identity provider's settings lack {key}")
    _discovery[config.issuer] = (time.monotonic(), document)
    return document


def _provider_keys(context: WebContext, document: dict[str, Any]) -> Callable[[bool], SigningKeys]:
    fetch = fetch_jwks(context.http_client)

    def keys(refresh: bool) -> SigningKeys:  # its SigningKeyError becomes an OidcError above
        return context.oidc_keys.get(document["jwks_uri"], fetch, refresh=refresh)

    return keys


def _advertised_algorithms(document: dict[str, Any]) -> frozenset[str] | None:
    listed = document.get("id_token_signing_alg_values_supported")
    if not isinstance(listed, list):
        return None  # the provider does not say: the public-key algorithms are all allowed
    return frozenset(str(alg) for alg in listed)


def _flow_serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt="rightcare.oidc.v1")


def validate_id_token(
    token: str,
    *,
    config: OidcConfig,
    nonce: str,
    now: dt.datetime,
    keys: Callable[[bool], SigningKeys],
    algorithms: frozenset[str] | None = None,
) -> dict[str, Any]:
    """The ID token's claims, after the checks OIDC Core 3.1.3.7 asks of a client, the
    signature first. `keys(refresh)` gives the provider's key set; `algorithms` narrows the
    accepted signing algorithms to those the provider advertises."""
    parts = token.split(".")
    if len(parts) != 3:
        raise OidcError("the identity provider sent a malformed ID token")
    try:
        header = json.loads(_b64url_decode(parts[0]))
        claims = json.loads(_b64url_decode(parts[1]))
    except ValueError as exc:
        raise OidcError("the identity provider sent a malformed ID token") from exc
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise OidcError("the identity provider sent a malformed ID token")
    if str(header.get("alg", "none")).lower() == "none":
        raise OidcError("the identity provider sent an unsigned ID token")
    try:
        verify_signature(token, header, keys=keys, allowed=algorithms)
    except SigningKeyError as exc:
        raise OidcError(str(exc)) from exc
    if claims.get("iss") != config.issuer:
        raise OidcError("the ID token is from another issuer")
    audience = claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    if config.client_id not in audiences:
        raise OidcError("the ID token is for another application")
    if len(audiences) > 1 and claims.get("azp") != config.client_id:
        raise OidcError("the ID token is for another application")
    exp, iat = claims.get("exp"), claims.get("iat")
    if not isinstance(exp, int | float) or not isinstance(iat, int | float):
        raise OidcError("the ID token has no valid times")
    if dt.datetime.fromtimestamp(exp, dt.UTC) + CLOCK_SKEW < now:
        raise OidcError("the ID token has expired; sign in again")
    if dt.datetime.fromtimestamp(iat, dt.UTC) - CLOCK_SKEW > now:
        raise OidcError("the ID token is dated in the future; check the server's clock")
    offered = claims.get("nonce")
    if not isinstance(offered, str) or not hmac.compare_digest(offered, nonce):
        raise OidcError("the ID token does not belong to this sign-in; start again")
    if not isinstance(claims.get("sub"), str) or not claims["sub"]:
        raise OidcError("the ID token names nobody")
    return claims


def _normalise_role(value: str) -> str:
    return value.rsplit(".", 1)[-1].strip().lower().replace("-", "_").replace(" ", "_")


def roles_from_claims(claims: dict[str, Any], claim: str) -> tuple[frozenset[Role], bool]:
    raw = claims.get(claim)
    values = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    names = {_normalise_role(v) for v in values if isinstance(v, str)}
    known = {role.value: role for role in Role}
    return frozenset(known[n] for n in names if n in known), PERSONAL_ROLE in names


def _free_username(session: Session, wanted: str) -> str:
    base = wanted[:140] or "user"
    candidate, n = base, 1
    while session.scalar(sa.select(User.id).where(User.username == candidate)) is not None:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def user_for_claims(session: Session, claims: dict[str, Any], config: OidcConfig) -> User:
    subject = f"{claims['sub']}"[:255]
    roles, personal = roles_from_claims(claims, config.role_claim)
    user = session.scalar(sa.select(User).where(User.oidc_subject == subject))
    has_claim = config.role_claim in claims
    if user is None:
        if not roles:
            raise OidcError(
                "you signed in with your organisation account, but it has no rightcare role; "
                "ask an administrator to give you one"
            )
        wanted = str(claims.get("preferred_username") or claims.get("email") or subject)
        user = User(
            username=_free_username(session, wanted),
            display_name=str(claims.get("name") or wanted)[:200],
            password_hash=None,
            oidc_subject=subject,
            active=True,
            can_see_personal=False,
            failed_logins=0,
        )
        session.add(user)
    if not user.active:
        raise OidcError("this account is switched off; ask an administrator")
    if has_claim:
        user.set_roles(roles)
        user.can_see_personal = personal
    session.flush()
    return user


def _fail(request: Request, context: WebContext, message: str, status: int = 400) -> Response:
    response = render_sign_in(request, context, error=message, status_code=status)
    response.delete_cookie(FLOW_COOKIE, path="/auth/oidc")
    return response


@router.get("/login")
def oidc_login(request: Request, context: ContextDep, next: str = "/") -> Response:
    config = context.oidc
    if config is None:
        return _fail(request, context, "sign-in with an organisation account is not set up", 404)
    try:
        document = discovery_document(context, config)
    except OidcError as exc:
        return _fail(request, context, str(exc), 502)
    verifier = secrets.token_urlsafe(64)
    state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    redirect_uri = config.redirect_url or str(request.url_for("oidc_callback"))
    params = {
        "response_type": "code",
        "client_id": config.client_id,
        "redirect_uri": redirect_uri,
        "scope": config.scopes,
        "state": state,
        "nonce": nonce,
        "code_challenge": pkce_challenge(verifier),
        "code_challenge_method": "S256",
    }
    response = RedirectResponse(f"{document['authorization_endpoint']}?{urlencode(params)}", 302)
    flow = {"s": state, "n": nonce, "v": verifier, "r": redirect_uri, "next": safe_next(next)}
    response.set_cookie(
        FLOW_COOKIE,
        _flow_serializer(context.secret_key).dumps(flow),
        max_age=FLOW_MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=cookie_is_secure(request, demo=context.settings.demo),
        path="/auth/oidc",
    )
    return response


def _exchange(
    context: WebContext,
    config: OidcConfig,
    document: dict[str, Any],
    code: str,
    flow: dict[str, str],
) -> str:
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": flow["r"],
        "client_id": config.client_id,
        "code_verifier": flow["v"],
    }
    headers = {"Accept": "application/json"}
    methods = document.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    if config.client_secret is not None:
        if "client_secret_basic" in methods:
            # RFC 6749 2.3.1: each part form-encoded before the Basic encoding.
            pair = f"{quote_plus(config.client_id)}:{quote_plus(config.client_secret)}"
            headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
        else:
            data["client_secret"] = config.client_secret
    try:
        with context.http_client() as client:
            reply = client.post(
                document["token_endpoint"],
                data=data,
                headers=headers,
            )
            body = reply.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise OidcError("the identity provider cannot be reached; try again shortly") from exc
    if reply.status_code != 200 or not isinstance(body, dict):
        raise OidcError("the identity provider refused the sign-in; start again")
    token = body.get("id_token")
    if not isinstance(token, str):
        raise OidcError("the identity provider sent no ID token")
    return token


@router.get("/callback", name="oidc_callback")
def oidc_callback(
    request: Request,
    context: ContextDep,
    session: SessionDep,
    code: str | None = None,
    state: str | None = None,
    error: str | None = None,
) -> Response:
    config = context.oidc
    if config is None:
        return _fail(request, context, "sign-in with an organisation account is not set up", 404)
    raw = request.cookies.get(FLOW_COOKIE)
    try:
        flow = _flow_serializer(context.secret_key).loads(raw or "", max_age=FLOW_MAX_AGE)
    except BadSignature:
        return _fail(request, context, "that sign-in took too long or was not started here")
    if error is not None:
        return _fail(request, context, "the identity provider did not sign you in", 401)
    if not code or not state or not hmac.compare_digest(state, str(flow.get("s", ""))):
        return _fail(request, context, "that sign-in does not match this browser; start again")
    now = context.now()
    try:
        document = discovery_document(context, config)
        token = _exchange(context, config, document, code, flow)
        claims = validate_id_token(
            token,
            config=config,
            nonce=str(flow["n"]),
            now=now,
            keys=_provider_keys(context, document),
            algorithms=_advertised_algorithms(document),
        )
        user = user_for_claims(session, claims, config)
    except OidcError as exc:
        session.rollback()
        return _fail(request, context, str(exc), 403 if "role" in str(exc) else 401)
    signed = complete_sign_in(session, user=user, method="oidc", now=now)
    response = RedirectResponse(str(flow.get("next") or "/"), 303)
    response.delete_cookie(FLOW_COOKIE, path="/auth/oidc")
    # Signed in without the password, so never held to a one-time one.
    browser = new_session(signed.user, must_change_password=False)
    write_session(response, request, browser, secret=context.secret_key, demo=context.settings.demo)
    return response
