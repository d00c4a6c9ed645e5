"""S2: 现行有效件数 ≈ last year's + 本年制发 − 本年废止; at least 制发 − 废止."""

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure


@needs("previous")
def s2_in_force(report, ctx):
    findings = []
    for row in ctx.fmt.in_force:  # none in the 2019 format: it has no such columns
        codes = (row.issued, row.repealed, row.in_force)
        issued, repealed, in_force = (figure(report, code) for code in codes)
        if None in (issued, repealed, in_force):
            continue
        cells = tuple(ctx.fmt.cell_map[code] for code in codes)
        key = f"S2.{cells[2].row}"
        part = ctx.fmt.part_of(row.in_force)
        previous = figure(ctx.previous, row.in_force) if ctx.previous else None
        if previous is not None:
            expected = previous + issued - repealed
            if in_force != expected:
                message = messages.in_force_mismatch(
                    cells, previous, issued, repealed, expected, in_force
                )
                findings.append(Finding(key, WARNING, codes, message, part))
            continue
        if in_force < issued - repealed:
            message = messages.in_force_below_net(cells, issued, repealed, in_force)
            findings.append(Finding(key, WARNING, codes, message, part))
    return findings
