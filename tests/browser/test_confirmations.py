"""报送, 审核通过 and 公开 ask first: a dialog with what will happen where JavaScript runs, the
same summary on a page of its own where it does not; after publishing, a link to the public
page. The review page shows the report inline, and its rows say 查看 or 审核."""

import pytest

from gkreport.reports.models import Report
from tests.browser.conftest import SCREENSHOTS  # noqa: E402
from tests.browser.test_drafting_flow import log_in
from tests.review.conftest import set_status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def status(people):
    return Report.objects.get(pk=people.report.pk).status


@pytest.fixture
def no_script(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="zh-CN", java_script_enabled=False
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


def test_submitting_asks_first_in_a_dialog(page, live_server, people, offices):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "bob", "pw-bob")
    page.goto(f"{live_server.url}/r/{people.report.code}/")
    page.click("a.btn:has-text('报送')")
    dialog = page.locator("dialog#confirm-submit")
    assert dialog.is_visible()
    text = dialog.inner_text()
    assert "报告将报送测试市政务公开办审核" in text
    assert "锁定为只读" in text
    page.screenshot(path=str(SCREENSHOTS / "confirm-submit-dialog.png"))

    dialog.locator("a:has-text('取消')").click()  # nothing happens
    assert not dialog.is_visible()
    assert status(people) == "draft"

    page.click("a.btn:has-text('报送')")
    dialog.locator("button:has-text('确认报送')").click()
    page.wait_for_load_state()
    assert "已报送。报告已锁定，退回前不能再修改。" in page.content()
    assert status(people) == "submitted"


def test_the_dialog_fits_a_phone(phone, live_server, people, offices):
    log_in(phone, live_server, "bob", "pw-bob")
    phone.goto(f"{live_server.url}/r/{people.report.code}/")
    phone.click("a.btn:has-text('报送')")
    box = phone.locator("dialog#confirm-submit").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert phone.locator("dialog#confirm-submit button:has-text('确认报送')").is_visible()
    phone.screenshot(path=str(SCREENSHOTS / "confirm-submit-phone.png"))


def test_without_javascript_each_step_has_its_confirmation_page(
    no_script, live_server, people, offices
):
    page = no_script
    log_in(page, live_server, "bob", "pw-bob")
    page.goto(f"{live_server.url}/r/{people.report.code}/")
    page.click("a.btn:has-text('报送')")
    page.wait_for_url(f"**/r/{people.report.code}/transition/submit/")
    assert page.locator("h1").inner_text() == "确认报送"
    assert "报告将报送测试市政务公开办审核" in page.locator(".confirm-summary").inner_text()
    page.click("button:has-text('确认报送')")
    assert status(people) == "submitted"
    page.click("button:has-text('退出')")

    log_in(page, live_server, "olivia", "pw-olivia")
    page.goto(f"{live_server.url}/review/{people.report.code}/")
    page.click("a.btn:has-text('审核通过')")
    assert page.locator("h1").inner_text() == "确认审核通过"
    crumbs = page.locator("nav.review-crumbs").inner_text()
    assert crumbs.startswith("测试市政务公开办 › 2023年度 › 测试市行政审批服务局")
    assert "下一步由主管部门公开" in page.locator(".confirm-summary").inner_text()
    page.click("button:has-text('确认审核通过')")
    assert status(people) == "approved"

    page.click("a.btn:has-text('公开')")
    summary = page.locator(".confirm-summary").inner_text()
    public = f"{live_server.url}/public/agency/{people.agency.code}/2023/"
    assert "SHA-256" in summary and public in summary and "公开不能撤回" in summary
    page.screenshot(path=str(SCREENSHOTS / "confirm-publish-page.png"), full_page=True)
    page.click("button:has-text('确认公开')")
    assert status(people) == "published"
    assert "已公开：报告与PDF已定稿保存。" in page.content()
    page.click(f"a[href='{public}']")  # the success message leads to the public page
    page.wait_for_url(public)
    assert page.locator("h1.doc-title").inner_text().startswith("测试市行政审批服务局")


def test_publishing_in_the_dialog_links_to_the_public_page(page, live_server, people, offices):
    set_status(people.report, "approved")
    log_in(page, live_server, "olivia", "pw-olivia")
    page.goto(f"{live_server.url}/review/{people.report.code}/")
    page.click("a.btn:has-text('公开')")
    dialog = page.locator("dialog#confirm-publish")
    assert "公开不能撤回" in dialog.inner_text()
    dialog.locator("button:has-text('确认公开')").click()
    page.wait_for_load_state()
    assert status(people) == "published"
    message = page.locator(".alert-success")
    assert "公开页面" in message.inner_text()
    assert (
        message.locator("a")
        .get_attribute("href")
        .endswith(f"/public/agency/{people.agency.code}/2023/")
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_the_review_page_shows_the_report_inline(page, live_server, people, offices, width):
    set_status(people.report, "submitted")
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, "olivia", "pw-olivia")
    page.goto(f"{live_server.url}/review/{people.report.code}/")
    document = page.locator(".inline-document")
    assert document.locator("h1.doc-title").inner_text().startswith("测试市行政审批服务局")
    assert document.locator("table.official-t3").count() == 1
    assert page.locator("iframe").count() == 0
    assert document.locator("a:has-text('返回')").count() == 0  # no preview bar inside
    assert page.locator("a:has-text('下载PDF')").count() == 1  # the toolbar once
    # the page itself never scrolls sideways; only a wide official table does, in its box
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(SCREENSHOTS / f"review-inline-{width}.png"))


def test_the_dashboard_says_what_each_member_may_do(page, live_server, people, offices):
    set_status(people.report, "submitted")
    dashboard = f"{live_server.url}/office/{offices.office.code}/2023/"
    log_in(page, live_server, "victor", "pw-victor")  # may only read
    page.goto(dashboard)
    row = page.locator("tr", has_text=people.agency.name)
    assert row.locator("a").inner_text() == "查看"
    page.screenshot(path=str(SCREENSHOTS / "dashboard-viewer.png"))
    row.locator("a").click()
    assert page.locator("h2", has_text="审核操作").count() == 0
    page.click("button:has-text('退出')")

    log_in(page, live_server, "olivia", "pw-olivia")
    page.goto(dashboard)
    page.locator("tr", has_text=people.agency.name).locator("a:has-text('审核')").click()
    assert page.locator("h2", has_text="审核操作").count() == 1
    page.locator("nav.review-crumbs a", has_text="2023年度").click()
    page.wait_for_url(dashboard)
