"""Running a batch: read every file, then check every report that was read against the others.

Reading goes file by file, with the progress written after each, so the results page can show
it. The checks wait until all are read: a report's previous year (S1, S2) and its same-year
peers (S5) may be any other file of the batch. A run that was superseded (the office started
the batch again) stops at the next file.
"""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from gkreport.checks import check_report
from gkreport.checks.report import present_legacy_cells, report_format
from gkreport.imports.text import ImportError_
from gkreport.imports.uploaded import read_uploaded
from gkreport.lib.fetch import FetchRefused, fetch, policy_from_settings
from gkreport.review.batch_storage import read_batch_file, store_batch_file
from gkreport.review.models import Batch, BatchItem
from gkreport.task_recovery import heartbeat

logger = logging.getLogger(__name__)

MAX_LISTED = 200  # findings, unplaced texts and notes kept per file; beyond, a count
UNEXPECTED = "读取时发生意外错误，这个文件没有检查（已记入日志）"


def start(batch: Batch) -> None:
    """Queue a (new or repeated) run of the batch in the background."""
    from gkreport.review.tasks import run_batch

    run_batch.enqueue(batch.pk, batch.run)


def rerun(batch: Batch) -> Batch:
    """Reset the batch for a new run: files read again from their stored bytes; a URL that
    could not be fetched is fetched again; a file refused at upload stays refused."""
    with transaction.atomic():
        Batch.objects.filter(pk=batch.pk).update(
            run=F("run") + 1, status=Batch.Status.QUEUED, progress=0, message=""
        )
        batch.items.exclude(file="", source_url="").update(
            status=BatchItem.Status.WAITING, result={}, error=""
        )
    batch.refresh_from_db()
    start(batch)
    return batch


def run(batch_id: int, run_number: int) -> None:
    current = Batch.objects.filter(pk=batch_id, run=run_number)
    if not current.update(status=Batch.Status.RUNNING, progress=0, updated=timezone.now()):
        return  # superseded or deleted
    try:
        readings = _read_all(batch_id, current)
        if readings is None:
            return
        current.update(status=Batch.Status.CHECKING, updated=timezone.now())
        _check_all(readings)
        current.update(status=Batch.Status.DONE, updated=timezone.now())
    except Exception:
        logger.exception("batch %s failed", batch_id)
        current.update(
            status=Batch.Status.FAILED,
            message="检查过程中发生意外错误（已记入日志），可以重新运行",
            updated=timezone.now(),
        )


def _read_all(batch_id, current) -> list | None:
    """[(item, report dict)] of the files read; None when this run was superseded."""
    readings = []
    items = BatchItem.objects.filter(batch_id=batch_id).order_by("position")
    policy = None
    for item in items.iterator(chunk_size=50):
        if item.status == BatchItem.Status.WAITING:
            fields = ["status", "result", "error"]
            try:
                if item.source_url and not item.file:
                    policy = policy or policy_from_settings()
                    fetched = fetch(item.source_url, policy)
                    item.file, item.name = store_batch_file(fetched.data), fetched.name
                    fields += ["file", "name"]  # kept: a new run reads what was fetched
                result = read_uploaded(item.name, read_batch_file(item.file.name)).result
            except (ImportError_, FetchRefused) as refused:
                item.status, item.error = BatchItem.Status.FAILED, str(refused)
            except Exception:
                logger.exception("batch %s: reading %s failed", batch_id, item.name)
                item.status, item.error = BatchItem.Status.FAILED, UNEXPECTED
            else:
                item.status, item.result = BatchItem.Status.READ, reading_summary(result)
                readings.append((item, result.report))
            item.save(update_fields=fields)
        if not current.update(progress=F("progress") + 1, updated=timezone.now()):
            return None
        heartbeat()  # hundreds of files may take longer than a stalled task is given
    return readings


def agency_key(name: str) -> str:
    return "".join((name or "").split())


def _check_all(readings) -> None:
    by_agency_year, by_year = {}, {}
    for _, report in readings:
        by_agency_year.setdefault((agency_key(report.get("agency")), report["year"]), report)
        by_year.setdefault(report["year"], []).append(report)
    for item, report in readings:
        key = agency_key(report.get("agency"))
        previous = by_agency_year.get((key, report["year"] - 1)) if key else None
        peers = [peer for peer in by_year[report["year"]] if peer is not report]
        result = check_report(report, previous=previous, peers=peers)
        item.result.update(check_summary(result, previous))
        item.status = BatchItem.Status.CHECKED
    with transaction.atomic():
        BatchItem.objects.bulk_update(
            [item for item, _ in readings], ["result", "status"], batch_size=100
        )


def _listed(items: list, more) -> list:
    if len(items) <= MAX_LISTED:
        return items
    return items[:MAX_LISTED] + [more(len(items) - MAX_LISTED)]


def reading_summary(result) -> dict:
    """What the results page and the Excel file show of a reading (JSON, no internal codes)."""
    report = result.report
    fmt = report_format(report)
    cells, unread = cell_reading(report, fmt)
    labels = {cell.code: cell.label for cell in fmt.cells}
    return {
        "agency": report.get("agency") or "",
        "year": report["year"],
        "format": fmt.version,
        "cells_total": len(cells),
        "cells_read": len(cells) - len(unread),
        "unread": _listed([labels.get(c, c) for c in unread], lambda n: f"另有{n}格"),
        "unplaced": _listed(
            [
                {"where": u.get("where", ""), "text": u.get("text", ""), "reason": u["reason"]}
                for u in result.unplaced
            ],
            lambda n: {"where": "", "text": "", "reason": f"另有{n}处未能读取的内容"},
        ),
        "notes": _listed([str(note) for note in result.notes], lambda n: f"另有{n}条读取说明"),
    }


def cell_reading(report: dict, fmt) -> tuple[list[str], list[str]]:
    """(the cells the report is made of, those the file did not give). A cell the reader
    never placed is missing from `raw` (or listed in `unread` where the reader says so);
    a blank cell it did find is there, empty."""
    legacy = present_legacy_cells(report, fmt)
    covered = {code for replaced in legacy.values() for code in replaced}
    cells = [cell.code for cell in fmt.cells if cell.code not in covered] + list(legacy)
    if "unread" in report:
        missing = set(report["unread"])
    else:
        raw = report.get("raw", {})
        missing = {code for code in cells if code not in raw}
    return cells, [code for code in cells if code in missing]


def check_summary(result, previous) -> dict:
    findings = [{"severity": f.severity, "message": f.message} for f in result.findings]
    return {
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "compared_with_previous": previous is not None,
        "findings": _listed(
            findings, lambda n: {"severity": "more", "message": f"另有{n}个问题未列出"}
        ),
    }
