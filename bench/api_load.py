"""Load the web service the way a control room would, from another process, and print figures.

    uv run python bench/api_load.py [--duration 15] [--handlers 50] [--rate 500]
    uv run python bench/api_load.py --postgres      # a fresh PostgreSQL db instead of SQLite
    uv run python bench/api_load.py --workers 1 --threads 40   # `rightcare serve`'s defaults

Starts `rightcare serve` itself on 127.0.0.1 and a free port: by default the SQLite demo
(`--demo`, files in a temporary directory); with `--postgres`, a fresh database on
127.0.0.1:5432 (user postgres; `--pg-url` to change), migrated with `rightcare db upgrade`,
and dropped afterwards. Two workers with one request thread each by default (`--workers`,
`--threads`): on this 2-core machine that served the most saved calls (bench/README.md).
Waits for /api/v1/health, signs in as the demo admin and creates an API token with the
`calls:write` and `assess` scopes.

Six phases of `--duration` seconds, each with `--handlers` simulated handlers (one keep-alive
connection each; see load_client.py for the client and why it is a thin one):
  handlers        closed loop: what the call handler screen does. It assesses as the handler
                  types, without storing (one POST /assess per sentence, answers arriving as
                  they are learned), then saves the call with everything learned (POST /calls:
                  the call and its first stored assessment) and accepts the recommendation.
  handlers-paced  the same, paced so that `--rate` assessments/s are offered (previews and
                  saved calls; the decision is a request too).
  calls           closed loop: a C&C system that stores every assessment. Open a call, assess
                  it again `--steps` times as the narrative grows (If-Match with the last
                  ETag), accept the recommendation; again at once.
  calls-paced     the calls flow paced so that `--calls-rate` (default `--rate`) stored
                  assessments/s are offered (a new call is assessed too: `--steps` + 1
                  assessments in `--steps` + 2 requests).
  assess          closed loop: the stateless POST /api/v1/assess alone.
  assess-paced    the same at `--rate` requests/s offered, spread over the handlers.
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
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from load_client import STATELESS_ANSWERS, STATELESS_VALUES, event_loop_runner, run_phase, sentences
from load_report import PHASES, TARGET_RATE, Phase, offered_rate, report
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
    wait_for_line,
    wait_healthy,
)
from machine import yardstick_ms

# --- the run ----------------------------------------------------------------------------------


def measure_peers(args: argparse.Namespace, seconds: float = 3.0) -> None:
    """The peers the report sets the figures beside, measured in this process before the
    server starts: the machine yardstick, and stateless assessments per second on one core
    with no HTTP, framework or second process (`assess_call` on bodies like the `assess`
    phase's). Throughput over HTTP divided by that rate holds across machines better than
    either figure alone."""
    from rightcare.calls.assessing import assess_call
    from rightcare.engine.store import load_policy_set

    args.yardstick_ms = yardstick_ms()
    policies = load_policy_set()
    rng = random.Random(11)

    def body() -> dict[str, object]:
        text = sentences(rng)
        answers = {q: rng.choice(STATELESS_VALUES) for q in rng.sample(STATELESS_ANSWERS, 2)}
        return {
            "narrative": " ".join(text[: rng.randint(1, len(text))]),
            "answers": answers,
            "context": {"channel": "999", "caller": "third_party"},
        }

    for _ in range(50):
        assess_call(policies, body())  # load the reader and warm up outside the timing
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        assess_call(policies, body())
        done += 1
    args.peer_rate = done / (time.perf_counter() - start)


def server_argv(args: argparse.Namespace, workdir: Path, env: dict[str, str]) -> list[str]:
    command = rightcare_command()
    if not args.postgres:
        argv = [*command, "serve", "--demo", "--demo-dir", str(workdir / "demo")]
    elif args.launcher == "uvicorn":
        # For comparison: uvicorn's own workers, which share one listening socket.
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
    if args.launcher == "uvicorn":
        env["RIGHTCARE_REQUEST_THREADS"] = str(args.threads)  # what `serve --threads` sets
    else:
        argv += ["--threads", str(args.threads)]
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
        if args.launcher == "serve" and args.workers > 1:
            # Connections made before a worker listens all go to the others, and stay there.
            wait_for_line(server, "workers listening on")
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
        offered = offered_rate(workload, args.rate, args.calls_rate, args.steps)
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
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of the demo")
    parser.add_argument("--workers", type=int, default=2, help="server workers (default 2)")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="request threads per worker (default 1: the most saved calls on 2 cores)",
    )
    parser.add_argument(
        "--launcher",
        choices=("serve", "uvicorn"),
        default="serve",
        help="start the server with `rightcare serve` (each worker on its own socket) or "
        "`python -m uvicorn --factory` (uvicorn's workers on one shared socket; --postgres)",
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
    if args.launcher == "uvicorn" and not args.postgres:
        parser.error("--launcher uvicorn needs --postgres (the demo is set up by `serve --demo`)")
    if args.workers < 1 or args.threads < 1:
        parser.error("--workers and --threads must be at least 1")
    if args.steps < 1 or args.handlers < 1 or args.duration <= 0 or args.rate <= 0:
        parser.error("--steps, --handlers, --duration and --rate must be positive")
    if args.postgres and "127.0.0.1" not in args.pg_url and "localhost" not in args.pg_url:
        parser.error("--pg-url must point at 127.0.0.1")
    print(
        f"rightcare API load: {args.handlers} handlers, {args.duration:.0f} s per phase, "
        f"{args.steps} assessments per call, paced at {args.rate:.0f} (calls flow "
        f"{args.calls_rate:.0f}) assessments/s; {args.workers} worker(s) x {args.threads} "
        "request thread(s); "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    measure_peers(args)
    with tempfile.TemporaryDirectory(prefix="rightcare-bench-") as tmp:
        workdir = Path(tmp)
        if args.postgres:
            with fresh_pg_database(args.pg_url) as url:
                return run(args, workdir, url)
        return run(args, workdir, None)


if __name__ == "__main__":
    sys.exit(main())
