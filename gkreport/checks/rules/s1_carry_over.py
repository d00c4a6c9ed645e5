"""S1: this year's 上年结转 equals last year's 结转下年度, column by column."""

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure


@needs("previous")
def s1_carry_over(report, ctx):
    if ctx.previous is None:
        return []
    findings = []
    for last_code, this_code in ctx.fmt.carry_over.items():
        this_year = figure(report, this_code)
        last_year = figure(ctx.previous, last_code)
        if this_year is None or last_year is None or this_year == last_year:
            continue
        cell = ctx.fmt.cell_map[this_code]
        last_cell = ctx.fmt.cell_map[last_code]
        findings.append(
            Finding(
                f"S1.{cell.column}",
                WARNING,
                (this_code,),
                messages.carry_over_mismatch(cell, last_cell, this_year, last_year),
                ctx.fmt.part_of(this_code),
            )
        )
    return findings
