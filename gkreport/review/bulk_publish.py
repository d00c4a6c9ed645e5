"""批量公开: an office publishes the approved reports of a year at once, in the background.

Each chosen report becomes a PublishRequest and a task; a worker publishes it through the
one workflow (the same checks, event log, frozen snapshot and hashed PDF as one click on the
review page) and records the outcome, so the page can show progress and every refusal's
reason. The final PDFs are usually stored already (rendered when each report was approved).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gkreport.pdf import PdfError
from gkreport.reports import workflow
from gkreport.reports.models import Report
from gkreport.review.access import jurisdiction
from gkreport.review.models import Office, PublishRequest
from gkreport.vocabulary import OfficeRole
from gkreport.vocabulary import Status as S

logger = logging.getLogger(__name__)

PDF_FAILED = "生成PDF失败，请在审核页面单独公开或联系系统管理员"
UNEXPECTED = "公开时发生意外错误（已记入日志），请在审核页面单独公开或联系系统管理员"
LOST = "后台任务没有完成（可能是后台服务停止了），可以重新选择公开"


def _lost_before():
    """A request still queued after every attempt its task could have had was lost with its
    worker: it no longer holds the report back and the page says so."""
    seconds = settings.TASK_STALLED_SECONDS * (settings.TASK_MAX_ATTEMPTS + 1)
    return timezone.now() - timedelta(seconds=seconds)


def candidates(office: Office, year: int) -> list[Report]:
    """The approved reports of the year the office may publish, and not queued already."""
    acting, _ = jurisdiction(office)
    queued = PublishRequest.objects.filter(
        state=PublishRequest.State.QUEUED, requested_at__gte=_lost_before()
    ).values("report")
    return list(
        Report.objects.filter(year=year, agency__region_id__in=acting, status=S.APPROVED)
        .exclude(pk__in=queued)
        .select_related("agency")
        .order_by("agency__name")
    )


def queue(office: Office, year: int, picked: list[str], user) -> int:
    """Queue the picked reports ("<id>:<version>" as the page showed them). Reports no longer
    approved or not the office's are skipped; their version goes with them, so content
    changed since the page was shown is refused by the worker, not published unseen."""
    allowed = {report.pk: report for report in candidates(office, year)}
    chosen = {}
    for value in picked[: len(allowed)]:
        pk, _, version = value.partition(":")
        if pk.isdigit() and version.isdigit() and int(pk) in allowed:
            chosen[int(pk)] = int(version)
    with transaction.atomic():
        requests = PublishRequest.objects.bulk_create(
            PublishRequest(office=office, report_id=pk, version=v, requested_by=user)
            for pk, v in chosen.items()
        )
    from gkreport.review.tasks import publish_requested

    ids = [request.pk for request in requests]
    transaction.on_commit(lambda: [publish_requested.enqueue(pk) for pk in ids])
    return len(ids)


def publish(request_id: int) -> None:
    """The worker's half. Safe to run twice: a request already settled is left alone, and a
    report this request already published (a worker that died before recording it) counts
    as done."""
    request = (
        PublishRequest.objects.select_related("report__agency", "requested_by")
        .filter(pk=request_id, state=PublishRequest.State.QUEUED)
        .first()
    )
    if request is None:
        return
    report = request.report
    if report.versions.filter(published_at__gte=request.requested_at).exists():
        return _settle(request, PublishRequest.State.DONE)
    try:
        workflow.perform(
            report, OfficeRole.REVIEWER, "publish", request.requested_by, "", request.version
        )
    except workflow.Refused as refused:
        return _settle(request, PublishRequest.State.REFUSED, "；".join(refused.reasons))
    except PdfError:
        return _settle(request, PublishRequest.State.REFUSED, PDF_FAILED)
    except Exception:  # noqa: BLE001 - the office must see it ended; the log keeps why
        logger.exception("bulk publishing of report %s failed", report.pk)
        return _settle(request, PublishRequest.State.REFUSED, UNEXPECTED)
    _settle(request, PublishRequest.State.DONE)


def _settle(request: PublishRequest, state: str, reason: str = "") -> None:
    PublishRequest.objects.filter(pk=request.pk, state=PublishRequest.State.QUEUED).update(
        state=state, reason=reason, finished_at=timezone.now()
    )


def progress(office: Office, year: int) -> dict:
    """The office's latest request per report of the year, and the counts for the page."""
    latest = {}
    for request in PublishRequest.objects.filter(office=office, report__year=year).select_related(
        "report__agency"
    ):
        latest.setdefault(request.report_id, request)  # newest first
    lost_before = _lost_before()
    for row in latest.values():
        if row.state == PublishRequest.State.QUEUED and row.requested_at < lost_before:
            row.state, row.reason = PublishRequest.State.REFUSED, LOST  # shown, not saved
    rows = sorted(
        latest.values(),
        key=lambda r: (r.state != PublishRequest.State.REFUSED, r.report.agency.name),
    )
    counts = {state: 0 for state in PublishRequest.State.values}
    for row in rows:
        counts[row.state] += 1
    return {"rows": rows, "counts": counts, "waiting": counts[PublishRequest.State.QUEUED]}
