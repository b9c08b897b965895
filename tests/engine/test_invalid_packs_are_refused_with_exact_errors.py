"""Each invalid pack in tests/data/packs/invalid gives exactly the error a pack author needs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rightcare.engine.compile import compile_policy
from rightcare.engine.errors import PackError
from rightcare.engine.loader import load_pack
from rightcare.engine.store import load_policy

DATA = Path(__file__).parents[1] / "data" / "packs"

EXPECTED = {
    "unknown_question.yaml": "unknown question `risk_to_lfe` in rule X-R01, {dir}/extra.yaml:7; "
    "did you mean `risk_to_life`?",
    "bad_value.yaml": "`maybe` is not an answer for `risk_to_life` in rule X-R01 (use yes, no, "
    "unknown, a list of them, or any), {dir}/extra.yaml:8",
    "unreachable_rule.yaml": "rule X-R02 can never fire: earlier rules already decide every "
    "answer it accepts, {dir}/extra.yaml:9",
    "unsafe_decline.yaml": "rule X-R01 gives `do_not_attend` while critical question `crime` is "
    "unknown (e.g. crime=unknown, medical_emergency=yes); it must be answered first, "
    "{dir}/extra.yaml:6",
    "yaml_syntax.yaml": "YAML syntax error: expected ',' or '}', but got '<scalar>', "
    "{dir}/extra.yaml:8",
    "wrong_types.yaml": "Input should be 'first', 'priority' or 'collect' at "
    "`tables.0.hit_policy`, {dir}/extra.yaml:4",
    "unknown_disposition.yaml": "unknown disposition `T-LFE` in rule X-R01, {dir}/extra.yaml:6; "
    "did you mean `T-LIFE`?",
}


def _pack_with(extra: Path, into: Path) -> Path:
    """The mini test pack with `extra` as its first table file."""
    shutil.copy(DATA / "mini" / "tables.yaml", into / "tables.yaml")
    shutil.copy(extra, into / "extra.yaml")
    index = (DATA / "mini" / "pack.yaml").read_text(encoding="utf-8")
    index = index.replace("files:\n  - tables.yaml", "files:\n  - extra.yaml\n  - tables.yaml")
    (into / "pack.yaml").write_text(index, encoding="utf-8")
    return into


def test_the_mini_pack_itself_is_valid() -> None:
    policy = compile_policy(load_pack(DATA / "mini"))
    assert policy.pack.id == "mini"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_invalid_pack_gives_the_exact_error(name: str, tmp_path: Path) -> None:
    pack_dir = _pack_with(DATA / "invalid" / name, tmp_path)
    with pytest.raises(PackError) as refused:
        compile_policy(load_pack(pack_dir))
    first = str(refused.value.problems[0]).replace(str(tmp_path), "{dir}")
    assert first == EXPECTED[name]


def test_an_overlay_that_lowers_a_national_rule_is_refused_naming_the_rule() -> None:
    with pytest.raises(PackError) as refused:
        load_policy(None, DATA / "invalid" / "overlay_lowers.yaml")
    first = str(refused.value.problems[0])
    assert first.startswith(
        "overlay lowers national rule THR-R01 (attend) to do_not_attend through rule LOW-R01 (e.g. "
    )
    assert "; overlays may only raise a response, " in first
    assert first.endswith("overlay_lowers.yaml:10")
    assert any("THR-R02" in str(p) for p in refused.value.problems)


def test_an_overlay_written_for_another_pack_version_is_refused(tmp_path: Path) -> None:
    text = (DATA.parents[2] / "packs" / "overlays" / "example-force.yaml").read_text("utf-8")
    stale = tmp_path / "stale.yaml"
    stale.write_text(text.replace('pack_version: "2026.1"', 'pack_version: "2025.9"'), "utf-8")
    with pytest.raises(PackError) as refused:
        load_policy(None, stale)
    assert "was written for national-rcrp 2025.9, but the loaded pack is national-rcrp 2026.1" in (
        str(refused.value)
    )


def test_an_invalid_pack_is_refused_whole_and_lists_every_problem(tmp_path: Path) -> None:
    pack_dir = _pack_with(DATA / "invalid" / "unsafe_decline.yaml", tmp_path)
    with pytest.raises(PackError) as refused:
        compile_policy(load_pack(pack_dir))
    unknown_critical = [p for p in refused.value.problems if "while critical question" in str(p)]
    assert len(unknown_critical) == 5  # one per critical question of the mini pack
    assert "(and 5 more problems)" in str(refused.value)


def test_an_overlay_whose_raise_a_riskier_answer_would_undo_is_refused() -> None:
    with pytest.raises(PackError) as refused:
        load_policy(None, DATA / "invalid" / "overlay_not_monotonic.yaml")
    first = str(refused.value.problems[0])
    assert first.startswith(
        "answering `partner_unavailable` yes moves a call from rule SHF-R01 (attend) down to rule "
        "PART-R01 (discretion), e.g. from "
    )
    assert first.endswith(
        "a riskier answer must never lower the response, "
        "tests/data/packs/invalid/overlay_not_monotonic.yaml:21"
    )
