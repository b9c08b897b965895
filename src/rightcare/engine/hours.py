"""Partner opening hours, read in UK local time (a partner's 08:00 is 08:00 in London)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from rightcare.engine.pack_model import OpeningHours

UK = ZoneInfo("Europe/London")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def open_at(hours: Sequence[OpeningHours], when: dt.datetime) -> bool:
    """Whether a service with these hours is open at `when` (naive times are taken as UTC).

    No hours means always open. A span whose end is before its start runs overnight and
    belongs to the day it starts on (mon 20:00-08:00 covers Tuesday 03:00).
    """
    if not hours:
        return True
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    local = when.astimezone(UK)
    today = DAYS[local.weekday()]
    yesterday = DAYS[(local.weekday() - 1) % 7]
    now = local.hour * 60 + local.minute
    for span in hours:
        start, end = _minutes(span.start), _minutes(span.end)
        if start < end:
            if today in span.days and start <= now < end:
                return True
        elif start > end:
            if today in span.days and now >= start:
                return True
            if yesterday in span.days and now < end:
                return True
        elif today in span.days or yesterday in span.days:
            return True  # equal start and end: open all day
    return False
