import pytest

from gkreport.reports import workflow
from gkreport.reports.models import Event, Report
from tests.concurrency import at_once
from tests.reports.helpers import table_post


def url(people):
    return f"/r/{people.report.code}/transition/submit/"


def status(people):
    return Report.objects.get(pk=people.report.pk).status


def test_the_signer_submits_a_clean_report_and_it_locks(client, people):
    client.force_login(people.bob)
    response = client.post(url(people), follow=True)
    assert "已报送。报告已锁定，退回前不能再修改。" in response.content.decode()
    assert status(people) == "submitted"
    event = Event.objects.get(report=people.report, kind="transition")
    assert (event.user, event.from_status, event.to_status) == (people.bob, "draft", "submitted")
    client.force_login(people.alice)
    client.post(
        f"/r/{people.report.code}/table/t3/", table_post(people.report, t3__granted__natural="1")
    )
    assert Report.objects.get(pk=people.report.pk).cells["t3.granted.natural"] == "5"


def test_an_editor_cannot_submit(client, people):
    client.force_login(people.alice)
    response = client.post(url(people), follow=True)
    assert "只有审核签发人可以报送" in response.content.decode()
    assert status(people) == "draft"


def test_errors_block_submission(client, people):
    people.report.cells["t4.review.total"] = "6"
    people.report.save()
    client.force_login(people.bob)
    page = client.post(url(people), follow=True).content.decode()
    assert "不能报送：还有1个错误需要改正" in page
    assert status(people) == "draft"


def test_unexplained_warnings_block_submission(client, people):
    people.report.cells["t2.fees.amount"] = "15.5 万元"
    people.report.save()
    client.force_login(people.bob)
    page = client.post(url(people), follow=True).content.decode()
    assert "不能报送：还有1个警告没有在“检查结果”页填写说明" in page
    people.report.explanations = {"S4.format": "已核对。"}
    people.report.save()
    client.post(url(people))
    assert status(people) == "submitted"


def test_an_empty_part_blocks_submission(client, people):
    people.report.narrative["s5"] = {"intro": " "}
    people.report.save()
    client.force_login(people.bob)
    page = client.post(url(people), follow=True).content.decode()
    assert "不能报送：“五、存在的主要问题及改进情况”还没有内容" in page


def test_a_double_submit_is_one_transition(client, people):
    client.force_login(people.bob)
    client.post(url(people))
    page = client.post(url(people), follow=True).content.decode()
    assert "报告当前状态为“已报送”，不能报送" in page
    assert Event.objects.filter(report=people.report, kind="transition").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_once_make_one_transition(people):
    def submit():
        report = Report.objects.get(pk=people.report.pk)
        return workflow.perform(report, "signer", "submit", people.bob).status

    results = at_once(submit)
    assert "submitted" in results
    assert [type(r) for r in results if r != "submitted"] == [workflow.Refused]
    assert Event.objects.filter(report=people.report, kind="transition").count() == 1


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.post(url(people)).status_code == 404
    assert status(people) == "draft"


def test_it_requires_rw_access(client, people):
    client.force_login(people.rita)
    assert client.post(url(people)).status_code == 403


def test_an_unknown_transition_is_refused(client, people):
    client.force_login(people.bob)
    page = client.post(
        f"/r/{people.report.code}/transition/publish_everything/", follow=True
    ).content.decode()
    assert "没有这个操作" in page


def _save_an_unreadable_cell(people):
    from gkreport.reports.editing import fingerprint, save_page
    from gkreport.reports.pages import page

    report = Report.objects.get(pk=people.report.pk)
    t3 = page(report.fmt, "t3")
    save_page(
        report, t3, people.alice, fingerprint(report, t3), {"cells": {"t3.granted.natural": "五"}}
    )


def test_a_save_between_the_checks_and_the_lock_refuses_the_submission(people, monkeypatch):
    """The signer's checks pass; before the status changes, the editor saves an error."""
    from gkreport.reports import checking

    checked = checking.submission_problems

    def checks_then_a_save_slips_in(report, result):
        problems = checked(report, result)
        _save_an_unreadable_cell(people)
        return problems

    monkeypatch.setattr(checking, "submission_problems", checks_then_a_save_slips_in)
    report = Report.objects.get(pk=people.report.pk)
    with pytest.raises(workflow.Refused) as refused:
        workflow.perform(report, "signer", "submit", people.bob)
    assert refused.value.reasons == ["报告内容刚刚被修改，请重新检查后再报送"]
    assert status(people) == "draft"
    assert Report.objects.get(pk=people.report.pk).cells["t3.granted.natural"] == "五"


def test_an_explanation_removed_after_the_checks_refuses_the_submission(client, people):
    people.report.cells["t2.fees.amount"] = "15.5 万元"
    people.report.explanations = {"S4.format": "已核对。"}
    people.report.save()
    report = Report.objects.get(pk=people.report.pk)  # what the signer's request loaded
    client.force_login(people.alice)
    client.post(f"/r/{people.report.code}/checks/", {"S4.format": ""})
    with pytest.raises(workflow.Refused):
        workflow.perform(report, "signer", "submit", people.bob)
    assert status(people) == "draft"


@pytest.mark.django_db(transaction=True)
def test_submitting_while_an_editor_saves_never_submits_unchecked_content(people):
    def submit():
        report = Report.objects.get(pk=people.report.pk)
        return workflow.perform(report, "signer", "submit", people.bob).status

    for _ in range(15):
        Report.objects.filter(pk=people.report.pk).update(status="draft")
        clean = Report.objects.get(pk=people.report.pk)
        clean.cells = {**clean.cells, "t3.granted.natural": "5"}
        clean.save()
        turns = [submit, lambda: _save_an_unreadable_cell(people)]
        results = at_once(lambda turns=turns: turns.pop()(), times=2)
        stored = Report.objects.get(pk=people.report.pk)
        if stored.status == "submitted":
            snapshot = stored.events.filter(to_status="submitted").first().snapshot
            assert snapshot["cells"] == stored.cells, results
            assert stored.cells["t3.granted.natural"] == "5", results


def test_blank_cells_refuse_the_submission_and_the_checks_page_lists_them(client, people):
    people.report.cells["t4.review.pending"] = ""
    people.report.save()
    client.force_login(people.bob)
    response = client.post(url(people), follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/r/{people.report.code}/checks/"
    assert "不能报送：表四还有1格未填" in page
    assert f'href="/r/{people.report.code}/table/t4/#cell-t4-review-pending">尚未审结' in page
    assert status(people) == "draft"


def test_submitting_asks_first_with_what_will_happen(client, people, offices):
    client.force_login(people.bob)
    response = client.get(url(people))
    page = response.content.decode()
    assert response.status_code == 200
    assert "确认报送" in page
    assert "报告将报送测试市政务公开办审核" in page
    assert "测试市政务公开办的1位工作人员将收到邮件通知" in page  # Olivia, the reviewer
    assert "锁定为只读" in page
    assert f'action="{url(people)}"' in page and 'name="version" value="1"' in page
    assert status(people) == "draft"  # looking is not submitting
    client.post(url(people), {"version": "1"})
    assert status(people) == "submitted"


def test_the_confirmation_says_why_it_cannot_be_submitted_yet(client, people):
    people.report.cells["t4.review.total"] = "6"
    people.report.save()
    client.force_login(people.bob)
    page = client.get(url(people)).content.decode()
    assert "暂不能报送" in page and "不能报送：还有1个错误需要改正" in page
    assert "确认报送" not in page


def test_the_confirmation_checks_ownership_and_rights(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404
    client.force_login(people.rita)
    assert client.get(url(people)).status_code == 403
    client.force_login(people.bob)
    assert client.get(f"/r/{people.report.code}/transition/publish_everything/").status_code == 404


def test_a_report_changed_after_the_confirmation_was_shown_is_not_submitted(client, people):
    client.force_login(people.bob)
    client.get(url(people))  # the confirmation shows version 1
    people.report.preamble = "本报告根据《条例》编制。"  # an editor saves meanwhile
    people.report.save()
    page = client.post(url(people), {"version": "1"}, follow=True).content.decode()
    assert "报告在您打开页面之后已有变化，请查看最新内容后再报送" in page
    assert status(people) == "draft"
