"""Charts drawn from a report's figures as SVG geometry, with the numbers as text.

The same chart sits in the same place in the preview and the PDF (templates/print/).
"""

from dataclasses import dataclass

WIDTH = 440
BAR_HEIGHT = 18
GAP = 8
LABEL_WIDTH = 120


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    orientation: str  # horizontal | vertical
    text: str  # the same numbers in words, for readers who cannot see the chart

    @property
    def label_x(self) -> int:
        return LABEL_WIDTH - 6


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
    top = max(value for _, value in history) or 1
    height, column = 160, 48
    bars = []
    for index, (year, value) in enumerate(history):
        bar_height = (height - 30) * value / top
        x = 30 + index * (column + 16)
        bars.append(Bar(f"{year}年", value, x, height - 20 - bar_height, column, bar_height))
    text = "；".join(f"{year}年{value}件" for year, value in history)
    return Chart(
        "received",
        "历年收到政府信息公开申请数量（件）",
        tuple(bars),
        max(WIDTH, 30 + len(history) * (column + 16)),
        height,
        "vertical",
        f"历年收到申请：{text}。",
    )


def bar_chart(key, title, items) -> Chart | None:
    """Horizontal bars for (label, value) items; None when every value is 0."""
    if not any(value for _, value in items):
        return None
    return _horizontal(key, title, items)


def _horizontal(key, title, items) -> Chart:
    top = max(value for _, value in items) or 1
    span = WIDTH - LABEL_WIDTH - 50
    bars = tuple(
        Bar(label, value, LABEL_WIDTH, index * (BAR_HEIGHT + GAP), span * value / top, BAR_HEIGHT)
        for index, (label, value) in enumerate(items)
    )
    text = "；".join(f"{label}{value}件" for label, value in items)
    height = len(items) * (BAR_HEIGHT + GAP)
    return Chart(key, title, bars, WIDTH, height, "horizontal", f"{title.split('（')[0]}：{text}。")
