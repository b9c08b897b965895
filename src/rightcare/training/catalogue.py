"""The bundled courses with the policy each teaches: what the CLI, web app and exports share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rightcare.engine.errors import PackError, Problem
from rightcare.engine.policy import Policy
from rightcare.engine.store import PolicySet, load_policy_set
from rightcare.scenarios.library import load_scenarios
from rightcare.training.course import Course, load_courses


@dataclass(frozen=True)
class Catalogue:
    courses: dict[str, Course]
    policies: PolicySet

    def course(self, course_id: str) -> Course:
        try:
            return self.courses[course_id]
        except KeyError:
            known = ", ".join(sorted(self.courses)) or "none"
            raise KeyError(f"no course `{course_id}` (known: {known})") from None

    def policy_for(self, course: Course) -> Policy:
        """The policy a course teaches: its pack, with its force overlay if it names one."""
        overlay = course.spec.overlay
        policy = self.policies.base if overlay is None else self.policies.for_force(overlay)
        if policy.pack.id != course.spec.pack:
            raise PackError(
                [
                    Problem(
                        f"course {course.id} teaches pack `{course.spec.pack}`, "
                        f"but the loaded pack is `{policy.pack.id}`"
                    )
                ]
            )
        return policy


def load_catalogue(
    course_paths: Sequence[Path] | None = None,
    scenario_paths: Sequence[Path] | None = None,
    policies: PolicySet | None = None,
) -> Catalogue:
    """Courses resolved against the scenario library, and the policies they teach."""
    scenarios = load_scenarios(scenario_paths or None)
    return Catalogue(
        courses=load_courses(scenarios, course_paths or None),
        policies=policies if policies is not None else load_policy_set(),
    )
