"""Background tasks of the supervising office (run by `manage.py gk_worker`)."""

from django_tasks import task

from gkreport.review import batch_run


@task()
def run_batch(batch_id: int, run: int) -> None:
    batch_run.run(batch_id, run)


@task()
def publish_requested(request_id: int) -> None:
    """One report of a 批量公开 (gkreport/review/bulk_publish.py)."""
    from gkreport.review import bulk_publish

    bulk_publish.publish(request_id)
