"""Charts drawn from a report's figures as SVG geometry, with the numbers as text.

The same chart sits in the same place in the preview and the PDF (templates/print/), and on
the public pages. Every text's place is decided here, from an estimate of its width, so that
no label overlaps a bar or another label and none is cut off at the edge: the template only
draws what it is given.

WIDTH fits the column of a 390 px phone (366 px inside the page's margins), so a chart is
never shrunk there and its 11 px labels stay readable; a chart whose labels need more room
grows wider instead of letting them overlap.
"""

import unicodedata
from dataclasses import dataclass

WIDTH = 360
FONT_SIZE = 11
# Room above and below a line of text: CJK fonts draw about 1.16 em above the baseline and
# 0.29 em below it, which is the box browsers measure.
ASCENT = round(FONT_SIZE * 1.2)
DESCENT = round(FONT_SIZE * 0.35)
PAD = 6  # between a label and its bar, a bar and its number, a text and the edge

# Horizontal bars: one row per item.
BAR_HEIGHT = 18
ROW = BAR_HEIGHT + 10
MIN_SPAN = 120  # the longest bar, at least

# Vertical columns (years): a plot, the numbers above, the years below.
PLOT_HEIGHT = 120
COLUMN = 36


def text_width(text: str, size: int = FONT_SIZE) -> float:
    """A generous estimate of the drawn width: a wide (CJK) character takes one em, anything
    else 0.65 em, the widest a digit gets in the fonts used (DejaVu Sans, Noto CJK, 仿宋)."""
    return sum(
        size if unicodedata.east_asian_width(char) in ("W", "F") else size * 0.65 for char in text
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    label_x: float  # where the label's anchor sits (its baseline at label_y)
    label_y: float
    value_x: float  # where the number's anchor sits (its baseline at value_y)
    value_y: float


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    orientation: str  # horizontal | vertical
    text: str  # the same numbers in words, for readers who cannot see the chart
    label_anchor: str  # text-anchor of the labels: end (beside a bar) | middle (under it)
    value_anchor: str  # text-anchor of the numbers: start (after a bar) | middle (above it)
    axis: tuple[float, float, float, float]  # the line the bars stand on: x1, y1, x2, y2
    font_size: int = FONT_SIZE


def outcome_groups(fmt, figures: dict) -> list[tuple[str, int]]:
    """Table 3's results in the total column, summed by their official group (（三）不予公开 …).
    `figures`: cell code → value (a report's `figures()`, a snapshot's `snapshot_figures`)."""
    return [
        (group.label, sum(figures.get(code) or 0 for code in group.cells))
        for group in fmt.result_groups
    ]


def outcome_chart(report, figures=None) -> Chart | None:
    groups = outcome_groups(report.fmt, report.figures() if figures is None else figures)
    if not any(value for _, value in groups):
        return None
    return _horizontal("outcomes", f"{report.fmt.results_label}分布（件）", groups)


def received_chart(history: list[tuple[int, int]]) -> Chart | None:
    """Applications received (the format's key_cells.received) by year, from two years on."""
    if len(history) < 2:
        return None
    items = [(f"{year}年", value) for year, value in history]
    text = "；".join(f"{year}年{value}件" for year, value in history)
    return _vertical(
        "received", "历年收到政府信息公开申请数量（件）", items, f"历年收到申请：{text}。"
    )


def bar_chart(key, title, items) -> Chart | None:
    """Horizontal bars for (label, value) items; None when every value is 0."""
    if not any(value for _, value in items):
        return None
    return _horizontal(key, title, items)


def _horizontal(key, title, items) -> Chart:
    """Labels right-aligned in a column as wide as the longest, bars after them, each bar's
    number just past its end: the longest bar leaves room for the widest number."""
    top = max(value for _, value in items) or 1
    label_column = PAD + max(text_width(label) for label, _ in items)
    number_column = PAD + max(text_width(str(value)) for _, value in items) + PAD
    width = max(WIDTH, round(label_column + PAD + MIN_SPAN + number_column))
    span = width - label_column - PAD - number_column
    bar_x = label_column + PAD
    bars = []
    for index, (label, value) in enumerate(items):
        y = PAD + index * ROW
        length = span * value / top
        baseline = y + (BAR_HEIGHT + ASCENT - DESCENT) / 2
        bars.append(
            Bar(
                label,
                value,
                round(bar_x, 1),
                y,
                round(length, 1),
                BAR_HEIGHT,
                label_x=round(label_column, 1),
                label_y=round(baseline, 1),
                value_x=round(bar_x + length + PAD, 1),
                value_y=round(baseline, 1),
            )
        )
    height = 2 * PAD + len(items) * ROW - (ROW - BAR_HEIGHT)
    text = "；".join(f"{label}{value}件" for label, value in items)
    axis = (round(bar_x, 1), PAD / 2, round(bar_x, 1), height - PAD / 2)
    return Chart(
        key,
        title,
        tuple(bars),
        width,
        height,
        orientation="horizontal",
        text=f"{title.split('（')[0]}：{text}。",
        label_anchor="end",
        value_anchor="start",
        axis=axis,
    )


def _vertical(key, title, items, text) -> Chart:
    """Columns with the number above and the label below, each in a slot as wide as the
    widest label or number, so that neighbours never touch."""
    top = max(value for _, value in items) or 1
    widest = max(max(text_width(label), text_width(str(value))) for label, value in items)
    slot = max(COLUMN, widest) + PAD
    width = max(WIDTH, round(len(items) * slot + 2 * PAD))
    left = (width - len(items) * slot) / 2  # the columns centred
    plot_top = PAD + ASCENT + PAD  # room for the tallest column's number
    plot_bottom = plot_top + PLOT_HEIGHT
    height = plot_bottom + PAD + ASCENT + DESCENT + PAD // 2
    bars = []
    for index, (label, value) in enumerate(items):
        centre = left + index * slot + slot / 2
        length = PLOT_HEIGHT * value / top
        bars.append(
            Bar(
                label,
                value,
                round(centre - COLUMN / 2, 1),
                round(plot_bottom - length, 1),
                COLUMN,
                round(length, 1),
                label_x=round(centre, 1),
                label_y=plot_bottom + PAD + ASCENT,
                value_x=round(centre, 1),
                value_y=round(plot_bottom - length - PAD, 1),
            )
        )
    axis = (round(left, 1), plot_bottom, round(width - left, 1), plot_bottom)
    return Chart(
        key,
        title,
        tuple(bars),
        width,
        height,
        orientation="vertical",
        text=text,
        label_anchor="middle",
        value_anchor="middle",
        axis=axis,
    )
