"""S10: a government's report against the sum of its departments' reports of the year."""

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure

CELLS = (
    "t3.new_received.total",
    "t3.total_processed.total",
    "t4.review.total",
    "t4.litigation_direct.total",
    "t4.litigation_after_review.total",
)


@needs("departments")
def s10_consolidated(report, ctx):
    if not ctx.departments:
        return []
    findings = []
    for code in CELLS:
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
