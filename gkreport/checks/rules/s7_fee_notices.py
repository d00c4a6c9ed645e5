"""S7: applications dropped for unpaid fees while part 六 says no fee notice was issued."""

import re

from gkreport.checks import messages
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure, section

NO_NOTICE = re.compile(r"(未|没有|无)(发出|出具|下发|送达|发送)(过)?(任何)?(信息处理费)?收费通知")


def s7_fee_notices(report, ctx):
    code = ctx.fmt.key_cells.unpaid_fees
    if code is None:  # the 2019 format has no such row
        return []
    value = figure(report, code)
    fee_part = ctx.fmt.part(ctx.fmt.fee_statement_part)
    if not value or not NO_NOTICE.search("".join(section(report, fee_part.key).split())):
        return []
    message = messages.fee_notices(ctx.fmt.cell_map[code], fee_part, value)
    return [Finding("S7", WARNING, (code,), message, ctx.fmt.part_of(code))]
