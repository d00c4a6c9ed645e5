"""Background tasks of the supervising office (run by `manage.py db_worker`)."""

from django_tasks import task

from gkreport.review import batch_run


@task()
def run_batch(batch_id: int, run: int) -> None:
    batch_run.run(batch_id, run)
