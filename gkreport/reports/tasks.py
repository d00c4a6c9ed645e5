"""Background tasks of the drafting pages (run by `manage.py db_worker`)."""

from django_tasks import task


@task()
def render_draft_pdf(report_id: int) -> None:
    """Render and store the draft's PDF after a save, so 下载PDF seldom waits for it."""
    from gkreport.printing import pdf_store
    from gkreport.reports.models import Report

    report = Report.objects.select_related("agency").filter(pk=report_id).first()
    if report is not None:
        pdf_store.report_pdf(report)


@task()
def recount(report_ids: list[int]) -> None:
    """Count again the findings of reports whose context changed (a neighbour's save or
    transition, last year's report): the dashboard shows what their pages show."""
    from gkreport.reports.checking import recount_reports

    recount_reports(report_ids)
