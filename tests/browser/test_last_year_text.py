"""使用上年内容: one click puts last year's text of a sub-section into its field, unsaved;
text already typed there is replaced only when the person says so. With and without
JavaScript, at 1280 px and on a 390 px phone."""

import pytest

from gkreport.reports.models import Report
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_drafting_flow import log_in
from tests.reports.conftest import stored_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAST_YEAR = "（三）政府信息管理\n去年规范管理了政府信息。"


@pytest.fixture
def last_year(people):
    last = stored_report(people.agency, year=2022)
    last.narrative["s1"]["3"] = LAST_YEAR
    last.save()
    return last


def button(page, key):
    return page.locator(f'.previous-piece[data-piece="{key}"] button', has_text="使用上年内容")


def stored_s1(people):
    return Report.objects.get(pk=people.report.pk).narrative["s1"]


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_one_click_fills_the_field_and_typed_text_is_replaced_only_when_confirmed(
    browser, live_server, people, last_year, width, height
):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    before = stored_s1(people)
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/part/s1/")
    page.screenshot(path=str(SCREENSHOTS / f"part1-last-year-{width}.png"), full_page=True)

    # an empty sub-section: filled at once, no page load, the count follows, nothing saved
    url = page.url
    button(page, "3").click()
    assert page.locator("#id_3").input_value() == LAST_YEAR
    assert page.url == url
    assert page.evaluate("document.activeElement.id") == "id_3"
    counts = page.locator("#id_3 ~ .char-count, #id_3 + .char-count")
    assert counts.first.inner_text() == f"{len(LAST_YEAR.replace(chr(10), ''))} 字"
    page.wait_for_timeout(400)  # Bootstrap scrolls smoothly to the field
    page.screenshot(path=str(SCREENSHOTS / f"part1-last-year-used-{width}.png"))
    assert stored_s1(people) == before

    # typed text: the browser asks; “no” keeps it, “yes” replaces it
    page.locator("#id_1").fill("我改写的第一节")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    button(page, "1").click()
    assert asked == ["“（一）主动公开”已有文字。用上年内容替换这些文字吗？"]
    assert page.locator("#id_1").input_value() == "我改写的第一节"
    page.once("dialog", lambda dialog: dialog.accept())
    button(page, "1").click()
    assert page.locator("#id_1").input_value().startswith("（一）主动公开\n全年主动公开")

    # what is used is saved with 保存, like anything typed
    page.click("button:has-text('保存')")
    page.wait_for_load_state()
    assert stored_s1(people)["3"] == LAST_YEAR
    context.close()


def test_without_javascript_the_server_fills_and_asks_before_replacing(
    browser, live_server, people, last_year
):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    before = stored_s1(people)
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/part/s1/")
    page.fill("#id_1", "我改写的第一节")
    page.fill("#id_4", "我写的第四节")

    button(page, "3").click()
    page.wait_for_load_state()
    assert page.locator("#id_3").input_value() == LAST_YEAR
    assert page.locator("#id_4").input_value() == "我写的第四节"  # nothing typed is lost
    assert "尚未保存" in page.locator(".alert-info").inner_text()

    button(page, "1").click()
    page.wait_for_load_state()
    assert page.locator("#id_1").input_value() == "我改写的第一节"
    assert "已有文字，没有替换" in page.locator(".alert-warning").first.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "part1-last-year-asks.png"), full_page=True)
    page.click("button:has-text('替换为上年内容')")
    page.wait_for_load_state()
    assert page.locator("#id_1").input_value().startswith("（一）主动公开\n全年主动公开")
    assert page.locator("#id_3").input_value() == LAST_YEAR
    assert stored_s1(people) == before  # only 保存 saves

    page.click("button:has-text('保存')")
    page.wait_for_load_state()
    assert stored_s1(people)["4"] == "我写的第四节"
    assert stored_s1(people)["3"] == LAST_YEAR
    context.close()
