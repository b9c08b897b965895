"""The results export on SQLite and PostgreSQL: one row per completed module attempt, usernames
only, properly quoted, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.audit.models import AuditEntry
from rightcare.auth.models import Role
from rightcare.training import reports
from rightcare.training.catalogue import Catalogue
from rightcare.training.exercise import Choice, LearnerAnswer
from tests.training.conftest import add_user
from tests.training.test_trainer_reports_come_from_stored_answers import (
    NOW,
    TRAINER,
    learner,
    play,
)

AWKWARD = '=HYPERLINK("http://evil.example"),x'


def test_every_completed_module_attempt_is_a_row_and_nothing_else_is(
    session: Session, mini: Catalogue
) -> None:
    add_user(session, TRAINER.name, Role.TRAINER)
    for name in ("lee", AWKWARD, "out", "idle"):
        add_user(session, name)
    play(session, mini, learner("lee"), "falls", {})
    play(session, mini, learner("lee"), "awol", {}, NOW + dt.timedelta(hours=1))
    play(
        session,
        mini,
        learner(AWKWARD),
        "falls",
        {"CFW-001": [LearnerAnswer(choice=Choice.DUTY)] * 2},
    )
    play(session, mini, learner("out"), "falls", {})  # not a member
    # an attempt begun and not finished is no result yet
    from rightcare.training.service import start_attempt

    start_attempt(
        session, actor=learner("lee"), catalogue=mini, course_id="mini", module_id="falls", now=NOW
    )
    cohort = reports.create_cohort(
        session, actor=TRAINER, catalogue=mini, name="Export", course_id="mini", now=NOW
    )
    for name in ("lee", AWKWARD, "idle"):
        reports.add_member(session, actor=TRAINER, cohort_id=cohort.id, username=name, now=NOW)

    text = reports.results_csv(session, actor=TRAINER, cohort_id=cohort.id, now=NOW)

    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(reports.CSV_COLUMNS)
    body = rows[1:]
    assert [(r[0], r[3]) for r in body] == [
        ("'" + AWKWARD, "falls"),
        ("lee", "falls"),
        ("lee", "awol"),
    ]
    course = mini.course("mini")
    policy = mini.policy_for(course)
    lee_falls = next(r for r in body if r[0] == "lee" and r[3] == "falls")
    assert lee_falls == [
        "lee",
        "mini",
        "2026.1",
        "falls",
        policy.pack.version,
        policy.digest,
        "100",
        "yes",
        "0",
        lee_falls[9],
    ]
    # the second answer is stored a microsecond after the first, so answers replay in order
    assert (
        dt.timedelta(0) <= dt.datetime.fromisoformat(lee_falls[9]) - NOW < dt.timedelta(seconds=1)
    )
    awkward = body[0]
    assert awkward[7] == "no" and int(awkward[6]) < 80
    # the username needed quoting (a comma and quotes) and is defused as a formula
    assert '"\'=HYPERLINK(""http://evil.example""),x"' in text
    assert text.endswith("\r\n")
    # no display names and nothing but the columns named
    assert "Lee" not in text and all(len(r) == len(reports.CSV_COLUMNS) for r in rows)
    exported = session.execute(
        sa.select(AuditEntry.details).where(AuditEntry.action == "training.results.exported")
    ).scalar_one()
    assert exported["rows"] == 3


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+44 7700", "'+44 7700"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("plain", "plain"),
        (80, "80"),
        (None, ""),
    ],
)
def test_a_cell_that_would_start_a_formula_is_defused(value: object, cell: str) -> None:
    assert reports.safe_cell(value) == cell
