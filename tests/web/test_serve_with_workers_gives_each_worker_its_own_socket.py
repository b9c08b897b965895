"""`rightcare serve --workers 2` on Linux: each worker listens on its own SO_REUSEPORT socket
(the kernel spreads connections over them), a token revoked on one worker is refused by both at
once, a clash on the port is a clear error, and SIGTERM to the supervisor stops every worker."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rightcare.web.workers import AVAILABLE

pytestmark = pytest.mark.skipif(not AVAILABLE, reason="per-worker sockets are Linux only")

START_TIMEOUT = 120  # two workers each import the whole app (spaCy) on a busy 2-core machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _environ(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RIGHTCARE_")}
    env["RIGHTCARE_DATA_DIR"] = str(tmp_path / "data")
    return env


def _serve(tmp_path: Path, port: int) -> subprocess.Popen[str]:
    argv = [str(Path(sys.executable).parent / "rightcare"), "serve", "--demo", "--workers", "2"]
    argv += ["--threads", "1", "--port", str(port), "--demo-dir", str(tmp_path / "demo")]
    with (tmp_path / "server.log").open("w") as log:
        return subprocess.Popen(
            argv,
            env=_environ(tmp_path),
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )


def _listening_sockets(port: int) -> int:
    """Listening TCP sockets on `port` (all processes), from /proc/net/tcp."""
    wanted = f":{port:04X}"
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(wanted) and fields[3] == "0A":  # 0A: LISTEN
            count += 1
    return count


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int]]:
    port = _free_port()
    process = _serve(tmp_path, port)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        log = tmp_path / "server.log"
        while "all 2 workers listening on" not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the server did not start two workers:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield process, port
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_two_workers_listen_on_sockets_of_their_own_and_answer(
    server: tuple[subprocess.Popen[str], int],
) -> None:
    process, port = server
    assert _listening_sockets(port) == 2
    assert len(_children(process.pid)) >= 2
    for _ in range(10):  # ten connections: whichever worker each lands on answers
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            assert client.get("/api/v1/health").status_code == 200


def test_a_token_revoked_on_one_worker_is_refused_by_both_at_once(
    server: tuple[subprocess.Popen[str], int], tmp_path: Path
) -> None:
    _, port = server
    base = f"http://127.0.0.1:{port}"
    found = re.search(r"^\s+admin\s+(\S+)\s", (tmp_path / "server.log").read_text(), re.M)
    assert found is not None, "the demo printed no admin password"
    with httpx.Client(base_url=base) as admin:
        signed = admin.post(
            "/api/v1/auth/login", json={"username": "admin", "password": found.group(1)}
        )
        assert signed.status_code == 200, signed.text
        admin.headers["X-CSRF-Token"] = signed.json()["csrf_token"]
        created = admin.post("/api/v1/tokens", json={"name": "cad", "scopes": ["policy:read"]})
        assert created.status_code == 201, created.text
        bearer = {"Authorization": f"Bearer {created.json()['token']}"}

        def calls() -> list[int]:  # each on a new connection, so on either worker
            answers = []
            for _ in range(30):
                with httpx.Client(base_url=base, headers=bearer) as system:
                    answers.append(system.get("/api/v1/policy").status_code)
            return answers

        assert set(calls()) == {200}  # both workers now hold the token in their caches
        revoked = admin.post(f"/api/v1/tokens/{created.json()['id']}/revoke")
        assert revoked.status_code == 200
        assert set(calls()) == {401}  # at once, well inside the caches' second


def test_sigterm_to_the_supervisor_stops_every_worker(
    server: tuple[subprocess.Popen[str], int],
) -> None:
    process, port = server
    workers = _children(process.pid)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=40) == 0
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)
    assert _listening_sockets(port) == 0


def test_a_port_already_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _serve(tmp_path, port)
        process.wait(timeout=120)
    output = (tmp_path / "server.log").read_text()
    assert process.returncode == 2, output
    assert f"cannot listen on 127.0.0.1:{port}" in output
