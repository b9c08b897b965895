"""The simulated call handlers of `api_load.py`: a small HTTP/1.1 client and its three workloads.

The client is deliberately thin (raw asyncio streams, one keep-alive connection per handler,
uvloop when installed): the server shares this machine's two CPUs with it, and a general
client such as httpx used more CPU per request than the server did, so the figures measured
the client. Every request is still timed from the moment it was due to the moment its whole
reply (headers and body) was read, and every reply's status is counted.

Three workloads: `handlers` (the call handler screen: previews as they type, then save and
decide), `calls` (a C&C system storing every assessment of a call) and `assess` (the stateless
POST /assess alone). Two ways to drive the server:
- closed loop (capacity): each handler sends its next request as soon as the last reply
  arrives. With 50 requests always in flight, latency is mostly queueing: by Little's law the
  mean is 50 / throughput, so this run answers "how many per second at most", not "how fast".
- paced (open loop): the handlers share an offered rate (e.g. 500 requests/s over 50 handlers
  is one every 100 ms each, at a random phase). Latency is timed from when the request was
  due, not when it was sent, so a slow reply that makes the next one late counts against the
  server (no coordinated omission). This run answers "how fast at that rate".
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

API = "/api/v1"

NARRATIVE = (
    "Caller (log {log}) says her brother phoned her {minutes} minutes ago sounding very low.",
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


def sentences(rng: random.Random) -> list[str]:
    """The call's narrative, one sentence per typing step. Every call differs a little (the
    minutes, the order of the middle sentences), as real calls do, and carries its own log
    number, so no text of one call is the text of another: the server keeps recent readings
    (a handler answering questions re-sends the same text), and only a text re-sent within
    one call, as the screen's save re-sends its last preview, may be served from them."""
    found = list(NARRATIVE)
    found[0] = found[0].format(log=rng.randrange(10**6), minutes=rng.randint(2, 90))
    middle = found[1:4]
    rng.shuffle(middle)
    found[1:4] = middle
    return found


# --- figures ----------------------------------------------------------------------------------


@dataclass
class Stats:
    """One phase's figures."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    elapsed: float = 0.0
    late_starts: int = 0  # paced: requests sent after they were due (the handler was waiting)
    calls_acknowledged: int = 0
    assessments_acknowledged: int = 0  # replies 201 to POST .../assessments
    decisions_acknowledged: int = 0

    def add(self, endpoint: str, milliseconds: float, status: str) -> None:
        self.latencies[endpoint].append(milliseconds)
        self.statuses[endpoint][status] += 1


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (no interpolation) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-int(fraction * 1000) * len(ordered) // 1000))
    return ordered[min(rank, len(ordered)) - 1]


# --- HTTP/1.1 over one keep-alive connection --------------------------------------------------


class Connection:
    """One handler's connection. Requests go one at a time (no pipelining)."""

    def __init__(self, host: str, port: int, token: str) -> None:
        self.host, self.port = host, port
        self.fixed = (
            f"Host: {host}:{port}\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/json\r\nAccept: application/json\r\n"
        ).encode()
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(
        self, path: str, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        payload = json.dumps(body).encode()
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items()).encode()
        self.writer.write(
            b"POST " + path.encode() + b" HTTP/1.1\r\n" + self.fixed + extra
            + b"Content-Length: " + str(len(payload)).encode() + b"\r\n\r\n" + payload
        )  # fmt: skip
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        found: dict[str, str] = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                found[name.strip().lower()] = value.strip()
        if found.get("transfer-encoding", "").lower() == "chunked":
            raise RuntimeError("chunked replies are not expected from this API")
        reply = await self.reader.readexactly(int(found.get("content-length", "0")))
        if found.get("connection", "").lower() == "close":
            await self.close()
        return status, found, reply

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
            self.writer = self.reader = None


class Pace:
    """When each request of one handler is due: now (closed loop), or every `interval`.

    Every handler's calls have the same shape (previews, then the writes), so handlers that all
    began a call at the same moment would stay in step: every save in one interval, every
    decision in the next, bursts of 50 writes between quiet stretches that 50 people taking
    calls that began at different times never make. So each handler's first call starts at a
    random point of its shape (`first_call_skips`), which spreads the writes evenly over time
    without lowering the rate offered."""

    def __init__(self, interval: float | None, rng: random.Random, stats: Stats) -> None:
        self.interval = interval
        self.stats = stats
        self.next = time.perf_counter() + (rng.uniform(0, interval) if interval else 0.0)

    async def due(self) -> float:
        """Wait until the next request is due; return when it was due (for the latency)."""
        if self.interval is None:
            return time.perf_counter()
        due = self.next
        self.next += self.interval
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        else:
            self.stats.late_starts += 1
        return due


async def timed_post(
    connection: Connection,
    pace: Pace,
    stats: Stats,
    endpoint: str,
    path: str,
    body: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes] | None:
    due = await pace.due()
    try:
        reply = await connection.post(path, body, headers)
    except (OSError, asyncio.IncompleteReadError, ValueError, RuntimeError) as exc:
        stats.add(endpoint, (time.perf_counter() - due) * 1000.0, f"exception {type(exc).__name__}")
        await connection.close()
        return None
    stats.add(endpoint, (time.perf_counter() - due) * 1000.0, str(reply[0]))
    return reply


# --- the workloads ----------------------------------------------------------------------------


async def accept(
    connection: Connection, pace: Pace, stats: Stats, call_id: str, assessment_id: str, tag: str
) -> None:
    """Accept the recommendation of `assessment_id`, sending the call's ETag as If-Match."""
    reply = await timed_post(
        connection,
        pace,
        stats,
        "POST /calls/{id}/decisions",
        f"{API}/calls/{call_id}/decisions",
        {"assessment_id": assessment_id, "accept": True},
        {"If-Match": tag},
    )
    if reply is not None and reply[0] == 201:
        stats.decisions_acknowledged += 1


async def handle_calls(
    connection: Connection, pace: Pace, stats: Stats, steps: int, deadline: float, seed: int
) -> None:
    """One call handler: open a call, assess it again `steps` times as the narrative grows and
    answers arrive (sending the ETag last read as If-Match), then accept the recommendation
    (the answers end with risk_to_life: yes, a clear `attend`, so accepting is allowed). Again
    until the deadline; a call in progress is finished."""
    rng = random.Random(seed)
    # Its first call assesses again fewer times, but always the last time (the answers that
    # make it `attend`, so that accepting is allowed).
    skip = first_call_skips(rng, steps)
    while time.perf_counter() < deadline:
        text = sentences(rng)
        reply = await timed_post(
            connection,
            pace,
            stats,
            "POST /calls",
            f"{API}/calls",
            {"narrative": text[0], "context": {"channel": "999", "caller": "third_party"}},
        )
        if reply is None or reply[0] != 201:
            continue
        stats.calls_acknowledged += 1
        call = json.loads(reply[2])
        call_id, tag = call["id"], reply[1]["etag"]
        assessment_id = call["latest_assessment"]["id"]
        failed = False
        for step in range(skip, steps):
            narrative = " ".join(text[: min(step + 2, len(text))])
            group = ANSWER_STEPS[-1] if step == steps - 1 else ANSWER_STEPS[step % 3]
            reply = await timed_post(
                connection,
                pace,
                stats,
                "POST /calls/{id}/assessments",
                f"{API}/calls/{call_id}/assessments",
                {"narrative": narrative, "answers": group},
                {"If-Match": tag},
            )
            if reply is None or reply[0] != 201:
                failed = True
                break
            stats.assessments_acknowledged += 1
            tag, assessment_id = reply[1]["etag"], json.loads(reply[2])["id"]
        skip = 0
        if failed:
            continue
        await accept(connection, pace, stats, call_id, assessment_id, tag)


def first_call_skips(rng: random.Random, positions: int) -> int:
    """How many of its first call's repeatable requests a handler leaves out, so that handlers
    are spread over `positions` points of a call's shape (see `Pace`)."""
    return rng.randrange(positions)


async def handle_screen(
    connection: Connection, pace: Pace, stats: Stats, steps: int, deadline: float, seed: int
) -> None:
    """One call handler at the call handler screen, which assesses without storing as they type
    (the HTMX panel; here the same stateless POST /assess), then saves the call with what was
    learned (POST /calls: the call and its first stored assessment, in one transaction) and
    accepts the recommendation. One preview per sentence typed, answers arriving in
    `ANSWER_STEPS` order; the last ones make it `attend`. `steps` is not used: a screen call
    previews once per sentence."""
    del steps
    rng = random.Random(seed)
    skip = first_call_skips(rng, len(NARRATIVE) + 1)  # its first call previews less
    context = {"channel": "999", "caller": "third_party"}
    while time.perf_counter() < deadline:
        text = sentences(rng)
        learned: dict[str, str] = {}
        for index in range(skip, len(text)):
            if index >= 2 and index - 2 < len(ANSWER_STEPS):
                learned |= ANSWER_STEPS[index - 2]
            body = {"narrative": " ".join(text[: index + 1]), "answers": dict(learned)}
            await timed_post(connection, pace, stats, "POST /assess", f"{API}/assess", body)
        skip = 0
        for group in ANSWER_STEPS:
            learned |= group
        reply = await timed_post(
            connection,
            pace,
            stats,
            "POST /calls",
            f"{API}/calls",
            {"narrative": " ".join(text), "answers": learned, "context": context},
        )
        if reply is None or reply[0] != 201:
            continue
        stats.calls_acknowledged += 1
        call = json.loads(reply[2])
        await accept(
            connection, pace, stats, call["id"], call["latest_assessment"]["id"], reply[1]["etag"]
        )


SCREEN_REQUESTS_PER_CALL = len(NARRATIVE) + 2  # previews, save, decide
SCREEN_ASSESSMENTS_PER_CALL = len(NARRATIVE) + 1  # previews, and the saved call's assessment


async def post_stateless(
    connection: Connection, pace: Pace, stats: Stats, steps: int, deadline: float, seed: int
) -> None:
    """A C&C system asking for advice: the stateless POST /assess, nothing stored."""
    del steps
    rng = random.Random(seed)
    while time.perf_counter() < deadline:
        text = sentences(rng)
        answers = {
            name: rng.choice(STATELESS_VALUES)
            for name in rng.sample(STATELESS_ANSWERS, rng.randint(0, 3))
        }
        body = {"narrative": " ".join(text[: rng.randint(1, len(text))]), "answers": answers}
        await timed_post(connection, pace, stats, "POST /assess", f"{API}/assess", body)


WORKLOADS = {"handlers": handle_screen, "calls": handle_calls, "assess": post_stateless}


async def run_phase(
    *,
    host: str,
    port: int,
    token: str,
    workload: str,
    handlers: int,
    duration: float,
    steps: int,
    rate: float | None,
) -> Stats:
    """`handlers` concurrent handlers for `duration` seconds; `rate` (requests/s over all
    handlers) paces them, None runs a closed loop."""
    stats = Stats()
    connections = [Connection(host, port, token) for _ in range(handlers)]
    warm = Stats()  # every connection opened, and the server's first requests, not counted
    for index, connection in enumerate(connections):
        unpaced = Pace(None, random.Random(index), warm)
        await timed_post(connection, unpaced, warm, "warm", f"{API}/assess", {"narrative": "x"})
    start = time.perf_counter()
    deadline = start + duration
    interval = handlers / rate if rate else None
    work = WORKLOADS[workload]

    def pace(index: int) -> Pace:
        return Pace(interval, random.Random(index), stats)

    await asyncio.gather(
        *(
            work(connection, pace(index), stats, steps, deadline, index)
            for index, connection in enumerate(connections)
        )
    )
    stats.elapsed = time.perf_counter() - start
    for connection in connections:
        await connection.close()
    return stats


def event_loop_runner() -> Any:
    """uvloop's runner when installed (it is, with uvicorn[standard]), else asyncio.run."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run
    return uvloop.run
