"""The draw of scenarios for an attempt depends on the module and the seed, and nothing else."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from rightcare.training.catalogue import Catalogue
from rightcare.training.course import Order
from rightcare.training.run import draw


def test_the_same_seed_draws_the_same_scenarios_in_the_same_order(catalogue: Catalogue) -> None:
    module = catalogue.course("rcrp-national").module("welfare")
    assert draw(module, Order.RANDOM, 42) == draw(module, Order.RANDOM, 42)
    assert len(draw(module, Order.RANDOM, 42)) == module.size == 12


def test_different_seeds_draw_differently(catalogue: Catalogue) -> None:
    module = catalogue.course("rcrp-national").module("welfare")
    draws = {tuple(draw(module, Order.RANDOM, seed)) for seed in range(20)}
    assert len(draws) == 20


def test_the_draw_is_the_same_in_another_process_with_another_hash_seed(
    catalogue: Catalogue,
) -> None:
    module = catalogue.course("rcrp-national").module("welfare")
    code = (
        "from rightcare.training.catalogue import load_catalogue;"
        "from rightcare.training.course import Order;"
        "from rightcare.training.run import draw;"
        "m = load_catalogue().course('rcrp-national').module('welfare');"
        "print(','.join(draw(m, Order.RANDOM, 7)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "123", "PATH": ""},
    ).stdout.strip()
    assert out.split(",") == draw(module, Order.RANDOM, 7)


@settings(max_examples=50, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31 - 1))
def test_a_draw_never_repeats_a_scenario_and_keeps_to_the_module(seed: int) -> None:
    module = _national().module("medical")
    picked = draw(module, Order.RANDOM, seed)
    assert len(picked) == len(set(picked)) == module.size
    assert set(picked) <= {s.id for s in module.scenarios}
    fixed = draw(module, Order.FIXED, seed)
    ids = [s.id for s in module.scenarios]
    assert fixed == sorted(fixed, key=ids.index)  # a fixed course keeps the library's order


_CACHE: dict[str, object] = {}


def _national():  # type: ignore[no-untyped-def]
    from rightcare.training.catalogue import load_catalogue

    if "c" not in _CACHE:
        _CACHE["c"] = load_catalogue().course("rcrp-national")
    return _CACHE["c"]
