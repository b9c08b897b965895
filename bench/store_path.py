"""Where a stored write's time goes: the C&C calls flow at the service level, in one process.

`api_load.py` measures the server from outside; this runs the same calls flow (open a call,
assess it again `--steps` times as the narrative grows, accept) through the services the API
calls, with a commit per request as the API makes, on one core, with no HTTP and no second
process, and prints:
- each write's latency (median and p99) by kind: a new call with its first assessment (the
  API's `POST /calls`, with the reply it reads back), a stored assessment, a decision;
- how a write's time divides between its stages (engine and reader, loading the call and its
  latest snapshot, the INSERTs and the version-checked UPDATE, the audit chain, the commit and
  its fsync), timed by wrapping those functions in this process only;
- the peers: stateless `assess_call` on one core (the engine and reader alone, as
  `api_load.py` prints it) and the machine yardstick.

    uv run python bench/store_path.py                 # SQLite in a temporary directory
    uv run python bench/store_path.py --postgres      # a fresh database on 127.0.0.1:5432
    uv run python bench/store_path.py --calls 500 --steps 4

The stages are timed by replacing module attributes with timing wrappers; that adds a few
microseconds per call, so the per-kind latencies are taken in a first run without them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from load_client import ANSWER_STEPS, sentences
from load_server import fresh_pg_database
from machine import describe, yardstick_ms
from rightcare.auth.actor import Actor
from rightcare.auth.models import Role
from rightcare.calls import service
from rightcare.calls.schemas import AssessmentRead, CallCreate, DecisionRead
from rightcare.engine.store import PolicySet, load_policy_set
from rightcare.engine.vocab import Answer
from rightcare.storage.engine import make_engine, make_sessionmaker
from rightcare.storage.migrate import upgrade
from rightcare.web.replies import json_reply

HANDLER = Actor(name="bench.handler", roles=frozenset({Role.CALL_HANDLER}), can_see_personal=False)
KINDS = ("new call", "stored assessment", "decision")
# (module, function, label): the stages of a write, in the order they happen.
STAGES = (
    ("rightcare.calls.assessing", "evaluate_for_call", "engine and reader (evaluate_for_call)"),
    ("rightcare.calls.access", "load_call_and_newest", "load the call and its latest snapshot"),
    ("rightcare.calls.models", "allocate_call_reference", "number a new call"),
    ("rightcare.calls.access", "flush", "ORM flush (whatever else the unit of work changed)"),
    ("rightcare.calls.writes", "insert_whole", "insert the new rows (Core INSERT)"),
    ("rightcare.calls.writes", "bump_call", "move the call's version on (version-checked UPDATE)"),
    ("rightcare.audit.service", "record", "audit entry built"),
    ("rightcare.audit.service", "write_pending", "audit chain written (in commit)"),
    ("rightcare.calls.reads", "get_call", "new call read back for the reply"),
)


class Flow:
    """The calls flow against one database, with a commit per request as the API makes."""

    def __init__(self, url: str, policies: PolicySet, steps: int, seed: int = 5) -> None:
        self.sessions = make_sessionmaker(make_engine(url))
        self.policies = policies
        self.steps = steps
        self.rng = random.Random(seed)
        self.latency: dict[str, list[float]] = {kind: [] for kind in KINDS}

    @contextmanager
    def _timed(self, kind: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.latency[kind].append(time.perf_counter() - start)

    def call(self) -> None:
        text = sentences(self.rng)
        body = {"narrative": text[0], "context": {"channel": "999", "caller": "third_party"}}
        with self._timed("new call"), self.sessions() as session:
            now = dt.datetime.now(dt.UTC)
            call = service.create_call(
                session,
                actor=HANDLER,
                data=CallCreate.model_validate(body),
                now=now,
                policies=self.policies,
            )
            read = service.get_call(session, actor=HANDLER, call_id=call.id, now=now)
            session.commit()
            json_reply(read, status_code=201)
            call_id, version = call.id, call.version
        assessment_id = ""
        for step in range(self.steps):
            narrative = " ".join(text[: min(step + 2, len(text))])
            group = ANSWER_STEPS[-1] if step == self.steps - 1 else ANSWER_STEPS[step % 3]
            with self._timed("stored assessment"), self.sessions() as session:
                record = service.assess(
                    session,
                    actor=HANDLER,
                    call_id=call_id,
                    policies=self.policies,
                    answers={q: Answer(a) for q, a in group.items()},
                    narrative=narrative,
                    expected_version=version,
                    now=dt.datetime.now(dt.UTC),
                )
                session.commit()
                json_reply(AssessmentRead.model_validate(record), status_code=201)
                version, assessment_id = record.call.version, record.id
        with self._timed("decision"), self.sessions() as session:
            decision = service.record_decision(
                session,
                actor=HANDLER,
                call_id=call_id,
                assessment_id=assessment_id,
                accept=True,
                expected_version=version,
                policies=self.policies,
                now=dt.datetime.now(dt.UTC),
            )
            session.commit()
            json_reply(DecisionRead.model_validate(decision), status_code=201)


def _timer(totals: dict[str, float], label: str, func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            totals[label] += time.perf_counter() - start

    return timed


def instrument(totals: dict[str, float]) -> None:
    """Wrap each stage's function wherever a rightcare module refers to it by name."""
    import importlib

    from sqlalchemy.orm import Session

    for module_name, name, label in STAGES:
        func = getattr(importlib.import_module(module_name), name)
        timed = _timer(totals, label, func)
        for loaded, module in list(sys.modules.items()):
            if loaded.startswith("rightcare") and module is not None:
                for attr, value in list(vars(module).items()):
                    if value is func:
                        setattr(module, attr, timed)
    Session.commit = _timer(totals, "commit (audit chain and fsync included)", Session.commit)  # type: ignore[method-assign]


def stateless_rate(policies: PolicySet, seconds: float = 3.0) -> float:
    """Stateless `assess_call` per second on one core: the engine and reader alone."""
    from rightcare.calls.assessing import assess_call

    rng = random.Random(11)

    def body() -> dict[str, object]:
        # A new text each time (each carries its own log number): the server keeps recent
        # readings, and a repeated text would be served from them.
        return {"narrative": " ".join(sentences(rng)), "answers": {"risk_to_life": "yes"}}

    for _ in range(50):
        assess_call(policies, body())
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        assess_call(policies, body())
        done += 1
    return done / (time.perf_counter() - start)


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000


def run(url: str, args: argparse.Namespace) -> None:
    upgrade(url)
    policies = load_policy_set()
    flow = Flow(url, policies, args.steps)
    for _ in range(20):  # the reader's pipeline, the ORM's statement cache, the pool
        flow.call()
    flow.latency = {kind: [] for kind in KINDS}
    start = time.perf_counter()
    for _ in range(args.calls):
        flow.call()
    elapsed = time.perf_counter() - start
    writes = sum(len(v) for v in flow.latency.values())
    stored = args.calls * (args.steps + 1)
    print(
        f"{args.calls} calls, {writes} write requests in {elapsed:.1f} s on one core: "
        f"{elapsed / writes * 1000:.2f} ms per write; {stored / elapsed:.0f} stored "
        f"assessments/s with their calls and decisions"
    )
    for kind in KINDS:
        v = flow.latency[kind]
        print(f"  {kind:<18} {len(v):>6}  median {_ms(v, 0.5):6.2f} ms  p99 {_ms(v, 0.99):6.2f} ms")

    totals: dict[str, float] = defaultdict(float)
    instrument(totals)
    staged = Flow(url, policies, args.steps, seed=6)
    start = time.perf_counter()
    for _ in range(max(1, args.calls // 2)):
        staged.call()
    elapsed = time.perf_counter() - start
    writes = sum(len(v) for v in staged.latency.values())
    print(f"where a write's time goes ({writes} writes, stages timed; they nest: see below)")
    for label, total in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"  {total / writes * 1000:6.3f} ms  {label}")
    print(f"  {elapsed / writes * 1000:6.3f} ms  the whole write, timed this way")
    print(
        "  (the audit entry is built inside the flush's caller, and the audit chain is written "
        "inside the commit, so those lines are parts of others, not additions)"
    )
    peer = stateless_rate(policies)
    per_write = elapsed / writes
    print(
        f"peer, same process: stateless assess_call {peer:,.0f}/s on one core "
        f"({1000 / peer:.2f} ms each); a stored write costs {per_write * peer:.1f} of them"
    )
    print(describe(yardstick_ms()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="calls to run (default 300)")
    parser.add_argument("--steps", type=int, default=4, help="assessments per call after the first")
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument(
        "--pg-url",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
        help="an existing database on the server to create the bench database from",
    )
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the docstring says
    if args.calls < 1 or args.steps < 1:
        parser.error("--calls and --steps must be at least 1")
    if args.postgres:
        plain = args.pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
        with fresh_pg_database(plain) as url:
            run(url.replace("postgresql://", "postgresql+psycopg://", 1), args)
        return 0
    with tempfile.TemporaryDirectory(prefix="rightcare-store-path-") as tmp:
        print(f"SQLite (WAL, synchronous=FULL) in {tmp}")
        run(f"sqlite:///{Path(tmp) / 'bench.db'}", args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
