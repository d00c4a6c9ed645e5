"""The office's overview of a year: one row per agency of its jurisdiction.

A fixed number of queries whatever the number of agencies: agencies, their reports of the
year (without the heavy content columns) and the deadlines, each in one query. Error and
warning counts are the ones cached on each report at every save.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from gkreport.reports.models import Agency, Report
from gkreport.review.access import jurisdiction
from gkreport.review.deadlines import days_late, deadline_for, set_deadlines
from gkreport.vocabulary import AWAITING_OFFICE, DELIVERED, DISPLAY_ORDER, Status, may_review

STATUS_FILTERS = {"none": "未开始", **dict(Status.choices)}
SORTS = {
    "name": lambda row: row.agency.name,
    "status": lambda row: row.status_order,
    "submitted": lambda row: (
        row.report is None or row.report.submitted_at is None,
        row.report and row.report.submitted_at or timezone.now(),
    ),
    "days": lambda row: row.days_left,
    "errors": lambda row: -(row.report.error_count if row.report else -1),
    "warnings": lambda row: -(row.report.warning_count if row.report else -1),
}


@dataclass
class Row:
    agency: Agency
    report: Report | None
    due: datetime.date
    days_left: int
    overdue: bool
    read_only: bool
    delivered: bool = False
    # Days after the deadline the delivered report was submitted (0: on time).
    late_days: int = 0

    @property
    def status_order(self):
        return DISPLAY_ORDER[self.report.status if self.report else None]

    def to_review(self, role: str) -> bool:
        """Is there something for this office member to do (审核), or only to read (查看)?
        Rows of the regions below, a read-only role, and reports not waiting for the office
        (returned, published, imported) are read."""
        report = self.report
        return (
            report is not None
            and may_review(role)
            and not self.read_only
            and report.status in AWAITING_OFFICE
            and not report.imported_from
        )

    @property
    def status_label(self):
        return self.report.get_status_display() if self.report else "未开始"


def dashboard_rows(office, year, *, status="", kind="", q="", overdue=False, sort="name"):
    acting, reading = jurisdiction(office)
    agencies = Agency.objects.filter(region_id__in=acting + reading).select_related("region")
    if kind:
        agencies = agencies.filter(kind=kind)
    if q:
        agencies = agencies.filter(name__contains=q)
    reports = {
        r.agency_id: r
        for r in Report.objects.filter(year=year, agency__in=agencies).only(
            "code",
            "agency_id",
            "year",
            "status",
            "submitted_at",
            "error_count",
            "warning_count",
            "imported_from",
        )
    }
    deadlines = set_deadlines([year], acting + reading)
    today = timezone.localdate()
    rows = []
    for agency in agencies:
        report = reports.get(agency.pk)
        due = deadline_for(agency, year, deadlines)
        delivered = report is not None and report.status in DELIVERED
        row = Row(
            agency=agency,
            report=report,
            due=due,
            days_left=(due - today).days,
            overdue=today > due and not delivered,
            read_only=agency.region_id not in acting,
            delivered=delivered,
            late_days=days_late(report.submitted_at, due) if delivered else 0,
        )
        if status == "none" and report is not None:
            continue
        if status and status != "none" and (report is None or report.status != status):
            continue
        if overdue and not (row.overdue or row.late_days):  # 逾期: missing or late
            continue
        rows.append(row)
    rows.sort(key=SORTS.get(sort, SORTS["name"]))
    return rows


def summary(rows) -> dict:
    counts = {label: 0 for label in STATUS_FILTERS.values()}
    for row in rows:
        counts[row.status_label] += 1
    return {
        "counts": counts,
        "overdue": sum(1 for r in rows if r.overdue),
        "late": sum(1 for r in rows if r.late_days),
        "total": len(rows),
    }
