"""Saves that change other reports' context queue one recount of the region's year at a
time; the recount clears its marker first, so a later save queues the next one."""

from datetime import timedelta

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from gkreport.reports.checking import queue_recount, recount_queued
from gkreport.reports.models import RecountQueued


def recounts():
    return DBTaskResult.objects.filter(task_path__endswith="tasks.recount").count()


def test_many_saves_queue_one_recount_until_it_runs(people, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    region, year = people.agency.region_id, people.report.year
    for _ in range(5):
        queue_recount(region, year)
    assert recounts() == 1
    recount_queued(region, year)  # the worker starts it
    queue_recount(region, year)
    assert recounts() == 2


def test_a_marker_whose_task_was_lost_does_not_stop_recounts(people, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    region, year = people.agency.region_id, people.report.year
    RecountQueued.objects.create(
        region_id=region, year=year, queued_at=timezone.now() - timedelta(hours=1)
    )
    queue_recount(region, year)
    assert recounts() == 1


def test_the_recount_stores_what_the_pages_show(people):
    from gkreport.reports.models import Report

    Report.objects.filter(pk=people.report.pk).update(error_count=99, warning_count=99)
    recount_queued(people.agency.region_id, people.report.year)
    report = Report.objects.get(pk=people.report.pk)
    assert (report.error_count, report.warning_count) != (99, 99)
