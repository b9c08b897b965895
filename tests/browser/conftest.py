"""Browser tests: the real app under uvicorn on 127.0.0.1, driven by Debian's chromium.

Never `playwright install` (it downloads a browser, and this machine has no internet): the
tests use the `chromium` on PATH (`apt-get install -y chromium`) and skip, saying so, without it.

The app is `create_app` on a throwaway demo database (SQLite in a temporary folder, demo users
with fresh passwords); the tests sign in as the demo call handler.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# How long a step may wait (a navigation, a selector) before the test fails. Generous: these
# tests assert what the screens do, not how fast, and on a loaded two-core machine a save and
# the next page's load once took longer than the 10 s this used to be.
BROWSER_TIMEOUT_MS = 30_000
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

if CHROMIUM is None:
    pytest.skip(
        "browser tests need Debian's chromium on PATH: apt-get install -y chromium",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@dataclass(frozen=True)
class LiveApp:
    base_url: str
    username: str
    password: str
    passwords: dict[str, str] = field(default_factory=dict)  # every demo user's


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    import uvicorn

    from rightcare.calls.assessing import assess_call
    from rightcare.engine.store import load_policy_set
    from rightcare.web.app import create_app
    from rightcare.web.demo import prepare_demo

    policies = load_policy_set()
    # Load the narrative reader now, so the first keystrokes are not timed against it.
    assess_call(policies, {"narrative": "warm up: he has a knife"})
    setup = prepare_demo(policies, data_dir=tmp_path_factory.mktemp("browser-demo"))
    app = create_app(settings=setup.settings, policies=policies)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, name="browser-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield LiveApp(
            f"http://127.0.0.1:{port}",
            "handler",
            setup.passwords["handler"],
            dict(setup.passwords),
        )
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def page(browser: Any, live_app: LiveApp) -> Iterator[Any]:
    """A fresh browser context, signed in as the demo call handler."""
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, base_url=live_app.base_url
    )
    context.set_default_timeout(BROWSER_TIMEOUT_MS)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto("/sign-in?next=/calls/new")
    tab.fill("#username", live_app.username)
    tab.fill("#password", live_app.password)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url("**/calls/new")
    try:
        yield tab
        assert errors == [], f"JavaScript errors on the page: {errors}"
    finally:
        context.close()


def sign_in_as(browser: Any, live_app: LiveApp, username: str, start: str) -> Any:
    """A new browser context signed in as one of the demo users, on `start`. Close its
    `.context` when done."""
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, base_url=live_app.base_url
    )
    context.set_default_timeout(BROWSER_TIMEOUT_MS)
    tab = context.new_page()
    tab.goto(f"/sign-in?next={start}")
    tab.fill("#username", username)
    tab.fill("#password", live_app.passwords[username])
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"**{start}")
    return tab


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.2 AA violations on the page as it stands."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_22_AA,
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(node["target"]) for node in v["nodes"][:5]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return "\n".join(lines)


def save_artifact(name: str, data: object) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path
