"""`rightcare serve --threads N` (RIGHTCARE_REQUEST_THREADS) sizes each worker's thread pool;
a bad value is refused by name before anything starts."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import anyio.to_thread
import pytest

from rightcare.settings import MAX_REQUEST_THREADS, SettingsError, load_settings
from rightcare.web.app import server_lifespan

DEMO = {"RIGHTCARE_DEMO": "1", "RIGHTCARE_DATABASE_URL": "sqlite:///:memory:"}


def test_the_setting_is_read_from_the_environment() -> None:
    assert load_settings(DEMO).request_threads is None
    assert load_settings({**DEMO, "RIGHTCARE_REQUEST_THREADS": " 3 "}).request_threads == 3


@pytest.mark.parametrize("raw", ["0", "-1", "two", "1.5", str(MAX_REQUEST_THREADS + 1)])
def test_a_bad_thread_count_is_refused_by_name(raw: str) -> None:
    with pytest.raises(SettingsError, match=f"RIGHTCARE_REQUEST_THREADS.*{raw!r}"):
        load_settings({**DEMO, "RIGHTCARE_REQUEST_THREADS": raw})


def _limits_during(request_threads: int | None) -> tuple[float, float]:
    seen: list[float] = []

    @asynccontextmanager
    async def inner(app: Any) -> AsyncIterator[None]:
        seen.append(anyio.to_thread.current_default_thread_limiter().total_tokens)
        yield

    async def main() -> float:
        before = anyio.to_thread.current_default_thread_limiter().total_tokens
        async with server_lifespan(request_threads, inner)(None):
            pass
        return before

    # On a thread of its own: the browser tests leave Playwright's event loop running on the
    # main thread, and anyio will not start a second one there.
    found: list[float] = []
    runner = threading.Thread(target=lambda: found.append(anyio.run(main)))
    runner.start()
    runner.join(30)
    return found[0], seen[0]


def test_the_lifespan_sizes_the_pool_before_the_app_starts() -> None:
    before, during = _limits_during(2)
    assert (before, during) == (40, 2)


def test_without_the_setting_the_pool_keeps_its_default() -> None:
    assert _limits_during(None) == (40, 40)
