"""S6: narrative nearly identical to last year's (30号: 内容雷同、敷衍塞责)."""

from difflib import SequenceMatcher

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import section

# Two years' texts of one agency share set phrases; above nine tenths the text was reused.
THRESHOLD = 0.9
MIN_LENGTH = 80  # short parts (“无”) are alike by nature


@needs("previous")
def s6_repeated_text(report, ctx):
    if ctx.previous is None:
        return []
    findings = []
    for part in ctx.fmt.parts:
        if part.table:
            continue
        this_year = "".join(section(report, part.key).split())
        last_year = "".join(section(ctx.previous, part.key).split())
        if min(len(this_year), len(last_year)) < MIN_LENGTH:
            continue
        matcher = SequenceMatcher(None, this_year, last_year, autojunk=False)
        if matcher.quick_ratio() < THRESHOLD:
            continue
        ratio = matcher.ratio()
        if ratio >= THRESHOLD:
            message = messages.repeated_text(part.heading, ratio)
            findings.append(Finding(f"S6.{part.key}", WARNING, (), message, part.key))
    return findings
