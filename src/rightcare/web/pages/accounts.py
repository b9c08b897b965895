"""Accounts, for administrators: list them, add one, change its roles and the personal-details
permission, reset its password, deactivate, reactivate and unlock it.

Every change goes through `rightcare.auth.users`, as `rightcare users` does, so it is checked and
audited the same way; the audit log names the signed-in administrator. A made-up password is
shown once, in the answer to the POST that made it (never redirected to, so it is in no URL and
no cookie), with `Cache-Control: no-store`; it is not logged or stored in clear anywhere. It is
one-time: the person must choose their own at first sign-in (`web.pages.account_password`).

Adding an account and resetting a password hash a password with argon2 (tens of milliseconds
of CPU), so that work runs in the thread pool, not on the event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from rightcare.auth.models import Role, User
from rightcare.auth.passwords import make_up_password
from rightcare.auth.users import (
    AccountError,
    LastAdmin,
    create_user,
    deactivate,
    list_users,
    parse_roles,
    reactivate,
    set_password,
    set_personal_access,
    set_roles,
    unlock,
)
from rightcare.web.pages.accounts_forms import (
    FIELD_IDS,
    ROLE_HINTS,
    FieldError,
    NewAccount,
    account_row,
    field_error,
    read_new_account,
    read_personal,
    read_roles,
)
from rightcare.web.pages.common import (
    Viewer,
    actor_of,
    now_for,
    refused,
    render,
    sentence,
    unit_of_work,
    viewer_for,
)
from rightcare.web.permissions import Action

router = APIRouter(include_in_schema=False)

DONE_WORDS = {
    "access": "Roles and personal-details permission saved",
    "unchanged": "Nothing changed: the roles and permission were already as chosen",
    "deactivated": "Account deactivated: it cannot sign in, and its sessions have ended",
    "reactivated": "Account reactivated: it can sign in again",
    "unlocked": "Account unlocked: it can sign in again",
    "already-deactivated": "Nothing changed: the account was already deactivated",
    "already-active": "Nothing changed: the account was already active",
}
# A page showing a made-up password must not be kept by the browser or anything in between.
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def _admin(request: Request, *, form: Any | None = None) -> Viewer | Response:
    return viewer_for(request, Action.MANAGE_USERS, form=form)


def _done(request: Request) -> str | None:
    return DONE_WORDS.get(str(request.query_params.get("done") or ""))


def _find(session: Session, user_id: str) -> User | None:
    if not user_id.isdigit() or len(user_id) > 18:
        return None
    return session.get(User, int(user_id))


def _no_such_account(request: Request) -> HTMLResponse:
    return refused(request, "There is no such account.", 404)


def _values(viewer: Viewer, errors: Sequence[FieldError], **more: Any) -> dict[str, Any]:
    return {
        "viewer": viewer,
        "errors": list(errors),
        "error_for": {error.field: error for error in reversed(errors)},
        "roles": list(ROLE_HINTS.items()),
        **more,
    }


@router.get("/accounts", response_class=HTMLResponse)
def accounts_page(request: Request) -> Response:
    viewer = _admin(request)
    if not isinstance(viewer, Viewer):
        return viewer
    now = now_for(request)
    with unit_of_work(request) as session:
        rows = [account_row(user, now=now) for user in list_users(session)]
    values = _values(viewer, [], accounts=rows, done=_done(request))
    return render(request, "accounts/list.html", values)


def _new_page(
    request: Request,
    viewer: Viewer,
    *,
    errors: Sequence[FieldError] = (),
    entered: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    entered = entered or {"roles": frozenset(), "personal": "no"}
    values = _values(viewer, errors, entered=entered)
    return render(request, "accounts/new.html", values, status_code=status_code)


@router.get("/accounts/new", response_class=HTMLResponse)
def new_account_page(request: Request) -> Response:
    viewer = _admin(request)
    if not isinstance(viewer, Viewer):
        return viewer
    return _new_page(request, viewer)


def _password_page(
    request: Request, viewer: Viewer, user: User, password: str, *, added: bool
) -> Response:
    values = _values(
        viewer, [], account=account_row(user, now=now_for(request)), password=password, added=added
    )
    return render(request, "accounts/password.html", values, headers=NO_STORE)


@router.post("/accounts", response_class=HTMLResponse)
async def add_account(request: Request) -> Response:
    form = await request.form()
    viewer = _admin(request, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    new, entered, errors = read_new_account(form)
    if errors:
        return _new_page(request, viewer, errors=errors, entered=entered, status_code=422)
    return await run_in_threadpool(_add, request, viewer, new, entered)


def _add(request: Request, viewer: Viewer, new: NewAccount, entered: dict[str, Any]) -> Response:
    password = make_up_password()
    with unit_of_work(request) as session:
        try:
            user = create_user(
                session,
                actor=actor_of(viewer).name,
                username=new.username,
                display_name=new.display_name,
                roles=new.roles,
                can_see_personal=new.personal,
                password=password,
                one_time=True,
                now=now_for(request),
            )
        except AccountError as exc:
            session.rollback()
            return _new_page(
                request, viewer, errors=[field_error(exc)], entered=entered, status_code=422
            )
        session.commit()
        return _password_page(request, viewer, user, password, added=True)


def _account_page(
    request: Request,
    viewer: Viewer,
    user: User,
    *,
    errors: Sequence[FieldError] = (),
    entered: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    row = account_row(user, now=now_for(request))
    if entered is None:
        entered = {"roles": row.role_values, "personal": "yes" if row.personal else "no"}
    values = _values(
        viewer,
        errors,
        account=row,
        entered=entered,
        done=None if errors else _done(request),
        me=actor_of(viewer).name == user.username,
    )
    return render(request, "accounts/account.html", values, status_code=status_code)


@router.get("/accounts/{user_id}", response_class=HTMLResponse)
def account_page(request: Request, user_id: str) -> Response:
    viewer = _admin(request)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        user = _find(session, user_id)
        if user is None:
            return _no_such_account(request)
        return _account_page(request, viewer, user)


def _after(viewer: Viewer, user: User, done: str) -> RedirectResponse:
    """Back to the account, unless the administrator has just taken their own admin role."""
    if user.username == actor_of(viewer).name and Role.ADMIN not in user.roles:
        return RedirectResponse("/", status_code=303)
    return RedirectResponse(f"/accounts/{user.id}?done={done}", status_code=303)


def _refusal(exc: AccountError, *, field: str, field_id: str) -> tuple[list[FieldError], int]:
    """A service's refusal, shown against the form that asked: keeping the last administrator
    is a conflict (409), the rest a mistake in the form (422)."""
    if isinstance(exc, LastAdmin):  # its message starts with a username: shown as it is
        return [FieldError(field, field_id, exc.message)], 409
    return [FieldError(field, field_id, sentence(exc.message))], 422


async def _as_admin(request: Request, work: Callable[[Viewer, Any], Response]) -> Response:
    """Read the form (async), check the administrator, then do the database work in the
    thread pool: a slow write must not stall the event loop that every screen shares."""
    form = await request.form()
    viewer = _admin(request, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    return await run_in_threadpool(work, viewer, form)


@router.post("/accounts/{user_id}/access", response_class=HTMLResponse)
async def change_access(request: Request, user_id: str) -> Response:
    return await _as_admin(request, partial(_change_access, request, user_id))


def _change_access(request: Request, user_id: str, viewer: Viewer, form: Any) -> Response:
    roles, roles_error = read_roles(form)
    personal, personal_error = read_personal(form)
    errors = [error for error in (roles_error, personal_error) if error is not None]
    entered = {
        "roles": frozenset(roles),
        "personal": None if personal is None else ("yes" if personal else "no"),
    }
    actor = actor_of(viewer).name
    now = now_for(request)
    with unit_of_work(request) as session:
        user = _find(session, user_id)
        if user is None:
            return _no_such_account(request)
        if errors or personal is None:
            return _account_page(
                request, viewer, user, errors=errors, entered=entered, status_code=422
            )
        changed = False
        try:
            if parse_roles(roles) != user.roles:
                set_roles(session, actor=actor, username=user.username, roles=roles, now=now)
                changed = True
            if personal != user.can_see_personal:
                set_personal_access(
                    session, actor=actor, username=user.username, allowed=personal, now=now
                )
                changed = True
        except AccountError as exc:
            session.rollback()
            refusal, status = _refusal(exc, field="roles", field_id=FIELD_IDS["roles"])
            return _account_page(
                request, viewer, user, errors=refusal, entered=entered, status_code=status
            )
        session.commit()
        return _after(viewer, user, "access" if changed else "unchanged")


@router.post("/accounts/{user_id}/password", response_class=HTMLResponse)
async def reset_password(request: Request, user_id: str) -> Response:
    return await _as_admin(request, partial(_reset, request, user_id))


def _confirmed(form: Any) -> bool:
    """Whether the form's "Yes, ..." box was ticked: resetting a password and deactivating an
    account take effect at once (the person is signed out everywhere), so one stray press of
    Enter must not do either."""
    return str(form.get("confirm", "")) == "yes"


def _unconfirmed(field: str, field_id: str, what: str) -> list[FieldError]:
    return [FieldError(field, field_id, f"Tick the box to confirm that you want to {what}")]


def _reset(request: Request, user_id: str, viewer: Viewer, form: Any) -> Response:
    with unit_of_work(request) as session:
        user = _find(session, user_id)
        if user is None:
            return _no_such_account(request)
        if not _confirmed(form):
            errors = _unconfirmed("reset", "reset-confirm", "reset this password")
            return _account_page(request, viewer, user, errors=errors, status_code=422)
        password = make_up_password()
        set_password(
            session,
            actor=actor_of(viewer).name,
            username=user.username,
            password=password,
            one_time=True,
            now=now_for(request),
        )
        session.commit()
        return _password_page(request, viewer, user, password, added=False)


@router.post("/accounts/{user_id}/deactivate", response_class=HTMLResponse)
async def deactivate_account(request: Request, user_id: str) -> Response:
    return await _as_admin(request, partial(_deactivate, request, user_id))


def _deactivate(request: Request, user_id: str, viewer: Viewer, form: Any) -> Response:
    with unit_of_work(request) as session:
        user = _find(session, user_id)
        if user is None:
            return _no_such_account(request)
        if not _confirmed(form) and user.active:
            errors = _unconfirmed("deactivate", "deactivate-confirm", "deactivate this account")
            return _account_page(request, viewer, user, errors=errors, status_code=422)
        try:
            changed = deactivate(
                session, actor=actor_of(viewer).name, username=user.username, now=now_for(request)
            )
        except AccountError as exc:
            session.rollback()
            refusal, status = _refusal(exc, field="deactivate", field_id="deactivate")
            return _account_page(request, viewer, user, errors=refusal, status_code=status)
        session.commit()
        done = "deactivated" if changed else "already-deactivated"
        return RedirectResponse(f"/accounts/{user.id}?done={done}", status_code=303)


@router.post("/accounts/{user_id}/reactivate", response_class=HTMLResponse)
async def reactivate_account(request: Request, user_id: str) -> Response:
    return await _as_admin(request, partial(_reactivate, request, user_id))


def _reactivate(request: Request, user_id: str, viewer: Viewer, form: Any) -> Response:
    with unit_of_work(request) as session:
        user = _find(session, user_id)
        if user is None:
            return _no_such_account(request)
        changed = reactivate(
            session, actor=actor_of(viewer).name, username=user.username, now=now_for(request)
        )
        session.commit()
        done = "reactivated" if changed else "already-active"
        return RedirectResponse(f"/accounts/{user.id}?done={done}", status_code=303)


@router.post("/accounts/{user_id}/unlock", response_class=HTMLResponse)
async def unlock_account(request: Request, user_id: str) -> Response:
    return await _as_admin(request, partial(_unlock, request, user_id))


def _unlock(request: Request, user_id: str, viewer: Viewer, form: Any) -> Response:
    with unit_of_work(request) as session:
        user = _find(session, user_id)
        if user is None:
            return _no_such_account(request)
        unlock(session, actor=actor_of(viewer).name, username=user.username, now=now_for(request))
        session.commit()
        return RedirectResponse(f"/accounts/{user.id}?done=unlocked", status_code=303)
