"""When a worker's cached API token lapses (after a second, or when its use is due to be noted) with
many requests from that system in flight, the first looks the token up and the rest find it
cached again.

Looked up through the thread pool, every request in flight missed the cache at once, each
queued for the thread, and each came back behind every other request on the event loop: under
load, a burst of slow replies once a second.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from rightcare.web.app import context_of
from tests.web.conftest import BASE_URL, Web

IN_FLIGHT = 8
CALL = {"narrative": "Caller says her neighbour has not been seen for two days."}


def _burst(web: Web, authorization: str) -> list[int]:
    """The requests, all in flight at once, on an event loop of their own in a thread of its
    own: in a pytest session the browser tests leave Playwright's loop running on the main
    thread, where `asyncio.run` refuses to start."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _all_at_once(web, authorization)).result(timeout=60)


async def _all_at_once(web: Web, authorization: str) -> list[int]:
    transport = httpx.ASGITransport(app=web.app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        replies = await asyncio.gather(
            *(
                client.post("/api/v1/assess", json=CALL, headers={"Authorization": authorization})
                for _ in range(IN_FLIGHT)
            )
        )
    return [reply.status_code for reply in replies]


def test_requests_in_flight_when_the_token_lapses_share_one_lookup(
    web: Web, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = web.token_client("cad", ["assess"])
    assert client.post("/api/v1/assess", json=CALL).status_code == 200  # the reader loaded
    authorization = client.headers["Authorization"]
    cache = context_of(web.app).token_cache
    web.clock.advance(minutes=6)  # the entry that request left is dropped (its touch is due)
    lookups: list[int] = []
    real = cache.lookup

    def counted(*args: object, **kwargs: object) -> object:
        lookups.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "lookup", counted)

    assert _burst(web, authorization) == [200] * IN_FLIGHT
    assert len(lookups) == 1  # one lookup, the rest cached

    web.clock.advance(minutes=6)  # the cached entry lapses again
    assert _burst(web, authorization) == [200] * IN_FLIGHT
    assert len(lookups) == 2


def test_a_revoked_or_unknown_token_is_still_refused_in_a_burst(web: Web) -> None:
    statuses = _burst(web, "Bearer not-a-real-token")
    assert statuses == [401] * IN_FLIGHT
