"""Indicators evaluators compute from the tables, with their formulas as data.

公开率 = (予以公开 + 部分公开) ÷ 办理结果总计 (table 3, total column); 复议纠错率 = 结果纠正 ÷
总计 of 行政复议; 诉讼纠错率 = the same over both kinds of 行政诉讼 (table 4). Each term is named
by the format's own words and its cells come from the format, so the page can print
“公开率 ＝（予以公开 ＋ 部分公开）÷ 办理结果总计 ＝（6 ＋ 0）÷ 8 ＝ 75.0%” for any set of
reports, and the change on last year in percentage points. A 总计 of 0 gives no rate: it is
shown as “—” with the reason, never as 0 %.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from gkreport.formats.model import Format

PLUS, MINUS, EQUALS = "＋", "－", "＝"
DASH = "—"
ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class Term:
    name: str  # how the formula names it: “予以公开”
    code: str  # the cell it reads


@dataclass(frozen=True)
class Indicator:
    key: str
    name: str  # 公开率
    numerator: tuple[Term, ...]
    denominator: tuple[Term, ...]

    @property
    def formula(self) -> str:
        """“公开率 ＝（予以公开 ＋ 部分公开）÷ 办理结果总计”."""
        top = _sum_text([term.name for term in self.numerator])
        bottom = _sum_text([term.name for term in self.denominator])
        return _tidy(f"{self.name} {EQUALS} {top} ÷ {bottom}")

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(term.code for term in self.numerator + self.denominator)


def indicators(fmt: Format) -> tuple[Indicator, ...]:
    """The indicators of a format, in the order pages show them."""
    return _indicators(fmt.version)


@cache
def _indicators(version: str) -> tuple[Indicator, ...]:
    from gkreport.formats import get_format

    fmt = get_format(version)
    cells = fmt.cell_map
    table3 = fmt.table("t3")
    results = {row.key: row for row in table3.blocks[0].rows}
    processed = cells[fmt.key_cells.processed]
    total_column = processed.column

    def row_term(row):
        code = f"{table3.key}.{row}.{total_column}"
        return Term(results[row].short or results[row].label, code)

    found = [
        Indicator(
            "disclosure",
            "公开率",
            (row_term("granted"), row_term("partially_granted")),
            (Term(processed.row_short, processed.code),),
        )
    ]
    corrected = dict(fmt.table4_outcomes)["corrected"]
    total = cells[fmt.key_cells.review[0]].column_label
    groups = dict(fmt.table4_groups)
    for branch, name in zip(fmt.table4_branches, ("复议纠错率", "诉讼纠错率"), strict=True):
        # 行政复议 is one group, named as the branch; 行政诉讼 two, each by its own name
        # (未经复议直接起诉, 复议后起诉).
        names = {g: branch.label if len(branch.groups) == 1 else groups[g] for g in branch.groups}
        found.append(
            Indicator(
                f"{branch.key}_correction",
                name,
                tuple(
                    Term(f"{names[g]}{corrected}", fmt.table4_cell(g, "corrected"))
                    for g in branch.groups
                ),
                tuple(
                    Term(f"{names[g]}{total}", fmt.table4_cell(g, fmt.table4_total))
                    for g in branch.groups
                ),
            )
        )
    return tuple(found)


@dataclass(frozen=True)
class Reading:
    """One indicator over a set of reports (one year's): the terms' sums and the rate."""

    indicator: Indicator
    numerator: tuple[int, ...]
    denominator: tuple[int, ...]
    reports: int  # how many reports were summed; 0: nothing to compute from

    @property
    def rate(self) -> Decimal | None:
        """The percentage to one decimal; None without reports or with a 总计 of 0."""
        bottom = sum(self.denominator)
        if not self.reports or not bottom:
            return None
        return (Decimal(sum(self.numerator)) * 100 / bottom).quantize(ONE_DECIMAL, ROUND_HALF_UP)

    @property
    def shown(self) -> str:
        return DASH if self.rate is None else f"{self.rate}%"

    @property
    def reason(self) -> str:
        """Why there is no rate (“办理结果总计为0”); empty when there is one."""
        if not self.reports:
            return "没有报告"
        if self.rate is None:
            names = _sum_text([term.name for term in self.indicator.denominator], bracket=False)
            return f"{names}为0"
        return ""

    @property
    def worked(self) -> str:
        """The formula with the numbers: “公开率 ＝（…）÷ … ＝（6 ＋ 0）÷ 8 ＝ 75.0%”."""
        formula = self.indicator.formula
        if not self.reports:
            return f"{formula}：{self.reason}，无法计算"
        top = _sum_text([str(v) for v in self.numerator])
        bottom = _sum_text([str(v) for v in self.denominator])
        result = self.shown if self.rate is not None else f"{DASH}（{self.reason}，无法计算）"
        return _tidy(f"{formula} {EQUALS} {top} ÷ {bottom} {EQUALS} {result}")


@dataclass(frozen=True)
class Change:
    """An indicator this year against last year, in percentage points."""

    this_year: Reading
    last_year: Reading

    @property
    def points(self) -> Decimal | None:
        """The difference of the two rates as shown (one decimal), so the shown sum adds up."""
        if self.this_year.rate is None or self.last_year.rate is None:
            return None
        return self.this_year.rate - self.last_year.rate

    @property
    def shown(self) -> str:
        points = self.points
        if points is None:
            return DASH
        return f"{_signed(points)}个百分点"

    @property
    def worked(self) -> str:
        """“75.0% － 70.0% ＝ ＋5.0个百分点”, or why there is no change to show."""
        if self.this_year.rate is None:
            return f"本年{self.this_year.reason}，无法比较"
        if self.last_year.rate is None:
            return f"上年{self.last_year.reason}，无法比较"
        return f"{self.this_year.shown} {MINUS} {self.last_year.shown} {EQUALS} {self.shown}"


@dataclass(frozen=True)
class Line:
    """One indicator on a page: its formula, this year, last year and the change."""

    indicator: Indicator
    this_year: Reading
    last_year: Reading
    change: Change


def reading(indicator: Indicator, figure_sets: list[dict]) -> Reading:
    """The indicator over reports given as {cell code: figure} (a blank counts as 0, as in
    the statistics' sums)."""

    def total(term):
        return sum(figures.get(term.code) or 0 for figures in figure_sets)

    return Reading(
        indicator,
        tuple(total(term) for term in indicator.numerator),
        tuple(total(term) for term in indicator.denominator),
        len(figure_sets),
    )


def lines(fmt: Format, this_year: list[dict], last_year: list[dict]) -> list[Line]:
    """Every indicator of the format for two years' reports ({cell code: figure} each)."""
    found = []
    for indicator in indicators(fmt):
        now, before = reading(indicator, this_year), reading(indicator, last_year)
        found.append(Line(indicator, now, before, Change(now, before)))
    return found


def summary(fmt: Format, year: int, this_year: list[dict], last_year: list[dict], counted: str):
    """What templates/_indicators.html shows: every indicator of `year` against the year
    before, and what they were summed over (`counted`: which reports, in words)."""
    return {
        "year": year,
        "last_year": year - 1,
        "lines": lines(fmt, this_year, last_year),
        "basis": (
            f"按{counted}合计计算：{year}年度{len(this_year)}份，{year - 1}年度{len(last_year)}份"
        ),
    }


def all_codes(*formats: Format) -> tuple[str, ...]:
    """The cells the indicators of these formats read, each once."""
    codes = (code for fmt in formats for ind in indicators(fmt) for code in ind.codes)
    return tuple(dict.fromkeys(codes))


def _sum_text(items: list[str], bracket: bool = True) -> str:
    text = f" {PLUS} ".join(items)
    return f"（{text}）" if bracket and len(items) > 1 else text


def _tidy(text: str) -> str:
    """No space beside a full-width bracket, which brings its own."""
    return text.replace(" （", "（").replace("） ", "）")


def _signed(value: Decimal) -> str:
    if value > 0:
        return f"{PLUS}{value}"
    if value < 0:
        return f"{MINUS}{-value}"
    return f"{value}"
