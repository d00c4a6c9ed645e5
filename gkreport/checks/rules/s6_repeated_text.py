"""S6: narrative nearly identical to last year's (30号: 内容雷同、敷衍塞责)."""

from difflib import SequenceMatcher
from functools import lru_cache

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
        ratio = nearly_identical(section(report, part.key), section(ctx.previous, part.key))
        if ratio is not None:
            message = messages.repeated_text(part.heading, ratio)
            findings.append(Finding(f"S6.{part.key}", WARNING, (), message, part.key))
    return findings


@lru_cache(maxsize=16)
def nearly_identical(this_year: str, last_year: str) -> float | None:
    """The similarity of two texts when it reaches THRESHOLD (white space ignored), else None;
    None as well when either is too short to tell. Kept for the few last pairs: S11 asks
    about the same parts right after S6, and the comparison can cost milliseconds."""
    this_year = "".join(this_year.split())
    last_year = "".join(last_year.split())
    if min(len(this_year), len(last_year)) < MIN_LENGTH:
        return None
    matcher = SequenceMatcher(None, this_year, last_year, autojunk=False)
    if matcher.quick_ratio() < THRESHOLD:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= THRESHOLD else None
