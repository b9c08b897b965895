"""The box algebra behind the static checks agrees with brute-force enumeration."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from rightcare.engine.boxes import Space

N = 4  # small enough to enumerate every point: 3^4 = 81
SPACE = Space(N)
POINTS = [sum(bit << (3 * i) for i, bit in enumerate(bits))
          for bits in itertools.product((1, 2, 4), repeat=N)]  # fmt: skip
boxes = st.lists(st.integers(min_value=1, max_value=7), min_size=N, max_size=N).map(
    lambda slots: sum(bits << (3 * i) for i, bits in enumerate(slots))
)


def members(box: int) -> set[int]:
    return {p for p in POINTS if p & box == p}


@settings(max_examples=300, deadline=None)
@given(a=boxes, bs=st.lists(boxes, max_size=6))
def test_subtracting_boxes_leaves_exactly_the_points_not_covered(a: int, bs: list[int]) -> None:
    region = [a]
    for b in bs:
        region = SPACE.subtract_region(region, b)
    expected = members(a) - set().union(*(members(b) for b in bs))
    got = [members(box) for box in region]
    assert set().union(*got) == expected
    assert sum(len(g) for g in got) == len(expected)  # the pieces are disjoint


@settings(max_examples=300, deadline=None)
@given(a=boxes, b=boxes)
def test_two_boxes_intersect_exactly_when_they_share_a_point(a: int, b: int) -> None:
    assert SPACE.intersects(a, b) == bool(members(a) & members(b))
