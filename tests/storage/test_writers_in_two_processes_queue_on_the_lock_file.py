"""Two processes writing one SQLite file (two server workers) queue on the lock file beside it,
and a writer that cannot get it in time falls back to SQLite's own locking."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from rightcare.storage.sqlite_writer import CROSS_PROCESS, WriterGate, gate_for

pytestmark = pytest.mark.skipif(not CROSS_PROCESS, reason="no flock on this system")


def _note(log: str, line: str) -> None:
    with Path(log).open("a") as handle:
        handle.write(line + "\n")


def _hold(lock_path: str, log: str, entered: Any, release: Any) -> None:
    """In another process: take the gate, say so, hold it until told, say so, leave."""
    gate = WriterGate(Path(lock_path))
    assert gate.enter(timeout=5)
    _note(log, "A entered")
    entered.set()
    release.wait(10)
    _note(log, "A leaving")
    gate.leave()


def test_a_writer_in_another_process_waits_for_the_first_to_leave(tmp_path: Path) -> None:
    lock_path, log = tmp_path / "db.writer-lock", tmp_path / "log"
    context = multiprocessing.get_context("spawn")
    entered, release = context.Event(), context.Event()
    other = context.Process(target=_hold, args=(str(lock_path), str(log), entered, release))
    other.start()
    try:
        assert entered.wait(30), "the other process never took the gate"
        here = WriterGate(lock_path)
        # While the other process holds it, a short wait gives up (SQLite's locking decides).
        assert here.enter(timeout=0.05) is False
        release.set()
        assert here.enter(timeout=10) is True
        _note(str(log), "B entered")
        here.leave()
    finally:
        release.set()
        other.join(30)
    assert log.read_text().splitlines() == ["A entered", "A leaving", "B entered"]
    assert other.exitcode == 0


def test_giving_up_on_the_lock_file_frees_the_gate_for_this_process(tmp_path: Path) -> None:
    lock_path = tmp_path / "db.writer-lock"
    context = multiprocessing.get_context("spawn")
    entered, release = context.Event(), context.Event()
    other = context.Process(
        target=_hold, args=(str(lock_path), str(tmp_path / "log"), entered, release)
    )
    other.start()
    try:
        assert entered.wait(30)
        gate = WriterGate(lock_path)
        assert gate.enter(timeout=0.02) is False
        release.set()
        other.join(30)
        assert gate.enter(timeout=5) is True  # not still holding its own thread lock
        gate.leave()
    finally:
        release.set()
        other.join(30)


def test_each_database_file_has_its_own_lock_file_beside_it(tmp_path: Path) -> None:
    first, second = gate_for(tmp_path / "a.db"), gate_for(tmp_path / "b.db")
    assert first is not second
    assert first.enter(timeout=1) and second.enter(timeout=1)
    first.leave()
    second.leave()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db.writer-lock", "b.db.writer-lock"]
