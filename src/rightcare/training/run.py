"""A learner's attempt at one module: which scenarios, in what order, and how it scores.

Pure and in memory: the web app stores each answer as it is given and rebuilds a run from the
stored answers; the terminal trainer and the SCORM player keep it in memory. The draw is
reproducible from its seed, so a stored attempt can be replayed and a dispute settled.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field

from rightcare.engine.policy import Policy
from rightcare.training.course import Course, Module, Order
from rightcare.training.exercise import Exercise, Feedback, LearnerAnswer, mark, prepare_cached

REFRESHER = "policy-changes"  # the module id of a refresher attempt


def new_seed() -> int:
    return secrets.randbelow(2**31)


def draw(module: Module, order: Order, seed: int) -> list[str]:
    """The scenario ids one attempt presents, in order. Same module and seed, same list."""
    ids = [s.id for s in module.scenarios]
    # A string seed is hashed with SHA-512 by `random`, so the draw does not depend on
    # PYTHONHASHSEED or the process: the same on every machine and in every release of 3.x.
    rng = random.Random(f"{module.id}:{seed}")
    if order is Order.RANDOM:
        return rng.sample(ids, module.size)
    if module.size < len(ids):
        keep = sorted(rng.sample(range(len(ids)), module.size))
        return [ids[i] for i in keep]
    return ids


def hint(feedback: Feedback) -> str:
    """What a learner is told before a retry: where to look again, never the answer."""
    if feedback.missed:
        asked = "; ".join(k.text for k in feedback.missed[:3])
        return f"Not quite. Before deciding, did you ask: {asked}"
    if not feedback.choice_right:
        return "Not quite. Think again about whether police have a duty here, and why."
    return "The response is right, but think again about which agency is best placed."


@dataclass(frozen=True)
class ModuleResult:
    module: str
    score: int  # 0-100: the mean of each scenario's last answer
    passed: bool
    answered: int
    correct: int
    unsafe: int
    over_response: int


@dataclass
class ModuleRun:
    """One attempt: the drawn scenarios and every answer given so far (retries included)."""

    course: Course
    module: Module
    policy: Policy
    seed: int
    order: list[str]
    answers: dict[str, list[Feedback]] = field(default_factory=dict)
    _exercises: dict[str, Exercise] = field(default_factory=dict, repr=False)

    @classmethod
    def start(
        cls, course: Course, module_id: str, policy: Policy, seed: int | None = None
    ) -> ModuleRun:
        module = course.module(module_id)
        chosen = new_seed() if seed is None else seed
        return cls(course, module, policy, chosen, draw(module, course.spec.order, chosen))

    @classmethod
    def refresher(
        cls, course: Course, policy: Policy, scenario_ids: list[str], seed: int
    ) -> ModuleRun:
        """An attempt at chosen scenarios only (those whose answer changed with the policy)."""
        scenarios = tuple(course.scenario(s) for s in scenario_ids)
        module = Module(
            id=REFRESHER,
            title="What changed in the policy",
            summary="Scenarios whose answer changed since you last took them.",
            scenarios=scenarios,
            draw=None,
        )
        return cls(course, module, policy, seed, list(scenario_ids))

    def exercise(self, scenario_id: str) -> Exercise:
        if scenario_id not in self.order:
            raise KeyError(f"scenario {scenario_id} is not in this attempt")
        if scenario_id not in self._exercises:
            scenario = self.course.scenario(scenario_id)
            self._exercises[scenario_id] = prepare_cached(self.policy, scenario)
        return self._exercises[scenario_id]

    def tries_left(self, scenario_id: str) -> int:
        given = self.answers.get(scenario_id, [])
        if given and given[-1].passed:
            return 0
        return max(0, 1 + self.course.spec.scenario_retries - len(given))

    def is_settled(self, scenario_id: str) -> bool:
        """Answered, and either right or out of tries: its full feedback may be shown."""
        return bool(self.answers.get(scenario_id)) and self.tries_left(scenario_id) == 0

    @property
    def current(self) -> str | None:
        """The first scenario not yet settled: after a wrong answer with a try left, the same
        scenario again (with a hint), so every learner uses the same number of tries."""
        for scenario_id in self.order:
            if not self.is_settled(scenario_id):
                return scenario_id
        return None

    @property
    def complete(self) -> bool:
        return self.current is None

    def answer(self, scenario_id: str, answer: LearnerAnswer) -> Feedback:
        if self.tries_left(scenario_id) == 0:
            raise ValueError(f"no tries left for scenario {scenario_id}")
        feedback = mark(self.policy, self.exercise(scenario_id), answer)
        self.answers.setdefault(scenario_id, []).append(feedback)
        return feedback

    def result(self) -> ModuleResult:
        finals = [self.answers[s][-1] for s in self.order if self.answers.get(s)]
        score = round(sum(f.score for f in finals) / len(self.order)) if self.order else 0
        unsafe = sum(f.unsafe for f in finals)
        spec = self.course.spec
        passed = self.complete and score >= spec.pass_mark and not (spec.fail_on_unsafe and unsafe)
        return ModuleResult(
            module=self.module.id,
            score=score,
            passed=passed,
            answered=len(finals),
            correct=sum(f.passed for f in finals),
            unsafe=unsafe,
            over_response=sum(f.over_response for f in finals),
        )
