"""H6: part 六 states the collection of 信息处理费, even when none was collected."""

from gkreport.checks import messages
from gkreport.checks.findings import ERROR, Finding
from gkreport.checks.report import section


def h6_fee_statement(report, ctx):
    if not ctx.fmt.requires_fee_statement:
        return []
    text = section(report, "s6")
    if "信息处理费" in text.replace(" ", ""):
        return []
    if ctx.draft and not text.strip():
        return []  # part 六 not written yet: submission is refused for that already
    return [Finding("H6", ERROR, (), messages.FEE_STATEMENT_MISSING, "s6")]
