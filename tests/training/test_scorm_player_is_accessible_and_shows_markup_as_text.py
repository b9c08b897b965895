"""The exported player: every screen passes axe-core's WCAG 2.2 AA checks, and data is text.

Played from disk (file://), as a trainer previewing a package would, in Debian's chromium with
the axe-core copy the web app's browser tests vendor (tests/browser/vendor).
"""

from __future__ import annotations

import functools
import inspect
import shutil
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rightcare.training.catalogue import Catalogue
from rightcare.training.course import Course, Module
from rightcare.training.export import Format, export_course

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    pytest.skip(
        "browser tests need Debian's chromium on PATH: apt-get install -y chromium",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
ARGS = ["--no-sandbox"]

AXE = Path(__file__).parents[1] / "browser" / "vendor" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


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


def _open_mini(mini: Catalogue, browser: Any, tmp_path: Path) -> Any:
    course = mini.course("mini")
    export_course(course, mini.policy_for(course), Format.SCORM12, tmp_path / "mini.zip")
    with zipfile.ZipFile(tmp_path / "mini.zip") as archive:
        archive.extractall(tmp_path / "package")
    page = browser.new_page()
    page.goto((tmp_path / "package" / "falls.html").as_uri())
    return page


def _violations(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_22_AA,
    )
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in result["violations"]]


@with_chromium
def test_the_intro_call_hint_feedback_and_result_screens_pass_axe(
    mini: Catalogue, browser: Any, tmp_path: Path
) -> None:
    page = _open_mini(mini, browser, tmp_path)
    page.locator("main[data-state=intro]").wait_for()
    assert _violations(page) == []
    page.get_by_role("button", name="Start the first call").click()
    page.locator("button.ask").first.click()
    page.locator("#choice-other_agency").check()
    page.locator("#agency-gp").check()
    page.get_by_role("button", name="Give my answer").click()
    assert _violations(page) == []  # with the agency question shown and the caller's answers
    for _ in range(2):
        while page.locator("section.feedback").count() == 0:
            page.locator("#choice-duty").check()
            page.get_by_role("button", name="Give my answer").click()
        assert _violations(page) == []
        page.locator("section.feedback button").click()
    page.locator("main[data-state=done]").wait_for()
    assert _violations(page) == []


@with_chromium
def test_markup_in_a_narrative_or_title_is_shown_as_text_and_never_runs(
    catalogue: Catalogue, browser: Any, tmp_path: Path
) -> None:
    course = catalogue.course("rcrp-national")
    real = course.module("s136").scenarios[0]
    narrative = '<img src=x onerror="window.pwned=1"></script><script>window.pwned=2</script> & "q"'
    evil = real.model_copy(update={"narrative": narrative})
    title = 'Title <b>bold</b> & "q"'
    module = Module(id="evil", title=title, summary="<i>s</i>", scenarios=(evil,), draw=None)
    hostile = Course(spec=course.spec, modules=(module,), digest=course.digest)
    export_course(hostile, catalogue.policy_for(course), Format.SCORM12, tmp_path / "evil.zip")
    with zipfile.ZipFile(tmp_path / "evil.zip") as archive:
        archive.extractall(tmp_path / "evil")
    page = browser.new_page()
    page.goto((tmp_path / "evil" / "evil.html").as_uri())
    assert page.locator("h1").inner_text() == title
    page.get_by_role("button", name="Start the first call").click()
    assert page.locator("blockquote.narrative").inner_text() == narrative
    assert page.locator("main img, main script, h1 b").count() == 0
    assert page.evaluate("typeof window.pwned") == "undefined"
    page.close()
