"""S12: a change against last year stated in the text contradicts the two years' tables.

“收到政府信息公开申请120件，较上年增长20%”: the figure is tied to its cell by the same reading
as S3 (gkreport/checks/text_figures.py), and the change is read only when it follows that
figure at once — in the same clause right after it, or as the whole start of the next clause
(“，同比增长20%”), with no subject of its own. The true change is computed from this year's
and last year's tables and compared with the stated one at the stated precision (rounded or
cut: 9.09% may be written 9.1% or 9%).

In doubt the rule stays silent: the sentence ties no figure or two, the figure differs from
the table (S3 says so), the comparison is with another year (“较2021年”, “较往年”), the change
is approximate (“约”, “以上”, “个百分点”, “倍”), last year's figure is missing, or zero for a
percentage.
"""

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding
from gkreport.checks.report import figure
from gkreport.checks.text_figures import claims, quoted, sentences, table_sum

# Words that must be in a sentence for it to compare with another year (read before the
# text is normalised, so full-width digits too): a cheap filter that keeps the rule's work
# to the few sentences that may matter.
HINT = re.compile(r"[较比与](?:上一?年|去年|\d{4}年)|同比")
REFERENCE = (
    r"(?:(?:较|比|与)(?:上一?年度?|去年度?|(?P<year>\d{4})年度?)(?:同期)?(?:相比|相较|比较)?"
    r"|同比)"
)
UP = "增长|增加|上升|提高|提升|增多|多"
DOWN = "减少|下降|降低|回落|减|少"
CHANGE = re.compile(
    rf"^{REFERENCE}(?:有所|略有|稍有|明显|大幅)?"
    rf"(?:(?P<flat>持平)|(?P<verb>{UP}|{DOWN})了?"
    r"(?:(?P<amount>\d{1,9}(?:\.\d{1,4})?)(?P<unit>%|件))?)(?P<rest>.*)$"
)
APPROXIMATE = re.compile(r"^(?:以上|左右|多|余|个|倍|\d)")
INCREASE = frozenset(UP.split("|"))


@needs("previous")
def s12_stated_change(report, ctx):
    previous = ctx.previous
    if previous is None or not _last_year(report, previous):
        return []
    findings = []
    for part, pieces in sentences(report, ctx.fmt, only=HINT):
        for index, clause in enumerate(pieces):
            statement = _statement(ctx.fmt, clause, pieces[index + 1 : index + 2])
            if statement is None:
                continue
            finding = _judge(ctx.fmt, report, previous, statement, part)
            if finding is not None:
                findings.append(finding)
    return findings


def _last_year(report, previous) -> bool:
    """The context's previous report is the year before (S12 speaks of 上年 only)."""
    year, last = report.get("year"), previous.get("year")
    return year is None or last is None or int(last) == int(year) - 1


def _statement(fmt, clause, following):
    """(claim, quoted number, change match, quoted text) when the clause ties one figure to
    one cell and a change against last year follows it at once; else None."""
    ties = [(claim, stated) for claim in claims(fmt) if (stated := quoted(claim, clause))]
    if len(ties) != 1:
        return None
    claim, (number, end) = ties[0]
    rest = clause[end:]
    if rest:
        change, quote = CHANGE.match(rest), clause
    elif following:
        change, quote = CHANGE.match(following[0]), f"{clause}，{following[0]}"
    else:
        return None
    if change is None or not _clear(change):
        return None
    return claim, number, change, quote


def _clear(change) -> bool:
    rest = change["rest"]
    if change["amount"] is not None:
        return not APPROXIMATE.match(rest)
    return rest == ""  # “较上年有所减少”, “同比持平”: nothing more in the clause


def _judge(fmt, report, previous, statement, part):
    claim, number, change, quote = statement
    year, report_year = change["year"], report.get("year")
    if year is not None and (report_year is None or int(year) != int(report_year) - 1):
        return None  # compared with another year than the last (or the report's is unknown)
    sums = (claim.cells, *claim.also_accept)
    tied = [cells for cells in sums if str(table_sum(report, cells)) == number]
    if not tied:
        return None  # the figure is not the table's: S3 speaks of it
    # Last year's figure may have been quoted either way too (with or without 上年结转).
    verdicts = [
        _verdict(change, table_sum(report, this), _last(previous, last))
        for this in tied
        for last in sums
    ]
    if any(v is None or v is True for v in verdicts):
        return None  # unsure, or one reading of the figures agrees
    cells = tied[0]
    this_year, last_year = table_sum(report, cells), _last(previous, cells)
    arithmetic, actual = _actual(change, this_year, last_year)
    message = messages.stated_change(
        quote, _name(fmt, claim, cells), this_year, last_year, arithmetic, actual
    )
    return Finding(f"S12.{claim.key}", WARNING, cells, message, part)


def _last(previous, cells):
    values = [figure(previous, code) for code in cells]
    return None if any(v is None for v in values) else sum(values)


def _verdict(change, this_year, last_year) -> bool | None:
    """True when the stated change agrees with the tables, False when it contradicts them,
    None when they cannot tell."""
    if this_year is None or last_year is None:
        return None
    difference = this_year - last_year
    if change["flat"]:
        return difference == 0
    up = change["verb"] in INCREASE
    amount = change["amount"]
    if amount is None:
        return difference > 0 if up else difference < 0
    stated = Decimal(amount) if up else -Decimal(amount)
    if change["unit"] == "件":
        return Decimal(difference) == stated
    if last_year == 0:
        return None
    return stated in _roundings(_percent(this_year, last_year), _places(amount))


def _percent(this_year, last_year) -> Decimal:
    return (Decimal(this_year) - Decimal(last_year)) * 100 / Decimal(last_year)


def _places(amount: str) -> int:
    return len(amount.partition(".")[2])


def _roundings(value: Decimal, places: int) -> set[Decimal]:
    """The value as a writer may state it with `places` decimals: rounded or cut."""
    step = Decimal(1).scaleb(-places)
    size = abs(value)
    sign = -1 if value < 0 else 1
    return {sign * size.quantize(step, rounding) for rounding in (ROUND_HALF_UP, ROUND_DOWN)}


def _actual(change, this_year, last_year):
    """The arithmetic the message shows and the true change in words."""
    difference = this_year - last_year
    if change["unit"] == "%" and last_year:
        places = max(1, _places(change["amount"]) + 1)
        percent = _percent(this_year, last_year)
        return (
            messages.percent_change(this_year, last_year, percent, places),
            messages.change_words(percent, places, "%"),
        )
    return (
        messages.difference(this_year, last_year, difference),
        messages.change_words(difference, 0, "件"),
    )


def _name(fmt, claim, cells) -> str:
    """How the message names the figure: the claim's name, or the sum it was read as."""
    if cells == claim.cells:
        return claim.what
    return messages.sum_of([fmt.cell_map[code].label for code in cells])
