"""Tasks whose worker died are run again.

The database queue marks a task RUNNING when a worker claims it and never looks at it again:
a worker killed mid-task (a machine lost, an out-of-memory kill, a deploy) leaves it RUNNING
for ever. Every task of gkreport is safe to run twice (files are written whole under their
final names, each write checks the state it expects), so a task RUNNING for longer than any
task takes is queued again, up to TASK_MAX_ATTEMPTS claims; then it is marked failed, with
the reason, for the operator (/healthz counts failed tasks).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

GAVE_UP = "gkreport.task_recovery.WorkerStopped"

# The task this worker process is running (a worker runs one at a time), set by gk_worker.
_running: dict = {"id": None}


def remember_running(sender, task_result, **kwargs) -> None:
    _running["id"] = task_result.id


def heartbeat() -> None:
    """A long task's “still here”: renews its claim. Nothing outside a gk_worker."""
    if _running["id"] is not None:
        DBTaskResult.objects.filter(pk=_running["id"], status=TaskResultStatus.RUNNING).update(
            started_at=timezone.now()
        )


def requeue_stalled(now=None) -> dict:
    """Queue again (or fail, after too many attempts) the tasks RUNNING for too long.
    Each row is changed only if it is still the run this call saw, so a task that finishes
    meanwhile keeps its result, and two workers recovering at once act once."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.TASK_STALLED_SECONDS)
    stalled = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
    counts = {"requeued": 0, "failed": 0}
    for row in stalled.only("id", "started_at", "worker_ids", "task_path"):
        same_run = DBTaskResult.objects.filter(
            pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at
        )
        if len(row.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
            changed = same_run.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=GAVE_UP,
                traceback=f"no worker finished this task in {len(row.worker_ids)} attempts",
            )
            counts["failed"] += changed
            if changed:
                logger.error(
                    "task %s %s given up after %d attempts",
                    row.pk,
                    row.task_path,
                    len(row.worker_ids),
                )
        else:
            changed = same_run.update(status=TaskResultStatus.READY, started_at=None)
            counts["requeued"] += changed
            if changed:
                logger.warning("task %s %s queued again: its worker stopped", row.pk, row.task_path)
    return counts
