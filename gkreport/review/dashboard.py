"""The office's overview of a year: one row per agency of its jurisdiction.

A fixed number of queries whatever the number of agencies: agencies, their reports of the
year and of the year before (without the heavy content columns: only the few cells the
indicators read, taken out of the JSON by the database) and the deadlines, each in one
query. Error and warning counts are the ones cached on each report at every save.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Case, When
from django.db.models.fields.json import KT
from django.utils import timezone

from gkreport.formats import UnknownFormat, format_for_year, get_format
from gkreport.formats.indicators import all_codes
from gkreport.formats.indicators import summary as indicator_summary
from gkreport.lib.values import read_value
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
    previous: Report | None = None  # the agency's report of the year before (indicators)

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
    reports, previous = {}, {}
    for report in _reports(agencies, year):
        (reports if report.year == year else previous)[report.agency_id] = report
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
            previous=previous.get(agency.pk),
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


def _reports(agencies, year):
    """The agencies' reports of the year and the year before, in one query: the light
    columns and, for reports delivered to the office, the text of the indicators' cells
    (`report.indicator_cells`; the database takes them out of the JSON)."""
    formats = [fmt for fmt in (_format(year), _format(year - 1)) if fmt is not None]
    cells = {f"cell_{n}": code for n, code in enumerate(all_codes(*formats))}
    found = (
        Report.objects.filter(year__in=(year, year - 1), agency__in=agencies)
        .only(
            "code",
            "agency_id",
            "year",
            "format_version",
            "status",
            "submitted_at",
            "error_count",
            "warning_count",
            "imported_from",
        )
        .annotate(
            **{
                name: Case(When(status__in=DELIVERED, then=KT(f"cells__{code}")))
                for name, code in cells.items()
            }
        )
    )
    for report in found:
        report.indicator_cells = {code: getattr(report, name) for name, code in cells.items()}
        yield report


def _figures(report) -> dict:
    """The indicators' cells of a report, read by the one value reader."""
    cells = get_format(report.format_version).cell_map
    return {
        code: _value(text, cells[code].kind)
        for code, text in report.indicator_cells.items()
        if code in cells
    }


@lru_cache(maxsize=4096)
def _value(text, kind):
    """Thousands of reports hold a few hundred distinct texts (“0”, “1”, …): each is read
    once."""
    return read_value(text, kind).value


def _format(year):
    try:
        return format_for_year(year)
    except UnknownFormat:
        return None  # before the first format (2019): no report, no indicator


def indicators(rows, year) -> dict | None:
    """公开率 and the 纠错率 of the reports delivered to the office (submitted, approved,
    published) among the listed agencies, against the same agencies' reports of the year
    before."""
    fmt = _format(year)
    if fmt is None:
        return None
    this_year = [_figures(row.report) for row in rows if row.delivered]
    last_year = [
        _figures(row.previous)
        for row in rows
        if row.previous is not None and row.previous.status in DELIVERED
    ]
    return indicator_summary(
        fmt, year, this_year, last_year, "本页所列机关已报送（含已审核、已公开）的报告"
    )


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
