"""The office returns the report with a comment on table 3; the agency answers it where the
comment shows; the reviewer reads the answer beside her comment, before and after the
resubmission. The text fields say who will read them."""

from pathlib import Path

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_drafting_flow import log_in
from tests.browser.test_review_flow import log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMMENT = "（一）予以公开的自然人数字与台账不符，请核对。"
REPLY = "已与台账逐件核对：自然人予以公开5件无误，台账漏记1件，已补记。"
NARROW = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}


def shot(page, name):
    folder = Path(SCREENSHOTS) / "replies"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), full_page=True)


def submit(page, live_server, report_url):
    log_in(page, live_server, "bob", "pw-bob")
    page.goto(report_url)
    page.click("a.btn:has-text('报送')")  # asks first
    page.click("dialog#confirm-submit button:has-text('确认报送')")
    page.wait_for_load_state()
    assert "已报送" in page.content()
    log_out(page)


def test_reviewer_returns_agency_answers_reviewer_reads_the_answer(
    page, live_server, people, offices
):
    report_url = f"{live_server.url}/r/{people.report.code}/"
    review_url = f"{live_server.url}/review/{people.report.code}/"
    submit(page, live_server, report_url)

    # the reviewer comments on table 3 and returns the report
    log_in(page, live_server, "olivia", "pw-olivia")
    page.goto(review_url)
    page.select_option('select[name="target"]', "t3")
    page.fill('textarea[name="text"]', COMMENT)
    page.click("button:has-text('添加意见')")
    page.fill('form[action$="/transition/return/"] textarea[name="comment"]', "表三需要核对")
    page.click("button:has-text('退回修改')")
    assert "已退回" in page.content()
    log_out(page)

    # the agency's editor answers on table 3, where the comment shows
    log_in(page, live_server, "alice", "pw-alice")
    page.set_viewport_size(NARROW)
    page.goto(f"{report_url}table/t3/")
    comments = page.locator(".review-comments")
    assert COMMENT in comments.inner_text()
    assert "不会印在公开的年度报告中" in comments.inner_text()
    assert page.get_by_label("说明（可选，将印在公开的年度报告中，位于本表之前）").count() == 1
    box = page.get_by_label("答复这条意见（主管部门可见，不公开）")
    assert box.bounding_box()["width"] <= NARROW["width"]  # usable on a phone
    box.fill(REPLY)
    shot(page, "table-answer-390.png")
    page.click("button:has-text('提交答复')")
    page.wait_for_load_state()
    assert "答复已保存" in page.content()
    assert REPLY in page.locator(".comment-reply").inner_text()
    assert page.url.endswith(f"/table/t3/#comment-{people.report.comments.get().pk}")
    page.set_viewport_size(WIDE)
    page.goto(report_url)  # the overview lists it too, by place, with the history
    assert REPLY in page.locator(".comment-reply").inner_text()
    assert "答复审核意见（三、收到和处理政府信息公开申请情况）" in page.content()
    shot(page, "overview-1280.png")
    log_out(page)

    # the reviewer reads the answer under her comment
    log_in(page, live_server, "olivia", "pw-olivia")
    page.goto(review_url)
    comment = page.locator(".review-comment").first
    assert COMMENT in comment.inner_text() and REPLY in comment.inner_text()
    shot(page, "review-1280.png")
    page.set_viewport_size(NARROW)
    page.goto(review_url)
    shot(page, "review-390.png")
    log_out(page)

    # resubmitted, the answer stays beside the comment on the review page
    page.set_viewport_size(WIDE)
    submit(page, live_server, report_url)
    log_in(page, live_server, "olivia", "pw-olivia")
    page.goto(review_url)
    comment = page.locator(".review-comment").first
    assert "已处理" in comment.inner_text() and REPLY in comment.inner_text()


def test_a_reader_sees_the_comment_without_an_answer_box(page, live_server, people, offices):
    from tests.review.conftest import set_status

    people.report.comments.create(target="t3", text=COMMENT, author=offices.olivia)
    set_status(people.report, "returned")
    log_in(page, live_server, "rita", "pw-rita")
    page.goto(f"{live_server.url}/r/{people.report.code}/table/t3/")
    assert COMMENT in page.locator(".review-comments").inner_text()
    assert page.locator(".reply-form").count() == 0
