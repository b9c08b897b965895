"""The demo: SQLite under ./var/demo, one user per role with a fresh password each start, and a
few calls and a training cohort, clearly labelled SYNTHETIC."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.audit import record
from rightcare.auth.actor import SYSTEM
from rightcare.auth.models import Role, User
from rightcare.auth.passwords import hash_password
from rightcare.calls.models import Call
from rightcare.calls.schemas import CallCreate
from rightcare.engine.contract import CallContext
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Answer, CallerType, Channel
from rightcare.settings import Settings, load_settings
from rightcare.storage.engine import engine_for, session_scope
from rightcare.storage.migrate import upgrade

DEMO_DIR = Path("var/demo")
DEMO_COHORT = "SYNTHETIC demo cohort"  # the demo users, following the national course

# (username, display name, role, may see personal details)
DEMO_USERS: tuple[tuple[str, str, Role, bool], ...] = (
    ("handler", "Demo call handler", Role.CALL_HANDLER, False),
    ("supervisor", "Demo supervisor", Role.SUPERVISOR, True),
    ("trainer", "Demo trainer", Role.TRAINER, False),
    ("analyst", "Demo analyst", Role.ANALYST, False),
    ("auditor", "Demo auditor", Role.AUDITOR, False),
    ("admin", "Demo administrator", Role.ADMIN, False),
)

SYNTHETIC_CALLS: tuple[tuple[str, dict[str, Answer], Channel, CallerType], ...] = (
    (
        "SYNTHETIC DEMO CALL. Caller says her neighbour, 82, has not been seen for two days; "
        "the curtains are still drawn and there are milk bottles on the step.",
        {"location_known": Answer.YES},
        Channel.NON_EMERGENCY_101,
        CallerType.THIRD_PARTY,
    ),
    (
        "SYNTHETIC DEMO CALL. Ward manager reports an informal patient left the ward an hour "
        "ago before his assessment. No known risk to himself or others.",
        {"left_healthcare": Answer.YES, "health_professional_involved": Answer.YES},
        Channel.PARTNER,
        CallerType.PROFESSIONAL,
    ),
    (
        "SYNTHETIC DEMO CALL. Caller says her brother has taken an overdose and is not "
        "answering the door.",
        {"medical_emergency": Answer.YES},
        Channel.EMERGENCY_999,
        CallerType.THIRD_PARTY,
    ),
)


@dataclass(frozen=True)
class DemoSetup:
    settings: Settings
    environ: dict[str, str]
    passwords: dict[str, str]  # username -> the password printed on start
    calls_created: int


def demo_environ(data_dir: Path) -> dict[str, str]:
    return {
        "RIGHTCARE_DEMO": "1",
        "RIGHTCARE_DATA_DIR": str(data_dir),
        "RIGHTCARE_DATABASE_URL": f"sqlite:///{data_dir / 'rightcare.db'}",
    }


def reset_demo_users(session: Session, *, now: dt.datetime) -> dict[str, str]:
    """Create the demo users if missing; give each a new random password."""
    passwords: dict[str, str] = {}
    for username, display, role, personal in DEMO_USERS:
        password = secrets.token_urlsafe(9)
        user = session.scalar(sa.select(User).where(User.username == username))
        if user is None:
            user = User(username=username, display_name=display, created_at=now)
            session.add(user)
        user.password_hash = hash_password(password)
        # The demo prints these passwords for anyone to use: never ask for them to be changed
        # (an administrator's reset in an earlier demo run may have asked).
        user.password_must_change = False
        user.active = True
        user.can_see_personal = personal
        user.failed_logins = 0
        user.locked_until = None
        user.set_roles({role})
        passwords[username] = password
    session.flush()
    record(
        session,
        actor=SYSTEM.name,
        action="demo.users_reset",
        entity="demo",
        entity_id="users",
        details={"usernames": sorted(passwords)},
        at=now,
    )
    return passwords


def seed_synthetic_calls(session: Session, *, policies: PolicySet, now: dt.datetime) -> int:
    """A few SYNTHETIC calls, once (a restart adds none)."""
    from rightcare.calls import service

    if session.scalar(sa.select(sa.func.count()).select_from(Call).where(Call.synthetic)):
        return 0
    force = "example-force" if "example-force" in policies.overlays else None
    for index, (narrative, answers, channel, caller) in enumerate(SYNTHETIC_CALLS):
        at = now - dt.timedelta(minutes=10 * (len(SYNTHETIC_CALLS) - index))
        data = CallCreate(
            narrative=narrative,
            answers=answers,
            context=CallContext(received_at=at, channel=channel, caller=caller, force=force),
            synthetic=True,
        )
        service.create_call(session, actor=SYSTEM, data=data, now=at, policies=policies)
    return len(SYNTHETIC_CALLS)


def seed_demo_cohort(session: Session, *, now: dt.datetime) -> bool:
    """A cohort of the demo handler and supervisor for the trainer to follow, once."""
    from rightcare.training.models import TrainingCohort, TrainingCohortMember

    if session.scalar(sa.select(TrainingCohort.id).where(TrainingCohort.name == DEMO_COHORT)):
        return False
    cohort = TrainingCohort(
        name=DEMO_COHORT, course_id="rcrp-national", created_at=now, created_by=SYSTEM.name
    )
    users = session.execute(
        sa.select(User).where(User.username.in_(["handler", "supervisor"]))
    ).scalars()
    cohort.members = [TrainingCohortMember(user_id=u.id, added_at=now) for u in users]
    session.add(cohort)
    session.flush()
    record(
        session,
        actor=SYSTEM.name,
        action="training.cohort.created",
        entity="training_cohort",
        entity_id=cohort.id,
        details={"course": "rcrp-national", "title": DEMO_COHORT, "synthetic": True},
        at=now,
    )
    return True


def prepare_demo(
    policies: PolicySet, *, data_dir: Path = DEMO_DIR, now: dt.datetime | None = None
) -> DemoSetup:
    """Migrate the demo database to head, reset the demo users, add the synthetic calls."""
    environ = demo_environ(data_dir)
    settings = load_settings(environ)
    data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    when = now or dt.datetime.now(dt.UTC)
    with session_scope(engine_for(settings.database_url)) as session:
        passwords = reset_demo_users(session, now=when)
        created = seed_synthetic_calls(session, policies=policies, now=when)
        seed_demo_cohort(session, now=when)
    return DemoSetup(settings=settings, environ=environ, passwords=passwords, calls_created=created)


def sign_in_details(setup: DemoSetup, url: str) -> str:
    lines = [
        f"rightcare demo: {url}  (every call here is SYNTHETIC)",
        f"database: {setup.settings.database_url}",
        "sign in as (passwords are new at every start):",
    ]
    width = max(len(name) for name in setup.passwords)
    for username, _display, role, personal in DEMO_USERS:
        extra = ", sees personal details" if personal else ""
        lines.append(
            f"  {username.ljust(width)}  {setup.passwords[username]}  ({role.label}{extra})"
        )
    return "\n".join(lines)
