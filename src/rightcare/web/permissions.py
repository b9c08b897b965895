"""Who may do what: one table from role to allowed actions, one from token scope to actions.

Seeing personal details (names, phone numbers, addresses) is not an action here: it is the
separate `can_see_personal` permission on the user, checked by the services, which mask the
details otherwise and audit every view. Correcting them is an action (`CORRECT_PERSONAL`, for
those who handle calls) that also needs that permission (for a token, the `personal:read` scope).

API tokens are for systems (a force's C&C): they never hold supervisor or admin actions, so a
lowering override can only be signed off by a person. The call services check roles and scopes
again themselves (`rightcare.calls.access`); this table is the web's first gate, and the
route-by-role matrix in tests/web holds it to what each endpoint answers.
"""

from __future__ import annotations

from enum import StrEnum

from rightcare.auth.actor import Actor
from rightcare.auth.models import Role


class Action(StrEnum):
    ASSESS = "assess"  # the stateless assessment, as `rightcare assess`
    READ_POLICY = "read_policy"  # pack, overlays, partner directory
    CREATE_CALL = "create_call"
    READ_CALLS = "read_calls"
    ASSESS_CALL = "assess_call"
    DECIDE = "decide"
    ADVISE = "advise"  # record what the caller was told
    HANDOVER = "handover"  # offer a handover and record the partner's answer
    CORRECT_PERSONAL = "correct_personal"  # also needs the personal-details permission
    READ_TIMELINE = "read_timeline"
    SUPERVISOR_QUEUE = "supervisor_queue"
    SIGN_OFF = "sign_off"
    REVIEW = "review"
    TRAIN = "train"  # the trainer's area: cohorts, results, exports
    LEARN = "learn"  # take training: every person with a role, never an API token
    READ_AGGREGATE = "read_aggregate"
    VERIFY_AUDIT = "verify_audit"
    MANAGE_USERS = "manage_users"
    MANAGE_TOKENS = "manage_tokens"


_HANDLING = frozenset(
    {
        Action.ASSESS,
        Action.READ_POLICY,
        Action.CREATE_CALL,
        Action.READ_CALLS,
        Action.ASSESS_CALL,
        Action.DECIDE,
        Action.ADVISE,
        Action.HANDOVER,
        Action.CORRECT_PERSONAL,
        Action.READ_TIMELINE,
        Action.LEARN,
    }
)

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.CALL_HANDLER: _HANDLING,
    Role.SUPERVISOR: _HANDLING
    | {Action.SUPERVISOR_QUEUE, Action.SIGN_OFF, Action.REVIEW, Action.READ_AGGREGATE},
    Role.TRAINER: frozenset({Action.ASSESS, Action.READ_POLICY, Action.TRAIN, Action.LEARN}),
    Role.ANALYST: frozenset({Action.READ_POLICY, Action.READ_AGGREGATE, Action.LEARN}),
    Role.AUDITOR: frozenset(
        {
            Action.READ_POLICY,
            Action.READ_CALLS,
            Action.READ_TIMELINE,
            Action.VERIFY_AUDIT,
            Action.LEARN,
        }
    ),
    Role.ADMIN: frozenset(
        {Action.READ_POLICY, Action.MANAGE_USERS, Action.MANAGE_TOKENS, Action.LEARN}
    ),
}


class Scope(StrEnum):
    """What an API token may do. A token holds a list of these."""

    ASSESS = "assess"
    POLICY_READ = "policy:read"
    CALLS_READ = "calls:read"
    CALLS_WRITE = "calls:write"
    PERSONAL_READ = "personal:read"  # the token's calls include personal details (audited)


SCOPES = frozenset(scope.value for scope in Scope)

SCOPE_ACTIONS: dict[Scope, frozenset[Action]] = {
    Scope.ASSESS: frozenset({Action.ASSESS}),
    Scope.POLICY_READ: frozenset({Action.READ_POLICY}),
    Scope.CALLS_READ: frozenset({Action.READ_CALLS, Action.READ_TIMELINE}),
    Scope.CALLS_WRITE: frozenset(
        {
            Action.CREATE_CALL,
            Action.READ_CALLS,
            Action.ASSESS_CALL,
            Action.DECIDE,
            Action.ADVISE,
            Action.HANDOVER,
            Action.CORRECT_PERSONAL,
        }
    ),
    Scope.PERSONAL_READ: frozenset(),
}


def actions_for(actor: Actor) -> frozenset[Action]:
    if actor.kind == "token":
        allowed: set[Action] = set()
        for scope in actor.scopes:
            if scope in SCOPES:
                allowed |= SCOPE_ACTIONS[Scope(scope)]
        return frozenset(allowed)
    allowed = set()
    for role in actor.roles:
        allowed |= ROLE_ACTIONS.get(role, frozenset())
    return frozenset(allowed)


def allowed(actor: Actor, action: Action) -> bool:
    return action in actions_for(actor)


def may_correct_personal(actor: Actor) -> bool:
    """Correcting personal details: someone who handles calls (a token with `calls:write`) who
    may also see them (a token with `personal:read`): nobody corrects what they cannot read."""
    return allowed(actor, Action.CORRECT_PERSONAL) and actor.can_see_personal
