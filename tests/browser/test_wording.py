"""What people read, in Chromium at desk (1280 px) and phone (390 px) widths: places named as
the template names them (never our codes), who may submit, read-only pages without
instructions, a save message that points where the problems are, upload limits in MB, an
icon at /favicon.ico."""

import re

import pytest

from gkreport.reports.models import Report
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_drafting_flow import cell, log_in
from tests.review.conftest import set_status
from tests.visible_text import CODE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desk": 1280, "phone": 390}


@pytest.fixture(params=sorted(WIDTHS))
def sized(request, browser):
    """A page at a desk's and at a phone's width, and the width's name for screenshots."""
    context = browser.new_context(
        viewport={"width": WIDTHS[request.param], "height": 900}, locale="zh-CN"
    )
    yield context.new_page(), request.param
    context.close()


def shot(page, name, width):
    page.screenshot(path=str(SCREENSHOTS / f"wording-{name}-{width}.png"), full_page=True)


def no_codes(page):
    text = page.inner_text("body")
    assert not CODE.findall(text), CODE.findall(text)


def test_an_editor_saves_is_pointed_down_to_the_problems_and_told_who_submits(
    sized, live_server, people
):
    page, width = sized
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/table/t3/")
    cell(page, "t3.granted.total").fill("7")
    page.click("#save")
    page.wait_for_load_state()
    message = page.locator(".alert-success[role=alert]")
    assert message.inner_text() == "已保存。本页还有2个问题，列在下方，可以稍后再改。"
    summary = page.locator(".findings-summary")
    # The summary really is below the message.
    assert summary.bounding_box()["y"] > message.bounding_box()["y"]
    assert "本页有 2 个问题" in summary.inner_text()
    no_codes(page)
    shot(page, "saved", width)
    cell(page, "t3.granted.total").fill("6")
    page.click("#save")
    page.wait_for_load_state()
    assert page.locator(".alert-success[role=alert]").inner_text() == "已保存。"
    page.goto(f"{live_server.url}/r/{people.report.code}/checks/")
    who = page.locator(".who-submits")
    assert who.inner_text() == "检查通过。报送须由本机关的审核签发人（bob）操作。"
    shot(page, "who-submits", width)


def test_a_submitted_reports_pages_give_no_instructions(sized, live_server, people):
    page, width = sized
    people.report.cells["t2.fees.amount"] = "15.5 万元"  # a warning, explained
    people.report.explanations = {"S4.format": "金额按原文照录。"}
    people.report.save()
    set_status(people.report, Report.Status.SUBMITTED)
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/checks/")
    text = page.inner_text("main")
    assert "报告已报送，内容只读" in text
    assert not re.search("须改正|须说明原因|不能报送|可以报送|报送须由", text)
    page.goto(f"{live_server.url}/r/{people.report.code}/table/t2/")
    assert "本页有 1 个问题" in page.inner_text("main")
    assert "才能报送" not in page.inner_text("main")
    shot(page, "read-only", width)


def test_the_reviewer_reads_comments_and_changes_by_their_places(
    sized, live_server, people, offices
):
    page, width = sized
    report = people.report
    log_in(page, live_server, "bob", "pw-bob")
    page.goto(f"{live_server.url}/r/{report.code}/")
    page.click("a.btn:has-text('报送')")  # asks first
    page.click("dialog#confirm-submit button:has-text('确认报送')")
    page.wait_for_load_state()
    page.click("button:has-text('退出')")
    log_in(page, live_server, "olivia", "pw-olivia")
    page.goto(f"{live_server.url}/review/{report.code}/")
    page.select_option('select[name="target"]', "t3")
    page.fill('textarea[name="text"]', "（一）予以公开的自然人数字与台账不符。")
    page.click("button:has-text('添加意见')")
    page.fill('form[action$="/transition/return/"] textarea[name="comment"]', "请核对表三")
    page.click("button:has-text('退回修改')")
    page.click("button:has-text('退出')")
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{report.code}/")
    comment = page.locator(".comment-target").first
    assert comment.inner_text() == "三、收到和处理政府信息公开申请情况"
    assert comment.get_attribute("title") == "t3"  # the code only as a tooltip
    no_codes(page)
    page.goto(f"{live_server.url}/r/{report.code}/table/t3/")
    for code, value in (("t3.granted.natural", "4"), ("t3.granted.total", "5")):
        cell(page, code).fill(value)
    for code, value in (("t3.partially_granted.natural", "1"), ("t3.partially_granted.total", "1")):
        cell(page, code).fill(value)
    page.click("#save")
    page.wait_for_load_state()
    page.click("button:has-text('退出')")
    log_in(page, live_server, "bob", "pw-bob")
    page.goto(f"{live_server.url}/r/{report.code}/")
    page.click("a.btn:has-text('报送')")  # asks first
    page.click("dialog#confirm-submit button:has-text('确认报送')")
    page.wait_for_load_state()
    page.click("button:has-text('退出')")
    log_in(page, live_server, "olivia", "pw-olivia")
    page.goto(f"{live_server.url}/review/{report.code}/")
    first = page.locator(".diff-row td").first
    assert first.inner_text() == "表三 （一）予以公开 · 自然人"
    assert first.get_attribute("title") == "t3.granted.natural"
    assert "三、收到和处理政府信息公开申请情况：（一）予以公开" in page.inner_text("main")
    no_codes(page)
    shot(page, "review", width)


def test_upload_forms_give_their_limit_in_mb_and_name_pdf(sized, live_server, people):
    page, width = sized
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/check/")
    hint = page.locator("#id_file_helptext, .form-text").first.inner_text()
    assert "PDF（.pdf）" in hint and "每个文件不超过10 MB" in hint
    shot(page, "check-file", width)
    page.goto(f"{live_server.url}/a/{people.agency.code}/")
    page.click("text=导入已公开的报告")
    hint = page.locator(".upload-hint").inner_text()
    assert "PDF（.pdf）" in hint and "每个文件不超过10 MB" in hint
    shot(page, "import-hint", width)


def test_favicon_ico_is_the_apps_icon(page, live_server, db):
    response = page.goto(f"{live_server.url}/favicon.ico")
    assert response.status == 200  # after the redirect to the static icon
    assert response.url.endswith("/static/gkreport/favicon.svg")
    assert response.headers["content-type"].startswith("image/svg+xml")
