"""End to end with the real queue: the upload queues a task in the database and returns at
once; `manage.py db_worker` (a separate process, as `make run` starts it) runs it."""

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from gkreport.review.models import Batch, BatchItem
from tests.database import run_worker_batch
from tests.review.batch_data import APPROVALS, CHIPING, make_zip, seed, upload

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_runs_a_queued_batch(client, offices, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(offices.olivia)
    archive = make_zip({"a.txt": seed(CHIPING), "b.txt": seed(APPROVALS)})
    response = client.post(
        reverse("batches", args=[offices.office.code]), {"files": [upload("x.zip", archive)]}
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    batch = Batch.objects.get()
    assert batch.status == Batch.Status.QUEUED  # nothing was read in the request
    progress = reverse("batch_progress", args=[offices.office.code, batch.code])
    assert client.get(progress).json()["label"] == "排队等待"
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "gkreport.review.tasks.run_batch"

    worker = run_worker_batch()
    assert worker.returncode == 0, worker.stderr

    batch.refresh_from_db()
    assert batch.status == Batch.Status.DONE
    assert set(batch.items.values_list("status", flat=True)) == {BatchItem.Status.CHECKED}
    assert client.get(progress).json()["percent"] == 100
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
