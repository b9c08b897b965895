"""The exported player: every screen passes axe-core's WCAG 2.2 AA checks, and data is text.

Played from disk (file://), as a trainer previewing a package would, in Debian's chromium with
the axe-core copy the web app's browser tests vendor (tests/browser/vendor).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from rightcare.training.catalogue import Catalogue
from rightcare.training.course import Course, Module
from rightcare.training.export import Format, export_course
from tests.training.chromium import with_chromium

AXE = Path(__file__).parents[1] / "browser" / "vendor" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


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
