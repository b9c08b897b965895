"""A section 136 handover asks when officers arrived at the place of safety (HH:MM today,
filled in with the time now); a time that cannot be read is refused, said so, and kept."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tests.browser.conftest import describe, run_axe


def no_axe_violations(page: Any, name: str) -> None:
    violations = run_axe(page)
    assert violations == [], f"{name}:\n{describe(violations)}"


def test_the_arrival_time_is_asked_for_checked_and_recorded(page: Any) -> None:
    page.fill("#narrative", "Officers have detained a man under section 136 in the park.")
    page.dispatch_event("#narrative", "input")
    page.wait_for_selector("#recommendation-response")
    page.click("#save-call")
    page.wait_for_url(re.compile(r".*/calls/[0-9a-f-]{8,}\?done=saved$"))
    call_id = str(page.url).split("/calls/")[1].split("?")[0]

    assert not page.is_visible("#offer-arrived")  # only for a s136 handover
    page.check("#offer-kind-s136")
    assert page.is_visible("#offer-arrived")
    default = page.input_value("#offer-arrived")
    assert re.fullmatch(r"\d\d:\d\d", default)
    no_axe_violations(page, "call page, s136 arrival time")

    page.fill("#offer-arrived", "25:99")
    page.fill("#offer-note", "At the Exampletown health-based place of safety.")
    page.click("#offer-button")
    page.wait_for_selector("main .govuk-error-summary")
    assert page.get_attribute(".govuk-error-summary__list a", "href") == "#offer-arrived"
    assert "24-hour clock" in page.text_content("#offer-arrived-error")
    assert page.is_checked("#offer-kind-s136")
    assert page.input_value("#offer-arrived") == "25:99"
    assert page.input_value("#offer-note") == "At the Exampletown health-based place of safety."
    no_axe_violations(page, "call page, s136 arrival time refused")

    page.fill("#offer-arrived", default)
    page.click("#offer-button")
    page.wait_for_url(f"**/calls/{call_id}?done=offered")
    handover = page.locator(".app-handover").first
    assert "(section 136)" in handover.text_content()
    today = dt.datetime.now(dt.UTC)
    assert f"{today:%-d %b %Y}, {default} UTC" in handover.text_content()
