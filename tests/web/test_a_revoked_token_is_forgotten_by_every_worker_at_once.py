"""A token revoked on one worker is refused by every worker of the server from the next request:
the workers' token caches share a revocation counter in shared memory. Without a shared counter
(another host, the CLI) a cache still forgets within its second."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest

from rightcare.auth.actor import Actor
from rightcare.web import token_cache
from rightcare.web.token_cache import RevocationSignal, TokenCache, share_revocations

NOW = dt.datetime(2026, 11, 29, 3, 0, tzinfo=dt.UTC)
ACTOR = Actor(name="token:cad", roles=frozenset(), can_see_personal=False, kind="token")


def _holding(cache: TokenCache, token_hash: str = "h1") -> TokenCache:
    cache.put(token_hash, ACTOR, NOW, heard=cache.signal.current())
    assert cache.get(token_hash, now=NOW) == ACTOR
    return cache


def test_a_revocation_on_one_worker_empties_every_cache_sharing_the_counter() -> None:
    counter = multiprocessing.get_context("spawn").Value("Q", 0)
    one = _holding(TokenCache(seconds=60, signal=RevocationSignal(counter)))
    two = _holding(TokenCache(seconds=60, signal=RevocationSignal(counter)))
    one.revoked()
    assert one.get("h1", now=NOW) is None
    assert two.get("h1", now=NOW) is None  # long before its 60 seconds are up
    _holding(two, "h2")  # tokens looked up after the revocation are kept again
    assert two.get("h2", now=NOW) == ACTOR


def test_caches_made_after_share_revocations_share_the_workers_counter() -> None:
    counter = multiprocessing.get_context("spawn").Value("Q", 0)
    share_revocations(counter)
    try:
        one, two = _holding(TokenCache(seconds=60)), _holding(TokenCache(seconds=60))
    finally:
        share_revocations(None)
    one.revoked()
    assert counter.value == 1
    assert two.get("h1", now=NOW) is None


def test_a_lookup_that_raced_a_revocation_is_not_kept() -> None:
    signal = RevocationSignal()
    cache = TokenCache(seconds=60, signal=signal)
    heard = signal.current()  # the lookup starts and reads the token row ...
    signal.announce()  # ... while the token is revoked and the revocation announced
    cache.put("h1", ACTOR, NOW, heard=heard)
    assert cache.get("h1", now=NOW) is None


def test_without_a_shared_counter_another_cache_forgets_within_its_seconds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [1_000.0]
    monkeypatch.setattr(token_cache.time, "monotonic", lambda: clock[0])
    one = _holding(TokenCache(seconds=1.0, signal=RevocationSignal()))
    two = _holding(TokenCache(seconds=1.0, signal=RevocationSignal()))
    one.revoked()
    assert one.get("h1", now=NOW) is None
    assert two.get("h1", now=NOW) == ACTOR  # nothing told it: it trusts the token a while
    clock[0] += 1.0
    assert two.get("h1", now=NOW) is None  # its second is up: it asks the database again
