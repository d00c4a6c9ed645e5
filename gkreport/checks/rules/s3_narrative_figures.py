"""S3: figures quoted in the narrative match the tables.

Only clear statements are compared (see gkreport/checks/text_figures.py): in doubt the rule
stays silent.
"""

from gkreport.checks import messages
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.text_figures import claims, clauses, quoted_number, table_sum


def s3_narrative_figures(report, ctx):
    findings = []
    found = list(clauses(report, ctx.fmt))
    for claim in claims(ctx.fmt):
        table_value = table_sum(report, claim.cells)
        if table_value is None:
            continue
        accepted = {str(table_value)} | {
            str(v)
            for v in (table_sum(report, cells) for cells in claim.also_accept)
            if v is not None
        }
        for part, clause in found:
            quoted = quoted_number(claim, clause)
            if quoted is None or quoted in accepted:
                continue
            findings.append(
                Finding(
                    f"S3.{claim.key}",
                    WARNING,
                    claim.cells,
                    messages.narrative_mismatch(clause, claim.what, table_value),
                    part,
                )
            )
    return findings
