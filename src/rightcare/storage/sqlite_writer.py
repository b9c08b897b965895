"""One writer at a time per SQLite file in this process, queued on a lock instead of polling.

SQLite lets one transaction write at a time. A second writer that finds the file locked is put
to sleep by its busy handler and retries on a back-off schedule (1, 2, 5, 10 ... 100 ms), so
under load most of a write's latency was spent asleep after the lock had already come free,
and the luckiest retry, not the first to arrive, won. Here each connection takes a
process-wide lock for its file just before its first write statement and gives it back when the
transaction ends (commit, rollback, close), so writers in this process queue and wake the
moment the one ahead finishes. Between processes (two server workers, the CLI) the gate is also
an advisory lock on a file beside the database (`NAME.writer-lock`), polled every fraction of a
millisecond rather than on SQLite's long back-off, so two workers can share one file without
sleeping through each other's commits. SQLite's own locking and busy timeout still apply
underneath, unchanged, to anything that does not take the gate (a backup, another tool).

Nothing about what is written or when it commits changes: the lock only orders the writers.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Self

try:
    import fcntl
except ImportError:  # Windows: the gate orders this process's writers only
    fcntl = None  # type: ignore[assignment]

CROSS_PROCESS = fcntl is not None  # whether the gate also orders other processes' writers

# Statements that take SQLite's write lock (pysqlite opens the transaction before DML itself).
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "WITH")


class WriterGate:
    """A lock that any thread may release (the thread that ends a transaction is not always
    the one that began it), and that a thread already writing through another connection does
    not wait for (that case is left to SQLite's busy timeout, as before). With `lock_path`, it
    is held across processes too (an advisory `flock` on that file)."""

    def __init__(self, lock_path: Path | None = None) -> None:
        self._lock = threading.Lock()
        self._owner: int | None = None
        self._lock_path = lock_path if fcntl is not None else None
        self._fd: int | None = None
        self._fd_pid = 0

    def enter(self, timeout: float) -> bool:
        me = threading.get_ident()
        if self._owner == me:
            return False
        deadline = time.monotonic() + timeout
        if not self._lock.acquire(timeout=timeout):
            return False  # something held it too long: fall back to SQLite's own locking
        if not self._lock_file(deadline):
            self._lock.release()
            return False
        self._owner = me
        return True

    def leave(self) -> None:
        self._owner = None
        if self._fd is not None and fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._lock.release()

    def _lock_file(self, deadline: float) -> bool:
        """Take the cross-process lock, polling briefly: another process holds it only for
        one transaction. False (and SQLite's own locking decides) if the deadline passes or
        the file cannot be opened."""
        if self._lock_path is None or fcntl is None:
            return True
        if self._fd is None or self._fd_pid != os.getpid():
            # A forked child must not share its parent's open file (and so its lock).
            try:
                self._fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                self._lock_path = None
                return True
            self._fd_pid = os.getpid()
        pause = 0.0001
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(pause)
                pause = min(pause * 2, 0.001)


_gates: dict[str, WriterGate] = {}
_gates_lock = threading.Lock()


def gate_for(path: Path) -> WriterGate:
    key = str(path.resolve())
    with _gates_lock:
        gate = _gates.get(key)
        if gate is None:
            gate = _gates[key] = WriterGate(path.with_name(path.name + ".writer-lock"))
        return gate


def _is_write(sql: str) -> bool:
    return sql.lstrip()[:8].upper().startswith(_WRITES)


class QueuedWriterConnection(sqlite3.Connection):
    """A sqlite3 connection whose writes queue on the file's `WriterGate`.

    Made by `sqlite3.connect(..., factory=writer_connection_factory(path, timeout))`."""

    gate: WriterGate
    gate_timeout: float
    _holding: bool

    def cursor(self, factory: Any = None) -> QueuedWriterCursor:  # type: ignore[override]
        made: QueuedWriterCursor = super().cursor(factory or QueuedWriterCursor)
        return made

    def before(self, sql: str) -> None:
        if not self._holding and _is_write(sql):
            self._holding = self.gate.enter(self.gate_timeout)

    def settle(self) -> None:
        """Give the gate back once no transaction is open (a DDL statement in autocommit, a
        RELEASE that ended the transaction, or the end of one)."""
        if self._holding and not self.in_transaction:
            self._holding = False
            self.gate.leave()

    def execute(self, sql: str, parameters: Any = (), /) -> QueuedWriterCursor:
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> QueuedWriterCursor:
        return self.cursor().executemany(sql, parameters)

    def executescript(self, script: str, /) -> QueuedWriterCursor:
        return self.cursor().executescript(script)

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self.settle()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self.settle()

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self._holding:
                self._holding = False
                self.gate.leave()


class QueuedWriterCursor(sqlite3.Cursor):
    connection: QueuedWriterConnection

    def execute(self, sql: str, parameters: Any = (), /) -> Self:
        self.connection.before(sql)
        try:
            super().execute(sql, parameters)
            return self
        finally:
            self.connection.settle()

    def executemany(self, sql: str, parameters: Any, /) -> Self:
        self.connection.before(sql)
        try:
            super().executemany(sql, parameters)
            return self
        finally:
            self.connection.settle()

    def executescript(self, script: str, /) -> Self:
        self.connection.before("CREATE")  # a script may write anything
        try:
            super().executescript(script)
            return self
        finally:
            self.connection.settle()


def writer_connection_factory(path: Path, timeout: float) -> type[QueuedWriterConnection]:
    """A connection class bound to `path`'s gate (sqlite3.connect takes a class, not a callable
    with arguments)."""
    gate = gate_for(path)

    class Bound(QueuedWriterConnection):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.gate = gate
            self.gate_timeout = timeout
            self._holding = False

    return Bound
