"""批量公开 in the browser: the reviewer opens the year's dashboard, chooses the approved
reports, confirms, and sees each one published with its public link (the tasks run at once in
tests; tests/review/test_publish_many.py covers the queue)."""

import pytest

from gkreport.reports import workflow
from gkreport.reports.models import Report
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_drafting_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1400, 390])
def test_the_office_publishes_the_approved_reports_at_once(
    page, live_server, people, offices, width
):
    workflow.perform(people.report, "signer", "submit", people.bob)
    workflow.perform(people.report, "reviewer", "approve", offices.olivia)
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, "olivia", "pw-olivia")
    page.goto(f"{live_server.url}/office/{offices.office.code}/2023/")
    page.click("a:has-text('批量公开')")
    assert "测试市行政审批服务局" in page.locator("form.publish-many").inner_text()
    page.click("button:has-text('公开所选报告')")  # not confirmed yet: the browser stops it
    assert Report.objects.get(pk=people.report.pk).status == "approved"
    page.check("#confirm-publish")
    page.screenshot(path=str(SCREENSHOTS / f"publish-many-{width}.png"), full_page=True)
    page.click("button:has-text('公开所选报告')")
    page.wait_for_load_state()
    progress = page.locator(".publish-progress").inner_text()
    assert "已公开 1 份" in progress
    assert Report.objects.get(pk=people.report.pk).status == "published"
    page.screenshot(path=str(SCREENSHOTS / f"publish-many-done-{width}.png"), full_page=True)
    page.click(".publish-progress a:has-text('公开页面')")
    page.wait_for_load_state()
    assert "测试市行政审批服务局" in page.content() and "/public/" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= width
