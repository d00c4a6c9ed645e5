"""A long pasted text that the browser's maxlength lets through is saved whole: the server
counts line breaks as the browser does (one character), though they arrive as CRLF."""

import pytest

from gkreport.reports.models import Report
from tests.browser.test_drafting_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_588_pasted_lines_under_the_limit_are_saved(page, live_server, people):
    text = "\n".join(["字" * 50] * 588)  # 29,987 characters as the browser counts them
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/part/s1/")
    area = page.locator('textarea[name="1"]')
    assert int(area.get_attribute("maxlength")) >= len(text)
    area.fill(text)
    assert page.evaluate("document.querySelector('textarea[name=\"1\"]').value.length") == len(text)
    page.click("button:has-text('保存')")
    page.wait_for_load_state()
    assert "已保存" in page.content()
    stored = Report.objects.get(pk=people.report.pk).narrative["s1"]["1"]
    assert stored == text
