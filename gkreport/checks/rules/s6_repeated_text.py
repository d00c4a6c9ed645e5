"""S6: narrative nearly identical to last year's (30号: 内容雷同、敷衍塞责)."""

from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import section

# Two years' texts of one agency share set phrases; above nine tenths the text was reused.
THRESHOLD = 0.9
MIN_LENGTH = 80  # short parts (“无”) are alike by nature
# difflib's exact comparison costs up to the sum, over the characters the texts share, of
# their counts multiplied: small for real prose (a thousand different characters), but a long
# or repetitive text (“aaaa…”, a few characters over and over) took minutes. Above this much
# work the texts are compared by their runs of RUN characters instead, in linear time.
EXACT_WORK = 60_000
RUN = 8


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
    if _exact_work(this_year, last_year) <= EXACT_WORK:
        ratio = matcher.ratio()
    else:
        ratio = _shared_runs(this_year, last_year)
    return ratio if ratio >= THRESHOLD else None


def _exact_work(a: str, b: str) -> int:
    counts = Counter(b)
    return sum(n * counts[char] for char, n in Counter(a).items())


def _shared_runs(a: str, b: str) -> float:
    """The share of both texts' characters that lie in a run of RUN characters the other text
    also has: like difflib's ratio for texts that are copies with a few changes."""
    return (_covered(a, b) + _covered(b, a)) / (len(a) + len(b))


def _covered(a: str, b: str) -> int:
    runs = {b[i : i + RUN] for i in range(len(b) - RUN + 1)}
    covered = [False] * len(a)
    for i in range(len(a) - RUN + 1):
        if a[i : i + RUN] in runs:
            covered[i : i + RUN] = [True] * RUN
    return sum(covered)
