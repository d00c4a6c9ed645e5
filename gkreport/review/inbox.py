"""What waits for an office, whatever the year: the reports of its own region that it must
act on (review a submission, publish an approved report), oldest submission first.

Only the region the office acts on: reports of lower regions it may read wait for their own
office, and the year dashboards list them. A fixed number of queries whatever the number of
reports: the reports with their agencies, the deadlines of their years, the years there are.
"""

import datetime
from dataclasses import dataclass

from django.db.models import F, Max, Min
from django.utils import timezone

from gkreport.reports.models import Report
from gkreport.review.access import jurisdiction
from gkreport.review.deadlines import days_late, deadline_for, set_deadlines
from gkreport.vocabulary import AWAITING_OFFICE, OFFICE_TASKS


@dataclass
class InboxRow:
    report: Report
    due: datetime.date
    # Whole days since the (last) submission; None for a report without a submission time.
    waiting_days: int | None
    # Days after the deadline the report was submitted (0: on time).
    late_days: int

    @property
    def task(self) -> str:
        return OFFICE_TASKS[self.report.status]


def inbox_rows(office) -> list[InboxRow]:
    acting, _ = jurisdiction(office)
    reports = list(
        Report.objects.filter(agency__region_id__in=acting, status__in=AWAITING_OFFICE)
        .select_related("agency")
        .only(
            "code",
            "year",
            "status",
            "submitted_at",
            "agency__name",
            "agency__kind",
            "agency__region_id",
        )
        .order_by(F("submitted_at").asc(nulls_last=True), "year", "agency__name")
    )
    deadlines = set_deadlines({r.year for r in reports}, acting)
    today = timezone.localdate()
    rows = []
    for report in reports:
        due = deadline_for(report.agency, report.year, deadlines)
        submitted = report.submitted_at
        rows.append(
            InboxRow(
                report=report,
                due=due,
                waiting_days=(today - timezone.localdate(submitted)).days if submitted else None,
                late_days=days_late(submitted, due),
            )
        )
    return rows


def dashboard_years(office) -> list[int]:
    """The years to offer a dashboard for, newest first: from the first year with a report in
    the jurisdiction to the latest, and at least up to last year, whose reports are due now
    even before any is started (a year between without reports is offered too: every
    agency missing it is worth seeing)."""
    acting, reading = jurisdiction(office)
    span = Report.objects.filter(agency__region_id__in=acting + reading).aggregate(
        first=Min("year"), last=Max("year")
    )
    last_year = timezone.localdate().year - 1
    newest = max(span["last"] or last_year, last_year)
    oldest = min(span["first"] or last_year, last_year)
    return list(range(newest, oldest - 1, -1))
