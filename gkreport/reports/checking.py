"""The one way a stored report is judged: its context, its checks, its saved counts.

A stored report is checked with the context built here and nowhere else: last year's report
of the agency (S1, S2, S6, S11, S12), the same year's reports of the other agencies of its
region that the office can see (S5) and, for a government, those of its departments (S10), the date it
was first published and its deadline (S8). Every page, the saved counts the dashboard,
exports and admin list show, and the office's cross-report page use it, so one report shows
the same findings everywhere. A draft's peers never include other agencies' drafts.

The counts are saved at every change of a report, and the reports whose context holds it
(its region's reports of the year, its agency's next year) are counted again in the
background (`tasks.recount`).
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from gkreport.checks import CONTEXT_NEEDS, check_report
from gkreport.public.models import PublishedVersion
from gkreport.reports.models import Agency, RecountQueued, Report
from gkreport.review.deadlines import deadline_for, set_deadlines
from gkreport.vocabulary import VISIBLE_TO_OFFICE

# What a neighbour's check dict is made of: no import logs, no events, no explanations.
NEIGHBOUR_FIELDS = (
    "year",
    "format_version",
    "cells",
    "narrative",
    "status",
    "agency_id",
    "agency__name",
    "agency__kind",
    "agency__region_id",
)


def contexts_for(reports) -> dict[int, dict]:
    """{report pk: the keyword arguments of check_report} for stored reports (their agency
    loaded), in a fixed number of queries whatever their number."""
    reports = list(reports)
    if not reports:
        return {}
    years = {r.year for r in reports}
    regions = {r.agency.region_id for r in reports}
    dicts: dict[int, dict] = {}  # each neighbour turned into a check dict once

    def as_dict(report):
        if report.pk not in dicts:
            dicts[report.pk] = report.as_check_dict()
        return dicts[report.pk]

    previous = _last_years(reports) if "previous" in CONTEXT_NEEDS else {}
    neighbours = _neighbours(years, regions) if {"peers", "departments"} & CONTEXT_NEEDS else {}
    published = _first_published(reports) if "published_on" in CONTEXT_NEEDS else {}
    deadlines = set_deadlines(years, regions) if published else {}
    contexts = {}
    for report in reports:
        agency = report.agency
        others = [
            n
            for n in neighbours.get((agency.region_id, report.year), ())
            if n.agency_id != report.agency_id
        ]
        last_year = previous.get(report.agency_id, {}).get(report.year - 1)
        published_at = published.get(report.pk)
        contexts[report.pk] = {
            "previous": as_dict(last_year) if last_year else None,
            "peers": [as_dict(n) for n in others],
            "departments": [as_dict(n) for n in others if n.agency.kind == Agency.Kind.DEPARTMENT]
            if agency.kind == Agency.Kind.GOVERNMENT
            else [],
            "published_on": timezone.localdate(published_at) if published_at else None,
            "deadline": deadline_for(agency, report.year, deadlines) if published_at else None,
            # While it can still be edited (and was not imported as published), a blank
            # cell is progress, not an error.
            "draft": report.is_editable and not report.imported_from,
        }
    return contexts


def _last_years(reports) -> dict[int, dict[int, Report]]:
    wanted = Report.objects.filter(
        agency_id__in={r.agency_id for r in reports}, year__in={r.year - 1 for r in reports}
    ).select_related("agency")
    found: dict[int, dict[int, Report]] = {}
    for report in wanted:
        found.setdefault(report.agency_id, {})[report.year] = report
    return found


def _neighbours(years, regions) -> dict[tuple[int, int], list[Report]]:
    """The reports of these regions and years that have left their agency."""
    rows = (
        Report.objects.filter(
            year__in=years, agency__region_id__in=regions, status__in=VISIBLE_TO_OFFICE
        )
        .select_related("agency")
        .only(*NEIGHBOUR_FIELDS)
    )
    grouped: dict[tuple[int, int], list[Report]] = {}
    for report in rows:
        grouped.setdefault((report.agency.region_id, report.year), []).append(report)
    return grouped


def _first_published(reports) -> dict:
    return dict(
        PublishedVersion.objects.filter(report__in=reports, number=1).values_list(
            "report_id", "published_at"
        )
    )


def run_checks(report: Report):
    """The findings of one stored report. A report just saved carries the result its save
    counted (`refresh_counts`), so a request that saves and then shows the page runs the
    engine once."""
    checked = getattr(report, "_checked", None)
    if checked is not None and checked[0] == _as_checked(report):
        return checked[1]
    return check_report(report.as_check_dict(), **contexts_for([report])[report.pk])


def _as_checked(report: Report) -> tuple:
    """What a kept result was counted for: the content and the status."""
    return report._content(), report.status


def run_checks_many(reports) -> dict[int, object]:
    """{pk: result} for many stored reports (their agency loaded), with one set of queries."""
    reports = list(reports)
    contexts = contexts_for(reports)
    results = {}
    for report in reports:
        results[report.pk] = check_report(report.as_check_dict(), **contexts[report.pk])
    return results


def store_counts(report: Report, result) -> None:
    report.error_count, report.warning_count = len(result.errors), len(result.warnings)
    Report.objects.filter(pk=report.pk).update(
        error_count=report.error_count, warning_count=report.warning_count
    )


def refresh_counts(report: Report) -> None:
    """After a change to a report (content, status, publication): its counts now, and those
    of the reports whose context holds it once the change is committed."""
    report._checked = None
    result = run_checks(report)
    store_counts(report, result)
    report._checked = (_as_checked(report), result)
    if holds_others(report):
        region_id, year = report.agency.region_id, report.year
        transaction.on_commit(lambda: queue_recount(region_id, year))


def holds_others(report: Report) -> bool:
    """Whether other reports' context holds this one: the other agencies' reports of its
    region and year (peers, departments) or its agency's report of the next year. Those
    are recounted by the region's recount (queue_recount); here only whether any exist."""
    same_year = Q(year=report.year, agency__region_id=report.agency.region_id)
    next_year = Q(agency_id=report.agency_id, year=report.year + 1)
    return Report.objects.filter(same_year | next_year).exclude(pk=report.pk).exists()


def queue_recount(region_id: int, year: int) -> None:
    """One recount of a region's year queued at a time, however many saves ask for it: 50
    agencies saving every few seconds would otherwise queue 50 recounts of 50 reports each
    per round, and the workers would fall behind on PDFs. The marker is a row in the
    database, which every web process and worker shares; the task removes it before it
    reads, so a change committed after the recount started queues the next one."""
    from gkreport.reports.tasks import recount

    # The marker and the task are written in one transaction (the queue is in the same
    # database): a process that dies in between leaves neither.
    try:
        with transaction.atomic():
            marker, created = RecountQueued.objects.get_or_create(region_id=region_id, year=year)
            # A marker whose task never ran must not stop recounts for good.
            stale = timezone.now() - timedelta(seconds=settings.TASK_STALLED_SECONDS)
            if not created and marker.queued_at < stale:
                created = RecountQueued.objects.filter(
                    pk=marker.pk, queued_at=marker.queued_at
                ).update(queued_at=timezone.now())
            if created:
                recount.enqueue(region_id, year)
    except IntegrityError:  # another process queued it at the same moment
        return


def recount_queued(region_id: int, year: int) -> None:
    """The queued recount: the region's reports of the year, and of the next year (whose
    checks hold last year's report)."""
    RecountQueued.objects.filter(region_id=region_id, year=year).delete()
    recount_region_year(region_id, year, and_next=True)


def recount_region_year(region_id: int, year: int, *, and_next: bool = False) -> None:
    years = [year, year + 1] if and_next else [year]
    ids = Report.objects.filter(agency__region_id=region_id, year__in=years).values_list(
        "pk", flat=True
    )
    recount_reports(list(ids))


def recount_reports(report_ids) -> None:
    reports = list(Report.objects.filter(pk__in=report_ids).select_related("agency"))
    results = run_checks_many(reports)
    for report in reports:
        store_counts(report, results[report.pk])


def blank_note(table, count: int) -> str:
    """How a table's blank cells are counted on every page: progress, not errors."""
    return f"{table.name}还有{count}格未填"


def blank_summary(report: Report, result) -> list[str]:
    """“表三还有168格未填”, one per table with cells left, in the template's order."""
    counts = result.blank_by_table()
    return [
        blank_note(table, counts[table.key]) for table in report.fmt.tables if counts.get(table.key)
    ]


def unexplained(report: Report, result) -> list:
    return [f for f in result.warnings if not (report.explanations.get(f.code) or "").strip()]


def submission_problems(report: Report, result) -> list[str]:
    """Why the report cannot be submitted yet (empty when it can)."""
    problems = blank_summary(report, result)
    if result.errors:
        problems.append(f"还有{len(result.errors)}个错误需要改正")
    missing = unexplained(report, result)
    if missing:
        problems.append(f"还有{len(missing)}个警告没有在“检查结果”页填写说明")
    sections = report.sections()
    for part in report.fmt.parts:
        if not part.table and not sections.get(part.key, "").strip():
            problems.append(f"“{part.heading}”还没有内容")
    if not report.preamble.strip():
        problems.append("引言还没有内容")
    return problems
