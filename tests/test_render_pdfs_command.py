"""After a layout change, `gk_render_pdfs` queues the PDFs of unpublished reports for the
workers; published reports keep their frozen PDF."""

from io import StringIO

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from gkreport.reports import workflow
from gkreport.reports.models import Report


def test_unpublished_reports_are_queued_and_approved_ones_also_as_final(people, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    other = Report.objects.create(agency=people.other_agency, year=2023)
    workflow.perform(people.report, "signer", "submit", people.bob)
    workflow.perform(people.report, "reviewer", "approve", people.bob)
    DBTaskResult.objects.all().delete()  # what the steps themselves queued
    out = StringIO()
    call_command("gk_render_pdfs", "--year", "2023", stdout=out)
    paths = list(DBTaskResult.objects.values_list("task_path", "args_kwargs"))
    drafts = [args for path, args in paths if path.endswith("render_draft_pdf")]
    finals = [args for path, args in paths if path.endswith("render_final_pdf")]
    assert sorted(a["args"][0] for a in drafts) == sorted([people.report.pk, other.pk])
    assert [a["args"][0] for a in finals] == [people.report.pk]
    assert "2 份报告的PDF，其中 1 份" in out.getvalue()


def test_published_reports_are_not_rendered_again(people, settings):
    from tests.public.conftest import publish

    publish(people.report, people.bob)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("gk_render_pdfs", stdout=StringIO())
    assert not DBTaskResult.objects.filter(args_kwargs__args__0=people.report.pk).exists()
