"""Figures stated in the narrative, tied to the table cells they quote (S3, S12).

Only clear statements are read: a clause that names the quantity and gives one number of 件
right after it. A clause that also speaks of 备案 or of money (元) is about something else,
and a clause with two candidate numbers is ambiguous: in doubt nothing is read.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from gkreport.checks.report import figure, section
from gkreport.formats import get_format

OTHER_QUANTITIES = re.compile(r"备案|元")
CLAUSE_SPLIT = re.compile(r"[，。；;！？!?\n]|,(?!\d{3})")
SENTENCE_SPLIT = re.compile(r"[。；;！？!?\n]")  # the full-width forms: split before NFKC
CLAUSE_IN_SENTENCE = re.compile(r"，|,(?!\d{3})")


@dataclass(frozen=True)
class Claim:
    key: str  # finding code suffix
    patterns: tuple[re.Pattern, ...]
    cells: tuple[str, ...]  # the table figure is the sum of these
    what: str  # how the message names the table figure
    also_accept: tuple[tuple[str, ...], ...] = ()  # other sums a careful writer may quote


def _p(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def claims(fmt) -> tuple[Claim, ...]:
    """What a narrative may state, for one format: cells and their names come from it; the
    patterns are how writers phrase the statement around the format's own words."""
    return _claims(fmt.version)


@cache
def _claims(version: str) -> tuple[Claim, ...]:
    fmt = get_format(version)
    key = fmt.key_cells
    label = fmt.cell_map
    review = fmt.table4_branches[0]
    litigation = fmt.table4_branches[1]
    table4 = label[key.litigation[0]].table_name
    total = label[key.litigation[0]].column_label
    kinds = "与".join(name for group, name in fmt.table4_groups if group in litigation.groups)
    found = [
        Claim(
            "received",
            (
                _p(
                    r"(?:收到|受理|新收)[各类的]*(?:政府信息)?(?:公开)?(?:依申请公开|申请)"
                    r"(?:件|数量?|共计?|为|总数)*(\d+)件"
                ),
            ),
            (key.received,),
            label[key.received].label,
            also_accept=((key.received, key.carried_over),),
        ),
        Claim(
            "carried_forward",
            (
                _p(r"结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?的?(?:申请)?(\d+)件"),
                _p(r"(?<!\d)(\d+)件(?:申请)?(?:结转|转入)(?:至|到)?下一?年"),
            ),
            (key.carried_forward,),
            label[key.carried_forward].label,
        ),
        Claim(
            "review",
            (_p(rf"{re.escape(review.label)}(?:案件|申请)?共?(?:计|为)?(\d+)件"),),
            key.review,
            label[key.review[0]].label,
        ),
        Claim(
            "litigation",
            (_p(rf"{re.escape(litigation.label)}(?:案件)?共?(?:计|为)?(\d+)件"),),
            key.litigation,
            f"{table4} {litigation.label} {kinds}的{total}之和",
        ),
    ]
    if key.normative_documents_issued is not None:
        cell = label[key.normative_documents_issued]
        found.append(
            Claim(
                "normative_documents",
                (
                    _p(rf"(?:制发|印发|出台|制定)了?{re.escape(cell.row_label)}(?:共)?(\d+)件"),
                    _p(rf"(?:含|包括|其中){re.escape(cell.row_label)}(\d+)件"),
                ),
                (cell.code,),
                cell.label,
            )
        )
    return tuple(found)


def part_texts(report, fmt):
    """(part key, the part's text in NFKC: full-width digits and signs made plain)."""
    for part in fmt.part_keys:
        text = section(report, part)
        if text:
            yield part, unicodedata.normalize("NFKC", text)


def clauses(report, fmt):
    """(part key, clause without white space), in the order of the report."""
    for part, text in part_texts(report, fmt):
        for clause in CLAUSE_SPLIT.split(text):
            clause = re.sub(r"\s+", "", clause)
            if clause:
                yield part, clause


def sentences(report, fmt, only: re.Pattern | None = None):
    """(part key, [clauses of one sentence in NFKC, without white space]): a sentence ends at
    。；！？ or a line break, its clauses at a comma (not the comma of 4,300). With `only`,
    just the sentences where it is found (in the text as written): the others cost nothing."""
    for part in fmt.part_keys:
        text = section(report, part)
        if not text or (only is not None and not only.search(text)):
            continue
        for sentence in SENTENCE_SPLIT.split(text):
            if only is not None and not only.search(sentence):
                continue
            sentence = unicodedata.normalize("NFKC", sentence)
            pieces = [re.sub(r"\s+", "", c) for c in CLAUSE_IN_SENTENCE.split(sentence)]
            pieces = [c for c in pieces if c]
            if pieces:
                yield part, pieces


def quoted_number(claim: Claim, clause: str) -> str | None:
    """The one number the clause states for the claim, canonical; None when there is none,
    several, or the clause is about another quantity."""
    stated = quoted(claim, clause)
    return stated[0] if stated else None


def quoted(claim: Claim, clause: str) -> tuple[str, int] | None:
    """quoted_number, with where its last statement in the clause ends."""
    if OTHER_QUANTITIES.search(clause):
        return None
    matches = [m for pattern in claim.patterns for m in pattern.finditer(clause)]
    numbers = {canonical(m.group(1)) for m in matches}
    if len(numbers) != 1:
        return None
    return numbers.pop(), max(m.end() for m in matches)


def canonical(digits: str) -> str:
    """The number as str(int(digits)) prints it, without int(): a narrative may hold more
    digits than Python converts (4,300), and converting takes time growing with the square."""
    ascii_digits = "".join(str(unicodedata.decimal(digit)) for digit in digits)
    return ascii_digits.lstrip("0") or "0"


def table_sum(report, cells):
    """The sum of the cells' figures; None when one of them is missing."""
    values = [figure(report, code) for code in cells]
    return None if any(v is None for v in values) else sum(values)
