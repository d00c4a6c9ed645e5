"""S1: this year's 上年结转 equals last year's 结转下年度, column by column."""

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure


@needs("previous")
def s1_carry_over(report, ctx):
    if ctx.previous is None:
        return []
    (block,) = ctx.fmt.table("t3").blocks
    findings = []
    for leaf in block.leaves:
        this_year = figure(report, f"t3.carried_over.{leaf.key}")
        last_year = figure(ctx.previous, f"t3.carried_forward.{leaf.key}")
        if this_year is None or last_year is None or this_year == last_year:
            continue
        findings.append(
            Finding(
                f"S1.{leaf.key}",
                WARNING,
                (f"t3.carried_over.{leaf.key}",),
                messages.carry_over_mismatch(leaf.label, this_year, last_year),
                "s3",
            )
        )
    return findings
