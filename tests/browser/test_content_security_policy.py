"""Every kind of page works under the Content-Security-Policy, with no violation reported:
the agency's drafting pages, the office's inbox, dashboard, review page and confirmation dialogs
and pages,
the public portal, the login pages and the error page."""

import pytest
from django.contrib.auth.models import User

from tests.browser.test_drafting_flow import cell, log_in
from tests.public.conftest import publish
from tests.review.conftest import set_status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs in every frame before the page's own scripts (Playwright injects it past the CSP).
LISTEN = """document.addEventListener('securitypolicyviolation', (e) => {
  (window.top.__violations = window.top.__violations || []).push(
    e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.documentURI);
});"""


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.console_messages = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.console_messages.append(message.text)
        ),
    )
    yield page
    context.close()


def visit(page, url):
    response = page.goto(url)
    assert response.status < 500, url
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
    return response


def assert_no_violation(page, where):
    page.wait_for_load_state("load")
    reported = page.evaluate("window.__violations || []")
    assert reported == [] and page.console_messages == [], (where, reported, page.console_messages)


def test_pages_of_every_audience_pass_the_policy(watched, live_server, people, offices):
    page, base, report = watched, live_server.url, people.report

    visit(page, f"{base}/accounts/login/")
    assert_no_violation(page, "login")
    log_in(page, live_server, "alice", "pw-alice")
    for path in ("/", f"/a/{people.agency.code}/", f"/r/{report.code}/", f"/r/{report.code}/info/"):
        visit(page, base + path)
        assert_no_violation(page, path)

    visit(page, f"{base}/r/{report.code}/part/s1/")
    assert page.locator(".char-count").first.inner_text().endswith("字")  # counts.js runs
    assert_no_violation(page, "part")

    visit(page, f"{base}/r/{report.code}/table/t3/")
    cell(page, "t3.granted.total").fill("7")  # table.js still computes the live total
    assert page.locator('.computed[data-for="t3.granted.total"]').inner_text() == "按各项合计应为 6"
    assert_no_violation(page, "table")

    for path in (f"/r/{report.code}/checks/", f"/r/{report.code}/preview/", "/check/", "/nowhere/"):
        visit(page, base + path)
        assert_no_violation(page, path)
    assert page.locator("h1").inner_text() == "页面不存在"

    # the office: its inbox, the dashboard, the review page with the report inline, a step's
    # confirmation
    set_status(report, "submitted")
    visit(page, base + "/")
    page.click("button:has-text('退出')")
    log_in(page, live_server, "olivia", "pw-olivia")
    visit(page, f"{base}/office/{offices.office.code}/")
    assert page.locator("tr.inbox-row").count() == 1
    assert_no_violation(page, "inbox")
    visit(page, f"{base}/office/{offices.office.code}/2023/")
    assert_no_violation(page, "dashboard")
    visit(page, f"{base}/review/{report.code}/")
    document = page.locator(".inline-document")
    assert document.locator("h1.doc-title").inner_text().startswith("测试市行政审批服务局")
    # the official tables' column widths come from the nonced <style> block
    assert document.locator("table.official-t3 col").first.evaluate(
        "col => getComputedStyle(col).width"
    ) not in ("", "auto", "0px")
    page.click("a.btn:has-text('审核通过')")  # confirm.js opens the dialog
    assert page.locator("dialog#confirm-approve").is_visible()
    assert_no_violation(page, "review")
    for path in (f"/review/{report.code}/preview/", f"/review/{report.code}/transition/approve/"):
        visit(page, base + path)
        assert_no_violation(page, path)

    # the public portal
    set_status(report, "draft")
    publish(report, people.bob)
    for path in ("/public/", f"/public/agency/{people.agency.code}/2023/", "/public/stats/"):
        visit(page, base + path)
        assert_no_violation(page, path)
    page.select_option("#s-region", str(offices.other_office.region_id))
    page.click("button:has-text('查看')")  # stats.js navigates to the chosen region
    page.wait_for_url(f"**/public/stats/{offices.other_office.region_id}/")
    assert_no_violation(page, "stats")

    # the admin
    page.click("text=年报查询")
    User.objects.create_superuser("root", password="pw-root")
    page.context.clear_cookies()
    visit(page, f"{base}/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", "pw-root")
    page.click("input[type=submit]")
    for path in ("/admin/", "/admin/reports/report/", "/admin/axes/accessattempt/"):
        visit(page, base + path)
        assert_no_violation(page, path)


def test_the_listener_sees_a_violation(watched, live_server, people):
    """The check above can fail: an inline script is refused and reported."""
    visit(watched, f"{live_server.url}/accounts/login/")
    watched.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.body.appendChild(s); }"
    )
    watched.wait_for_timeout(200)
    assert watched.evaluate("window.ran") is None
    assert any("script-src" in v for v in watched.evaluate("window.__violations || []"))
