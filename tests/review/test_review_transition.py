"""The office returns, approves and publishes; returning needs a comment and reaches the agency."""

from django.core import mail

from gkreport.reports.models import Report
from tests.review.conftest import set_status, submit


def test_it_checks_ownership(client, people, offices):
    set_status(people.report, "submitted")
    for person in (offices.oscar, people.bob):
        client.force_login(person)
        response = client.post(f"/review/{people.report.code}/transition/approve/")
        assert response.status_code == 404
    assert Report.objects.get(pk=people.report.pk).status == "submitted"


def test_it_requires_rw_access(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.victor)
    response = client.post(f"/review/{people.report.code}/transition/approve/")
    assert response.status_code == 403
    assert Report.objects.get(pk=people.report.pk).status == "submitted"


def test_return_with_a_comment_on_table3_reaches_the_agency(
    client, people, offices, django_capture_on_commit_callbacks
):
    submit(client, people)
    client.force_login(offices.olivia)
    client.post(
        f"/review/{people.report.code}/comment/",
        {"target": "t3", "text": "（一）予以公开自然人数字请核对"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/review/{people.report.code}/transition/return/", {"comment": "表三有误"}
        )
    assert response.status_code == 302
    assert Report.objects.get(pk=people.report.pk).status == "returned"
    assert "【已退回】" in mail.outbox[-1].subject
    assert set(mail.outbox[-1].to) == {"alice@example.cn", "bob@example.cn"}
    client.force_login(people.alice)
    page = client.get(f"/r/{people.report.code}/table/t3/").content.decode()
    assert "主管部门退回意见" in page and "（一）予以公开自然人数字请核对" in page
    page = client.get(f"/r/{people.report.code}/table/t2/").content.decode()
    assert "（一）予以公开自然人数字请核对" not in page  # shown where it belongs


def test_return_without_a_comment_is_refused(client, people, offices):
    submit(client, people)
    client.force_login(offices.olivia)
    response = client.post(
        f"/review/{people.report.code}/transition/return/", {"comment": ""}, follow=True
    )
    assert "退回修改需要填写意见" in response.content.decode()
    assert Report.objects.get(pk=people.report.pk).status == "submitted"


def test_approve_and_publish_from_the_review_page(client, people, offices):
    submit(client, people)
    client.force_login(offices.olivia)
    client.post(f"/review/{people.report.code}/transition/approve/")
    client.post(f"/review/{people.report.code}/transition/publish/")
    report = Report.objects.get(pk=people.report.pk)
    assert report.status == "published"
    page = client.get(f"/review/{people.report.code}/").content.decode()
    assert "第1版" in page and "（现行）" in page
    response = client.get(f"/review/{people.report.code}/pdf/")
    assert response.content == report.versions.get().pdf_bytes()  # the frozen bytes


def url(people, name):
    return f"/review/{people.report.code}/transition/{name}/"


def test_approving_asks_first_and_says_what_follows(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.olivia)
    page = client.get(url(people, "approve")).content.decode()
    assert "确认审核通过" in page
    assert "报告状态将变为“已审核”" in page and "下一步由主管部门公开" in page
    assert "测试市政务公开办</a> › <a" in page  # the breadcrumb names the office
    assert Report.objects.get(pk=people.report.pk).status == "submitted"


def test_publishing_asks_first_and_says_it_is_frozen_public_and_final(client, people, offices):
    set_status(people.report, "approved")
    client.force_login(offices.olivia)
    page = client.get(url(people, "publish")).content.decode()
    assert "确认公开" in page
    assert "SHA-256" in page and "不能更改" in page and "公开不能撤回" in page
    assert f"http://testserver/public/agency/{people.agency.code}/2023/" in page
    assert "替换现行" not in page  # the first version
    assert Report.objects.get(pk=people.report.pk).status == "approved"


def test_publishing_a_correction_says_which_version_it_replaces(client, people, offices):
    from tests.public.conftest import publish

    publish(people.report, people.bob)
    Report.objects.filter(pk=people.report.pk).update(status="approved")
    client.force_login(offices.olivia)
    page = client.get(url(people, "publish")).content.decode()
    assert "将作为第2版替换现行的第1版" in page


def test_after_publishing_the_message_links_to_the_public_page(client, people, offices):
    set_status(people.report, "approved")
    client.force_login(offices.olivia)
    response = client.post(url(people, "publish"), {"version": "1"}, follow=True)
    public = f"http://testserver/public/agency/{people.agency.code}/2023/"
    assert f'已公开：报告与PDF已定稿保存。 公开页面：<a href="{public}">{public}</a>' in (
        response.content.decode()
    )
    assert client.get(public).status_code == 200


def test_a_confirmation_that_does_not_apply_any_more_says_why(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.olivia)
    page = client.get(url(people, "publish")).content.decode()
    assert "暂不能公开" in page and "报告当前状态为“已报送”，不能公开" in page
    assert "确认公开" not in page


def test_the_confirmation_checks_ownership_and_rights(client, people, offices):
    set_status(people.report, "submitted")
    for person in (offices.oscar, people.bob):
        client.force_login(person)
        assert client.get(url(people, "approve")).status_code == 404
    client.force_login(offices.victor)
    assert client.get(url(people, "approve")).status_code == 403
    client.force_login(offices.olivia)
    assert client.get(url(people, "nothing")).status_code == 404


def test_a_stale_confirmation_is_refused(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.olivia)
    response = client.post(url(people, "approve"), {"version": "0"}, follow=True)
    assert "报告在您打开页面之后已有变化，请查看最新内容后再审核通过" in response.content.decode()
    assert Report.objects.get(pk=people.report.pk).status == "submitted"


def test_returning_is_one_form_with_its_comment(client, people, offices):
    """Returning needs a comment and can be undone by resubmitting: no confirmation."""
    set_status(people.report, "submitted")
    client.force_login(offices.olivia)
    page = client.get(f"/review/{people.report.code}/").content.decode()
    assert f'<form method="post" action="{url(people, "return")}"' in page
    assert 'name="comment"' in page
    assert f'href="{url(people, "approve")}" data-confirm="confirm-approve"' in page
