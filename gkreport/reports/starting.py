"""Starting an agency's report for a new year, prefilled from what is already known."""

from django.db import transaction
from django.template.loader import render_to_string

from gkreport.formats import format_for_year
from gkreport.reports.checking import refresh_counts
from gkreport.reports.models import Agency, Event, Report


class AlreadyStarted(Exception):
    def __init__(self, report):
        super().__init__("already started")
        self.report = report


def previous_report(agency: Agency, year: int) -> Report | None:
    return Report.objects.filter(agency=agency, year=year - 1).first()


def preamble_text(agency: Agency, year: int, fmt) -> str:
    parts = "、".join(part.title for part in fmt.parts)
    fields = (
        ("地址", agency.address),
        ("邮编", agency.postcode),
        ("电话", agency.phone),
        ("电子邮箱", agency.email),
    )
    contact = "；".join(f"{name}：{value}" for name, value in fields if value)
    context = {"agency": agency, "year": year, "fmt": fmt, "parts": parts, "contact": contact}
    return render_to_string("reports/preamble.txt", context).strip()


@transaction.atomic
def start_report(agency: Agency, year: int, user) -> Report:
    existing = Report.objects.filter(agency=agency, year=year).first()
    if existing:
        raise AlreadyStarted(existing)
    fmt = format_for_year(year)
    cells, prefilled = {}, []
    previous = previous_report(agency, year)
    if previous is not None:
        # Last year's 结转下年度 is this year's 上年结转, column by column.
        for last_year, code in fmt.carry_over.items():
            text = (previous.cells.get(last_year) or "").strip()
            if text:
                cells[code] = text
                prefilled.append(code)
    report = Report.objects.create(
        agency=agency,
        year=year,
        format_version=fmt.version,
        title=fmt.title(agency.name, year),
        preamble=preamble_text(agency, year, fmt),
        cells=cells,
        prefilled=prefilled,
        signature=agency.name,
    )
    Event.objects.create(report=report, kind=Event.Kind.CREATE, user=user, to_status=report.status)
    refresh_counts(report)
    return report
