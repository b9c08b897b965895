"""Load the web service the way a control room would, from another process, and print figures.

    uv run python bench/api_load.py [--duration 30] [--handlers 50] [--steps 4] [--think-ms 0]
    uv run python bench/api_load.py --postgres      # two workers against a fresh PostgreSQL db

Starts `rightcare serve` itself on 127.0.0.1 and a free port: by default the SQLite demo
(`--demo`, files in a temporary directory); with `--postgres`, a fresh database on
127.0.0.1:5432 (user postgres; `--pg-url` to change), migrated with `rightcare db upgrade`,
served with `--workers 2`, and dropped afterwards. Waits for /api/v1/health, signs in as the demo
admin and creates an API token with the `calls:write` and `assess` scopes.

Phase 1 (calls): `--handlers` simulated call handlers (asyncio tasks sharing one
httpx.AsyncClient), each repeating until `--duration` seconds have passed (a call in progress is
finished): open a call, assess it again `--steps` times as the narrative grows and answers
arrive (each time sending the ETag it last read as If-Match), then accept the recommendation
(the answers end with risk_to_life: yes, so the call is a clear `attend` and accepting is
allowed). Phase 2 (assess): the same number of clients post the stateless POST /api/v1/assess for
`--duration` seconds. No think time by default (`--think-ms`): a closed loop, so latency includes
queueing at the server.

Prints, per endpoint, the requests, throughput and p50/p99/max latency in milliseconds (measured
by the client, so on a shared machine the client's own CPU use counts too), errors by status,
and rows written vs decisions acknowledged: the decision rows added to the database against the
201 replies to POST .../decisions (they must be equal). Then each issue 4 target with its verdict.

Benchmarks print figures; tests never assert elapsed time. Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import random
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
API = "/api/v1"
TARGET_P99_MS = 25.0
TARGET_RATE = 500.0
HEADERS_JSON = {"Content-Type": "application/json"}

NARRATIVE = (
    "Caller says her brother phoned her twenty minutes ago sounding very low.",
    "He said he had had enough and was going to the bridge by the retail park.",
    "She can see him on the footbridge from her car; he is standing by the railings.",
    "He has climbed onto the parapet and says he will jump if anyone comes near.",
    "She does not think he has a weapon and nobody else is with him.",
    "He has a history of depression and stopped taking his medication last week.",
)
# Answers as the handler learns them, one group per typing step; the last makes it `attend`.
ANSWER_STEPS: tuple[dict[str, str], ...] = (
    {"location_known": "yes"},
    {"crime": "no"},
    {"serious_harm": "yes"},
    {"risk_to_life": "yes"},
)
STATELESS_ANSWERS = ("risk_to_life", "crime", "serious_harm", "location_known", "medical_emergency")
STATELESS_VALUES = ("yes", "no", "unknown")


# --- figures ----------------------------------------------------------------------------------


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    elapsed: dict[str, float] = field(default_factory=dict)  # phase -> seconds
    phase_of: dict[str, str] = field(default_factory=dict)  # endpoint -> phase
    decisions_acknowledged: int = 0
    calls_acknowledged: int = 0
    assessments_acknowledged: int = 0

    def add(self, endpoint: str, phase: str, seconds: float, status: str) -> None:
        self.latencies[endpoint].append(seconds * 1000.0)
        self.statuses[endpoint][status] += 1
        self.phase_of[endpoint] = phase


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (no interpolation) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-int(fraction * 1000) * len(ordered) // 1000))
    return ordered[min(rank, len(ordered)) - 1]


def ok_status(endpoint: str, status: str) -> bool:
    return status == ("200" if endpoint == "POST /assess" else "201")


async def timed_post(
    client: httpx.AsyncClient,
    stats: Stats,
    endpoint: str,
    phase: str,
    url: str,
    body: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> httpx.Response | None:
    start = time.perf_counter()
    try:
        reply = await client.post(url, json=body, headers=headers)
    except httpx.HTTPError as exc:
        stats.add(endpoint, phase, time.perf_counter() - start, f"exception {type(exc).__name__}")
        return None
    stats.add(endpoint, phase, time.perf_counter() - start, str(reply.status_code))
    return reply


# --- the simulated handlers -------------------------------------------------------------------


async def handle_calls(
    client: httpx.AsyncClient, stats: Stats, args: argparse.Namespace, deadline: float, seed: int
) -> None:
    """One call handler: open, assess as they type, decide; again until the deadline."""
    rng = random.Random(seed)
    think = args.think_ms / 1000.0
    while time.perf_counter() < deadline:
        sentences = list(NARRATIVE)
        rng.shuffle(sentences[1:4])
        narrative = sentences[0]
        reply = await timed_post(
            client,
            stats,
            "POST /calls",
            "calls",
            f"{API}/calls",
            {"narrative": narrative, "context": {"channel": "999", "caller": "third_party"}},
        )
        if reply is None or reply.status_code != 201:
            continue
        stats.calls_acknowledged += 1
        call = reply.json()
        call_id, tag = call["id"], reply.headers["ETag"]
        assessment_id = call["latest_assessment"]["id"]
        failed = False
        for step in range(args.steps):
            if think:
                await asyncio.sleep(think * rng.uniform(0.5, 1.5))
            if step + 1 < len(sentences):
                narrative = " ".join(sentences[: step + 2])
            # The last step always brings risk_to_life: yes, so the call is a clear attend.
            group = ANSWER_STEPS[-1] if step == args.steps - 1 else ANSWER_STEPS[step % 3]
            reply = await timed_post(
                client,
                stats,
                "POST /calls/{id}/assessments",
                "calls",
                f"{API}/calls/{call_id}/assessments",
                {"narrative": narrative, "answers": group},
                {"If-Match": tag},
            )
            if reply is None or reply.status_code != 201:
                failed = True
                break
            stats.assessments_acknowledged += 1
            tag, assessment_id = reply.headers["ETag"], reply.json()["id"]
        if failed:
            continue
        reply = await timed_post(
            client,
            stats,
            "POST /calls/{id}/decisions",
            "calls",
            f"{API}/calls/{call_id}/decisions",
            {"assessment_id": assessment_id, "accept": True},
            {"If-Match": tag},
        )
        if reply is not None and reply.status_code == 201:
            stats.decisions_acknowledged += 1


async def post_stateless(
    client: httpx.AsyncClient, stats: Stats, deadline: float, seed: int
) -> None:
    rng = random.Random(seed)
    while time.perf_counter() < deadline:
        count = rng.randint(1, len(NARRATIVE))
        answers = {
            name: rng.choice(STATELESS_VALUES)
            for name in rng.sample(STATELESS_ANSWERS, rng.randint(0, 3))
        }
        await timed_post(
            client,
            stats,
            "POST /assess",
            "assess",
            f"{API}/assess",
            {"narrative": " ".join(NARRATIVE[:count]), "answers": answers},
        )


async def drive(base_url: str, token: str, args: argparse.Namespace) -> Stats:
    stats = Stats()
    limits = httpx.Limits(max_connections=args.handlers, max_keepalive_connections=args.handlers)
    async with httpx.AsyncClient(
        base_url=base_url,
        headers={"Authorization": f"Bearer {token}", **HEADERS_JSON},
        limits=limits,
        timeout=60.0,
    ) as client:
        # Warm-up (not counted): every worker imports, opens its pool and loads policies.
        warm = Stats()
        for _ in range(2 * args.workers + 2):
            await timed_post(client, warm, "warm", "warm", f"{API}/assess", {"narrative": "x"})
        for phase in ("calls", "assess"):
            start = time.perf_counter()
            deadline = start + args.duration
            if phase == "calls":
                tasks = [
                    handle_calls(client, stats, args, deadline, seed=index)
                    for index in range(args.handlers)
                ]
            else:
                tasks = [
                    post_stateless(client, stats, deadline, seed=index)
                    for index in range(args.handlers)
                ]
            await asyncio.gather(*tasks)
            stats.elapsed[phase] = time.perf_counter() - start
    return stats


# --- the server -------------------------------------------------------------------------------


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
    base_url: str

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

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
    return Server(process=process, log_path=log_path, base_url=f"http://{HOST}:{port}")


def wait_healthy(server: Server, timeout: float = 90.0) -> None:
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


def count_rows(database_url: str, tables: tuple[str, ...]) -> dict[str, int]:
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
    """Demo users in a non-demo database (the service has no user CLI); the admin's password."""
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


# --- the run ----------------------------------------------------------------------------------

TABLES = ("decision", "call", "assessment")


def run(args: argparse.Namespace, workdir: Path, database_url: str | None) -> int:
    port = free_port()
    command = rightcare_command()
    env = clean_environ()
    if database_url is None:  # the SQLite demo
        argv = [*command, "serve", "--demo", "--demo-dir", str(workdir / "demo")]
        database_url = f"sqlite:///{workdir / 'demo' / 'rightcare.db'}"
    else:
        env |= {
            "RIGHTCARE_DATABASE_URL": database_url,
            "RIGHTCARE_SECRET_KEY": secrets.token_urlsafe(48),
            "RIGHTCARE_DATA_DIR": str(workdir / "data"),
        }
        subprocess.run([*command, "db", "upgrade"], cwd=REPO, env=env, check=True)
        admin_password = seed_admin(database_url)
        argv = [*command, "serve"]
        if args.launcher == "uvicorn":
            # `rightcare serve --workers N` spawns workers that re-import the whole CLI (over 5 s
            # on a busy 2-core machine), so uvicorn's 5 s start-up health check kills and
            # restarts them for ever. The same app factory, started by uvicorn itself:
            argv = [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "rightcare.web.app:create_app_from_env",
                "--timeout-worker-healthcheck",
                "60",
                "--no-access-log",  # as `rightcare serve` runs it
            ]
    argv += ["--host", HOST, "--port", str(port), "--workers", str(args.workers)]
    shown = ["rightcare", *argv[1:]] if argv[0].endswith("rightcare") else ["python", *argv[1:]]
    print("server:", " ".join(shown))
    server = start_server(argv, env, workdir, port)
    try:
        wait_healthy(server)
        if args.postgres:
            password = admin_password
        else:
            password = demo_passwords(server.log()).get("admin", "")
            if not password:
                raise SystemExit(f"no admin password in the demo's output:\n{server.log()}")
        token = create_token(server.base_url, password)
        before = count_rows(database_url, TABLES)
        stats = asyncio.run(drive(server.base_url, token, args))
        after = count_rows(database_url, TABLES)
    finally:
        code = server.stop()
        graceful = "Application shutdown complete" in server.log()
        how = "SIGTERM" if code == -signal.SIGTERM else f"exit {code}"
        print(f"server stopped ({how}; {'graceful shutdown' if graceful else 'NOT graceful'})")
    return report(args, stats, {t: after[t] - before[t] for t in TABLES})


def report(args: argparse.Namespace, stats: Stats, written: dict[str, int]) -> int:
    print()
    print(
        f"{'endpoint':<31} {'phase':<6} {'requests':>8} {'req/s':>8} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'max ms':>8}  statuses"
    )
    for endpoint, values in stats.latencies.items():
        phase = stats.phase_of[endpoint]
        rate = len(values) / stats.elapsed[phase]
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(stats.statuses[endpoint].items()))
        print(
            f"{endpoint:<31} {phase:<6} {len(values):>8} {rate:>8.1f} "
            f"{percentile(values, 0.50):>8.1f} {percentile(values, 0.99):>8.1f} "
            f"{max(values):>8.1f}  {statuses}"
        )
    for phase, seconds in stats.elapsed.items():
        print(f"phase {phase}: {seconds:.1f} s")

    errors: Counter[str] = Counter()
    for endpoint, counts in stats.statuses.items():
        for status, n in counts.items():
            if not ok_status(endpoint, status):
                errors[f"{endpoint} {status}"] += n
    print()
    print(f"errors: {sum(errors.values())}")
    for what, n in sorted(errors.items()):
        print(f"  {what}: {n}")

    print()
    print("rows written vs acknowledged (201 replies):")
    created_assessments = stats.calls_acknowledged + stats.assessments_acknowledged
    print(f"  calls        {written['call']:>7} rows  {stats.calls_acknowledged:>7} acknowledged")
    print(
        f"  assessments  {written['assessment']:>7} rows  {created_assessments:>7} acknowledged"
        " (one per new call + one per POST .../assessments)"
    )
    print(
        f"  decisions    {written['decision']:>7} rows  {stats.decisions_acknowledged:>7} "
        "acknowledged"
    )
    lost = stats.decisions_acknowledged - written["decision"]
    decisions_ok = lost == 0
    print(
        "  verdict: "
        + (
            "equal - no decision lost"
            if decisions_ok
            else f"NOT EQUAL ({lost:+d} acknowledged without a row)"
        )
    )

    def figure(endpoint: str) -> tuple[float, float]:
        values = stats.latencies.get(endpoint) or [float("nan")]
        phase = stats.phase_of.get(endpoint, "assess")
        return len(values) / stats.elapsed.get(phase, float("inf")), percentile(values, 0.99)

    print()
    mode = "PostgreSQL" if args.postgres else "SQLite demo"
    print(f"targets (issue 4), {mode}, {args.workers} worker(s), {args.handlers} handlers:")
    verdicts = []
    for label, endpoint in (
        ("stateless POST /assess", "POST /assess"),
        ("stored POST /calls/{id}/assessments", "POST /calls/{id}/assessments"),
    ):
        rate, p99 = figure(endpoint)
        for text, ok in (
            (f"p99 {p99:.1f} ms <= {TARGET_P99_MS:.0f} ms", p99 <= TARGET_P99_MS),
            (f"{rate:.0f} assessments/s >= {TARGET_RATE:.0f}", rate >= TARGET_RATE),
        ):
            print(f"  {label:<36} {text:<28} {'met' if ok else 'NOT MET'}")
            verdicts.append(ok)
    total_errors = sum(errors.values())
    print(f"  {'errors':<36} {total_errors:<28} {'met' if not total_errors else 'NOT MET'}")
    print(f"  {'lost decisions':<36} {max(lost, 0):<28} {'met' if decisions_ok else 'NOT MET'}")
    return 0 if decisions_ok and not total_errors else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per phase")
    parser.add_argument("--handlers", type=int, default=50, help="concurrent call handlers")
    parser.add_argument("--steps", type=int, default=4, help="assessments per call as they type")
    parser.add_argument("--think-ms", type=float, default=0.0, help="typing pause between steps")
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL, two workers")
    parser.add_argument("--workers", type=int, default=None, help="server workers (1; pg: 2)")
    parser.add_argument(
        "--launcher",
        choices=("serve", "uvicorn"),
        default=None,
        help="start the server with `rightcare serve` or `python -m uvicorn --factory` "
        "(default: serve; uvicorn with --postgres, see the note in run())",
    )
    parser.add_argument(
        "--pg-url",
        default=f"postgresql://postgres@{HOST}:5432/postgres",
        help="an existing database on the server to create the bench database from",
    )
    args = parser.parse_args(argv)
    if args.launcher is None:
        args.launcher = "uvicorn" if args.postgres else "serve"
    if args.launcher == "uvicorn" and not args.postgres:
        parser.error("--launcher uvicorn needs --postgres (the demo is set up by `serve --demo`)")
    if args.workers is None:
        args.workers = 2 if args.postgres else 1
    if args.steps < 1 or args.handlers < 1 or args.duration <= 0:
        parser.error("--steps, --handlers and --duration must be positive")
    if args.postgres and "127.0.0.1" not in args.pg_url and "localhost" not in args.pg_url:
        parser.error("--pg-url must point at 127.0.0.1")
    print(
        f"rightcare API load: {args.handlers} handlers, {args.duration:.0f} s per phase, "
        f"{args.steps} assessments per call, think {args.think_ms:.0f} ms; "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    with tempfile.TemporaryDirectory(prefix="rightcare-bench-") as tmp:
        workdir = Path(tmp)
        if args.postgres:
            with fresh_pg_database(args.pg_url) as url:
                return run(args, workdir, url)
        return run(args, workdir, None)


if __name__ == "__main__":
    sys.exit(main())
