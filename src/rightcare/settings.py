"""Settings: one typed object, read lazily from the environment.

    RIGHTCARE_DATA_DIR          where the SQLite database and demo files live (default ./var)
    RIGHTCARE_DATABASE_URL      SQLAlchemy URL (default: SQLite file rightcare.db in the data dir);
                                postgresql:// is read as postgresql+psycopg:// (psycopg 3)
    RIGHTCARE_SECRET_KEY        signs session cookies and CSRF tokens; at least 32 characters
    RIGHTCARE_SECRET_KEY_FILE   or: a file holding it (Docker/Kubernetes secrets)
    RIGHTCARE_DEMO              1 for the demo: a secret is generated if none is given
    RIGHTCARE_XAPI_ENDPOINT     the Learning Record Store's xAPI base URL (statements go to
                                {endpoint}/statements); unset: statements queue, none are sent
    RIGHTCARE_XAPI_USERNAME     basic-auth user at the LRS
    RIGHTCARE_XAPI_PASSWORD     its password (or RIGHTCARE_XAPI_PASSWORD_FILE)
    RIGHTCARE_XAPI_HOMEPAGE     the account homePage that names learners (default
                                https://rightcare.invalid)
    RIGHTCARE_XAPI_ACTIVITY_BASE  IRI under which courses, modules and scenarios are named
                                (default {homepage}/xapi)

`get_settings()` reads once and caches; tests call `get_settings.cache_clear()` after changing
the environment, or `with get_settings.override(Settings(...)):` to inject one.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TypedDict

from pydantic import BaseModel, ConfigDict, SecretStr

MIN_SECRET_LENGTH = 32
DEMO_SECRET_FILE = "demo-secret-key"
_PLACEHOLDER_WORDS = (
    "change",
    "replace",
    "placeholder",
    "example",
    "secret",
    "password",
    "default",
    "insecure",
    "todo",
    "xxx",
)
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


class SettingsError(ValueError):
    """A setting is missing or unsafe; the message says which and what to do."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    data_dir: Path = Path("var")
    database_url: str
    secret_key: SecretStr | None = None
    demo: bool = False
    xapi_endpoint: str | None = None
    xapi_username: str | None = None
    xapi_password: SecretStr | None = None
    xapi_homepage: str = "https://rightcare.invalid"
    xapi_activity_base: str = "https://rightcare.invalid/xapi"
    xapi_flush_seconds: float = 5.0
    # Threads per server worker for requests that touch the database (None: anyio's 40).
    request_threads: int | None = None

    def require_secret_key(self) -> str:
        """The secret, or a clear refusal for the parts (sign-in, sessions) that need one."""
        if self.secret_key is None:
            raise SettingsError(
                "no secret key: set RIGHTCARE_SECRET_KEY (or RIGHTCARE_SECRET_KEY_FILE) to at "
                f"least {MIN_SECRET_LENGTH} random characters, e.g. the output of "
                "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`"
            )
        return self.secret_key.get_secret_value()


def _flag(environ: Mapping[str, str], name: str) -> bool:
    raw = environ.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise SettingsError(f"{name} must be 1 or 0 (true/false), not {raw!r}")


def is_placeholder(secret: str) -> bool:
    """Too short, or a word people put in templates and forget to change."""
    if len(secret) < MIN_SECRET_LENGTH or len(set(secret)) < 8:
        return True
    lowered = secret.lower()
    return any(word in lowered for word in _PLACEHOLDER_WORDS)


def normalise_database_url(url: str) -> str:
    """Plain postgresql:// URLs use psycopg 3, the driver we ship (SQLAlchemy's default is 2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _read_secret(environ: Mapping[str, str]) -> str | None:
    direct = environ.get("RIGHTCARE_SECRET_KEY")
    file_name = environ.get("RIGHTCARE_SECRET_KEY_FILE")
    if direct is not None and file_name is not None:
        raise SettingsError(
            "both RIGHTCARE_SECRET_KEY and RIGHTCARE_SECRET_KEY_FILE are set: keep only one"
        )
    if file_name is not None:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SettingsError(
                f"cannot read RIGHTCARE_SECRET_KEY_FILE {file_name}: {exc.strerror or exc}"
            ) from exc
    return direct


class _XapiSettings(TypedDict):
    xapi_endpoint: str | None
    xapi_username: str | None
    xapi_password: SecretStr | None
    xapi_homepage: str
    xapi_activity_base: str


def _xapi(env: Mapping[str, str]) -> _XapiSettings:
    """The Learning Record Store settings: only http(s) endpoints, a password from a file."""
    endpoint = env.get("RIGHTCARE_XAPI_ENDPOINT", "").strip().rstrip("/") or None
    if endpoint and not endpoint.startswith(("https://", "http://")):
        raise SettingsError(f"RIGHTCARE_XAPI_ENDPOINT must start with https://, not {endpoint!r}")
    password = env.get("RIGHTCARE_XAPI_PASSWORD")
    if password is None and env.get("RIGHTCARE_XAPI_PASSWORD_FILE"):
        try:
            password = Path(env["RIGHTCARE_XAPI_PASSWORD_FILE"]).read_text("utf-8").strip()
        except OSError as exc:
            raise SettingsError(f"cannot read RIGHTCARE_XAPI_PASSWORD_FILE: {exc}") from exc
    homepage = env.get("RIGHTCARE_XAPI_HOMEPAGE", "").strip().rstrip("/")
    homepage = homepage or "https://rightcare.invalid"
    base = env.get("RIGHTCARE_XAPI_ACTIVITY_BASE", "").strip().rstrip("/") or f"{homepage}/xapi"
    return _XapiSettings(
        xapi_endpoint=endpoint,
        xapi_username=env.get("RIGHTCARE_XAPI_USERNAME") or None,
        xapi_password=SecretStr(password) if password else None,
        xapi_homepage=homepage,
        xapi_activity_base=base,
    )


def _demo_secret(data_dir: Path) -> str:
    """A random secret kept in the data dir, so every demo worker signs cookies alike."""
    path = data_dir / DEMO_SECRET_FILE
    try:
        existing = path.read_text(encoding="utf-8").strip()
        if existing:
            return existing
    except OSError:
        pass
    secret = secrets.token_urlsafe(48)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secret + "\n")
    except OSError:
        pass  # a read-only data dir: this process keeps its own secret
    return secret


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read settings from `environ` (default: the process environment), refusing unsafe ones."""
    env = os.environ if environ is None else environ
    demo = _flag(env, "RIGHTCARE_DEMO")
    data_dir = Path(env.get("RIGHTCARE_DATA_DIR") or "var")
    url = env.get("RIGHTCARE_DATABASE_URL", "").strip()
    if not url:
        url = f"sqlite:///{data_dir / 'rightcare.db'}"
    secret = _read_secret(env)
    if secret is not None and is_placeholder(secret) and not demo:
        source = (
            "RIGHTCARE_SECRET_KEY_FILE"
            if "RIGHTCARE_SECRET_KEY_FILE" in env
            else "RIGHTCARE_SECRET_KEY"
        )
        raise SettingsError(
            f"{source} is empty, too short or a placeholder: use at least {MIN_SECRET_LENGTH} "
            "random characters, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(48))'` "
            "(or set RIGHTCARE_DEMO=1 for a demo with synthetic data)"
        )
    if not secret and demo:
        secret = _demo_secret(data_dir)
    return Settings(
        data_dir=data_dir,
        database_url=normalise_database_url(url),
        secret_key=SecretStr(secret) if secret else None,
        demo=demo,
        request_threads=_request_threads(env),
        **_xapi(env),
    )


MAX_REQUEST_THREADS = 256


def _request_threads(env: Mapping[str, str]) -> int | None:
    raw = env.get("RIGHTCARE_REQUEST_THREADS", "").strip()
    if not raw:
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_REQUEST_THREADS:
        raise SettingsError(
            f"RIGHTCARE_REQUEST_THREADS must be a whole number from 1 to {MAX_REQUEST_THREADS}, "
            f"not {raw!r}"
        )
    return int(raw)


class _SettingsCache:
    """`get_settings()`: cached; `cache_clear()` re-reads; `override()` injects for tests."""

    def __init__(self) -> None:
        self._cached: Settings | None = None
        self._overrides: list[Settings] = []

    def __call__(self) -> Settings:
        if self._overrides:
            return self._overrides[-1]
        if self._cached is None:
            self._cached = load_settings()
        return self._cached

    def cache_clear(self) -> None:
        self._cached = None

    @contextmanager
    def override(self, settings: Settings) -> Iterator[Settings]:
        self._overrides.append(settings)
        try:
            yield settings
        finally:
            self._overrides.remove(settings)


get_settings = _SettingsCache()
