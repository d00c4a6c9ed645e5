"""S7: applications dropped for unpaid fees while part 六 says no fee notice was issued."""

import re

from gkreport.checks import messages
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure, section

NO_NOTICE = re.compile(r"(未|没有|无)(发出|出具|下发|送达|发送)(过)?(任何)?(信息处理费)?收费通知")
CELL = "t3.other_no_fee.total"


def s7_fee_notices(report, ctx):
    if CELL not in ctx.fmt.cell_map:
        return []
    value = figure(report, CELL)
    if not value or not NO_NOTICE.search("".join(section(report, "s6").split())):
        return []
    return [Finding("S7", WARNING, (CELL,), messages.fee_notices(value), "s3")]
