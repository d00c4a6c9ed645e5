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
