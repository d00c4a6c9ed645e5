"""S6: narrative nearly identical to last year's (30号: 内容雷同、敷衍塞责)."""

import re
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
# work the texts are compared sentence by sentence instead (_shared_sentences).
EXACT_WORK = 60_000
SENTENCE = re.compile(r"[^。；！？]{1,50}[。；！？]?")


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
        ratio = _shared_sentences(this_year, last_year)
    return ratio if ratio >= THRESHOLD else None


def _exact_work(a: str, b: str) -> int:
    counts = Counter(b)
    return sum(n * counts[char] for char, n in Counter(a).items())


def _shared_sentences(a: str, b: str) -> float:
    """Like difflib's ratio, at the level of sentences (pieces of at most 50 characters):
    twice the characters of the sentences both texts have in the same order, over both
    lengths. A sentence changed anywhere does not match at all, so the measure errs on the
    low side for edited text (S6 stays silent rather than overstate), and sentences moved
    around match less, as in difflib. Sentences that recur in more than 1 % of a long text
    are junk to the matcher (difflib's autojunk), which keeps the comparison fast."""
    ours, theirs = SENTENCE.findall(a), SENTENCE.findall(b)
    matcher = SequenceMatcher(None, ours, theirs, autojunk=True)
    matched = sum(
        len(piece)
        for block in matcher.get_matching_blocks()
        for piece in ours[block.a : block.a + block.size]
    )
    return 2 * matched / (len(a) + len(b))
