"""The exported packages played in headless chromium, as a learning platform would launch them.

SCORM 1.2: a host page provides `window.API` through the real scorm-again runtime (vendored,
tests/vendor/scorm-again-3.4.3) with its commit URL on this test's server, and the package's
module runs in an iframe, as Moodle runs a SCO. The test plays the module with the keyboard,
some answers right and some wrong (with retries), and checks the score and status scorm-again
holds and committed against `ModuleRun` fed the same answers in Python.

cmi5: the same player launched with cmi5 parameters against a small fake LMS and LRS on the same
server; the test checks the statements it sends.

Chromium is Debian's (never `playwright install`); without it these tests skip, saying so.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from rightcare.engine.vocab import Agency
from rightcare.training.catalogue import Catalogue
from rightcare.training.exercise import Choice, LearnerAnswer
from rightcare.training.export import Format, export_course
from rightcare.training.run import ModuleRun
from tests.training.chromium import with_chromium

SCORM_AGAIN = Path(__file__).parents[1] / "vendor" / "scorm-again-3.4.3" / "scorm12.min.js"
MODULE = "s136"  # twelve calls, drawn in a random order
TOKEN = "bGVhcm5lcjpzZWNyZXQ="
ACTOR = {"objectType": "Agent", "name": "A call handler", "mbox": "mailto:handler@example.org"}
REGISTRATION = "2b5f3e1c-6a8d-4c1e-9a57-0d2f8e4b9c31"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon"

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/vendor/scorm12.min.js"></script>
<script>
  window.API = new Scorm12API({
    lmsCommitUrl: "/lms/commit", autocommit: false, logLevel: 5
  });
  window.finished = false;
  window.API.on("LMSFinish", function () { window.finished = true; });
</script></head>
<body><iframe id="sco" title="Training module" src="/package/%s.html?seed=%d"
  style="width: 100%%; height: 90vh"></iframe></body></html>
"""


@dataclass
class FakePlatform:
    """What the learning platform and record store were sent."""

    root: Path
    commits: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    statement_headers: list[dict[str, str]] = field(default_factory=list)
    state_queries: list[dict[str, list[str]]] = field(default_factory=list)
    tokens_fetched: int = 0
    base_url: str = ""


class Handler(SimpleHTTPRequestHandler):
    platform: FakePlatform

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _json(self, body: Any, status: int = 200) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> Any:
        return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"null")

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        if path == "/lms/commit":
            self.platform.commits.append(self._body())
            self._json({"result": True, "errorCode": 0})
        elif path == "/lms/fetch":
            self.platform.tokens_fetched += 1
            self._json({"auth-token": TOKEN})
        elif path == "/lrs/statements":
            self.platform.statements.append(self._body())
            self.platform.statement_headers.append(dict(self.headers.items()))
            self._json([self.platform.statements[-1]["id"]])
        else:
            self._json({"error": "not found"}, 404)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/lrs/activities/state":
            query = parse_qs(parts.query)
            self.platform.state_queries.append(query)
            activity = query["activityId"][0]
            self._json(
                {
                    "contextTemplate": {
                        "contextActivities": {"grouping": [{"id": activity.rsplit(":", 1)[0]}]},
                        "extensions": {SESSION: "session-1"},
                    },
                    "launchMode": "Normal",
                    "launchMethod": "AnyWindow",
                    "moveOn": "Passed",
                    "masteryScore": 0.8,
                }
            )
            return
        super().do_GET()


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakePlatform]:
    root = tmp_path_factory.mktemp("lms")
    (root / "vendor").mkdir()
    shutil.copy(SCORM_AGAIN, root / "vendor" / "scorm12.min.js")
    fake = FakePlatform(root)
    handler = type("BoundHandler", (Handler,), {"platform": fake})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, name="fake-lms", daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


def _unpack(catalogue: Catalogue, fmt: Format, platform: FakePlatform) -> None:
    course = catalogue.course("rcrp-national")
    target = platform.root / "package"
    shutil.rmtree(target, ignore_errors=True)
    out = platform.root / f"{fmt.value}.zip"
    export_course(course, catalogue.policy_for(course), fmt, out)
    with zipfile.ZipFile(out) as archive:
        archive.extractall(target)


def _plan(n: int, run: ModuleRun, scenario_id: str) -> list[LearnerAnswer]:
    """Answers for the nth call: right, wrong then right, wrong twice, or the wrong agency.

    Where policy says police may choose and police lead, no agency the learner can pick is
    right (police are not on the list), in Python as in the player; any agency stands in.
    """
    exercise = run.exercise(scenario_id)
    keys = [k.id for k in exercise.key_questions]
    agency = exercise.agency if exercise.agency is not Agency.POLICE else Agency.MENTAL_HEALTH
    right = LearnerAnswer(
        choice=exercise.choice,
        agency=None if exercise.choice is Choice.DUTY else agency,
        asked=keys,
    )
    wrong_choice = next(c for c in Choice if c is not exercise.choice)
    wrong = LearnerAnswer(
        choice=wrong_choice,
        agency=None if wrong_choice is Choice.DUTY else Agency.GP,
        asked=keys[:1],
    )
    kind = n % 4
    if kind == 0:
        return [right]
    if kind == 1:
        return [wrong, right]
    if kind == 2:
        return [wrong, wrong]
    if exercise.choice is Choice.DUTY:
        return [right.model_copy(update={"asked": []})]
    other = next(a for a in Agency if a not in (Agency.POLICE, exercise.agency))
    return [LearnerAnswer(choice=exercise.choice, agency=other, asked=[]), right]


def _well(n: int, run: ModuleRun, scenario_id: str) -> list[LearnerAnswer]:
    return _plan(0, run, scenario_id)


def _give(frame: Any, answer: LearnerAnswer, already: set[str]) -> None:
    """Ask the answer's questions and decide, with the keyboard alone."""
    for question in answer.asked:
        if question not in already:
            frame.locator(f'button[data-question="{question}"]').press("Enter")
            already.add(question)
    frame.locator(f"#choice-{answer.choice.value}").focus()
    frame.page.keyboard.press("Space")
    if answer.agency is not None:
        frame.locator(f"#agency-{answer.agency.value}").focus()
        frame.page.keyboard.press("Space")
    frame.locator("form.decision button[type=submit]").press("Enter")


def _play(frame: Any, run: ModuleRun, plan: Any) -> None:
    """Play every call the page draws, giving the same answers to `run` in Python."""
    frame.locator("main[data-state=ready]").wait_for()
    frame.get_by_role("button", name="Start the first call").press("Enter")
    for n in range(len(run.order)):
        section = frame.locator("section.call")
        section.wait_for()
        scenario_id = section.get_attribute("data-scenario")
        assert scenario_id == run.order[n]
        assert frame.evaluate("document.activeElement.tagName") == "H2"
        asked: set[str] = set()
        planned = plan(n, run, scenario_id)
        while True:
            # The last planned answer repeats while tries are left (a right answer that is
            # still not passed). The player keeps every question asked so far, as Python is told.
            answer = planned[min(len(run.answers.get(scenario_id, [])), len(planned) - 1)]
            answer = answer.model_copy(update={"asked": sorted(asked | set(answer.asked))})
            _give(frame, answer, asked)
            feedback = run.answer(scenario_id, answer)
            if not run.tries_left(scenario_id):
                break
            frame.locator(".hint:not([hidden])").wait_for()
            assert frame.evaluate("document.activeElement.className") == "hint"
        shown = frame.locator("section.feedback")
        assert shown.get_attribute("data-score") == str(feedback.score)
        shown.get_by_role("button").press("Enter")
    frame.locator("main[data-state=done]").wait_for()


def _scorm_attempt(
    catalogue: Catalogue, platform: FakePlatform, browser: Any, seed: int, plan: Any
) -> tuple[Any, dict[str, Any], ModuleRun]:
    _unpack(catalogue, Format.SCORM12, platform)
    (platform.root / "host.html").write_text(HOST_PAGE % (MODULE, seed))
    platform.commits.clear()
    page = browser.new_page()
    page.goto(f"{platform.base_url}/host.html")
    frame = page.frame_locator("#sco")
    frame.locator("main[data-state=ready]").wait_for()
    order = page.frames[1].evaluate("window.rightcarePlayer.order")
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    run = ModuleRun(course, course.module(MODULE), policy, seed, list(order))
    _play(_Frame(page, frame), run, plan)
    page.wait_for_function("window.finished === true")
    report = frame.locator("section.result p.notice").inner_text()
    assert report == "Your result has been recorded by your learning platform."
    held = page.evaluate(
        "() => ({raw: API.cmi.core.score.raw, min: API.cmi.core.score.min,"
        " max: API.cmi.core.score.max, status: API.cmi.core.lesson_status})"
    )
    page.close()
    return held, platform.commits[-1], run


class _Frame:
    """A frame locator that can also press keys and run script in the module's frame."""

    def __init__(self, page: Any, frame: Any) -> None:
        self.page = page
        self._frame = frame

    def locator(self, selector: str) -> Any:
        return self._frame.locator(selector)

    def get_by_role(self, role: str, **kwargs: Any) -> Any:
        return self._frame.get_by_role(role, **kwargs)

    def evaluate(self, script: str) -> Any:
        return self.page.frames[-1].evaluate(script)


@with_chromium
def test_a_scorm_module_played_with_mixed_answers_reports_pythons_score_and_status(
    catalogue: Catalogue, platform: FakePlatform, browser: Any
) -> None:
    held, committed, run = _scorm_attempt(catalogue, platform, browser, 11, _plan)
    result = run.result()
    assert run.complete
    assert held["raw"] == str(result.score)
    assert (held["min"], held["max"]) == ("0", "100")
    assert held["status"] == ("passed" if result.passed else "failed") == "failed"
    core = committed["cmi"]["core"]
    assert core["score"]["raw"] == str(result.score)
    assert core["lesson_status"] == "failed"
    # The player sends HHHH:MM:SS.SS; scorm-again accepted it (or the set would have failed)
    # and commits it in its own spelling.
    assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?", core["session_time"])


@with_chromium
def test_a_scorm_module_answered_well_reports_pythons_score_and_passed(
    catalogue: Catalogue, platform: FakePlatform, browser: Any
) -> None:
    held, committed, run = _scorm_attempt(catalogue, platform, browser, 4, _well)
    assert run.result().passed
    assert (held["raw"], held["status"]) == (str(run.result().score), "passed")
    assert committed["cmi"]["core"]["lesson_status"] == "passed"


@with_chromium
def test_the_caller_answers_each_question_and_narratives_render_as_text(
    catalogue: Catalogue, platform: FakePlatform, browser: Any
) -> None:
    _unpack(catalogue, Format.SCORM12, platform)
    page = browser.new_page()
    page.goto(f"{platform.base_url}/package/{MODULE}.html?seed=1")
    page.locator("main[data-state=intro]").wait_for()  # no platform: it still plays
    assert "not recorded" in page.locator("p.notice").inner_text()
    page.get_by_role("button", name="Start the first call").click()
    scenario_id = page.locator("section.call").get_attribute("data-scenario")
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    run = ModuleRun(course, course.module(MODULE), policy, 1, [scenario_id])
    exercise = run.exercise(scenario_id)
    for question_id, _ in exercise.questions[:6]:
        page.locator(f'button[data-question="{question_id}"]').press("Enter")
        said = page.locator("ol.replies li").last.inner_text()
        assert said.endswith(exercise.ask(question_id).said)
    assert page.locator("ol.replies").get_attribute("aria-live") == "polite"
    narrative = page.locator("blockquote.narrative").inner_text()
    assert narrative == exercise.scenario.narrative
    page.close()


@with_chromium
def test_a_cmi5_module_sends_initialized_passed_completed_terminated_with_the_template(
    catalogue: Catalogue, platform: FakePlatform, browser: Any
) -> None:
    _unpack(catalogue, Format.CMI5, platform)
    platform.statements.clear()
    activity = f"urn:rightcare:course:rcrp-national:2026.1:{MODULE}"
    launch = urlencode(
        {
            "endpoint": f"{platform.base_url}/lrs/",
            "fetch": f"{platform.base_url}/lms/fetch",
            "actor": json.dumps(ACTOR),
            "registration": REGISTRATION,
            "activityId": activity,
            "seed": "7",
        }
    )
    page = browser.new_page()
    page.goto(f"{platform.base_url}/package/{MODULE}.html?{launch}")
    page.locator("main[data-state=ready]").wait_for()
    course = catalogue.course("rcrp-national")
    order = page.evaluate("window.rightcarePlayer.order")
    run = ModuleRun(course, course.module(MODULE), catalogue.policy_for(course), 7, list(order))
    _play(_Frame(page, page), run, _well)
    page.close()
    result = run.result()
    assert result.passed
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in platform.statements]
    assert verbs == ["initialized", "passed", "completed", "terminated"]
    assert platform.tokens_fetched >= 1
    (query,) = platform.state_queries[-1:]
    assert query["stateId"] == ["LMS.LaunchData"] and query["registration"] == [REGISTRATION]
    assert json.loads(query["agent"][0]) == ACTOR
    sent = zip(platform.statements, platform.statement_headers, strict=True)
    for n, (statement, headers) in enumerate(sent):
        assert headers["Authorization"] == f"Basic {TOKEN}"
        assert headers["X-Experience-API-Version"] == "1.0.3"
        assert statement["actor"] == ACTOR
        assert statement["object"] == {"objectType": "Activity", "id": activity}
        context = statement["context"]
        assert context["registration"] == REGISTRATION
        assert context["extensions"][SESSION] == "session-1"
        assert context["contextActivities"]["grouping"] == [{"id": activity.rsplit(":", 1)[0]}]
        categories = [c["id"] for c in context["contextActivities"]["category"]]
        assert CMI5_CATEGORY in categories
        assert (MOVEON_CATEGORY in categories) == (verbs[n] in ("passed", "completed"))
        assert len(statement["id"]) == 36 and statement["timestamp"].endswith("Z")
    passed, completed, terminated = platform.statements[1:]
    assert passed["result"]["score"] == {
        "scaled": result.score / 100,
        "raw": result.score,
        "min": 0,
        "max": 100,
    }
    assert passed["result"]["success"] is True
    assert (
        passed["context"]["extensions"][
            "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
        ]
        == 0.8
    )
    assert completed["result"]["completion"] is True
    for statement in (passed, completed, terminated):
        assert statement["result"]["duration"].startswith("PT")
        assert statement["result"]["duration"].endswith("S")
