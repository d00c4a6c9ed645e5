"""H6: part 六 states the collection of 信息处理费, even when none was collected."""

from gkreport.checks import messages
from gkreport.checks.findings import ERROR, Finding
from gkreport.checks.report import section


def h6_fee_statement(report, ctx):
    if not ctx.fmt.requires_fee_statement:
        return []
    if "信息处理费" in section(report, "s6").replace(" ", ""):
        return []
    return [Finding("H6", ERROR, (), messages.FEE_STATEMENT_MISSING, "s6")]
