"""OIDC sign-in settings, read from the environment (none set: OIDC sign-in is off).

RIGHTCARE_OIDC_ISSUER              e.g. https://login.microsoftonline.com/<tenant>/v2.0
RIGHTCARE_OIDC_CLIENT_ID           the application (client) id
RIGHTCARE_OIDC_CLIENT_SECRET_FILE  a file holding the client secret (or ..._CLIENT_SECRET)
RIGHTCARE_OIDC_REDIRECT_URL        optional; default <this site>/auth/oidc/callback
RIGHTCARE_OIDC_SCOPES              optional; default "openid profile email"
RIGHTCARE_OIDC_ROLE_CLAIM          optional; default "roles" (Entra ID app roles)
RIGHTCARE_OIDC_LABEL               optional; the button text, default "Sign in with your
                                   organisation account"
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rightcare.settings import SettingsError


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    client_id: str
    client_secret: str | None = None
    redirect_url: str | None = None
    scopes: str = "openid profile email"
    role_claim: str = "roles"
    label: str = "Sign in with your organisation account"


def load_oidc_config(environ: Mapping[str, str] | None = None) -> OidcConfig | None:
    env = os.environ if environ is None else environ
    issuer = env.get("RIGHTCARE_OIDC_ISSUER", "").strip().rstrip("/")
    if not issuer:
        return None
    client_id = env.get("RIGHTCARE_OIDC_CLIENT_ID", "").strip()
    if not client_id:
        raise SettingsError("RIGHTCARE_OIDC_ISSUER is set but RIGHTCARE_OIDC_CLIENT_ID is not")
    secret = env.get("RIGHTCARE_OIDC_CLIENT_SECRET")
    secret_file = env.get("RIGHTCARE_OIDC_CLIENT_SECRET_FILE")
    if secret_file:
        try:
            secret = Path(secret_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SettingsError(
                f"cannot read RIGHTCARE_OIDC_CLIENT_SECRET_FILE {secret_file}: "
                f"{exc.strerror or exc}"
            ) from exc
    if not issuer.startswith("https://") and not issuer.startswith(
        ("http://127.0.0.1", "http://localhost")
    ):
        raise SettingsError("RIGHTCARE_OIDC_ISSUER must be an https:// address")
    return OidcConfig(
        issuer=issuer,
        client_id=client_id,
        client_secret=secret or None,
        redirect_url=env.get("RIGHTCARE_OIDC_REDIRECT_URL") or None,
        scopes=env.get("RIGHTCARE_OIDC_SCOPES") or "openid profile email",
        role_claim=env.get("RIGHTCARE_OIDC_ROLE_CLAIM") or "roles",
        label=env.get("RIGHTCARE_OIDC_LABEL") or "Sign in with your organisation account",
    )
