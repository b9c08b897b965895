"""Check a statement against xAPI 1.0.3 before it is queued, so the LRS never has to refuse it.

The structure (required properties, IRIs, UUIDs, language maps, interaction definitions, no
empty values, no unknown properties) is checked by ralph's xAPI models (`ralph-malph`, the LRS
the tests send to), so what we queue is what a real LRS accepts. On top of that, the rules
ralph leaves to the sender and the ones rightcare adds:

- the statement has its own UUID (the outbox's key, so retries are idempotent);
- the timestamp is ISO 8601 with a time zone (an LRS cannot place a zoneless time);
- score: min <= raw <= max and -1 <= scaled <= 1 (ralph skips the check when a bound is 0);
- a choice interaction's correct responses and the learner's response name its choices;
- the actor is an account and nothing else: no name, e-mail or OpenID (personal data).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement

from rightcare.training.xapi.statements import RESPONSE_SEPARATOR

MAX_PROBLEMS = 5


class InvalidStatement(ValueError):
    """A statement that breaks xAPI 1.0.3 or rightcare's rules; `problems` says where."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid xAPI statement: " + "; ".join(problems))


def validate_statement(body: Mapping[str, Any]) -> None:
    """Raise InvalidStatement naming each problem (the first few), or return quietly."""
    problems = _structure(body) + _ids_and_time(body) + _actor(body) + _result(body)
    problems += _interaction(body)
    if problems:
        raise InvalidStatement(problems[:MAX_PROBLEMS])


def _structure(body: Mapping[str, Any]) -> list[str]:
    try:
        json.dumps(body, allow_nan=False)
    except (TypeError, ValueError) as exc:
        return [f"not plain JSON: {exc}"]
    try:
        BaseXapiStatement.model_validate(dict(body))
    except ValidationError as exc:
        return [
            f"{'.'.join(str(part) for part in error['loc']) or 'statement'}: {error['msg']}"
            for error in exc.errors()
        ]
    return []


def _ids_and_time(body: Mapping[str, Any]) -> list[str]:
    problems = []
    try:
        if str(uuid.UUID(str(body.get("id")))) != body.get("id"):
            problems.append("id: must be a lower-case UUID")
    except ValueError:
        problems.append("id: every statement needs its own UUID")
    stamp = body.get("timestamp")
    try:
        parsed = dt.datetime.fromisoformat(str(stamp))
        if parsed.tzinfo is None:
            problems.append("timestamp: needs a time zone (e.g. Z for UTC)")
    except ValueError:
        problems.append(f"timestamp: not an ISO 8601 time: {stamp!r}")
    return problems


def _actor(body: Mapping[str, Any]) -> list[str]:
    actor = body.get("actor")
    if not isinstance(actor, Mapping):
        return []  # the structure check has said so
    extra = sorted(set(actor) - {"objectType", "account"})
    problems = []
    if extra or "account" not in actor:
        problems.append(
            "actor: learners are named by an account only, never a name, e-mail or OpenID"
            + (f" (found {', '.join(extra)})" if extra else "")
        )
    account = actor.get("account")
    if isinstance(account, Mapping) and "@" in str(account.get("name", "")):
        problems.append("actor.account.name: looks like an e-mail address (personal data)")
    return problems


def _result(body: Mapping[str, Any]) -> list[str]:
    result = body.get("result")
    score = result.get("score") if isinstance(result, Mapping) else None
    if not isinstance(score, Mapping):
        return []
    try:
        values = {
            k: Decimal(str(v)) for k, v in score.items() if k in ("scaled", "raw", "min", "max")
        }
    except ArithmeticError:
        return ["result.score: scores are numbers"]
    problems = []
    scaled = values.get("scaled")
    if scaled is not None and not -1 <= scaled <= 1:
        problems.append("result.score.scaled: must lie between -1 and 1")
    low, raw, high = values.get("min"), values.get("raw"), values.get("max")
    if low is not None and high is not None and low > high:
        problems.append("result.score: min is above max")
    if raw is not None and low is not None and raw < low:
        problems.append("result.score.raw: below min")
    if raw is not None and high is not None and raw > high:
        problems.append("result.score.raw: above max")
    return problems


def _interaction(body: Mapping[str, Any]) -> list[str]:
    obj = body.get("object")
    definition = obj.get("definition") if isinstance(obj, Mapping) else None
    if not isinstance(definition, Mapping) or definition.get("interactionType") != "choice":
        return []
    choices = {c.get("id") for c in definition.get("choices") or [] if isinstance(c, Mapping)}
    problems = []
    for pattern in definition.get("correctResponsesPattern") or []:
        unknown = sorted(set(str(pattern).split(RESPONSE_SEPARATOR)) - choices)
        if unknown:
            problems.append(f"correctResponsesPattern: {', '.join(unknown)} is not a choice")
    result = body.get("result")
    given = result.get("response") if isinstance(result, Mapping) else None
    if given is not None:
        unknown = sorted(set(str(given).split(RESPONSE_SEPARATOR)) - choices)
        if unknown:
            problems.append(f"result.response: {', '.join(unknown)} is not a choice")
    return problems
