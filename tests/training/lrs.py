"""A real Learning Record Store for the xAPI tests: ralph (`ralph-malph` from PyPI) on 127.0.0.1.

ralph's server pins FastAPI 0.114 and uvicorn 0.30, which rightcare's own FastAPI cannot share,
so it lives in an environment of its own under the user's cache folder, made once with uv
(`python -m tests.training.lrs install`, which `.ci/run` calls before the tests; the fixtures
make it themselves when it is missing). The server is started as a subprocess with ralph's
filesystem backend and a basic-auth file written by `ralph auth`, on a free port, and stopped
by its own process id when the tests are done.

Set RIGHTCARE_TEST_LRS_HOME to keep the environment elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

RALPH = "ralph-malph[cli,lrs]==5.1.0"
# ralph's API imports `requests` for OpenID Connect but 5.1.0 does not declare it.
EXTRA = "requests>=2.31,<3"
USERNAME = "rightcare-test"
PASSWORD = "lrs-test-password-not-a-secret"
START_TIMEOUT = 40.0
INSTALL_TIMEOUT = 300.0
SERVER_SCRIPT = Path(__file__).with_name("ralph_server.py")


class LrsUnavailable(RuntimeError):
    """ralph could not be installed or started; the message says why."""


def home() -> Path:
    configured = os.environ.get("RIGHTCARE_TEST_LRS_HOME")
    if configured:
        return Path(configured)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "rightcare" / "ralph-malph-5.1.0"


def _bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


def install() -> Path:
    """ralph's environment, made if missing (idempotent); its Python. LrsUnavailable if not."""
    venv = home()
    python = _bin(venv, "python")
    ready = venv / ".ready"
    if ready.exists() and python.exists():
        return python
    uv = os.environ.get("UV") or shutil.which("uv")
    steps: list[list[str]]
    if uv:
        steps = [
            [uv, "venv", "--quiet", "--allow-existing", "--python", sys.executable, str(venv)],
            [uv, "pip", "install", "--quiet", "--python", str(python), RALPH, EXTRA],
        ]
    else:
        steps = [
            [sys.executable, "-m", "venv", str(venv)],
            [str(python), "-m", "pip", "install", "--quiet", RALPH, EXTRA],
        ]
    steps.append([str(python), "-c", "import ralph.api, uvicorn, bcrypt"])
    # ralph reads its backend at import; the default (Elasticsearch) is not installed
    env = {**os.environ, "RALPH_RUNSERVER_BACKEND": "fs"}
    for step in steps:
        try:
            done = subprocess.run(
                step, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, check=False, env=env
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise LrsUnavailable(f"could not install {RALPH}: {exc}") from exc
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            raise LrsUnavailable(f"could not install {RALPH}: {' / '.join(tail)}")
    ready.write_text(RALPH + "\n", encoding="utf-8")
    return python


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class LrsServer:
    """One ralph LRS process. `endpoint` is the xAPI base: statements at {endpoint}/statements."""

    python: Path
    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI"

    @property
    def auth(self) -> tuple[str, str]:
        return (USERNAME, PASSWORD)

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("RALPH_", "VIRTUAL_ENV"))}
        env.update(
            RALPH_APP_DIR=str(self.workdir),
            RALPH_RUNSERVER_BACKEND="fs",
            RALPH_AUTH_FILE=str(self.workdir / "auth.json"),
            RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(self.workdir / "statements"),
        )
        return env

    def _write_auth(self) -> None:
        """ralph's basic-auth file, written once by `ralph auth` (bcrypt takes a second)."""
        target = self.workdir / "auth.json"
        made = self.python.parent.parent / "auth.json"
        if not made.exists():
            ralph = _bin(self.python.parent.parent, "ralph")
            command = [str(ralph), "auth", "-u", USERNAME, "-p", PASSWORD, "-s", "all"]
            command += ["-A", "rightcare-tests", "https://rightcare.invalid", "--write-to-disk"]
            env = {**self._env(), "RALPH_AUTH_FILE": str(made)}
            done = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=60, check=False
            )
            if done.returncode != 0:
                raise LrsUnavailable(f"`ralph auth` failed: {done.stderr.strip()[-300:]}")
        shutil.copyfile(made, target)

    def start(self) -> None:
        (self.workdir / "statements").mkdir(parents=True, exist_ok=True)
        self._write_auth()
        log = (self.workdir / "ralph.log").open("ab")
        self.process = subprocess.Popen(
            [str(self.python), str(SERVER_SCRIPT), "--host", "127.0.0.1", "--port", str(self.port)],
            env=self._env(),
            cwd=self.workdir,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a Ctrl-C at the terminal is for pytest, not for ralph
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LrsUnavailable(f"ralph exited at start: {self.log_tail()}")
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1).is_success:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise LrsUnavailable(f"ralph did not answer within {START_TIMEOUT:g} s: {self.log_tail()}")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def log_tail(self) -> str:
        path = self.workdir / "ralph.log"
        lines = path.read_text(errors="replace").strip().splitlines() if path.exists() else []
        return " / ".join(lines[-5:])

    def client(self) -> httpx.Client:
        return httpx.Client(
            auth=self.auth, timeout=10, headers={"X-Experience-API-Version": "1.0.3"}
        )

    def statement(self, statement_id: str) -> dict[str, object] | None:
        """The statement the LRS holds under this id (None when it holds none)."""
        with self.client() as http:
            reply = http.get(f"{self.endpoint}/statements", params={"statementId": statement_id})
        if reply.status_code == 404:
            return None
        reply.raise_for_status()
        found = reply.json()
        # The xAPI spec returns the statement itself; ralph 5.1.0 wraps it in a result.
        if isinstance(found, dict) and "statements" in found:
            matches = found["statements"]
            assert len(matches) <= 1, f"the LRS holds {len(matches)} statements with one id"
            return matches[0] if matches else None
        return found  # type: ignore[no-any-return]

    def all_statement_ids(self) -> list[str]:
        """Every statement id the LRS holds, duplicates included (ralph's fs store is a file)."""
        path = self.workdir / "statements" / "fs_lrs.jsonl"
        if not path.exists():
            return []
        return [json.loads(line)["id"] for line in path.read_text().splitlines() if line]


def ralph_python_or_skip() -> Path:
    try:
        return install()
    except LrsUnavailable as exc:
        pytest.skip(f"no real LRS for the xAPI tests: {exc}")


@pytest.fixture(scope="session")
def ralph_python() -> Path:
    return ralph_python_or_skip()


@pytest.fixture(scope="session")
def lrs(ralph_python: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LrsServer]:
    """One ralph LRS for the session's xAPI tests (statement ids never repeat across tests)."""
    server = LrsServer(ralph_python, tmp_path_factory.mktemp("lrs"))
    try:
        server.start()
    except LrsUnavailable as exc:
        pytest.fail(str(exc))
    yield server
    server.stop()


if __name__ == "__main__":
    if sys.argv[1:] != ["install"]:
        sys.exit("usage: python -m tests.training.lrs install")
    try:
        print(f"ralph LRS ready: {install()}")
    except LrsUnavailable as exc:
        sys.exit(str(exc))
