"""S5: identical non-zero table-2 figures in reports of different agencies of the same year."""

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure


@needs("peers")
def s5_copy_paste(report, ctx):
    findings = []
    agency = report.get("agency")
    table = ctx.fmt.table("t2")
    for cell in table.cells:
        value = figure(report, cell.code)
        if not value:
            continue
        for peer in ctx.peers:
            if peer.get("agency") == agency or peer.get("year") != report.get("year"):
                continue
            if figure(peer, cell.code) == value:
                message = messages.copy_paste(cell.label, value, peer.get("agency") or "另一机关")
                findings.append(
                    Finding(f"S5.{cell.row}", WARNING, (cell.code,), message, table.part)
                )
    return findings
