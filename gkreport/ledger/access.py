"""The one way a view reaches a ledger: through the agency's access helper (404 for other
agencies, 403 for read-only members who try to change it).

A ledger belongs to an agency and a year. It can be changed by the agency's editors and
signers while that year's report can (no report yet, draft, returned): once the report is
submitted, approved, published or was imported as published, the ledger it came from is
read-only with it.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.http import Http404
from django.shortcuts import get_object_or_404

from gkreport.formats import FORMATS, format_for_year
from gkreport.ledger.models import Entry, Upload
from gkreport.reports.access import agency_for
from gkreport.reports.models import Agency, Membership, Report

FIRST_YEAR = min(fmt.first_year for fmt in FORMATS.values())


@dataclass
class Ledger:
    agency: Agency
    year: int
    membership: Membership
    report: Report | None

    @cached_property
    def fmt(self):
        return self.report.fmt if self.report else format_for_year(self.year)

    @property
    def editable(self) -> bool:
        return self.membership.can_edit and not self.locked

    @property
    def locked(self) -> bool:
        """The year's report can no longer change, so neither can its ledger."""
        return self.report is not None and not self.report.is_editable

    @property
    def locked_reason(self) -> str:
        if not self.locked:
            return ""
        return f"{self.year}年度报告{self.report.get_status_display()}，台账随报告只读。"

    def entries(self):
        return Entry.objects.filter(agency=self.agency, year=self.year)

    @property
    def nearby_years(self) -> list[int]:
        """The years the ledger's pages link to: two either side."""
        return [year for year in ledger_years() if abs(year - self.year) <= 2]


def ledger_years() -> range:
    """The years a ledger may be kept for: from the first format to this year."""
    return range(FIRST_YEAR, datetime.date.today().year + 1)


def ledger_for(request, code, year: int, *, write=False) -> Ledger:
    agency, membership = agency_for(request, code, write=write)
    if year not in ledger_years():
        raise Http404("没有这一年度的台账")
    report = Report.objects.filter(agency=agency, year=year).select_related("agency").first()
    return Ledger(agency, year, membership, report)


def entry_in(ledger: Ledger, code) -> Entry:
    return get_object_or_404(Entry, code=code, agency=ledger.agency, year=ledger.year)


def upload_in(ledger: Ledger, code) -> Upload:
    return get_object_or_404(Upload, code=code, agency=ledger.agency, year=ledger.year)
