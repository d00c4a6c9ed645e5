"""Each text box says who will read it: the report's own text is printed in the public
report; explanations of warnings and answers to comments stay with the office."""

import pytest

from tests.browser.test_comment_replies import NARROW, WIDE, shot
from tests.browser.test_drafting_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_text_boxes_say_who_reads_them(page, live_server, people):
    people.report.cells["t2.fees.amount"] = "15.5 万元"  # a warning to explain
    people.report.save()
    base = f"{live_server.url}/r/{people.report.code}"
    log_in(page, live_server, "alice", "pw-alice")
    for viewport, width in ((WIDE, 1280), (NARROW, 390)):
        page.set_viewport_size(viewport)
        page.goto(f"{base}/part/s1/")
        notice = page.locator("#part-form .audience")
        assert notice.inner_text() == "本部分各项文字将印在公开的年度报告中，所有人都可以看到。"
        assert notice.is_visible()
        shot(page, f"part-s1-{width}.png")

    page.set_viewport_size(WIDE)
    page.goto(f"{base}/table/t2/")
    assert page.get_by_label("说明（可选，将印在公开的年度报告中，位于本表之前）").is_visible()
    page.goto(f"{base}/info/")
    assert "将印在公开的年度报告中" in page.locator(".audience").inner_text()
    page.goto(f"{base}/checks/")
    assert page.get_by_label("说明原因（供主管部门审核，不公开）").is_visible()
    shot(page, "checks-1280.png")
