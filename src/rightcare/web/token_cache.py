"""API tokens a worker has just looked up, trusted for a second without asking the database
again, and forgotten by every worker of the server the moment any of them revokes one.

A C&C system calls the API many times a second with one token; reading the token table each
time would cost a query per call. So each worker keeps the tokens it has just recognised for
`TOKEN_CACHE_SECONDS`. Revocation must still be immediate: `rightcare serve --workers N` gives
every worker one shared counter (`RevocationSignal`, in shared memory), which a revoking worker
moves on and every worker reads before trusting a cached token, so a revoked token is refused
by all workers from the next request (a read of shared memory, not a query). A revocation made
outside the server (another host, the CLI) is still noticed within `TOKEN_CACHE_SECONDS`.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy.orm import Session

from rightcare.auth.actor import Actor
from rightcare.auth.passwords import hash_token
from rightcare.web.auth import TOKEN_TOUCH_EVERY, find_token

# How long a worker trusts a token it has just looked up, when nothing tells it of a revocation
# (a revocation made outside this server's workers).
TOKEN_CACHE_SECONDS = 1.0
TOKEN_CACHE_LIMIT = 10_000  # distinct tokens kept; a flood of them starts the cache again


class SharedCounter(Protocol):
    """What `multiprocessing.Value("Q")` offers: a number every worker sees, and its lock."""

    value: int

    def get_lock(self) -> Any: ...


class RevocationSignal:
    """A count of revocations shared by the workers of one server (or private to one process,
    where nothing is shared: tests, `serve` with one worker)."""

    def __init__(self, counter: SharedCounter | None = None) -> None:
        self._counter = counter
        self._local = 0

    def current(self) -> int:
        return self._counter.value if self._counter is not None else self._local

    def announce(self) -> int:
        """A token was revoked: every cache sharing this signal drops what it holds."""
        if self._counter is None:
            self._local += 1
            return self._local
        with self._counter.get_lock():
            self._counter.value += 1
            return self._counter.value


_shared: SharedCounter | None = None


def share_revocations(counter: SharedCounter | None) -> None:
    """Called in each worker before the app is made: caches made after it share `counter`."""
    global _shared
    _shared = counter


class TokenCache:
    """API tokens this worker looked up in the last `TOKEN_CACHE_SECONDS` (by their hash).

    Only recognised, unrevoked tokens are kept, so an unknown token is always checked against
    the database. An entry is dropped once `last_used_at` would need touching again, and every
    entry is dropped when the revocation signal moves on."""

    def __init__(
        self, seconds: float = TOKEN_CACHE_SECONDS, signal: RevocationSignal | None = None
    ) -> None:
        self.seconds = seconds
        self.signal = signal if signal is not None else RevocationSignal(_shared)
        self._seen = self.signal.current()
        self._entries: dict[str, tuple[float, Actor, dt.datetime]] = {}
        self._lock = threading.Lock()

    def get(self, token_hash: str, *, now: dt.datetime) -> Actor | None:
        heard = self.signal.current()
        if heard != self._seen:  # some worker revoked a token: trust nothing held before it
            with self._lock:
                self._entries.clear()
                self._seen = heard
            return None
        entry = self._entries.get(token_hash)
        if entry is None:
            return None
        expires, actor, last_used = entry
        if time.monotonic() >= expires or now - last_used > TOKEN_TOUCH_EVERY:
            with self._lock:
                self._entries.pop(token_hash, None)
            return None
        return actor

    def put(self, token_hash: str, actor: Actor, last_used: dt.datetime, *, heard: int) -> None:
        """Keep a token looked up after the signal read `heard`; a revocation announced since
        may concern it, so it is not kept then."""
        with self._lock:
            if heard != self.signal.current():
                return
            if len(self._entries) > TOKEN_CACHE_LIMIT:
                self._entries.clear()
            self._entries[token_hash] = (time.monotonic() + self.seconds, actor, last_used)

    def revoked(self) -> None:
        """A token was revoked here: this worker forgets every token now, the others at their
        next request."""
        with self._lock:
            self._seen = self.signal.announce()
            self._entries.clear()

    def lookup(
        self, sessions: Callable[[], Session], token: str, *, now: dt.datetime
    ) -> Actor | None:
        """The cached actor, else one query in a short session of its own (then cached)."""
        token_hash = hash_token(token)
        actor = self.get(token_hash, now=now)
        if actor is not None:
            return actor
        heard = self.signal.current()
        with sessions() as session:
            found = find_token(session, token_hash, now=now)
        if found is None:
            return None
        self.put(token_hash, *found, heard=heard)
        return found[0]
