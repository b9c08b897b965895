"""`rightcare serve [--demo] [--host 127.0.0.1] [--port 8000] [--workers N]`.

Mount with `app.add_typer(serve_app, name="serve")` (the options sit on the group itself, so
`rightcare serve --demo` works), or register the plain function: `app.command("serve")(serve)`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from rightcare.settings import SettingsError, get_settings

serve_app = typer.Typer(
    help="Run the web service (API and pages).",
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def serve(
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="SQLite under ./var/demo, demo users (one per role) and SYNTHETIC calls",
        ),
    ] = False,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="worker processes")] = 1,
    threads: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=256,
            help="request threads per worker (default 40) for the screens and the other "
            "routes (assessments and the calls' hot writes run on the event loop); on two "
            "cores, `--workers 2 --threads 1` served the most saved calls (bench/README.md)",
        ),
    ] = None,
    data_dir: Annotated[
        Path, typer.Option("--demo-dir", help="where the demo keeps its files")
    ] = Path("var/demo"),
) -> None:
    """Run the web service. With --demo, print the sign-in details first."""
    import uvicorn

    from rightcare.engine.store import load_policy_set
    from rightcare.storage.migrate import current_revision, head_revision
    from rightcare.web.app import create_app, ready_for_traffic
    from rightcare.web.workers import AVAILABLE as balanced_workers_available
    from rightcare.web.workers import run_workers

    url = f"http://{host}:{port}"
    if threads is not None:
        os.environ["RIGHTCARE_REQUEST_THREADS"] = str(threads)  # every worker reads it
        get_settings.cache_clear()
    policies = load_policy_set()
    if demo:
        from rightcare.web.demo import prepare_demo, sign_in_details

        setup = prepare_demo(policies, data_dir=data_dir)
        os.environ.update(setup.environ)  # so every worker process reads the same settings
        get_settings.cache_clear()
        typer.echo(sign_in_details(setup, url))
        settings = setup.settings
    else:
        try:
            settings = get_settings()
            settings.require_secret_key()
        except SettingsError as exc:
            raise _fail(str(exc)) from exc
        if current_revision(settings.database_url) != head_revision():
            raise _fail("the database is not up to date: run `rightcare db upgrade` first")
        typer.echo(f"rightcare: {url}")
    if threads is not None:
        settings = settings.model_copy(update={"request_threads": threads})
    if workers == 1:
        uvicorn.run(
            ready_for_traffic(create_app(settings, policies)),
            host=host,
            port=port,
            log_level="info",
            access_log=False,  # a line per request costs time and names URLs (call ids)
        )
    elif balanced_workers_available:
        try:
            run_workers(
                "rightcare.web.app:create_app_from_env", host=host, port=port, count=workers
            )
        except OSError as exc:
            raise _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    else:
        uvicorn.run(
            "rightcare.web.app:create_app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
            access_log=False,
            # Each worker imports the whole app (spaCy, SQLAlchemy): give it time on a slow box.
            timeout_worker_healthcheck=60,
        )


serve_app.callback(invoke_without_command=True)(serve)

__all__ = ["serve", "serve_app"]
