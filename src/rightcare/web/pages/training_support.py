"""What the learner and trainer screens share: the course catalogue, who may learn, and how a
training service's refusal is shown."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from rightcare.calls.errors import ServiceError
from rightcare.training.catalogue import Catalogue, load_catalogue
from rightcare.web.pages.common import Viewer, policies_for, refused, sentence, viewer_for
from rightcare.web.permissions import Action

# Training is open to every person with a role (see permissions.ROLE_ACTIONS).
LEARN = Action.LEARN

_LOADING = threading.Lock()


def catalogue_for(request: Request) -> Catalogue:
    """The app's course catalogue, loaded once on first use and taught against the app's own
    policies. Tests point the app at another course by setting `app.state.training_catalogue`."""
    state = request.app.state
    found = getattr(state, "training_catalogue", None)
    if isinstance(found, Catalogue):
        return found
    with _LOADING:  # two first requests at once load it once
        found = getattr(state, "training_catalogue", None)
        if not isinstance(found, Catalogue):
            found = load_catalogue(policies=policies_for(request))
            state.training_catalogue = found
    return found


def learner_for(request: Request, *, form: object | None = None) -> Viewer | Response:
    return viewer_for(request, LEARN, form=form)


def trainer_for(request: Request, *, form: object | None = None) -> Viewer | Response:
    return viewer_for(request, Action.TRAIN, form=form)


@dataclass(frozen=True)
class FieldError:
    field_id: str  # the id of the input the error summary links to
    message: str


def service_refused(request: Request, exc: ServiceError, what: str = "page") -> HTMLResponse:
    """A refusal as its own page: not found is 404 whatever the reason (no probing for ids)."""
    if exc.http_status == 404:
        return refused(request, f"There is no such {what}, or it is not yours.", 404)
    return refused(request, sentence(exc.message) + ".", exc.http_status)
