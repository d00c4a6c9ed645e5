"""Running the checks for a stored report, with last year's report and same-year peers."""

from gkreport.checks import check_report
from gkreport.reports.models import Report


def previous_dict(report: Report) -> dict | None:
    previous = (
        Report.objects.filter(agency_id=report.agency_id, year=report.year - 1)
        .select_related("agency")
        .first()
    )
    return previous.as_check_dict() if previous else None


def peer_dicts(report: Report) -> list[dict]:
    """Same-year reports of other agencies in the same region (S5 copy-paste)."""
    peers = (
        Report.objects.filter(year=report.year, agency__region_id=report.agency.region_id)
        .exclude(agency_id=report.agency_id)
        .select_related("agency")
        .only("year", "format_version", "cells", "narrative", "agency__name")
    )
    return [peer.as_check_dict() for peer in peers]


def run_checks(report: Report, *, peers=True):
    """The one place that decides how a stored report is judged: while it can still be
    edited (and was not imported as published), a blank cell is progress, not an error."""
    return check_report(
        report.as_check_dict(),
        previous=previous_dict(report),
        peers=peer_dicts(report) if peers else (),
        draft=report.is_editable and not report.imported_from,
    )


def blank_summary(report: Report, result) -> list[str]:
    """“表三还有168格未填”, one per table with cells left, in the template's order."""
    counts = result.blank_by_table()
    return [
        f"{table.name}还有{counts[table.key]}格未填"
        for table in report.fmt.tables
        if counts.get(table.key)
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
