"""Training: module attempts and answers, cohorts, certificates, and the xAPI outbox.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the column types at this revision (migrations never import app code).
UTC_TIME = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
AGENCY = sa.Enum(
    "police",
    "ambulance",
    "mental_health",
    "adult_social_care",
    "childrens_social_care",
    "health_setting",
    "nhs_111",
    "gp",
    "fire_rescue",
    "other",
    name="agency",
    native_enum=False,
    create_constraint=False,
    length=32,
)


def choice(name: str) -> sa.Enum:
    return sa.Enum(
        "duty",
        "may_choose",
        "other_agency",
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
    )


def upgrade() -> None:
    op.create_table(
        "training_cohort",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("created_by", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_cohort")),
        sa.UniqueConstraint("name", name=op.f("uq_training_cohort_name")),
    )
    op.create_table(
        "xapi_statement",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("body", JSON, nullable=False),
        sa.Column("queued_at", UTC_TIME, nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("next_try_at", UTC_TIME, nullable=False),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.Column("sent_at", UTC_TIME, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_xapi_statement")),
    )
    with op.batch_alter_table("xapi_statement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_xapi_statement_queued_at"), ["queued_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_xapi_statement_sent_at"), ["sent_at"], unique=False)

    op.create_table(
        "training_attempt",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("course_version", sa.String(length=32), nullable=False),
        sa.Column("course_digest", sa.String(length=80), nullable=False),
        sa.Column("module_id", sa.String(length=64), nullable=False),
        sa.Column("pack", sa.String(length=64), nullable=False),
        sa.Column("pack_version", sa.String(length=32), nullable=False),
        sa.Column("policy_digest", sa.String(length=80), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("scenario_order", JSON, nullable=False),
        sa.Column("started_at", UTC_TIME, nullable=False),
        sa.Column("completed_at", UTC_TIME, nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("unsafe", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_training_attempt_user_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_attempt")),
    )
    with op.batch_alter_table("training_attempt", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_attempt_course_id"), ["course_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_training_attempt_user_id"), ["user_id"], unique=False)

    op.create_table(
        "training_certificate",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("course_title", sa.String(length=200), nullable=False),
        sa.Column("course_version", sa.String(length=32), nullable=False),
        sa.Column("course_digest", sa.String(length=80), nullable=False),
        sa.Column("pack", sa.String(length=64), nullable=False),
        sa.Column("pack_version", sa.String(length=32), nullable=False),
        sa.Column("policy_digest", sa.String(length=80), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("issued_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_training_certificate_user_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_certificate")),
        sa.UniqueConstraint("number", name=op.f("uq_training_certificate_number")),
    )
    with op.batch_alter_table("training_certificate", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_certificate_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "training_cohort_member",
        sa.Column("cohort_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("added_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["training_cohort.id"],
            name=op.f("fk_training_cohort_member_cohort_id_training_cohort"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_training_cohort_member_user_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("cohort_id", "user_id", name=op.f("pk_training_cohort_member")),
    )
    op.create_table(
        "training_answer",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("attempt_id", sa.String(length=36), nullable=False),
        sa.Column("scenario_id", sa.String(length=32), nullable=False),
        sa.Column("try_no", sa.Integer(), nullable=False),
        sa.Column("choice", choice("training_choice"), nullable=False),
        sa.Column("agency", AGENCY, nullable=True),
        sa.Column("asked", JSON, nullable=False),
        sa.Column("expected_choice", choice("training_expected_choice"), nullable=False),
        sa.Column("expected_agency", AGENCY, nullable=False),
        sa.Column("expected_disposition", sa.String(length=32), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("unsafe", sa.Boolean(), nullable=False),
        sa.Column("over_response", sa.Boolean(), nullable=False),
        sa.Column("answered_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["training_attempt.id"],
            name=op.f("fk_training_answer_attempt_id_training_attempt"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_answer")),
        sa.UniqueConstraint(
            "attempt_id",
            "scenario_id",
            "try_no",
            name=op.f("uq_training_answer_attempt_id_scenario_id_try_no"),
        ),
    )
    with op.batch_alter_table("training_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_answer_attempt_id"), ["attempt_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_training_answer_scenario_id"), ["scenario_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("training_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_answer_scenario_id"))
        batch_op.drop_index(batch_op.f("ix_training_answer_attempt_id"))

    op.drop_table("training_answer")
    op.drop_table("training_cohort_member")
    with op.batch_alter_table("training_certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_certificate_user_id"))

    op.drop_table("training_certificate")
    with op.batch_alter_table("training_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_attempt_user_id"))
        batch_op.drop_index(batch_op.f("ix_training_attempt_course_id"))

    op.drop_table("training_attempt")
    with op.batch_alter_table("xapi_statement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_xapi_statement_sent_at"))
        batch_op.drop_index(batch_op.f("ix_xapi_statement_queued_at"))

    op.drop_table("xapi_statement")
    op.drop_table("training_cohort")
