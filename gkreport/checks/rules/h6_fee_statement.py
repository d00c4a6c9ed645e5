"""H6: part 六 states the collection of 信息处理费, even when none was collected.

Reports say it in many words (未收取信息处理费, 未发生收费情况, 收费0元, 没有收取任何费用,
不存在收费情况): any wording about a fee or its collection counts as a statement, whatever it
says, so the rule only speaks when part 六 clearly says nothing about fees at all. Whether
the statement is true is for a person to judge, not this rule.
"""

import re

from gkreport.checks import messages
from gkreport.checks.findings import ERROR, Finding
from gkreport.checks.report import section

# 信息处理费 / 处理费; 收费 (未发生收费情况, 收费0元); 收取 … 费 (没有收取任何费用);
# 未产生 … 费用.
FEE_WORDING = re.compile(r"处理费|收费|收取[^。；\n]{0,10}费|未产生[^。；\n]{0,6}费用")


def h6_fee_statement(report, ctx):
    if not ctx.fmt.requires_fee_statement:
        return []
    part = ctx.fmt.fee_statement_part
    text = re.sub(r"\s+", "", section(report, part))
    if FEE_WORDING.search(text):
        return []
    if ctx.draft and not text.strip():
        return []  # part 六 not written yet: submission is refused for that already
    message = messages.fee_statement_missing(ctx.fmt.part(part))
    return [Finding("H6", ERROR, (), message, part)]
