"""批量公开: the office chooses approved reports; workers publish them through the workflow and
the page shows each outcome."""

import pytest
from django.urls import reverse

from gkreport.public.models import PublishedVersion
from gkreport.reports import workflow
from gkreport.reports.models import Report
from gkreport.review import bulk_publish
from gkreport.review.models import PublishRequest


def url(offices, year=2023):
    return reverse("publish_many", args=[offices.office.code, year])


@pytest.fixture
def approved(people):
    workflow.perform(people.report, "signer", "submit", people.bob)
    workflow.perform(people.report, "reviewer", "approve", people.bob)
    return Report.objects.get(pk=people.report.pk)


def test_the_page_lists_the_approved_reports_and_says_what_publishing_does(
    olivia, offices, approved
):
    page = olivia.get(url(offices)).content.decode()
    assert f'value="{approved.pk}:{approved.version}"' in page
    assert "公开不能撤回" in page and "公开所选报告" in page


def test_chosen_reports_are_published_in_the_background_and_shown_as_published(
    olivia, offices, approved, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = olivia.post(url(offices), {"report": [f"{approved.pk}:{approved.version}"]})
    assert response.status_code == 302
    version = PublishedVersion.objects.get(report=approved)
    assert version.is_current and len(version.sha256) == 64
    assert Report.objects.get(pk=approved.pk).status == "published"
    page = olivia.get(url(offices)).content.decode()
    assert "已公开 1 份" in page
    assert reverse("public_report", args=[approved.agency.code, 2023]) in page
    assert f'value="{approved.pk}:' not in page  # no longer offered


def test_a_report_changed_since_the_page_was_shown_is_refused_with_the_reason(
    olivia, offices, approved, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        olivia.post(url(offices), {"report": [f"{approved.pk}:{approved.version - 1}"]})
    assert not PublishedVersion.objects.exists()
    request = PublishRequest.objects.get()
    assert request.state == "refused" and "已有变化" in request.reason
    page = olivia.get(url(offices)).content.decode()
    assert "未能公开" in page and "已有变化" in page


def test_a_request_run_again_after_its_worker_died_publishes_once(offices, approved, people):
    (request,) = PublishRequest.objects.bulk_create(
        [PublishRequest(office=offices.office, report=approved, version=approved.version)]
    )
    request.requested_by = offices.olivia
    request.save()
    workflow.perform(approved, "reviewer", "publish", offices.olivia)  # the first run's work
    bulk_publish.publish(request.pk)  # the worker died before recording it: run again
    assert PublishedVersion.objects.filter(report=approved).count() == 1
    assert PublishRequest.objects.get().state == "done"


def test_a_viewer_sees_the_list_but_cannot_publish(client, offices, approved):
    client.force_login(offices.victor)
    page = client.get(url(offices)).content.decode()
    assert "只读" in page
    response = client.post(url(offices), {"report": [f"{approved.pk}:{approved.version}"]})
    assert response.status_code == 403
    assert not PublishRequest.objects.exists()


def test_another_office_gets_404_and_cannot_publish_our_reports(client, offices, approved):
    client.force_login(offices.oscar)
    assert client.get(url(offices)).status_code == 404
    other = reverse("publish_many", args=[offices.other_office.code, 2023])
    client.post(other, {"report": [f"{approved.pk}:{approved.version}"]})
    assert not PublishRequest.objects.exists()


def test_an_unexpected_failure_is_shown_and_the_report_can_be_chosen_again(
    olivia, offices, approved, monkeypatch, django_capture_on_commit_callbacks
):
    from gkreport.reports import workflow as flow

    def broken(*args, **kwargs):
        raise OSError("storage unreachable")

    monkeypatch.setattr(flow, "perform", broken)
    with django_capture_on_commit_callbacks(execute=True):
        olivia.post(url(offices), {"report": [f"{approved.pk}:{approved.version}"]})
    assert PublishRequest.objects.get().state == "refused"
    page = olivia.get(url(offices)).content.decode()
    assert "意外错误" in page and f'value="{approved.pk}:{approved.version}"' in page


def test_a_request_lost_with_its_worker_no_longer_holds_the_report(olivia, offices, approved):
    from datetime import timedelta

    from django.utils import timezone

    PublishRequest.objects.create(
        office=offices.office,
        report=approved,
        version=approved.version,
        requested_at=timezone.now() - timedelta(days=1),
    )
    page = olivia.get(url(offices)).content.decode()
    assert "后台任务没有完成" in page
    assert f'value="{approved.pk}:{approved.version}"' in page
