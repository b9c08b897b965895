"""Initial schema: calls and what happened on them, users and tokens, idempotency keys,
and the append-only audit log (UPDATE and DELETE refused by triggers).

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the column types at this revision (migrations never import app code).
UTC_TIME = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

APPEND_ONLY_MESSAGE = "audit_entry is append-only: entries cannot be changed or removed"
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER audit_entry_no_{verb}
    BEFORE {verb.upper()} ON audit_entry
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"""
    for verb in ("update", "delete")
]
POSTGRES_FUNCTION = f"""
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}';
END;
$$"""
POSTGRES_TRIGGERS = [
    """CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()""",
    """CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()""",
]


def _protect_audit_log() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        for trigger in POSTGRES_TRIGGERS:
            op.execute(trigger)
    else:
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)


def _unprotect_audit_log() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS audit_entry_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")


def upgrade() -> None:
    op.create_table(
        "api_token",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("scopes", JSON, nullable=False),
        sa.Column("created_by", sa.String(length=255), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("revoked_at", UTC_TIME, nullable=True),
        sa.Column("last_used_at", UTC_TIME, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_token")),
        sa.UniqueConstraint("name", name=op.f("uq_api_token_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_token_token_hash")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", UTC_TIME, nullable=False),
        sa.Column("actor", sa.String(length=255), nullable=False),
        sa.Column("action", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("details", JSON, nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_entry")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_entry_hash")),
    )
    op.create_index(op.f("ix_audit_entry_actor"), "audit_entry", ["actor"])
    op.create_index(op.f("ix_audit_entry_at"), "audit_entry", ["at"])
    op.create_index(op.f("ix_audit_entry_entity"), "audit_entry", ["entity", "entity_id"])
    _protect_audit_log()
    op.create_table(
        "call",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("reference", sa.String(length=32), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("created_by", sa.String(length=255), nullable=False),
        sa.Column("updated_at", UTC_TIME, nullable=False),
        sa.Column("force", sa.String(length=64), nullable=True),
        sa.Column(
            "channel",
            sa.Enum(
                "999",
                "101",
                "online",
                "partner",
                name="channel",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "caller_type",
            sa.Enum(
                "self",
                "third_party",
                "professional",
                name="caller_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "awaiting_supervisor",
                "closed",
                name="status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.Column("caller_name", sa.String(length=200), nullable=True),
        sa.Column("caller_phone", sa.String(length=64), nullable=True),
        sa.Column("subject_name", sa.String(length=200), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call")),
        sa.UniqueConstraint("reference", name=op.f("uq_call_reference")),
    )
    op.create_index(op.f("ix_call_created_at"), "call", ["created_at"])
    op.create_index(op.f("ix_call_status"), "call", ["status"])
    op.create_table(
        "call_reference_counter",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_call_reference_counter")),
    )
    op.create_table(
        "idempotency_key",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("principal", sa.String(length=255), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("response_body", JSON, nullable=True),
        sa.Column("response_headers", JSON, nullable=True),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_key")),
        sa.UniqueConstraint("principal", "key", name=op.f("uq_idempotency_key_principal_key")),
    )
    op.create_index(op.f("ix_idempotency_key_created_at"), "idempotency_key", ["created_at"])
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=150), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("oidc_subject", sa.String(length=255), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("can_see_personal", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", UTC_TIME, nullable=True),
        sa.Column("last_login_at", UTC_TIME, nullable=True),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("oidc_subject", name=op.f("uq_user_account_oidc_subject")),
        sa.UniqueConstraint("username", name=op.f("uq_user_account_username")),
    )
    op.create_table(
        "assessment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("call_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("created_by", sa.String(length=255), nullable=False),
        sa.Column("contract", sa.String(length=8), nullable=False),
        sa.Column("input", JSON, nullable=False),
        sa.Column("output", JSON, nullable=False),
        sa.Column("pack", sa.String(length=64), nullable=False),
        sa.Column("pack_version", sa.String(length=32), nullable=False),
        sa.Column("overlay", sa.String(length=64), nullable=True),
        sa.Column("digest", sa.String(length=80), nullable=False),
        sa.Column(
            "police_response",
            sa.Enum(
                "attend",
                "do_not_attend",
                "discretion",
                "undetermined",
                name="police_response",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "lead_agency",
            sa.Enum(
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
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("disposition", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["call.id"], name=op.f("fk_assessment_call_id_call"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
    )
    op.create_index(op.f("ix_assessment_call_id"), "assessment", ["call_id"])
    op.create_index(op.f("ix_assessment_police_response"), "assessment", ["police_response"])
    op.create_table(
        "caller_advice",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("call_id", sa.String(length=36), nullable=False),
        sa.Column("told_at", UTC_TIME, nullable=False),
        sa.Column("told_by", sa.String(length=255), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("police_attending", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
            name=op.f("fk_caller_advice_call_id_call"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caller_advice")),
    )
    op.create_index(op.f("ix_caller_advice_call_id"), "caller_advice", ["call_id"])
    op.create_table(
        "handover",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("call_id", sa.String(length=36), nullable=False),
        sa.Column(
            "agency",
            sa.Enum(
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
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("partner", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "standard",
                "s136",
                name="kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("offered_by", sa.String(length=255), nullable=False),
        sa.Column("offered_at", UTC_TIME, nullable=False),
        sa.Column("accepted_at", UTC_TIME, nullable=True),
        sa.Column("declined_at", UTC_TIME, nullable=True),
        sa.Column("no_answer_at", UTC_TIME, nullable=True),
        sa.Column("partner_reference", sa.String(length=100), nullable=True),
        sa.Column("arrived_at", UTC_TIME, nullable=True),
        sa.Column("handed_over_at", UTC_TIME, nullable=True),
        sa.Column("escalated_at", UTC_TIME, nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["call.id"], name=op.f("fk_handover_call_id_call"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover")),
    )
    op.create_index(op.f("ix_handover_call_id"), "handover", ["call_id"])
    op.create_table(
        "user_role",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "call_handler",
                "supervisor",
                "trainer",
                "analyst",
                "auditor",
                "admin",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_user_role_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "role", name=op.f("pk_user_role")),
    )
    op.create_table(
        "decision",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("call_id", sa.String(length=36), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("decided_by", sa.String(length=255), nullable=False),
        sa.Column("decided_at", UTC_TIME, nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "accept",
                "override",
                name="kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "police_response",
            sa.Enum(
                "attend",
                "do_not_attend",
                "discretion",
                "undetermined",
                name="police_response",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "reason",
            sa.Enum(
                "new_information",
                "partner_unable",
                "caller_vulnerability",
                "safeguarding_concern",
                "supervisor_instruction",
                "professional_judgement",
                "other",
                name="reason",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "effective",
                "awaiting_supervisor",
                "rejected",
                name="status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("signed_off_by", sa.String(length=255), nullable=True),
        sa.Column("signed_off_at", UTC_TIME, nullable=True),
        sa.CheckConstraint(
            "kind = 'accept' OR reason IS NOT NULL", name=op.f("ck_decision_override_has_reason")
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_decision_assessment_id_assessment"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["call_id"], ["call.id"], name=op.f("fk_decision_call_id_call"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
    )
    op.create_index(op.f("ix_decision_assessment_id"), "decision", ["assessment_id"])
    op.create_index(op.f("ix_decision_call_id"), "decision", ["call_id"])
    op.create_index(op.f("ix_decision_status"), "decision", ["status"])
    op.create_table(
        "supervisor_review",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("call_id", sa.String(length=36), nullable=False),
        sa.Column("decision_id", sa.String(length=36), nullable=True),
        sa.Column("handover_id", sa.String(length=36), nullable=True),
        sa.Column(
            "reason",
            sa.Enum(
                "override_signoff",
                "partner_decline",
                "s136_overdue",
                name="reason",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("reviewer", sa.String(length=255), nullable=True),
        sa.Column("reviewed_at", UTC_TIME, nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "approved",
                "rejected",
                "noted",
                name="outcome",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
            name=op.f("fk_supervisor_review_call_id_call"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_supervisor_review_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["handover_id"],
            ["handover.id"],
            name=op.f("fk_supervisor_review_handover_id_handover"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisor_review")),
    )
    op.create_index(op.f("ix_supervisor_review_call_id"), "supervisor_review", ["call_id"])
    op.create_index(op.f("ix_supervisor_review_created_at"), "supervisor_review", ["created_at"])
    op.create_index(op.f("ix_supervisor_review_decision_id"), "supervisor_review", ["decision_id"])
    op.create_index(op.f("ix_supervisor_review_handover_id"), "supervisor_review", ["handover_id"])
    op.create_index(op.f("ix_supervisor_review_outcome"), "supervisor_review", ["outcome"])


def downgrade() -> None:
    op.drop_index(op.f("ix_supervisor_review_outcome"), table_name="supervisor_review")
    op.drop_index(op.f("ix_supervisor_review_handover_id"), table_name="supervisor_review")
    op.drop_index(op.f("ix_supervisor_review_decision_id"), table_name="supervisor_review")
    op.drop_index(op.f("ix_supervisor_review_created_at"), table_name="supervisor_review")
    op.drop_index(op.f("ix_supervisor_review_call_id"), table_name="supervisor_review")
    op.drop_table("supervisor_review")
    op.drop_index(op.f("ix_decision_status"), table_name="decision")
    op.drop_index(op.f("ix_decision_call_id"), table_name="decision")
    op.drop_index(op.f("ix_decision_assessment_id"), table_name="decision")
    op.drop_table("decision")
    op.drop_table("user_role")
    op.drop_index(op.f("ix_handover_call_id"), table_name="handover")
    op.drop_table("handover")
    op.drop_index(op.f("ix_caller_advice_call_id"), table_name="caller_advice")
    op.drop_table("caller_advice")
    op.drop_index(op.f("ix_assessment_police_response"), table_name="assessment")
    op.drop_index(op.f("ix_assessment_call_id"), table_name="assessment")
    op.drop_table("assessment")
    op.drop_table("user_account")
    op.drop_index(op.f("ix_idempotency_key_created_at"), table_name="idempotency_key")
    op.drop_table("idempotency_key")
    op.drop_table("call_reference_counter")
    op.drop_index(op.f("ix_call_status"), table_name="call")
    op.drop_index(op.f("ix_call_created_at"), table_name="call")
    op.drop_table("call")
    _unprotect_audit_log()
    op.drop_index(op.f("ix_audit_entry_entity"), table_name="audit_entry")
    op.drop_index(op.f("ix_audit_entry_at"), table_name="audit_entry")
    op.drop_index(op.f("ix_audit_entry_actor"), table_name="audit_entry")
    op.drop_table("audit_entry")
    op.drop_table("api_token")
