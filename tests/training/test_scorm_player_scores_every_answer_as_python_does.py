"""The exported player's JavaScript marks every answer, hints and module exactly as Python does.

`player/scoring.js` runs under node (skipped, saying so, without it) against `mark`, `hint` and
`ModuleRun.result` for every scenario of the national course and many answers to each.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from importlib import resources
from typing import Any

import pytest

from rightcare.engine.vocab import Agency
from rightcare.training.catalogue import Catalogue
from rightcare.training.course import Course
from rightcare.training.exercise import Choice, LearnerAnswer, mark, prepare_cached
from rightcare.training.export.content import module_data
from rightcare.training.run import ModuleRun, hint

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(
    NODE is None, reason="node is not installed (apt-get install nodejs)"
)
SCORING = resources.files("rightcare.training.export").joinpath("player", "scoring.js")

# Reads {"data": module data, "marks": [[scenario id, answer]], "runs": [[order, answers]]}.
RUNNER = """
const S = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  const byId = Object.fromEntries(job.data.scenarios.map((s) => [s.id, s]));
  const marks = job.marks.map(([id, answer]) => {
    const m = S.mark(job.data, byId[id], answer);
    return { ...m, missed: m.missed.map((k) => k.id), hint: S.hint(job.data, m) };
  });
  const runs = job.runs.map(([order, given]) => {
    const answers = {};
    for (const [id, answer] of given) {
      (answers[id] = answers[id] || []).push(S.mark(job.data, byId[id], answer));
    }
    return S.result(job.data.course, order, answers);
  });
  const rounding = job.rounding.map(S.roundHalfEven);
  process.stdout.write(JSON.stringify({ marks, runs, rounding }));
});
"""


def _node(job: dict[str, Any]) -> dict[str, Any]:
    assert NODE is not None
    with resources.as_file(SCORING) as path:
        done = subprocess.run(
            [NODE, "-e", RUNNER, str(path)],
            input=json.dumps(job),
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _answer(answer: LearnerAnswer) -> dict[str, Any]:
    return {
        "choice": answer.choice.value,
        "agency": answer.agency.value if answer.agency else None,
        "asked": list(answer.asked),
    }


def _answers_to(course: Course, catalogue: Catalogue, scenario_id: str) -> list[LearnerAnswer]:
    policy = catalogue.policy_for(course)
    exercise = prepare_cached(policy, course.scenario(scenario_id))
    keys = [k.id for k in exercise.key_questions]
    other = next(a for a in Agency if a not in (Agency.POLICE, exercise.agency))
    asked_sets = [[], keys, keys[:1], keys[1:], [q.id for q in policy.questions], ["crime"]]
    found = []
    for choice in Choice:
        agencies = [None] if choice is Choice.DUTY else [exercise.agency, other, None]
        for agency in agencies:
            for asked in asked_sets:
                found.append(LearnerAnswer(choice=choice, agency=agency, asked=asked))
    return found


def test_every_answer_to_every_scenario_scores_the_same_in_javascript(
    catalogue: Catalogue,
) -> None:
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    compared = 0
    for module in course.modules:
        data = module_data(course, module, policy, "scorm12")
        cases = [(s.id, a) for s in module.scenarios for a in _answers_to(course, catalogue, s.id)]
        job = {
            "data": data,
            "marks": [[i, _answer(a)] for i, a in cases],
            "runs": [],
            "rounding": [],
        }
        for (scenario_id, answer), js in zip(cases, _node(job)["marks"], strict=True):
            feedback = mark(policy, prepare_cached(policy, course.scenario(scenario_id)), answer)
            expected = {
                "score": feedback.score,
                "choice_right": feedback.choice_right,
                "agency_right": feedback.agency_right,
                "unsafe": feedback.unsafe,
                "over_response": feedback.over_response,
                "passed": feedback.passed,
                "missed": [k.id for k in feedback.missed],
                "hint": hint(feedback),
            }
            assert {k: js[k] for k in expected} == expected, (scenario_id, answer)
            compared += 1
    assert compared > 5000


def test_module_results_with_retries_agree_with_python_for_many_attempts(
    catalogue: Catalogue,
) -> None:
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    rng = random.Random(20261128)
    for module in course.modules:
        data = module_data(course, module, policy, "scorm12")
        runs, expected = [], []
        for attempt in range(25):
            run = ModuleRun.start(course, module.id, policy, seed=attempt)
            given = []
            # Some attempts stop part-way, so an incomplete module is compared too.
            stop = len(run.order) if attempt % 5 else rng.randrange(len(run.order))
            for scenario_id in run.order[:stop]:
                options = _answers_to(course, catalogue, scenario_id)
                while run.tries_left(scenario_id):
                    answer = rng.choice(options)
                    run.answer(scenario_id, answer)
                    given.append([scenario_id, _answer(answer)])
            runs.append([run.order, given])
            expected.append(run.result())
        job = {"data": data, "marks": [], "runs": runs, "rounding": []}
        for js, result in zip(_node(job)["runs"], expected, strict=True):
            assert (js["score"], js["passed"], js["answered"], js["correct"], js["unsafe"]) == (
                result.score,
                result.passed,
                result.answered,
                result.correct,
                result.unsafe,
            )
            assert js["over_response"] == result.over_response


def test_halves_round_to_even_as_python_rounds_them(catalogue: Catalogue) -> None:
    course = catalogue.course("rcrp-national")
    data = module_data(course, course.modules[3], catalogue.policy_for(course), "scorm12")
    values = [0.5, 1.5, 2.5, 7.5, 82.5, 83.5, 99.49, 99.5, 2 / 3 * 10, 10 / 4, 10 * 3 / 4]
    job = {"data": data, "marks": [], "runs": [], "rounding": values}
    assert _node(job)["rounding"] == [round(v) for v in values]
