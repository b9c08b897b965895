"""The server side of `api_load.py`: start `rightcare serve` (or uvicorn) in its own process
group, wait for it, make an API token, count rows, and measure the CPU it used.

Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
API = "/api/v1"
TABLES = ("decision", "call", "assessment")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def rightcare_command() -> list[str]:
    here = Path(sys.executable).parent / "rightcare"
    if here.exists():
        return [str(here)]
    found = shutil.which("rightcare")
    return [found] if found else ["uv", "run", "rightcare"]


def clean_environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("RIGHTCARE_")}


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    log_path: Path
    port: int

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def cpu_seconds(self) -> float:
        """User + system CPU time of every live process in the server's group (the supervisor)
        and of their descendants (workers that run in sessions of their own), from /proc.
        Linux only; 0.0 elsewhere."""
        tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        parents: dict[int, int] = {}
        groups: dict[int, int] = {}
        times: dict[int, int] = {}
        for entry in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                fields = entry.read_text().rsplit(")", 1)[1].split()
                pid = int(entry.parent.name)
                parents[pid], groups[pid] = int(fields[1]), int(fields[2])  # ppid, pgrp
                times[pid] = int(fields[11]) + int(fields[12])  # utime, stime
        ours = {pid for pid, group in groups.items() if group == self.process.pid}
        grown = True
        while grown:
            found = {pid for pid, parent in parents.items() if parent in ours} - ours
            ours |= found
            grown = bool(found)
        return sum(times[pid] for pid in ours) / tick

    def stop(self) -> int | None:
        """Terminate the whole process group (the supervisor and its workers)."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        with contextlib.suppress(ProcessLookupError):  # any worker left behind
            os.killpg(self.process.pid, signal.SIGKILL)
        return self.process.returncode


def start_server(argv: list[str], env: dict[str, str], workdir: Path, port: int) -> Server:
    log_path = workdir / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            argv,
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stop() reaches every worker
        )
    return Server(process=process, log_path=log_path, port=port)


def wait_healthy(server: Server, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(
                f"the server exited early ({server.process.returncode}):\n{server.log()}"
            )
        with contextlib.suppress(httpx.HTTPError):
            reply = httpx.get(f"{server.base_url}{API}/health", timeout=2.0)
            if reply.status_code == 200:
                return
        time.sleep(0.25)
    raise SystemExit(f"the server did not answer /health within {timeout:.0f} s:\n{server.log()}")


def wait_for_line(server: Server, text: str, timeout: float = 120.0) -> None:
    """Wait until the server's log has `text` (e.g. every worker listening)."""
    deadline = time.monotonic() + timeout
    while text not in server.log():
        if server.process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the server never logged {text!r}:\n{server.log()}")
        time.sleep(0.25)


def demo_passwords(log: str) -> dict[str, str]:
    """The `  username  password  (Role)` lines `rightcare serve --demo` prints."""
    found: dict[str, str] = {}
    for line in log.splitlines():
        parts = line.split()
        if len(parts) >= 3 and line.startswith("  ") and parts[2].startswith("("):
            found[parts[0]] = parts[1]
    return found


def create_token(base_url: str, password: str) -> str:
    with httpx.Client(base_url=base_url, timeout=30.0) as client:
        reply = client.post(f"{API}/auth/login", json={"username": "admin", "password": password})
        reply.raise_for_status()
        csrf = reply.json()["csrf_token"]
        reply = client.post(
            f"{API}/tokens",
            json={"name": f"bench-{secrets.token_hex(4)}", "scopes": ["calls:write", "assess"]},
            headers={"X-CSRF-Token": csrf},
        )
        if reply.status_code != 201:
            raise SystemExit(f"could not create the API token: {reply.status_code} {reply.text}")
        return str(reply.json()["token"])


# --- the databases ----------------------------------------------------------------------------


def count_rows(database_url: str, tables: tuple[str, ...] = TABLES) -> dict[str, int]:
    if database_url.startswith("sqlite:///"):
        path = database_url.removeprefix("sqlite:///")
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return {t: int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
    import psycopg

    with psycopg.connect(plain_pg(database_url)) as db:
        return {t: int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # type: ignore[index]


def plain_pg(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@contextlib.contextmanager
def fresh_pg_database(admin_url: str) -> Iterator[str]:
    """A new empty database on the server at admin_url; dropped (forcefully) afterwards."""
    import psycopg

    name = f"rightcare_bench_{secrets.token_hex(4)}"
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    base = admin_url.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        print(f"dropped database {name}")


def seed_admin(database_url: str) -> str:
    """One account per role in the bench database, as the demo makes them (one call instead of
    `rightcare users add` per role); the admin's password."""
    import datetime as dt

    from rightcare.settings import normalise_database_url
    from rightcare.storage.engine import engine_for, session_scope
    from rightcare.web.demo import reset_demo_users

    engine = engine_for(normalise_database_url(database_url))
    try:
        with session_scope(engine) as session:
            passwords = reset_demo_users(session, now=dt.datetime.now(dt.UTC))
    finally:
        engine.dispose()
    return passwords["admin"]
