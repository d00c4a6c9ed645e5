"""A report as a printed document: HTML for the preview, PDF bytes for download and publishing."""

from django.template.loader import render_to_string
from django.urls import reverse

from gkreport.lib.values import read_value
from gkreport.pdf import html_to_pdf
from gkreport.printing.layout import print_context
from gkreport.reports.models import Report


def received_history(report: Report) -> list[tuple[int, int]]:
    """Applications received per year from the agency's reports up to this one (charts)."""
    if report.pk is None:
        rows = [(report.year, report.cells)]
    else:
        rows = (
            Report.objects.filter(agency_id=report.agency_id, year__lte=report.year)
            .order_by("year")
            .values_list("year", "cells")
        )
    code = report.fmt.key_cells.received  # the same cell in every format
    history = []
    for year, cells in rows:
        value = read_value(cells.get(code, ""), "count").value
        if value is not None:
            history.append((year, value))
    return history


def report_context(
    report: Report,
    *,
    final: bool = False,
    screen: bool = False,
    history=None,
    figures=None,
    **extra,
) -> dict:
    """history and figures: as frozen in a published snapshot; else read from the database
    and the report's cells."""
    if history is None:
        history = received_history(report) if report.include_charts else []
    context = print_context(report, history=history, figures=figures, for_pdf=not screen)
    if final:
        context["draft"] = False
    context.update({"screen": screen, **extra})
    return context


def report_html(report: Report, **options) -> str:
    return render_to_string("print/report.html", report_context(report, **options))


def report_pdf(report: Report) -> bytes:
    """The PDF as the agency sees it now: drafts carry a 草稿 watermark on every page."""
    return html_to_pdf(report_html(report))


def final_pdf(report: Report) -> bytes:
    """The PDF the publishing step freezes: no watermark, whatever the status says."""
    return html_to_pdf(report_html(report, final=True))


def pdf_filename(report: Report) -> str:
    return f"{report.fmt.title(report.agency.name, report.year)}.pdf"


def pdf_url(report: Report) -> str:
    return reverse("report_pdf", args=[report.code])
