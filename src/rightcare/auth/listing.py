"""The account list as `rightcare users list` prints it: rows for `--json`, or a table."""

from __future__ import annotations

from typing import TypedDict

from sqlalchemy.orm import Session

from rightcare.auth.users import is_locked, list_users


class AccountRow(TypedDict):
    """One account as `rightcare users list --json` prints it."""

    username: str
    name: str
    roles: list[str]
    personal: bool
    active: bool
    locked: bool
    must_change_password: bool


def account_rows(session: Session) -> list[AccountRow]:
    return [
        AccountRow(
            username=user.username,
            name=user.display_name,
            roles=sorted(role.value for role in user.roles),
            personal=user.can_see_personal,
            active=user.active,
            locked=is_locked(user),
            must_change_password=user.password_must_change,
        )
        for user in list_users(session)
    ]


def table_lines(rows: list[AccountRow]) -> list[str]:
    """The rows as a plain table, columns padded to their widest cell."""

    def yes(value: bool) -> str:
        return "yes" if value else "no"

    table = [("USERNAME", "NAME", "ROLES", "PERSONAL", "ACTIVE", "LOCKED", "MUST CHANGE")] + [
        (
            row["username"],
            row["name"],
            ",".join(row["roles"]),
            yes(row["personal"]),
            yes(row["active"]),
            yes(row["locked"]),
            yes(row["must_change_password"]),
        )
        for row in rows
    ]
    widths = [max(len(line[column]) for line in table) for column in range(len(table[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in table
    ]
