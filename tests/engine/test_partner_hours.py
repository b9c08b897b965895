"""Partner opening hours in UK local time, at their edges and across the clock change."""

from __future__ import annotations

import datetime as dt

import pytest

from rightcare.engine.hours import open_at
from rightcare.engine.pack_model import OpeningHours

OFFICE = [OpeningHours.model_validate({"days": ["mon", "tue", "wed", "thu", "fri"],
                                       "from": "09:00", "to": "17:00"})]  # fmt: skip
NIGHTS = [OpeningHours.model_validate({"days": ["fri"], "from": "20:00", "to": "08:00"})]


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("when", "is_open"),
    [
        ("2026-11-27T08:59:00", False),  # Friday, winter: UTC is London time
        ("2026-11-27T09:00:00", True),
        ("2026-11-27T16:59:00", True),
        ("2026-11-27T17:00:00", False),
        ("2026-11-28T10:00:00", False),  # Saturday
        ("2026-07-03T08:30:00", True),  # Friday in summer: 09:30 BST
        ("2026-07-03T15:59:00", True),  # 16:59 BST
        ("2026-07-03T16:00:00", False),  # 17:00 BST
    ],
)
def test_office_hours_open_and_close_on_the_minute_in_london_time(when: str, is_open: bool) -> None:
    assert open_at(OFFICE, utc(when)) is is_open


def test_an_overnight_span_belongs_to_the_day_it_starts() -> None:
    assert open_at(NIGHTS, utc("2026-11-27T20:00:00"))  # Friday 20:00
    assert open_at(NIGHTS, utc("2026-11-28T07:59:00"))  # Saturday 07:59
    assert not open_at(NIGHTS, utc("2026-11-28T08:00:00"))
    assert not open_at(NIGHTS, utc("2026-11-26T23:00:00"))  # Thursday night


def test_the_spring_clock_change_moves_opening_to_0800_utc() -> None:
    # Clocks go forward on Sunday 29 March 2026; Monday 30 March opens at 08:00 UTC.
    assert not open_at(OFFICE, utc("2026-03-30T07:59:00"))
    assert open_at(OFFICE, utc("2026-03-30T08:00:00"))
    assert open_at(OFFICE, utc("2026-03-27T09:00:00"))  # the Friday before, still GMT


def test_no_hours_means_always_open_and_a_naive_time_is_read_as_utc() -> None:
    assert open_at([], utc("2026-11-28T03:00:00"))
    assert open_at(OFFICE, dt.datetime(2026, 11, 27, 9, 0))
