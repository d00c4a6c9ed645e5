"""A task whose worker died (left RUNNING) is queued again and run by the next worker; after
TASK_MAX_ATTEMPTS claims it is given up, with the reason."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from gkreport.printing import pdf_store
from gkreport.reports.models import Report
from gkreport.reports.tasks import render_draft_pdf
from gkreport.task_recovery import requeue_stalled
from tests.database import run_worker_batch

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def left_running(report, *, minutes_ago, workers=("dead-worker",)):
    """What a worker killed mid-task leaves behind: a claimed task nobody will finish."""
    result = render_draft_pdf.enqueue(report.pk)
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
        worker_ids=list(workers),
    )
    return DBTaskResult.objects.get(pk=result.id)


def test_only_tasks_running_for_too_long_are_queued_again(queue, people):
    stalled = left_running(people.report, minutes_ago=30)
    busy = left_running(people.report, minutes_ago=1)
    assert requeue_stalled() == {"requeued": 1, "failed": 0}
    assert DBTaskResult.objects.get(pk=stalled.pk).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=busy.pk).status == TaskResultStatus.RUNNING


def test_a_task_whose_workers_keep_dying_is_given_up_with_the_reason(queue, people):
    task = left_running(people.report, minutes_ago=30, workers=("w1", "w2", "w3"))
    assert requeue_stalled() == {"requeued": 0, "failed": 1}
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert "3 attempts" in task.traceback


def test_the_next_worker_runs_the_dead_workers_task_to_the_end(queue, people, settings):
    """The draft PDF a dead worker was rendering is rendered and stored by `gk_worker`."""
    report = Report.objects.select_related("agency").get(pk=people.report.pk)
    task = left_running(report, minutes_ago=30)
    completed = run_worker_batch(
        "gk_worker", timeout=180, PDF_CACHE_DIR=str(settings.PDF_CACHE_DIR)
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert len(task.worker_ids) == 2  # the dead one, then the one that finished it
    stored = pdf_store.storage().open(pdf_store._name(pdf_store.pdf_key(report)), "rb").read()
    assert stored.startswith(b"%PDF")


def test_a_long_task_that_reports_its_steps_is_not_taken_for_stalled(queue, people, monkeypatch):
    from gkreport import task_recovery

    task = left_running(people.report, minutes_ago=30)
    monkeypatch.setitem(task_recovery._running, "id", task.pk)
    task_recovery.heartbeat()  # the batch check does this after each file
    assert requeue_stalled() == {"requeued": 0, "failed": 0}
    assert DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.RUNNING
