"""The web app's xAPI sender: flush the outbox every few seconds while an LRS is configured.

Runs as part of the app's lifespan, in a worker thread (the sender is synchronous: database and
HTTP), so requests never wait on the LRS. Several workers may flush at once: each batch is
locked (SKIP LOCKED on PostgreSQL), and a statement sent twice is stored once anyway.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from rightcare.settings import Settings
from rightcare.training.xapi.outbox import Lrs, flush

log = logging.getLogger(__name__)


async def keep_flushing(
    sessions: sessionmaker[Session],
    lrs: Lrs,
    clock: Callable[[], dt.datetime],
    every: float,
) -> None:
    while True:
        try:
            report = await asyncio.to_thread(flush, sessions, lrs, now=clock())
            if report.lrs_down:
                log.warning(
                    "xAPI: %d statement(s) wait for the LRS: %s", report.failed, report.error
                )
        except Exception:  # never let the LRS or the outbox take the app down
            log.exception("xAPI: the outbox could not be flushed; trying again shortly")
        await asyncio.sleep(every)


def outbox_lifespan(
    settings: Settings, sessions: sessionmaker[Session], clock: Callable[[], dt.datetime]
) -> Callable[[Any], AbstractAsyncContextManager[None]]:
    """A FastAPI lifespan that sends queued statements while the app runs (if an LRS is set)."""

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        lrs = Lrs.from_settings(settings)
        if lrs is None:
            yield
            return
        task = asyncio.create_task(keep_flushing(sessions, lrs, clock, settings.xapi_flush_seconds))
        try:
            yield
        finally:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

    return lifespan
