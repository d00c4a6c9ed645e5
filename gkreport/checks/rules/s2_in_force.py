"""S2: 现行有效件数 ≈ last year's + 本年制发 − 本年废止; at least 制发 − 废止."""

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure

ROWS = ("regulations", "normative_documents")


@needs("previous")
def s2_in_force(report, ctx):
    findings = []
    for row in ROWS:
        codes = {col: f"t2.{row}.{col}" for col in ("issued", "repealed", "in_force")}
        if not all(code in ctx.fmt.cell_map for code in codes.values()):
            return []  # the 2019 format has no such columns
        issued, repealed, in_force = (figure(report, codes[c]) for c in codes)
        if None in (issued, repealed, in_force):
            continue
        label = ctx.fmt.cell_map[codes["in_force"]].row_label
        previous = figure(ctx.previous, codes["in_force"]) if ctx.previous else None
        if previous is not None:
            expected = previous + issued - repealed
            if in_force != expected:
                message = messages.in_force_mismatch(
                    label, previous, issued, repealed, expected, in_force
                )
                findings.append(Finding(f"S2.{row}", WARNING, tuple(codes.values()), message, "s2"))
            continue
        if in_force < issued - repealed:
            message = messages.in_force_below_net(label, issued, repealed, in_force)
            findings.append(Finding(f"S2.{row}", WARNING, tuple(codes.values()), message, "s2"))
    return findings
