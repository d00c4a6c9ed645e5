"""Review: comments the agency sees on return, the diff of resubmissions, notifications."""

from django.core import mail

from gkreport.reports.models import Report
from tests.reports.helpers import table_post


def submit(client, people):
    client.force_login(people.bob)
    return client.post(f"/r/{people.report.code}/transition/submit/")


def test_submit_notifies_the_reviewers(client, people, offices, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, people)
    assert Report.objects.get(pk=people.report.pk).status == "submitted"
    (message,) = mail.outbox
    assert message.to == ["olivia@example.cn"]  # the acting office's reviewer only
    assert message.subject == "【待审核】测试市行政审批服务局报送了2023年度政府信息公开工作年度报告"


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


def test_the_reviewer_sees_what_changed_since_the_last_submission(client, people, offices):
    submit(client, people)
    client.force_login(offices.olivia)
    client.post(f"/review/{people.report.code}/transition/return/", {"comment": "表三有误"})
    client.force_login(people.alice)
    data = table_post(
        people.report,
        t3__granted__natural="6",
        t3__granted__total="7",
        t3__total_processed__natural="8",
        t3__total_processed__total="9",
        t3__new_received__natural="9",
        t3__new_received__total="10",
    )
    client.post(f"/r/{people.report.code}/table/t3/", data)
    client.post(
        f"/r/{people.report.code}/part/s1/",
        {
            "fingerprint": __import__("tests.reports.helpers", fromlist=["seen"]).seen(
                people.report, "s1"
            ),
            "intro": "2023年，本局认真贯彻落实《条例》。\n",
            "1": "（一）主动公开\n全年主动公开政府信息320条。\n",
            "2": "（二）依申请公开\n全年共收到政府信息公开申请10件。",
        },
    )
    submit(client, people)
    assert Report.objects.get(pk=people.report.pk).status == "submitted"
    client.force_login(offices.olivia)
    page = client.get(f"/review/{people.report.code}/").content.decode()
    assert "与上次报送" in page and "修改：7处" in page
    assert "表三 （一）予以公开 自然人" in page
    assert "全年共收到政府信息公开申请10件" in page


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


def test_a_damaged_published_file_is_refused_on_the_review_page(client, people, offices):
    from django.core.files.storage import default_storage

    submit(client, people)
    client.force_login(offices.olivia)
    client.post(f"/review/{people.report.code}/transition/approve/")
    client.post(f"/review/{people.report.code}/transition/publish/")
    version = Report.objects.get(pk=people.report.pk).versions.get()
    with open(default_storage.path(version.pdf_file.name), "ab") as stored:
        stored.write(b"appended")
    response = client.get(f"/review/{people.report.code}/pdf/", follow=True)
    assert response.status_code == 200
    assert b"appended" not in response.content
    assert "已公开的报告文件与公开时的文件不一致或无法读取" in response.content.decode()
