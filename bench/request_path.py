"""What the web framework adds to a request: the app driven in this process, no network.

`api_load.py` measures the server from outside, where the HTTP server, the two workers, the
client and the database share two cores and figures move by a third between runs. This drives
the FastAPI app itself with ASGI messages on one event loop (what uvicorn hands it once a
request is parsed), with an API token as the C&C system sends, and prints:
- a stateless `POST /api/v1/assess` through the app against `assess_call` on the same body
  (the peer): the difference is routing, dependencies, validation, middleware and the reply;
- the C&C calls flow through the app (open a call, assess it again `--steps` times as the
  narrative grows, with If-Match; accept): each write's median and p99 by kind. Compare with
  `store_path.py`, which runs the same flow through the services without the app;
- `--handlers` (10) call handler screens at once on the same loop, each previewing a call as
  it is typed, saving it and accepting: the latency of each kind while the others keep the
  loop busy, and the process's CPU per request.

    uv run python bench/request_path.py               # SQLite in a temporary directory
    uv run python bench/request_path.py --postgres    # a fresh database on 127.0.0.1:5432
    uv run python bench/request_path.py --requests 3000 --calls 300

The assessment bodies repeat (50 narratives), so the server's reading cache serves most of
them, as it serves a handler's answers to the same text: the peer is the engine with a cached
reading, and the difference is the framework's share. Benchmarks print figures; tests never
assert elapsed time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx
from pydantic import SecretStr

from load_client import STATELESS_ANSWERS, sentences
from load_server import fresh_pg_database, seed_admin
from machine import describe, yardstick_ms
from rightcare.calls.assessing import assess_call
from rightcare.settings import Settings
from rightcare.storage.migrate import upgrade
from rightcare.web.app import context_of, create_app, ready_for_traffic

Headers = Sequence[tuple[bytes, bytes]]
KINDS = ("new call", "stored assessment", "decision")


class InProcess:
    """The app, a token for it, and one ASGI request at a time."""

    def __init__(self, url: str, data_dir: Path) -> None:
        password = seed_admin(url)
        settings = Settings(
            database_url=url,
            secret_key=SecretStr("bench-" + "k" * 40),
            data_dir=data_dir,
            request_threads=1,
        )
        self.app = ready_for_traffic(create_app(settings))
        self.token = asyncio.run(self._token(password))

    async def _token(self, password: str) -> str:
        transport = httpx.ASGITransport(app=self.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            login = {"username": "admin", "password": password}
            reply = await client.post("/api/v1/auth/login", json=login)
            reply.raise_for_status()
            reply = await client.post(
                "/api/v1/tokens",
                json={"name": "bench-request-path", "scopes": ["calls:write", "assess"]},
                headers={"X-CSRF-Token": reply.json()["csrf_token"]},
            )
            reply.raise_for_status()
            return str(reply.json()["token"])

    async def post(self, path: str, body: bytes, headers: Headers = ()) -> tuple[int, str, Any]:
        """POST `body` to `path`; (status, ETag, parsed reply)."""
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [
                (b"host", b"127.0.0.1"),
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"authorization", f"Bearer {self.token}".encode()),
                *headers,
            ],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
            "state": {},
        }
        delivered = False
        status, etag, chunks = 0, "", []

        async def receive() -> dict[str, Any]:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            await asyncio.Event().wait()  # no disconnect while the reply is written
            raise AssertionError("unreachable")

        async def send(message: dict[str, Any]) -> None:
            nonlocal status, etag
            if message["type"] == "http.response.start":
                status = message["status"]
                etag = dict(message.get("headers", [])).get(b"etag", b"").decode()
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, send)
        return status, etag, json.loads(b"".join(chunks) or b"null")


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"median {statistics.median(ordered) * 1e3:6.3f} ms  p99 {p99 * 1e3:6.3f} ms"


def stateless(app: InProcess, requests: int, rng: random.Random) -> None:
    answers = {question: "yes" for question in STATELESS_ANSWERS[:2]}
    bodies = [
        json.dumps({"narrative": " ".join(sentences(rng)), "answers": answers}).encode()
        for _ in range(50)
    ]
    policies = context_of(app.app).policies

    async def through_app(count: int) -> list[float]:
        times = []
        for n in range(count):
            start = time.perf_counter()
            status, _, reply = await app.post("/api/v1/assess", bodies[n % len(bodies)])
            times.append(time.perf_counter() - start)
            if status != 200:
                raise SystemExit(f"POST /assess answered {status}: {reply}")
        return times

    def direct(count: int) -> list[float]:
        times = []
        for n in range(count):
            data = json.loads(bodies[n % len(bodies)])
            start = time.perf_counter()
            assess_call(policies, data)
            times.append(time.perf_counter() - start)
        return times

    asyncio.run(through_app(200)), direct(200)  # warm: readings cached, code paths hot
    via, alone = [], []
    for _ in range(3):  # in turn, so a busy spell falls on both
        via += asyncio.run(through_app(requests // 3))
        alone += direct(requests // 3)
    framework = statistics.median(via) - statistics.median(alone)
    print(f"stateless POST /api/v1/assess, {len(via)} requests through the app, one at a time:")
    print(f"  through the app        {_ms(via)}")
    print(f"  peer: assess_call      {_ms(alone)}")
    print(
        f"  the framework's share  {framework * 1e3:.3f} ms a request "
        f"({framework / statistics.median(via):.0%} of it)"
    )


async def timed_post(
    app: InProcess, into: list[float], path: str, body: dict[str, Any], tag: str = ""
) -> tuple[str, Any]:
    """POST `body` (with If-Match `tag`, if any), add its latency to `into`; (ETag, reply).
    Anything but 200 or 201 stops the run: a benchmark of refusals measures nothing."""
    headers = [(b"if-match", tag.encode())] if tag else []
    start = time.perf_counter()
    status, etag, reply = await app.post(path, json.dumps(body).encode(), headers)
    into.append(time.perf_counter() - start)
    if status not in (200, 201):
        raise SystemExit(f"POST {path} answered {status}: {reply}")
    return etag, reply


def calls_flow(app: InProcess, calls: int, steps: int, rng: random.Random) -> None:
    latency: dict[str, list[float]] = {kind: [] for kind in KINDS}

    async def timed(kind: str, path: str, body: dict[str, Any], tag: str = "") -> tuple[str, Any]:
        return await timed_post(app, latency[kind], path, body, tag)

    async def flow(count: int) -> None:
        for _ in range(count):
            text = sentences(rng)
            tag, call = await timed("new call", "/api/v1/calls", {"narrative": text[0]})
            base = f"/api/v1/calls/{call['id']}"
            assessment = call["latest_assessment"]["id"]
            for step in range(steps):
                narrative = " ".join(text[: min(step + 2, len(text))])
                tag, read = await timed(
                    "stored assessment", f"{base}/assessments", {"narrative": narrative}, tag
                )
                assessment = read["id"]
            decision = {"assessment_id": assessment, "accept": True}
            await timed("decision", f"{base}/decisions", decision, tag)

    asyncio.run(flow(max(1, calls // 10)))  # warm
    for kind in KINDS:
        latency[kind].clear()
    start = time.perf_counter()
    asyncio.run(flow(calls))
    elapsed = time.perf_counter() - start
    writes = sum(len(v) for v in latency.values())
    print(
        f"C&C calls flow, {calls} calls, {writes} writes through the app in {elapsed:.1f} s: "
        f"{elapsed / writes * 1e3:.2f} ms a write (compare store_path.py: the services alone)"
    )
    for kind in KINDS:
        print(f"  {kind:<18} {len(latency[kind]):5d}  {_ms(latency[kind])}")


SCREEN_KINDS = ("preview", "save", "decision")


def screens(app: InProcess, handlers: int, calls: int, rng: random.Random) -> None:
    """`handlers` call handler screens at once on the one event loop, each typing a call
    (a preview per sentence, stateless), saving it (`POST /calls`) and accepting: how long a
    save or a decision takes while other handlers' previews keep the loop busy."""
    latency: dict[str, list[float]] = {kind: [] for kind in SCREEN_KINDS}

    async def post(kind: str, path: str, body: dict[str, Any], tag: str = "") -> tuple[str, Any]:
        return await timed_post(app, latency[kind], path, body, tag)

    async def handler(count: int) -> None:
        for _ in range(count):
            text = sentences(rng)
            for typed in range(1, len(text) + 1):
                await post("preview", "/api/v1/assess", {"narrative": " ".join(text[:typed])})
            tag, call = await post("save", "/api/v1/calls", {"narrative": " ".join(text)})
            decision = {"assessment_id": call["latest_assessment"]["id"], "accept": True}
            await post("decision", f"/api/v1/calls/{call['id']}/decisions", decision, tag)

    async def all_at_once(each: int) -> None:
        await asyncio.gather(*(handler(each) for _ in range(handlers)))

    asyncio.run(all_at_once(1))  # warm
    for kind in SCREEN_KINDS:
        latency[kind].clear()
    start, cpu = time.perf_counter(), time.process_time()
    asyncio.run(all_at_once(max(1, calls // handlers)))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    requests = sum(len(v) for v in latency.values())
    print(
        f"{handlers} call handler screens at once, {requests} requests in {elapsed:.1f} s: "
        f"{cpu / requests * 1e3:.2f} ms of CPU a request"
    )
    for kind in SCREEN_KINDS:
        print(f"  {kind:<18} {len(latency[kind]):5d}  {_ms(latency[kind])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="stateless assessments")
    parser.add_argument("--calls", type=int, default=200, help="calls in the C&C flow")
    parser.add_argument("--steps", type=int, default=4, help="stored assessments per call")
    parser.add_argument(
        "--handlers", type=int, default=10, help="call handler screens at once (0: skip)"
    )
    parser.add_argument("--postgres", action="store_true", help="a fresh PostgreSQL database")
    parser.add_argument(
        "--pg-url",
        default="postgresql://postgres@127.0.0.1:5432/postgres",
        help="an existing database on the server to create the bench database from",
    )
    args = parser.parse_args(argv)
    if min(args.requests, args.calls, args.steps) < 1:
        parser.error("--requests, --calls and --steps must be at least 1")
    if hasattr(os, "sched_setaffinity"):  # one core, as a server worker has
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="rightcare-request-path-") as workdir:
        if args.postgres:
            with fresh_pg_database(args.pg_url) as url:
                psycopg_url = url.replace("postgresql://", "postgresql+psycopg://", 1)
                return _run(args, psycopg_url, Path(workdir), rng)
        return _run(args, f"sqlite:///{workdir}/bench.db", Path(workdir), rng)


def _run(args: argparse.Namespace, url: str, workdir: Path, rng: random.Random) -> int:
    upgrade(url)
    app = InProcess(url, workdir)
    database = "PostgreSQL" if url.startswith("postgresql") else "SQLite (WAL, synchronous=FULL)"
    print(f"{database}; one core, one event loop and one request thread, no network")
    stateless(app, args.requests, rng)
    calls_flow(app, args.calls, args.steps, rng)
    if args.handlers > 0:
        screens(app, args.handlers, args.calls, rng)
    print(describe(yardstick_ms()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
