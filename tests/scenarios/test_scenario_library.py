"""The scenario library: it passes on every shipped policy, and it is as broad as promised."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rightcare.cli import app
from rightcare.engine.policy import Policy
from rightcare.engine.store import default_overlay_dir
from rightcare.scenarios.library import load_scenarios
from rightcare.scenarios.models import Scenario, Tag
from rightcare.scenarios.runner import library_stats, run_scenarios


@pytest.fixture(scope="module")
def library() -> list[Scenario]:
    return load_scenarios()


def test_every_scenario_passes_on_every_shipped_policy(
    every_policy: Policy, library: list[Scenario]
) -> None:
    failures = run_scenarios(every_policy, library)
    assert failures == []


def test_the_command_passes_on_the_national_pack_and_the_example_overlay() -> None:
    runner = CliRunner()
    national = runner.invoke(app, ["scenarios", "test"])
    assert national.exit_code == 0, national.output
    overlay = str(default_overlay_dir() / "example-force.yaml")
    local = runner.invoke(app, ["scenarios", "test", "--overlay", overlay])
    assert local.exit_code == 0, local.output
    assert "+ example-force" in local.stdout


def test_the_library_has_at_least_120_scenarios_half_published_a_quarter_borderline(
    library: list[Scenario],
) -> None:
    stats = library_stats(library)
    total = len(library)
    assert total >= 120
    assert stats["published_source"] * 2 >= total  # type: ignore[operator]
    assert stats["borderline"] * 4 >= total  # type: ignore[operator]


def test_the_library_covers_every_npa_phase_and_call_type(library: list[Scenario]) -> None:
    covered = {tag for s in library for tag in s.tags}
    assert covered == set(Tag)


def test_the_library_covers_every_police_response(library: list[Scenario]) -> None:
    assert {s.expect.police_response.value for s in library} == {
        "attend", "do_not_attend", "discretion", "undetermined",
    }  # fmt: skip


def test_a_failing_scenario_is_reported_in_a_table_and_exits_1(tmp_path) -> None:  # type: ignore[no-untyped-def]
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(
        """scenarios:
  - id: TST-001
    title: A deliberately wrong expectation
    narrative: Caller says a man is threatening people with a knife.
    answers: {weapon: "yes"}
    expect: {police_response: do_not_attend, lead_agency: police}
    source: {authored: "Used only to check the failure table of the runner."}
    tags: [crime]
""",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["scenarios", "test", "--scenarios", str(wrong)])
    assert result.exit_code == 1
    assert "TST-001  police_response" in result.stdout
    assert "do_not_attend" in result.stdout and "attend" in result.stdout
    assert result.stderr.startswith("1 of 1 scenarios failed on national-rcrp 2026.1")
