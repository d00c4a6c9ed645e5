"""S11: more than half of a part repeats last year's report (the share evaluations deduct for).

Each part of this year's report is compared with the same part of last year's. The text is
normalised first: white space and punctuation go, every number becomes one placeholder (a
sentence whose only change is its figures is still last year's sentence), and the format's
own sub-section headings, the same every year by design, are left out. A character counts as
repeated when it lies in a run of at least RUN characters that last year's part also has: set
phrases shorter than that (“政府信息公开申请”) are shared by any two reports and say nothing.

S6 already speaks of a part that is nearly identical; where it does, this rule stays silent.
"""

import re
from itertools import compress, count, repeat
from operator import sub

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import section
from gkreport.checks.rules.s6_repeated_text import nearly_identical

THRESHOLD = 0.5  # evaluations deduct when more than half of a part repeats last year's
RUN = 10  # characters in a row that make a repetition (measured on the seeds: see docs)
MIN_CHARACTERS = 100  # a short part (“无”, one sentence) is alike by nature
# The bound on the work: a part longer than this (real parts have 500 to 5,000 characters;
# the editor takes 30,000 per sub-section) is compared on its first MAX_CHARACTERS
# characters, last year's too; of the text as written, twice that many are read.
MAX_CHARACTERS = 20000

NOT_TEXT = re.compile(r"[\W_]+")
NUMBER = re.compile(r"\d+")


@needs("previous")
def s11_repeated_share(report, ctx):
    if ctx.previous is None:
        return []
    findings = []
    for part in ctx.fmt.parts:
        last_year = normalise(section(ctx.previous, part.key), part)
        if len(last_year) < MIN_CHARACTERS:
            continue
        this_year = normalise(section(report, part.key), part)
        if len(this_year) < MIN_CHARACTERS:
            continue
        repeated = repeated_characters(this_year, last_year)
        if repeated <= THRESHOLD * len(this_year):
            continue
        if not part.table and nearly_identical(
            section(report, part.key), section(ctx.previous, part.key)
        ):
            continue  # S6's finding says it already
        message = messages.repeated_share(part.heading, repeated, len(this_year), RUN)
        findings.append(Finding(f"S11.{part.key}", WARNING, (), message, part.key))
    return findings


def normalise(text: str, part) -> str:
    """The part's words only: no white space or punctuation, numbers as one placeholder, the
    format's sub-section headings left out; at most MAX_CHARACTERS characters."""
    # No NFKC (it costs more than the rest): \W drops full-width punctuation as well, and
    # \d reads full-width digits.
    text = NOT_TEXT.sub("", text[: MAX_CHARACTERS * 2])
    for subsection in part.subsections:
        text = text.replace(NOT_TEXT.sub("", subsection.heading), "")
    return NUMBER.sub("0", text)[:MAX_CHARACTERS]


def repeated_characters(this_year: str, last_year: str) -> int:
    """How many characters of this year's text lie in a run of RUN or more characters that
    last year's text also holds. Linear in the two lengths; the loops run in C (map)."""
    runs = set(map(last_year.__getitem__, _windows(len(last_year))))
    windows = map(this_year.__getitem__, _windows(len(this_year)))
    hits = list(compress(count(), map(runs.__contains__, windows)))
    if not hits:
        return 0
    # Each hit covers RUN characters from where it starts, less what the next hit covers too.
    return sum(map(min, repeat(RUN), map(sub, hits[1:], hits))) + RUN


def _windows(length: int):
    return map(slice, range(length - RUN + 1), range(RUN, length + 1))
