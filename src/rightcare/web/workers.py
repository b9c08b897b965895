"""`serve --workers N`: N worker processes, each listening on a socket of its own.

uvicorn's own workers share one listening socket. Every worker's event loop wakes for each new
connection and the first to call accept() takes it (and any others queued behind it), so the
worker that is already awake wins again and again: a measured run put 75 % of 50 keep-alive
connections on one of two workers, which then queued requests behind its one request thread
while the other worker sat half idle. Here every worker binds its own socket to the same address
with SO_REUSEPORT, and the kernel spreads new connections across the listening sockets by a hash
of the client's address and port, with no race between workers.

Linux only (elsewhere SO_REUSEPORT is missing or gives every connection to one socket), where
`serve` falls back to uvicorn's shared socket. The supervisor is deliberately small: start the
workers, restart one that dies, and on SIGINT or SIGTERM ask each to stop once (uvicorn's
graceful shutdown: requests in flight finish). Workers run in a session of their own, so a
signal sent to the supervisor's process group (Ctrl-C, a service manager) reaches them once,
through it, and not twice (a second signal makes uvicorn drop requests in flight); and each asks
the kernel for SIGTERM should the supervisor die, so none is left behind.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from typing import Any

log = logging.getLogger("rightcare.serve")

AVAILABLE = sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")
_PR_SET_PDEATHSIG = 1  # prctl(2)
RESTART_PAUSE = 1.0  # seconds between restarts of a worker that keeps dying
STOP_GRACE = 30.0  # seconds a worker gets to finish its requests before it is killed


@dataclass(frozen=True)
class WorkerSpec:
    """What every worker needs, picklable (workers are spawned, not forked)."""

    app: str  # "module:factory"
    host: str
    port: int
    log_level: str = "info"
    supervisor_pid: int = 0


def listening_socket(host: str, port: int, *, listen: bool = True) -> socket.socket:
    """A TCP socket bound to (host, port) with SO_REUSEPORT (and listening, unless told not
    to: a bound socket that does not listen holds the port without taking connections)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        if listen:
            sock.listen(2048)
        sock.set_inheritable(True)
    except BaseException:
        sock.close()
        raise
    return sock


def _follow_supervisor(supervisor_pid: int) -> bool:
    """Leave the supervisor's process group and die with it; False if it has already gone."""
    import ctypes

    os.setsid()
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    return os.getppid() == supervisor_pid


def _worker_main(spec: WorkerSpec, ready: Any, revocations: Any) -> None:
    import uvicorn

    from rightcare.web.token_cache import share_revocations

    share_revocations(revocations)  # before the app (and its token cache) is made

    if not _follow_supervisor(spec.supervisor_pid):
        return

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if self.started:
                ready.set()  # the supervisor says so once every worker is serving

    # Bound, not yet listening: asyncio starts listening when uvicorn starts serving, after the
    # app has loaded, so no connection waits in the queue of a worker still starting up.
    sock = listening_socket(spec.host, spec.port, listen=False)
    config = uvicorn.Config(
        spec.app,
        factory=True,
        log_level=spec.log_level,
        access_log=False,  # a line per request costs time and names URLs (call ids)
    )
    Server(config).run(sockets=[sock])


class Supervisor:
    """Keeps `count` workers running until told to stop."""

    def __init__(self, spec: WorkerSpec, count: int) -> None:
        self.spec = spec
        self.count = count
        self.context = multiprocessing.get_context("spawn")
        self.workers: list[BaseProcess] = []
        self.ready: list[Any] = [None] * count  # one multiprocessing Event per worker
        self.announced = False
        self.stopping = threading.Event()
        # Shared memory every worker reads: a token revoked on one is refused by all at once.
        self.revocations = self.context.Value("Q", 0)

    def _start_one(self, index: int) -> BaseProcess:
        self.ready[index] = self.context.Event()
        self.announced = False
        process = self.context.Process(
            target=_worker_main,
            args=(self.spec, self.ready[index], self.revocations),
            daemon=False,
        )
        process.start()
        log.info("started worker process [%s]", process.pid)
        return process

    def _announce_when_ready(self) -> None:
        if not self.announced and all(event.is_set() for event in self.ready):
            self.announced = True
            log.info(
                "all %d workers listening on http://%s:%d",
                self.count,
                self.spec.host,
                self.spec.port,
            )

    def request_stop(self, *_: Any) -> None:
        self.stopping.set()

    def run(self) -> int:
        # Hold the port (bound, not listening) so a clash shows here, before any worker starts.
        guard = listening_socket(self.spec.host, self.spec.port, listen=False)
        previous = {
            sig: signal.signal(sig, self.request_stop) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            self.workers = [self._start_one(index) for index in range(self.count)]
            while not self.stopping.wait(0.2):
                self._announce_when_ready()
                for index, process in enumerate(self.workers):
                    if not process.is_alive() and not self.stopping.is_set():
                        log.warning(
                            "worker [%s] exited with %s; starting another",
                            process.pid,
                            process.exitcode,
                        )
                        time.sleep(RESTART_PAUSE)
                        self.workers[index] = self._start_one(index)
            self._stop_all()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            guard.close()
        return 0

    def _stop_all(self) -> None:
        for process in self.workers:
            if process.is_alive() and process.pid is not None:
                os.kill(process.pid, signal.SIGTERM)  # uvicorn: finish in-flight, then exit
        deadline = time.monotonic() + STOP_GRACE
        for process in self.workers:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                log.warning("worker [%s] did not stop in time; killing it", process.pid)
                process.kill()
                process.join()
        log.info("all workers stopped")


def run_workers(app: str, *, host: str, port: int, count: int, log_level: str = "info") -> int:
    """Serve `app` (a "module:factory" string) with `count` worker processes, each on its own
    SO_REUSEPORT socket. Raises OSError if the address cannot be bound."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(message)s")
    spec = WorkerSpec(
        app=app, host=host, port=port, log_level=log_level, supervisor_pid=os.getpid()
    )
    return Supervisor(spec, count).run()
