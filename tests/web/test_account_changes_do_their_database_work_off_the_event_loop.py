"""Every Accounts screen change (add, roles, reset, deactivate, reactivate, unlock) does its
database work, and any password hashing, in the thread pool: the event loop that every
handler's screen shares is never held up by a write or by argon2."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from rightcare.web.pages import accounts
from tests.web.account_screens import CONFIRM, account_path, add_account, admin_client
from tests.web.conftest import Web

SERVICES = [
    "create_user",
    "set_roles",
    "set_password",
    "deactivate",
    "reactivate",
    "unlock",
]


def _on_the_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


@pytest.fixture
def where_services_ran(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """Which services the screen called, each with whether it ran on the event loop."""
    seen: dict[str, bool] = {}
    for name in SERVICES:
        real: Callable[..., Any] = getattr(accounts, name)

        def spy(*args: Any, _name: str = name, _real: Callable[..., Any] = real, **kw: Any) -> Any:
            seen[_name] = _on_the_event_loop()
            return _real(*args, **kw)

        monkeypatch.setattr(accounts, name, spy)
    return seen


def test_every_account_change_runs_its_service_off_the_event_loop(
    web: Web, where_services_ran: dict[str, bool]
) -> None:
    admin = admin_client(web)
    added = add_account(admin, "newby")
    assert added.status_code == 200, added.text
    path = account_path(web, "newby")
    steps = [
        (f"{path}/access", {"roles": ["call_handler", "trainer"], "personal": "no"}),
        (f"{path}/password", CONFIRM),
        (f"{path}/deactivate", CONFIRM),
        (f"{path}/reactivate", {}),
        (f"{path}/unlock", {}),
    ]
    for url, data in steps:
        reply = admin.post(url, data=data)
        assert reply.status_code in (200, 303), (url, reply.status_code, reply.text[:300])
    assert set(where_services_ran) == set(SERVICES)
    assert not any(where_services_ran.values()), where_services_ran
