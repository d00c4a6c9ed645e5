"""S10: a government's report against the sum of its departments' reports of the year."""

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure


@needs("departments")
def s10_consolidated(report, ctx):
    if not ctx.departments:
        return []
    findings = []
    # The headline totals, the same that the statistics of a region follow over the years.
    for code in (trend.code for trend in ctx.fmt.trend_cells):
        own = figure(report, code)
        values = [figure(d, code) for d in ctx.departments]
        if own is None or any(v is None for v in values):
            continue
        total = sum(values)
        if own != total:
            cell = ctx.fmt.cell_map[code]
            message = messages.consolidated(cell.label, own, total, len(values))
            part = ctx.fmt.table(cell.table).part
            findings.append(
                Finding(f"S10.{cell.table}.{cell.row}", WARNING, (code,), message, part)
            )
    return findings
