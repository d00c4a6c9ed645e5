"""A reviewer logs in on a desktop and on a phone and lands on what waits for her office: a
2022 submission that came late is first and flagged, though 2023 has nothing left to review;
the year dashboard flags it too. A read-only member only looks; an empty inbox says so."""

import datetime

import pytest
from django.utils import timezone

from gkreport.reports.models import Report
from tests.browser.conftest import SCREENSHOTS  # noqa: E402
from tests.browser.test_drafting_flow import log_in
from tests.reports.conftest import stored_report
from tests.review.conftest import set_status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def waiting(report, status, *when):
    set_status(report, status)
    submitted = timezone.make_aware(datetime.datetime(*when))
    Report.objects.filter(pk=report.pk).update(submitted_at=submitted)
    return report


def open_context(browser, size):
    width, height = SIZES[size]
    return browser.new_context(
        viewport={"width": width, "height": height}, locale="zh-CN", is_mobile=size == "phone"
    )


@pytest.mark.parametrize("size", SIZES)
def test_the_reviewer_lands_on_the_late_2022_submission(
    browser, live_server, people, offices, size
):
    waiting(people.report, "published", 2024, 1, 20, 9, 0)  # 2023: nothing left to review
    late = waiting(stored_report(people.other_agency, year=2022), "submitted", 2023, 2, 10, 9, 0)
    waiting(stored_report(people.agency, year=2022), "approved", 2023, 1, 15, 9, 0)
    context = open_context(browser, size)
    page = context.new_page()

    log_in(page, live_server, "olivia", "pw-olivia")

    assert page.url == f"{live_server.url}/office/{offices.office.code}/"
    rows = page.locator("tr.inbox-row")
    assert rows.count() == 2
    first, second = rows.nth(0), rows.nth(1)
    assert people.agency.name in first.inner_text() and "待公开" in first.inner_text()
    assert "按时" in first.inner_text()
    assert people.other_agency.name in second.inner_text()
    assert "逾期" in second.inner_text() and "晚10天报送" in second.inner_text()
    assert "2023-01-31" in second.inner_text()  # the deadline of 2022's reports
    # the page never scrolls sideways; a narrow screen scrolls the table inside its box
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(SCREENSHOTS / f"office-inbox-{size}.png"), full_page=True)

    second.locator("a:has-text('审核')").click()
    page.wait_for_url(f"{live_server.url}/review/{late.code}/")
    page.go_back()
    page.click("a:has-text('2022年度')")
    row = page.locator("tr", has_text=people.other_agency.name)
    assert "逾期10天报送" in row.inner_text()
    assert "按时报送" in page.locator("tr", has_text=people.agency.name).inner_text()
    page.screenshot(path=str(SCREENSHOTS / f"office-dashboard-late-{size}.png"), full_page=True)
    context.close()


def test_a_read_only_member_looks_and_an_empty_inbox_says_so(browser, live_server, people, offices):
    report = waiting(people.report, "submitted", 2024, 1, 20, 9, 0)
    context = open_context(browser, "desktop")
    page = context.new_page()
    log_in(page, live_server, "victor", "pw-victor")
    row = page.locator("tr.inbox-row")
    assert row.locator("a").inner_text() == "查看"
    row.locator("a").click()
    page.wait_for_url(f"{live_server.url}/review/{report.code}/")

    set_status(report, "published")
    page.goto(f"{live_server.url}/office/")
    assert "目前没有等待本部门审核或公开的报告" in page.locator(".inbox-empty").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "office-inbox-empty.png"), full_page=True)
    page.locator(".inbox-empty a").click()
    newest = max(2023, timezone.localdate().year - 1)  # last year's reports are due now
    page.wait_for_url(f"{live_server.url}/office/{offices.office.code}/{newest}/")
    context.close()
