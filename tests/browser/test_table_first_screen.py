"""The grid of a table page starts on the first screen of a 1280×800 desktop, whatever the
report holds: nothing typed yet (a fresh year) or a table full of mistakes."""

import pytest

from gkreport.reports.models import Report
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_drafting_flow import log_in
from tests.reports.conftest import stored_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT = 1280, 800


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


def grid_top(page) -> float:
    return page.locator("table.official-table").bounding_box()["y"]


def test_a_fresh_year_shows_progress_and_the_grid_at_once(desktop, live_server, people):
    page = desktop
    log_in(page, live_server, "alice", "pw-alice")
    page.fill("#id_year", "2024")
    page.click("text=开始填报")
    page.wait_for_load_state()
    report = Report.objects.get(agency=people.agency, year=2024)

    page.goto(f"{live_server.url}/r/{report.code}/table/t3/")
    summary = page.locator(".findings-summary").inner_text()
    assert "表三还有168格未填" in summary
    assert "错误" not in summary and "未填写（" not in summary
    page.screenshot(path=str(SCREENSHOTS / "table3-fresh-first-screen.png"))
    assert grid_top(page) < HEIGHT / 2

    page.goto(f"{live_server.url}/a/{people.agency.code}/")
    row = page.locator("tr", has_text="2024年度")
    assert "表三还有168格未填" in row.inner_text()
    assert row.locator(".text-danger").count() == 0  # no error count in red

    # the signer's 报送 waits; the checks page lists each blank cell, linked to it
    page.goto(f"{live_server.url}/r/{report.code}/checks/")
    blank = page.locator("#blank")
    assert "表三还有168格未填" in blank.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "checks-fresh-blank-cells.png"))
    blank.locator("a", has_text="自然人").first.click()
    page.wait_for_url("**/table/t3/#cell-t3-new_received-natural")
    assert page.locator("#cell-t3-new_received-natural").is_visible()


def test_many_mistakes_are_summarised_above_the_grid(desktop, live_server, people):
    report = people.report
    # Every result row of the natural persons' column one too high (21 cells: their sums no
    # longer hold), cells that are not numbers, the total the narrative quotes changed, and
    # last year's carried-forward figures (2) not carried over (1): four kinds of findings.
    stored_report(people.agency, year=2022)
    result_rows = [
        code
        for code in report.cells
        if code.startswith("t3.") and code.endswith(".natural") and "total" not in code
    ]
    for code in result_rows[3:24]:
        report.cells[code] = str(int(report.cells[code]) + 1)
    for code in ("t3.granted.commercial", "t3.granted.research"):
        report.cells[code] = "若干"
    report.cells["t3.new_received.total"] = "12"
    report.save()

    page = desktop
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{report.code}/table/t3/")
    summary = page.locator(".findings-summary")
    assert summary.locator(".finding-group").count() == 4
    assert summary.locator(".finding-group .text-bg-warning").count() == 2
    shown = summary.locator("a.finding-link:visible").count()
    assert shown == 5
    assert summary.locator("details").count() >= 1  # the rest folded
    page.screenshot(path=str(SCREENSHOTS / "table3-many-errors-first-screen.png"))
    assert grid_top(page) < HEIGHT * 0.8

    # a folded finding is one click away and still links to its cell; the group then lists
    # every finding once, in full
    summary.locator("details summary").first.click()
    group = summary.locator(".finding-group").first
    assert group.locator("a.finding-link:visible").count() == 24
    page.screenshot(path=str(SCREENSHOTS / "table3-many-errors-opened.png"))
    group.locator("a.finding-link:visible").last.click()
    page.wait_for_url("**#cell-t3-*")
