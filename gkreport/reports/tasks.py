"""Background tasks of the drafting pages and of the workflow (run by `manage.py gk_worker`).

Every task is safe to run twice: a worker that dies mid-way has its task queued again
(gkreport/task_recovery.py), and files are written whole under their final names.
"""

from django_tasks import task


@task()
def render_draft_pdf(report_id: int, version: int | None = None) -> None:
    """Render and store the draft's PDF after a save, so 下载PDF seldom waits for it. A task
    queued for a version that a later save has replaced does nothing: that save's own task
    renders what the agency will download, and busy workers do not fall behind on drafts
    nobody can download any more."""
    _store_pdf(report_id, final=False, version=version)


@task()
def render_final_pdf(report_id: int) -> None:
    """Render and store the final PDF once a report is approved, so publishing (one report or
    a region's at once) freezes stored bytes instead of rendering in the request."""
    _store_pdf(report_id, final=True)


def _store_pdf(report_id: int, *, final: bool, version: int | None = None) -> None:
    from gkreport.printing import pdf_store
    from gkreport.reports.models import Report

    report = Report.objects.select_related("agency").filter(pk=report_id).first()
    if report is not None and version in (None, report.version):
        pdf_store.report_pdf(report, final=final)


@task()
def send_notification(report_id: int, transition: str, user_id: int | None, comment: str) -> int:
    """The e-mail of a transition, sent by a worker: a slow or absent mail server never
    delays the page that made the transition."""
    from django.contrib.auth import get_user_model

    from gkreport.reports.models import Report
    from gkreport.reports.notifications import notify
    from gkreport.reports.workflow import TRANSITIONS

    report = Report.objects.select_related("agency").filter(pk=report_id).first()
    if report is None:
        return 0
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return notify(report, TRANSITIONS[transition], user, comment)


@task()
def recount(region_id: int, year: int) -> None:
    """Count again the findings of reports whose context changed (a neighbour's save or
    transition, last year's report): the dashboard shows what their pages show."""
    from gkreport.reports.checking import recount_queued

    recount_queued(region_id, year)
