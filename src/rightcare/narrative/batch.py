"""Reading many narratives at once: tokenizer batches, and two processes for large batches.

Results are identical, and in the same order, as reading each narrative on its own.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Collection, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import repeat

from spacy.tokens import Doc

from rightcare.engine.suggestion import SuggestedAnswer
from rightcare.engine.vocab import Answer
from rightcare.narrative.cues import (
    Reading,
    _clip,
    _Reader,
    _reader,
)
from rightcare.narrative.pipeline import tokenizer_of
from rightcare.narrative.votes import Vote as _Vote

# Below this many narratives a second process costs more (fork, pickling) than it saves.
POOL_MIN = 1_000
# This process's share of a batch relative to each worker process's (see `read_narratives`).
MAIN_SHARE = 0.95

# A reading as plain data, cheap to pickle between processes: per suggestion (question, value,
# start, end, pattern, context), then the conflicts.
_Plain = tuple[tuple[tuple[str, str, int, int, str, tuple[str, ...]], ...], tuple[str, ...]]


def read_narratives(
    texts: Iterable[str],
    question_ids: Collection[str] | None = None,
    *,
    batch_size: int = 256,
    n_process: int | None = None,
) -> list[Reading]:
    """`read_narrative` over many narratives, tokenized in batches; results in input order.

    `n_process` processes share a large batch (None: two for `POOL_MIN` narratives or more when
    this process may use two cores, else one). The results are the same either way.
    """
    reader = _reader()
    wanted = None if question_ids is None else frozenset(question_ids)
    clipped = [_clip(t) for t in texts]
    if n_process is None:
        n_process = min(2, _usable_cores()) if len(clipped) >= POOL_MIN else 1
    n_process = max(1, min(n_process, len(clipped)))
    if n_process == 1:
        return _read_batch(reader, clipped, wanted, batch_size)
    # This process reads the first share and then makes `SuggestedAnswer`s for the others' plain
    # results (a few percent of the cost of reading them), so its share is a little smaller.
    first = max(1, round(len(clipped) / n_process * MAIN_SHARE))
    rest = clipped[first:]
    share = -(-len(rest) // (n_process - 1)) or 1
    parts = [clipped[:first], *(rest[i : i + share] for i in range(0, len(rest), share))]
    if len(parts) == 1:
        return _read_batch(reader, clipped, wanted, batch_size)
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    )
    with ProcessPoolExecutor(len(parts) - 1, mp_context=context) as pool:
        # Forked workers inherit the compiled reader; this process reads the first share
        # itself rather than wait.
        others = pool.map(_read_plain, parts[1:], repeat(wanted), repeat(batch_size))
        readings = _read_batch(reader, parts[0], wanted, batch_size)
        with _no_cyclic_gc():
            for part, plain in zip(parts[1:], others, strict=True):
                readings += [_from_plain(p, t) for p, t in zip(plain, part, strict=True)]
    return readings


def _read_batch(
    reader: _Reader, texts: list[str], wanted: frozenset[str] | None, batch_size: int
) -> list[Reading]:
    docs: Iterator[Doc] = tokenizer_of(reader.nlp).pipe(texts, batch_size=batch_size)
    with _no_cyclic_gc():
        return [reader.read(doc, t, wanted) for doc, t in zip(docs, texts, strict=True)]


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    # Reading makes no reference cycles, so the cyclic collector has nothing to find in a
    # batch; left on, it walks every reading kept so far, again and again, and slows a batch
    # by a third. Reference counting still frees everything as usual.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_plain(texts: list[str], wanted: frozenset[str] | None, batch_size: int) -> list[_Plain]:
    """Run in a worker process: readings as plain tuples, which pickle several times faster,
    taken from the chosen votes without making `SuggestedAnswer`s only to take them apart."""
    reader = _reader()
    docs: Iterator[Doc] = tokenizer_of(reader.nlp).pipe(texts, batch_size=batch_size)
    with _no_cyclic_gc():
        return [_plain(*reader.choose(doc, wanted)) for doc in docs]


def _plain(chosen: list[tuple[str, _Vote]], conflicts: tuple[str, ...]) -> _Plain:
    return (
        tuple((q, v.value.value, v.start, v.end, v.pattern, v.context) for q, v in chosen),
        conflicts,
    )


def _from_plain(plain: _Plain, text: str) -> Reading:
    suggestions, conflicts = plain
    return Reading(
        {
            q: SuggestedAnswer(
                value=Answer(value),
                evidence=text[start:end],
                start=start,
                end=end,
                pattern=pattern,
                context=context,
            )
            for q, value, start, end, pattern, context in suggestions
        },
        conflicts,
    )


def _usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
