"""Who is acting: a person signed in, a system calling with an API token, or the system itself.

Services take an `Actor` rather than a `User` row so the API, the pages, the CLI and scheduled
jobs (escalation) all call them the same way. `name` is what the audit log records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rightcare.auth.models import Role

ActorKind = Literal["user", "token", "system"]


@dataclass(frozen=True)
class Actor:
    name: str  # username, or "token:<name>" for an API token; what audit records
    roles: frozenset[Role]
    can_see_personal: bool
    kind: ActorKind = "user"
    scopes: frozenset[str] = frozenset()  # API token scopes, e.g. {"assess", "calls:write"}

    def has(self, *roles: Role) -> bool:
        """True if the actor holds any of `roles`."""
        return not self.roles.isdisjoint(roles)


SYSTEM = Actor(name="system", roles=frozenset(), can_see_personal=False, kind="system")
