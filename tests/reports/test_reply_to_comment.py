"""The agency answers the office's comments where they show (the part or table page and the
overview): only its editors and signers, only while the report is back with it."""

import pytest

from gkreport.reports.models import Event, Report
from gkreport.review.models import CommentReply
from tests.review.conftest import submit

COMMENT = "（一）予以公开的自然人数字与台账不符，请核对。"
REPLY = "已按台账核对，自然人予以公开应为4件，已改正。"


@pytest.fixture
def comment(client, people, offices):
    """Olivia commented on table 3 and returned the report."""
    submit(client, people)
    client.force_login(offices.olivia)
    code = people.report.code
    client.post(f"/review/{code}/comment/", {"target": "t3", "text": COMMENT})
    client.post(f"/review/{code}/transition/return/", {"comment": "表三需要修改"})
    client.logout()
    return people.report.comments.get()


def reply(client, people, comment, text=REPLY, next_page=None):
    data = {"text": text}
    if next_page is not None:
        data["next"] = next_page
    return client.post(f"/r/{people.report.code}/comment/{comment.pk}/reply/", data)


def test_an_editor_answers_on_the_table_page_and_sees_her_answer_there(client, people, comment):
    client.force_login(people.alice)
    table_page = f"/r/{people.report.code}/table/t3/"
    page = client.get(table_page).content.decode()
    assert COMMENT in page and "答复这条意见（主管部门可见，不公开）" in page
    assert "不会印在公开的年度报告中" in page

    response = reply(client, people, comment, next_page=table_page)
    assert response.status_code == 302
    assert response["Location"] == f"{table_page}#comment-{comment.pk}"
    page = client.get(table_page).content.decode()
    assert f"本机关答复：</strong>{REPLY}" in page
    assert "答复已保存" in page
    assert "补充答复（主管部门可见，不公开）" in page  # a second answer may follow


def test_the_overview_lists_every_comment_by_place_with_its_answer_box(client, people, comment):
    client.force_login(people.bob)  # the signer answers too
    overview = f"/r/{people.report.code}/"
    page = client.get(overview).content.decode()
    assert f"三、收到和处理政府信息公开申请情况</span>：{COMMENT}" in page
    assert "[t3]" not in page
    assert reply(client, people, comment, next_page=overview)["Location"].startswith(overview)
    assert CommentReply.objects.get().author == people.bob


def test_the_history_records_the_answer(client, people, comment):
    client.force_login(people.alice)
    reply(client, people, comment)
    event = people.report.events.first()
    assert (event.kind, event.user, event.page, event.comment) == (
        Event.Kind.REPLY,
        people.alice,
        "t3",
        REPLY,
    )
    page = client.get(f"/r/{people.report.code}/").content.decode()
    assert f"答复审核意见（三、收到和处理政府信息公开申请情况）：{REPLY}" in page


def test_an_answer_changes_nothing_in_the_report(client, people, comment):
    before = Report.objects.get(pk=people.report.pk)
    client.force_login(people.alice)
    reply(client, people, comment)
    after = Report.objects.get(pk=people.report.pk)
    assert (after.version, after.narrative, after.cells) == (
        before.version,
        before.narrative,
        before.cells,
    )


def test_a_reader_sees_the_comment_but_cannot_answer(client, people, comment):
    client.force_login(people.rita)
    page = client.get(f"/r/{people.report.code}/table/t3/").content.decode()
    assert COMMENT in page and "答复这条意见" not in page
    assert reply(client, people, comment).status_code == 403
    assert CommentReply.objects.count() == 0


def test_it_checks_ownership(client, people, offices, comment):
    for person in (people.charlie, offices.olivia):  # another agency; the office itself
        client.force_login(person)
        assert reply(client, people, comment).status_code == 404
    assert CommentReply.objects.count() == 0


def test_another_reports_comment_is_404(client, people, offices, comment):
    from tests.reports.conftest import stored_report

    other_agency_report = stored_report(people.other_agency)
    foreign = other_agency_report.comments.create(target="t3", text="别的报告的意见")
    client.force_login(people.alice)
    assert reply(client, people, foreign).status_code == 404
    assert CommentReply.objects.count() == 0


def test_it_requires_login(client, people, comment):
    assert reply(client, people, comment).status_code == 302
    assert CommentReply.objects.count() == 0


def test_once_resubmitted_the_round_is_closed(client, people, comment):
    submit(client, people)
    client.force_login(people.alice)
    response = reply(client, people, comment)
    assert CommentReply.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "这轮意见已经结束，不能再答复" in page
    assert "答复这条意见" not in page


def test_an_empty_answer_is_refused(client, people, comment):
    client.force_login(people.alice)
    response = reply(client, people, comment, text="  \n ")
    assert CommentReply.objects.count() == 0
    assert "请填写答复" in client.get(response["Location"]).content.decode()


def test_it_goes_back_only_to_a_page_of_this_site(client, people, comment):
    client.force_login(people.alice)
    response = reply(client, people, comment, next_page="https://example.com/")
    assert response["Location"] == f"/r/{people.report.code}/#comment-{comment.pk}"


def test_a_reply_sent_after_the_login_expired_comes_back_in_its_box(client, people, comment):
    table_page = f"/r/{people.report.code}/table/t3/"
    response = reply(client, people, comment, next_page=table_page)  # not logged in any more
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not CommentReply.objects.exists()
    client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"})
    page = client.get(table_page).content.decode()
    assert "您的答复还没有保存，已放回答复框中" in page
    assert f"{REPLY}</textarea>" in page
    assert REPLY not in client.get(table_page).content.decode()  # shown once, then gone


def test_a_refused_reply_keeps_its_text(client, people, comment):
    client.force_login(people.alice)
    table_page = f"/r/{people.report.code}/table/t3/"
    too_long = "答" * 5001
    reply(client, people, comment, text=too_long, next_page=table_page)
    page = client.get(table_page).content.decode()
    assert too_long in page and not CommentReply.objects.exists()
