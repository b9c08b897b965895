"""Accounts: `password_must_change`, set when an administrator made the password up, so the
person is asked to choose their own at the next password sign-in. Existing accounts start
without it (false): their passwords are already in use.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # batch_alter_table, as in 0003: plain ALTERs on PostgreSQL, a table copy on SQLite where
    # it has no ALTER for the change (dropping the column again). The server default fills
    # the rows already there.
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(
            sa.Column(
                "password_must_change", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("password_must_change")
