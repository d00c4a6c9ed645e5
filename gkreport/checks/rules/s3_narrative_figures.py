"""S3: figures quoted in the narrative match the tables.

Only clear statements are compared: a clause that names the quantity and gives one number
of 件 right after it. A clause that also speaks of 备案 or of money (元) is about something
else, and a clause with two candidate numbers is ambiguous: in doubt the rule stays silent.
"""

import re
import unicodedata
from dataclasses import dataclass

from gkreport.checks import messages
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure, section

OTHER_QUANTITIES = re.compile(r"备案|元")
CLAUSE_SPLIT = re.compile(r"[，。；;！？!?\n]|,(?!\d{3})")


@dataclass(frozen=True)
class Claim:
    key: str  # finding code suffix
    patterns: tuple[re.Pattern, ...]
    cells: tuple[str, ...]  # the table figure is the sum of these
    what: str  # how the message names the table figure
    also_accept: tuple[tuple[str, ...], ...] = ()  # other sums a careful writer may quote


def _p(pattern: str) -> re.Pattern:
    return re.compile(pattern)


CLAIMS = (
    Claim(
        "received",
        (
            _p(
                r"(?:收到|受理|新收)[各类的]*(?:政府信息)?(?:公开)?(?:依申请公开|申请)"
                r"(?:件|数量?|共计?|为|总数)*(\d+)件"
            ),
        ),
        ("t3.new_received.total",),
        "表三 一、本年新收政府信息公开申请数量 总计",
        also_accept=(("t3.new_received.total", "t3.carried_over.total"),),
    ),
    Claim(
        "carried_forward",
        (
            _p(r"结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?的?(?:申请)?(\d+)件"),
            _p(r"(?<!\d)(\d+)件(?:申请)?(?:结转|转入)(?:至|到)?下一?年"),
        ),
        ("t3.carried_forward.total",),
        "表三 四、结转下年度继续办理 总计",
    ),
    Claim(
        "review",
        (_p(r"行政复议(?:案件|申请)?共?(?:计|为)?(\d+)件"),),
        ("t4.review.total",),
        "表四 行政复议 总计",
    ),
    Claim(
        "litigation",
        (_p(r"行政诉讼(?:案件)?共?(?:计|为)?(\d+)件"),),
        ("t4.litigation_direct.total", "t4.litigation_after_review.total"),
        "表四 行政诉讼 未经复议直接起诉与复议后起诉的总计之和",
    ),
    Claim(
        "normative_documents",
        (
            _p(r"(?:制发|印发|出台|制定)了?行政规范性文件(?:共)?(\d+)件"),
            _p(r"(?:含|包括|其中)行政规范性文件(\d+)件"),
        ),
        ("t2.normative_documents.issued",),
        "表二 行政规范性文件 本年制发件数",
    ),
)

NARRATIVE_PARTS = ("s1", "s2", "s3", "s4", "s5", "s6")


def s3_narrative_figures(report, ctx):
    findings = []
    clauses = list(_clauses(report))
    for claim in CLAIMS:
        if not all(code in ctx.fmt.cell_map for code in claim.cells):
            continue
        table_value = _sum(report, claim.cells)
        if table_value is None:
            continue
        accepted = {str(table_value)} | {
            str(v) for v in (_sum(report, cells) for cells in claim.also_accept) if v is not None
        }
        for part, clause in clauses:
            quoted = _quoted_number(claim, clause)
            if quoted is None or quoted in accepted:
                continue
            findings.append(
                Finding(
                    f"S3.{claim.key}",
                    WARNING,
                    claim.cells,
                    messages.narrative_mismatch(clause, claim.what, table_value),
                    part,
                )
            )
    return findings


def _clauses(report):
    for part in NARRATIVE_PARTS:
        text = unicodedata.normalize("NFKC", section(report, part))
        for clause in CLAUSE_SPLIT.split(text):
            clause = re.sub(r"\s+", "", clause)
            if clause:
                yield part, clause


def _quoted_number(claim: Claim, clause: str) -> str | None:
    if OTHER_QUANTITIES.search(clause):
        return None
    numbers = {
        _canonical(m.group(1)) for pattern in claim.patterns for m in pattern.finditer(clause)
    }
    return numbers.pop() if len(numbers) == 1 else None


def _canonical(digits: str) -> str:
    """The number as str(int(digits)) prints it, without int(): a narrative may hold more
    digits than Python converts (4,300), and converting takes time growing with the square."""
    ascii_digits = "".join(str(unicodedata.decimal(digit)) for digit in digits)
    return ascii_digits.lstrip("0") or "0"


def _sum(report, cells):
    values = [figure(report, code) for code in cells]
    return None if any(v is None for v in values) else sum(values)
