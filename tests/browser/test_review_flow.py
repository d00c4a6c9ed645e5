"""The agency submits; the office returns it with a comment on table 3; the agency fixes
and resubmits; the office sees the difference, approves and publishes."""

import pytest

from gkreport.reports.models import Report
from tests.browser.conftest import SCREENSHOTS  # noqa: E402
from tests.browser.test_drafting_flow import cell, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_out(page):
    page.click("button:has-text('退出')")


def confirm(page, name, label):
    """A step that asks first: its button opens a dialog; confirm there."""
    page.click(f"a.btn:has-text('{label}')")
    page.click(f"dialog#confirm-{name} button:has-text('确认{label}')")
    page.wait_for_load_state()


def test_submit_return_fix_resubmit_approve_publish(page, live_server, people, offices):
    report_url = f"{live_server.url}/r/{people.report.code}/"
    review_url = f"{live_server.url}/review/{people.report.code}/"

    log_in(page, live_server, "bob", "pw-bob")
    page.goto(report_url)
    confirm(page, "submit", "报送")
    assert "已报送" in page.content()
    log_out(page)

    # the reviewer comments on table 3 and returns the report
    log_in(page, live_server, "olivia", "pw-olivia")
    assert "测试市政务公开办" in page.content()  # the dashboard of her office
    page.click("a:has-text('审核')")
    page.select_option('select[name="target"]', "t3")
    page.fill('textarea[name="text"]', "（一）予以公开的自然人数字与台账不符，请核对。")
    page.click("button:has-text('添加意见')")
    page.fill('form[action$="/transition/return/"] textarea[name="comment"]', "表三需要修改")
    page.click("button:has-text('退回修改')")
    assert "已退回" in page.content()
    log_out(page)

    # the agency sees the comment on table 3, fixes it and resubmits
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{report_url}table/t3/")
    assert "（一）予以公开的自然人数字与台账不符，请核对。" in page.content()
    cell(page, "t3.granted.natural").fill("4")
    cell(page, "t3.unavailable_not_held.natural").fill("3")
    cell(page, "t3.granted.total").fill("5")
    cell(page, "t3.unavailable_not_held.total").fill("3")
    page.click("#save")
    page.wait_for_load_state()
    assert page.locator(".findings-summary .finding-error").count() == 0
    log_out(page)
    log_in(page, live_server, "bob", "pw-bob")
    page.goto(report_url)
    confirm(page, "submit", "报送")
    assert Report.objects.get(pk=people.report.pk).status == "submitted"
    log_out(page)

    # the reviewer sees the difference, approves and publishes
    log_in(page, live_server, "olivia", "pw-olivia")
    page.goto(review_url)
    diff = page.locator(".diff-row")
    assert diff.count() == 4
    assert "表三 （一）予以公开 · 自然人" in diff.nth(0).inner_text()
    page.screenshot(path=str(SCREENSHOTS / "review-diff.png"), full_page=True)
    confirm(page, "approve", "审核通过")
    confirm(page, "publish", "公开")
    assert "已公开：报告与PDF已定稿保存。" in page.content()
    report = Report.objects.get(pk=people.report.pk)
    assert report.status == "published"
    assert report.versions.get().snapshot["raw"]["t3.granted.natural"] == "4"
