"""Submitting a report mails the reviewers of the acting office."""

from django.core import mail

from gkreport.reports.models import Report
from tests.review.conftest import submit


def test_submit_notifies_the_reviewers(client, people, offices, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, people)
    assert Report.objects.get(pk=people.report.pk).status == "submitted"
    (message,) = mail.outbox
    assert message.to == ["olivia@example.cn"]  # the acting office's reviewer only
    assert message.subject == "【待审核】测试市行政审批服务局报送了2023年度政府信息公开工作年度报告"
