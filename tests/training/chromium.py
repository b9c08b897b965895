"""Debian's chromium for the exported player's browser tests, each on a thread of its own.

Importing this skips the importing test module (with the reason) when chromium or Playwright
is missing.
"""

from __future__ import annotations

import functools
import inspect
import shutil
import threading
from collections.abc import Callable
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    pytest.skip(
        "browser tests need Debian's chromium on PATH: apt-get install -y chromium",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]


def with_chromium(test: Callable[..., None]) -> Callable[..., None]:
    """Run a test that takes `browser` on a thread of its own, with its own Playwright.

    The sync API allows one Playwright per thread, and the web app's browser tests keep theirs
    open for the whole session; a thread of our own keeps the two apart in one pytest run.
    """
    signature = inspect.signature(test)

    @functools.wraps(test)
    def run(**fixtures: Any) -> None:
        failures: list[BaseException] = []

        def play() -> None:
            try:
                with sync_api.sync_playwright() as playwright:
                    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                    try:
                        test(browser=browser, **fixtures)
                    finally:
                        browser.close()
            except BaseException as exc:  # handed back to pytest's thread below
                failures.append(exc)

        thread = threading.Thread(target=play, name=f"chromium-{test.__name__}")
        thread.start()
        thread.join()
        if failures:
            raise failures[0]

    kept = [p for name, p in signature.parameters.items() if name != "browser"]
    run.__signature__ = signature.replace(parameters=kept)  # type: ignore[attr-defined]
    return run
