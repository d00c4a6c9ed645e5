import pytest

from gkreport.reports import workflow
from gkreport.reports.models import Report


def publish(report, user):
    workflow.perform(report, "signer", "submit", user)
    workflow.perform(report, "reviewer", "approve", user)
    workflow.perform(report, "reviewer", "publish", user)
    return Report.objects.get(pk=report.pk)


def publish_as_printed(report, user):
    """Publish a report whatever its findings (as the seeds were, in real life)."""
    Report.objects.filter(pk=report.pk).update(status="approved")
    report.refresh_from_db()
    report._loaded_status = "approved"
    workflow.perform(report, "reviewer", "publish", user)
    return Report.objects.get(pk=report.pk)


@pytest.fixture
def published(people):
    return publish(people.report, people.bob)
