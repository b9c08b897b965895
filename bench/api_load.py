"""Load the web service the way a control room would, from another process, and print figures.

    uv run python bench/api_load.py [--duration 15] [--handlers 50] [--rate 500]
    uv run python bench/api_load.py --postgres      # two workers against a fresh PostgreSQL db

Starts `rightcare serve` itself on 127.0.0.1 and a free port: by default the SQLite demo
(`--demo`, files in a temporary directory); with `--postgres`, a fresh database on
127.0.0.1:5432 (user postgres; `--pg-url` to change), migrated with `rightcare db upgrade`,
served by two workers, and dropped afterwards. Waits for /api/v1/health, signs in as the demo
admin and creates an API token with the `calls:write` and `assess` scopes.

Four phases of `--duration` seconds, each with `--handlers` simulated handlers (one keep-alive
connection each; see load_client.py for the client and why it is a thin one):
  calls         closed loop: open a call, assess it again `--steps` times as the narrative grows
                (If-Match with the last ETag), accept the recommendation; again at once.
  assess        closed loop: the stateless POST /api/v1/assess a C&C system calls.
  assess-paced  the same at `--rate` requests/s offered, spread over the handlers.
  calls-paced   the calls flow paced so that `--calls-rate` (default `--rate`) stored
                assessments/s are offered (a new call is assessed too: `--steps` + 1
                assessments in `--steps` + 2 requests).
The closed loops measure capacity (with every handler always waiting, latency there is
queueing: about handlers / throughput). The paced runs measure latency at the target rate,
timed from when each request was due.

Prints per phase the requests, throughput and p50/p99/max latency per endpoint (measured by the
client, which shares the CPUs), the CPU the server and the client used, errors by status, and
the decision rows written against the decisions acknowledged (201), which must be equal. Then
each issue 4 target, which figure answers it, and its verdict.

Benchmarks print figures; tests never assert elapsed time. Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from load_client import Stats, event_loop_runner, percentile, run_phase
from load_server import (
    HOST,
    REPO,
    TABLES,
    clean_environ,
    count_rows,
    create_token,
    demo_passwords,
    free_port,
    fresh_pg_database,
    rightcare_command,
    seed_admin,
    start_server,
    wait_healthy,
)

TARGET_P99_MS = 25.0
TARGET_RATE = 500.0
PHASES = ("calls", "assess", "assess-paced", "calls-paced")
STORED = "POST /calls/{id}/assessments"
STATELESS = "POST /assess"


@dataclass
class Phase:
    name: str
    stats: Stats
    offered: float | None  # requests/s offered; None for a closed loop
    server_cpu: float  # CPU seconds
    client_cpu: float

    @property
    def paced(self) -> bool:
        return self.offered is not None

    def rate(self, endpoint: str) -> float:
        return len(self.stats.latencies.get(endpoint, ())) / self.stats.elapsed

    def requests(self) -> int:
        return sum(len(v) for v in self.stats.latencies.values())

    def assessments_per_second(self) -> float:
        """Assessments acknowledged per second: stateless 200s, or stored 201s (a new call's
        first assessment included)."""
        if self.name.startswith("assess"):
            return self.stats.statuses[STATELESS]["200"] / self.stats.elapsed
        done = self.stats.calls_acknowledged + self.stats.assessments_acknowledged
        return done / self.stats.elapsed


# --- the run ----------------------------------------------------------------------------------


def server_argv(args: argparse.Namespace, workdir: Path, env: dict[str, str]) -> list[str]:
    command = rightcare_command()
    if not args.postgres:
        argv = [*command, "serve", "--demo", "--demo-dir", str(workdir / "demo")]
    elif args.launcher == "uvicorn":
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
            "120",
            "--no-access-log",  # as `rightcare serve` runs it
        ]
    else:
        argv = [*command, "serve"]
    return [*argv, "--host", HOST, "--port", str(args.port), "--workers", str(args.workers)]


def run(args: argparse.Namespace, workdir: Path, database_url: str | None) -> int:
    args.port = free_port()
    env = clean_environ()
    if database_url is None:  # the SQLite demo
        database_url = f"sqlite:///{workdir / 'demo' / 'rightcare.db'}"
    else:
        env |= {
            "RIGHTCARE_DATABASE_URL": database_url,
            "RIGHTCARE_SECRET_KEY": secrets.token_urlsafe(48),
            "RIGHTCARE_DATA_DIR": str(workdir / "data"),
        }
        subprocess.run([*rightcare_command(), "db", "upgrade"], cwd=REPO, env=env, check=True)
        admin_password = seed_admin(database_url)
    argv = server_argv(args, workdir, env)
    shown = ["rightcare", *argv[1:]] if argv[0].endswith("rightcare") else ["python", *argv[1:]]
    print("server:", " ".join(shown))
    server = start_server(argv, env, workdir, args.port)
    phases: list[Phase] = []
    try:
        wait_healthy(server)
        if args.postgres:
            password = admin_password
        else:
            password = demo_passwords(server.log()).get("admin", "")
            if not password:
                raise SystemExit(f"no admin password in the demo's output:\n{server.log()}")
        token = create_token(server.base_url, password)
        before = count_rows(database_url)
        for name in args.phases:
            phases.append(run_one(args, server.cpu_seconds, token, name))
            print(f"  {name:<13} done: {phases[-1].requests()} requests")
        after = count_rows(database_url)
    finally:
        code = server.stop()
        graceful = "Application shutdown complete" in server.log()
        how = "SIGTERM" if code == -signal.SIGTERM else f"exit {code}"
        print(f"server stopped ({how}; {'graceful shutdown' if graceful else 'NOT graceful'})")
    return report(args, phases, {t: after[t] - before[t] for t in TABLES})


def run_one(args: argparse.Namespace, server_cpu: object, token: str, name: str) -> Phase:
    workload = name.removesuffix("-paced")
    offered: float | None = None
    if name.endswith("-paced"):
        per_call = (args.steps + 2) / (args.steps + 1)  # requests per assessment in a call
        offered = args.calls_rate * per_call if workload == "calls" else args.rate
    cpu = server_cpu  # a callable: the server group's CPU seconds so far
    assert callable(cpu)
    server_start, client_start = cpu(), time.process_time()
    stats = event_loop_runner()(
        run_phase(
            host=HOST,
            port=args.port,
            token=token,
            workload=workload,
            handlers=args.handlers,
            duration=args.duration,
            steps=args.steps,
            rate=offered,
        )
    )
    return Phase(
        name=name,
        stats=stats,
        offered=offered,
        server_cpu=cpu() - server_start,
        client_cpu=time.process_time() - client_start,
    )


# --- the report -------------------------------------------------------------------------------


def ok_status(endpoint: str, status: str) -> bool:
    return status == ("200" if endpoint == STATELESS else "201")


def report(args: argparse.Namespace, phases: list[Phase], written: dict[str, int]) -> int:
    errors: Counter[str] = Counter()
    for phase in phases:
        stats = phase.stats
        kind = (
            f"paced at {phase.offered:.0f} requests/s offered"
            if phase.paced
            else "closed loop (capacity)"
        )
        print()
        print(
            f"phase {phase.name}: {kind}; {stats.elapsed:.1f} s; CPU used: server "
            f"{phase.server_cpu / stats.elapsed:.2f} cores, this client "
            f"{phase.client_cpu / stats.elapsed:.2f} cores"
            + (f"; {stats.late_starts} requests sent late" if phase.paced else "")
        )
        print(
            f"  {'endpoint':<29} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} "
            f"{'max ms':>7}  statuses"
        )
        for endpoint, values in stats.latencies.items():
            statuses = ", ".join(f"{s}: {n}" for s, n in sorted(stats.statuses[endpoint].items()))
            print(
                f"  {endpoint:<29} {len(values):>8} {phase.rate(endpoint):>7.1f} "
                f"{percentile(values, 0.50):>7.1f} {percentile(values, 0.99):>7.1f} "
                f"{max(values):>7.1f}  {statuses}"
            )
            for status, n in stats.statuses[endpoint].items():
                if not ok_status(endpoint, status):
                    errors[f"{phase.name}: {endpoint} {status}"] += n

    print()
    print(f"errors: {sum(errors.values())}")
    for what, n in sorted(errors.items()):
        print(f"  {what}: {n}")

    calls = sum(p.stats.calls_acknowledged for p in phases)
    assessed = sum(p.stats.assessments_acknowledged for p in phases)
    decided = sum(p.stats.decisions_acknowledged for p in phases)
    print()
    print("rows written vs acknowledged (201 replies), all phases:")
    print(f"  calls        {written['call']:>7} rows  {calls:>7} acknowledged")
    print(
        f"  assessments  {written['assessment']:>7} rows  {calls + assessed:>7} acknowledged"
        " (one per new call + one per POST .../assessments)"
    )
    print(f"  decisions    {written['decision']:>7} rows  {decided:>7} acknowledged")
    lost = decided - written["decision"]
    print(
        "  verdict: "
        + ("equal - no decision lost" if lost == 0 else f"NOT EQUAL ({lost:+d} without a row)")
    )
    total_errors = sum(errors.values())
    print_targets(args, {p.name: p for p in phases}, total_errors, lost)
    return 0 if lost == 0 and not total_errors else 1


def print_targets(
    args: argparse.Namespace, phases: dict[str, Phase], total_errors: int, lost: int
) -> None:
    def line(label: str, figure: str, ok: bool | None) -> None:
        verdict = "not run" if ok is None else ("met" if ok else "NOT MET")
        print(f"  {label:<44} {figure:<40} {verdict}")

    mode = "PostgreSQL" if args.postgres else "SQLite demo"
    print()
    print(f"targets (issue 4), {mode}, {args.workers} worker(s), {args.handlers} handlers:")
    print(f"  at least {TARGET_RATE:.0f} assessments/s: by the closed-loop runs (capacity)")
    for label, name in (("stateless POST /assess", "assess"), ("stored, calls flow", "calls")):
        phase = phases.get(name)
        if phase is None:
            line(label, "-", None)
            continue
        rate = phase.assessments_per_second()
        line(f"  {label}", f"{rate:.0f} assessments/s", rate >= TARGET_RATE)
    print(
        f"  p99 at most {TARGET_P99_MS:.0f} ms for assess: answered by the paced runs "
        "(timed from when each request was due)"
    )
    for label, name, endpoint, rate in (
        ("stateless POST /assess", "assess-paced", STATELESS, args.rate),
        ("stored POST /calls/{id}/assessments", "calls-paced", STORED, args.calls_rate),
    ):
        phase = phases.get(name)
        values = phase.stats.latencies.get(endpoint) if phase is not None else None
        if phase is None or not values:
            line(label, "-", None)
            continue
        p99, achieved = percentile(values, 0.99), phase.assessments_per_second()
        kept_up = achieved >= 0.95 * rate
        figure = f"p99 {p99:.1f} ms (p50 {percentile(values, 0.5):.1f}) at {achieved:.0f}/s"
        # The target is at 500/s: a run paced slower is shown, but cannot meet it.
        line(f"  {label}", figure, p99 <= TARGET_P99_MS and kept_up and rate >= TARGET_RATE)
        if not kept_up:
            print(f"    (the server did not keep up with the {rate:.0f} assessments/s offered)")
        elif rate < TARGET_RATE:
            print(f"    (offered {rate:.0f}/s, below the target rate: shown for reference)")
    for name in ("calls", "assess"):
        phase = phases.get(name)
        endpoint = STATELESS if name == "assess" else STORED
        if phase is not None and phase.stats.latencies.get(endpoint):
            p99 = percentile(phase.stats.latencies[endpoint], 0.99)
            print(
                f"  (closed-loop {name} p99 {p99:.1f} ms is queueing behind {args.handlers} "
                "requests always in flight; not the latency figure)"
            )
    line("zero errors", str(total_errors), total_errors == 0)
    line("zero lost decisions (rows == 201s)", str(max(lost, 0)), lost == 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=15.0, help="seconds per phase")
    parser.add_argument("--handlers", type=int, default=50, help="concurrent call handlers")
    parser.add_argument("--steps", type=int, default=4, help="assessments per call as they type")
    parser.add_argument(
        "--rate", type=float, default=TARGET_RATE, help="assessments/s offered in paced phases"
    )
    parser.add_argument(
        "--calls-rate",
        type=float,
        default=None,
        help="stored assessments/s offered in calls-paced (default: --rate)",
    )
    parser.add_argument(
        "--phases",
        default=",".join(PHASES),
        help=f"comma-separated, from {', '.join(PHASES)} (default: all, in that order)",
    )
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL, two workers")
    parser.add_argument("--workers", type=int, default=None, help="server workers (1; pg: 2)")
    parser.add_argument(
        "--launcher",
        choices=("serve", "uvicorn"),
        default=None,
        help="start the server with `rightcare serve` or `python -m uvicorn --factory` "
        "(default: serve; uvicorn with --postgres, see server_argv())",
    )
    parser.add_argument(
        "--pg-url",
        default=f"postgresql://postgres@{HOST}:5432/postgres",
        help="an existing database on the server to create the bench database from",
    )
    args = parser.parse_args(argv)
    args.phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    if unknown := [p for p in args.phases if p not in PHASES]:
        parser.error(f"unknown phase {unknown[0]!r}: choose from {', '.join(PHASES)}")
    if args.calls_rate is None:
        args.calls_rate = args.rate
    if args.launcher is None:
        args.launcher = "uvicorn" if args.postgres else "serve"
    if args.launcher == "uvicorn" and not args.postgres:
        parser.error("--launcher uvicorn needs --postgres (the demo is set up by `serve --demo`)")
    if args.workers is None:
        args.workers = 2 if args.postgres else 1
    if args.steps < 1 or args.handlers < 1 or args.duration <= 0 or args.rate <= 0:
        parser.error("--steps, --handlers, --duration and --rate must be positive")
    if args.postgres and "127.0.0.1" not in args.pg_url and "localhost" not in args.pg_url:
        parser.error("--pg-url must point at 127.0.0.1")
    print(
        f"rightcare API load: {args.handlers} handlers, {args.duration:.0f} s per phase, "
        f"{args.steps} assessments per call, paced at {args.rate:.0f} (calls flow "
        f"{args.calls_rate:.0f}) assessments/s; "
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
