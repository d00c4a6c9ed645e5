"""Last year's report, published before the agency used gkreport, imported as its record of
that year: the next year is prefilled from it (starting.py) and S1/S2 check against it.

The imported report is read-only and has no workflow. It stands for a document that is
already public: changing a figure here would make the checks compare against numbers nobody
published, and submitting it would ask the office to review what it cannot change any more.
What the reading got wrong is put right by importing the file again (or a better copy of it),
which replaces the imported record; a report drafted in gkreport is never replaced.
"""

import datetime

from django.db import transaction
from django.db.models import F

from gkreport.imports.text import ImportResult
from gkreport.reports.checking import refresh_counts
from gkreport.reports.importing import imported_values
from gkreport.reports.models import Agency, Event, Report


class ImportRefused(ValueError):
    """The file cannot become this agency's record of its year: the message says why."""


def latest_importable_year() -> int:
    """A year's report is published in the next year: this year's cannot exist yet."""
    return datetime.date.today().year - 1


@transaction.atomic
def import_prior_year(agency: Agency, result: ImportResult, source: str, user) -> Report:
    year = result.report["year"]
    if year > latest_importable_year():
        raise ImportRefused(f"{year}年度还没有结束，不能导入这一年度的报告")
    existing = Report.objects.select_for_update().filter(agency=agency, year=year).first()
    if existing is not None and not existing.imported_from:
        raise ImportRefused(f"{year}年度报告已在本系统中填报，不能用导入的文件替换")
    values = {**imported_values(result, source), "imported_from": source[:2000]}
    if existing is None:
        report = Report.objects.create(
            agency=agency, year=year, status=Report.Status.PUBLISHED, **values
        )
        comment = f"导入系统外已公开的报告：{source}"
    else:
        # The content of a published report is locked in save(): a new reading of the
        # file replaces it as a whole, never cell by cell.
        Report.objects.filter(pk=existing.pk).update(**values, version=F("version") + 1)
        report = Report.objects.get(pk=existing.pk)
        comment = f"重新导入，替换原导入内容：{source}"
    Event.objects.create(
        report=report,
        kind=Event.Kind.IMPORT,
        user=user,
        to_status=report.status,
        comment=comment[:2000],
    )
    refresh_counts(report)
    return report


def agency_mismatch(agency: Agency, result: ImportResult) -> str:
    """The agency the file names, when it is not this one (a renamed agency, or a wrong
    file): said to the user, who may import again."""
    named = "".join((result.report.get("agency") or "").split())
    if named and named != "".join(agency.name.split()):
        return named
    return ""
