"""Serve ralph's LRS API with its filesystem backend. Run by ralph's own Python, not rightcare's.

    <ralph venv>/bin/python tests/training/ralph_server.py --host 127.0.0.1 --port 8100

Configured like `ralph runserver -b fs` (RALPH_* environment: backend, auth file, directory),
with two differences, both for tests:
- no auto-reloader (runserver's `reload=True` forks a watcher we would have to chase);
- the filesystem backend appends: ralph 5.1.0 writes each POST in "create" mode, which refuses
  to write to its statements file once it exists, so every POST after the first fails with
  HTTP 500 "Statements bulk indexation failed". Everything else (validation, duplicate ids,
  409 for a differing statement, basic auth, GET by statementId) is ralph's unchanged.
"""

from __future__ import annotations

import argparse

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
    uvicorn.run("ralph.api:app", host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
