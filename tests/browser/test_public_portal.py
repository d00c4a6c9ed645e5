"""A visitor on a desktop and on a phone: find, read and download; keyboard and labels."""

from pathlib import Path

import pytest

from tests.browser.conftest import SCREENSHOTS  # noqa: E402
from tests.public.conftest import publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.mark.parametrize("size", SIZES)
def test_find_read_download(browser, live_server, people, size):
    publish(people.report, people.bob)
    width, height = SIZES[size]
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale="zh-CN",
        accept_downloads=True,
        is_mobile=size == "phone",
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/public/")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    # every form control has a label
    for control in page.locator("select, input:not([type=hidden])").all():
        control_id = control.get_attribute("id")
        assert control_id and page.locator(f'label[for="{control_id}"]').count() == 1
    page.fill("#f-q", "审批")
    page.click("button:has-text('查询')")
    page.screenshot(path=str(SCREENSHOTS / f"public-list-{size}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.click("a:has-text('测试市行政审批服务局')")
    assert page.locator("h1.doc-title").inner_text().startswith("测试市行政审批服务局")
    # the page itself never scrolls sideways; only the wide tables do, inside their box
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(SCREENSHOTS / f"public-report-{size}.png"))
    with page.expect_download() as download:
        page.click("a:has-text('下载PDF')")
    path = download.value.path()
    assert Path(path).read_bytes().startswith(b"%PDF")
    assert (
        download.value.suggested_filename
        == "测试市行政审批服务局2023年政府信息公开工作年度报告.pdf"
    )
    context.close()


def test_keyboard_reaches_the_content(browser, live_server, people):
    publish(people.report, people.bob)
    page = browser.new_page()
    page.goto(f"{live_server.url}/public/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    page.keyboard.press("Enter")
    page.wait_for_url("**/public/#main")  # a fragment navigation lands asynchronously
    page.close()
