"""Schemathesis reads /api/v1/openapi.json and sends generated requests to every operation
(bounded: `EXAMPLES` each), signed in as a supervisor; no request may get a 5xx.

Operations are driven from one test per database (schemathesis' pytest loader does not run
on this pytest), each with its own Hypothesis run.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.conftest import Web

EXAMPLES = 10


def _run(operation: Any, headers: dict[str, str], failures: list[str], statuses: set[int]) -> None:
    @given(data=st.data())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def check(data: st.DataObject) -> None:
        case = data.draw(operation.as_strategy())
        sent = {**dict(case.headers or {}), **headers}
        response = case.call(headers=sent)
        statuses.add(response.status_code)
        if response.status_code >= 500:
            failures.append(
                f"{case.method} {case.formatted_path} -> {response.status_code}: "
                f"{response.text[:300]}"
            )

    check()


def test_no_generated_request_gets_a_server_error(web: Web) -> None:
    client = web.signed_in("sam")
    headers = {
        "Cookie": f"rightcare_session={client.cookies.get('rightcare_session')}",
        "X-CSRF-Token": client.headers["X-CSRF-Token"],
    }
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", web.app)
    failures: list[str] = []
    statuses: set[int] = set()
    tested = 0
    results: list[Any] = list(schema.get_all_operations())
    for result in results:
        operation = result.ok()
        if operation.path.endswith("/auth/logout"):
            continue  # would end the session the other operations use
        _run(operation, headers, failures, statuses)
        tested += 1
    assert tested >= 20
    assert {200, 201} <= statuses  # the generated requests got past sign-in
    assert not failures, "\n".join(failures[:20])
