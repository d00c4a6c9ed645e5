"""S4: an amount is a plain number in 万元: no unit, no separators, not an amount in 元."""

from decimal import Decimal

from gkreport.checks import messages
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure, raw_text
from gkreport.lib.values import AMOUNT, has_unit_or_separator

# 100亿元 of fees from one agency in one year: above it the figure was almost surely typed
# in 元 rather than 万元.
IMPLAUSIBLE_WAN_YUAN = Decimal(1_000_000)


def s4_fee_format(report, ctx):
    findings = []
    for cell in ctx.fmt.cells:
        if cell.kind != AMOUNT:
            continue
        part = ctx.fmt.table(cell.table).part
        text = raw_text(report, cell.code)
        value = figure(report, cell.code)
        if value is not None and text and has_unit_or_separator(text):
            message = messages.fee_format(cell.label, text)
            findings.append(Finding("S4.format", WARNING, (cell.code,), message, part))
        if value is not None and value > IMPLAUSIBLE_WAN_YUAN:
            message = messages.fee_magnitude(cell.label, value)
            findings.append(Finding("S4.magnitude", WARNING, (cell.code,), message, part))
    return findings
