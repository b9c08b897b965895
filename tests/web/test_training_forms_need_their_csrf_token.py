"""Every training form is refused without the session's CSRF token (in the form or, for HTMX,
the header), and every training screen is in the route-by-role table."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from starlette.routing import Route

from rightcare.web.pages import training, training_trainer
from tests.web.conftest import Web

TABLE = Path(__file__).with_name("route_matrix.csv")


def test_every_training_route_is_in_the_route_matrix() -> None:
    routes = {
        (method, route.path)
        for route in [*training.router.routes, *training_trainer.router.routes]
        if isinstance(route, Route)
        for method in (route.methods or set()) - {"HEAD"}
    }
    listed = {
        (row["method"], row["path"])
        for row in csv.DictReader(TABLE.open(encoding="utf-8"))
        if row["path"].startswith("/training")
    }
    assert routes and routes == listed


POSTS = [
    ("hana", "/training/courses/rcrp-national/modules/welfare/start"),
    ("hana", "/training/courses/rcrp-national/refresher"),
    ("hana", "/training/attempts/{attempt}/ask"),
    ("hana", "/training/attempts/{attempt}/answer"),
    ("tess", "/training/trainer/cohorts"),
    ("tess", "/training/trainer/cohorts/any/members"),
]


@pytest.mark.parametrize(("who", "path"), POSTS)
def test_a_training_form_without_its_token_is_refused(web: Web, who: str, path: str) -> None:
    client = web.signed_in(who)
    del client.headers["X-CSRF-Token"]
    reply = client.post(path.replace("{attempt}", "any"), data={"name": "x", "course": "x"})
    assert reply.status_code == 403
    assert "expired" in reply.text
    client.headers["X-CSRF-Token"] = "0" * 64
    assert client.post(path.replace("{attempt}", "any")).status_code == 403
