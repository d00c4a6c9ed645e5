"""S9: a 2021-format report uses the three （六）其他处理 rows, not the single 2019 row.

It warns whenever the old row is printed, also when the importer read the three rows as 0
from an old row of zeros (then the old row no longer stands in for them in the sums)."""

from gkreport.checks import messages
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import printed_legacy_cells


def s9_template_rows(report, ctx):
    legacy = printed_legacy_cells(report, ctx.fmt)
    if not legacy:
        return []
    findings = []
    for table in ctx.fmt.tables:
        for block in table.blocks:
            for row in block.legacy_rows:
                codes = tuple(c for c in legacy if c.startswith(f"{table.key}.{row.key}."))
                if not codes:
                    continue
                labels = [r.label for r in block.rows if r.key in row.replaces]
                message = messages.legacy_template_row(
                    table.name, report.get("year"), row.label, labels
                )
                findings.append(Finding("S9", WARNING, codes, message, table.part))
    return findings
