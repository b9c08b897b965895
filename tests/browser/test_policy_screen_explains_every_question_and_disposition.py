"""The policy screen names the pack and every overlay with version and digest, and explains
every question and every disposition of the policy shown."""

from __future__ import annotations

from typing import Any

from rightcare.engine.store import PolicySet


def test_policy_screen_lists_every_disposition_and_question(page: Any, policies: PolicySet) -> None:
    page.goto("/policy")
    base = policies.base
    for disposition in base.dispositions.values():
        section = page.locator(f"#disposition-{disposition.code}")
        assert section.count() == 1, disposition.code
        text = section.text_content()
        assert disposition.title in text
        assert disposition.tell_caller in text
        assert disposition.basis in text
    assert page.locator(".app-disposition").count() == len(base.dispositions)
    for question in base.questions:
        row = page.locator(f"#question-{question.id}")
        assert question.text in row.text_content()
        assert ("Critical" in row.text_content()) == question.critical
    table = page.text_content("#policies-table")
    assert base.pack.version in table
    for overlay_id, overlay in policies.overlays.items():
        assert overlay_id in table
        assert overlay.digest[:19] in table
    assert base.digest in page.text_content("#policy-shown")


def test_policy_screen_shows_an_overlay_with_its_partners(page: Any, policies: PolicySet) -> None:
    page.goto("/policy")
    overlay_id, overlay = next(iter(policies.overlays.items()))
    page.click(f"a[href='/policy?force={overlay_id}']")
    page.wait_for_url(f"**/policy?force={overlay_id}")
    assert overlay.digest in page.text_content("#policy-shown")
    assert page.locator(".app-disposition").count() == len(overlay.dispositions)
    for partner in overlay.partners.values():
        assert partner.service in page.text_content("#partners + table")
