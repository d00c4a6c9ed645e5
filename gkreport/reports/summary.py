"""The cached counts of errors and warnings on a report, refreshed after every change."""

from gkreport.reports.checking import run_checks
from gkreport.reports.models import Report


def refresh_counts(report: Report, result=None) -> None:
    result = result or run_checks(report, peers=False)
    report.error_count, report.warning_count = len(result.errors), len(result.warnings)
    Report.objects.filter(pk=report.pk).update(
        error_count=report.error_count, warning_count=report.warning_count
    )
