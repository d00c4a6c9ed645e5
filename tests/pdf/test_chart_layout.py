"""Every label and number of a chart has its own room inside the chart: none overlaps a bar
or another text, none is cut off at the edge, whatever the labels and numbers are.
(tests/browser/test_phone_widths.py measures the same in Chromium at 1280 and 390 px.)"""

from gkreport.printing.charts import (
    ASCENT,
    DESCENT,
    WIDTH,
    bar_chart,
    received_chart,
    text_width,
)


def text_boxes(chart):
    anchors = {"start": 0, "middle": 0.5, "end": 1}
    for bar in chart.bars:
        for text, x, y, anchor in (
            (bar.label, bar.label_x, bar.label_y, chart.label_anchor),
            (str(bar.value), bar.value_x, bar.value_y, chart.value_anchor),
        ):
            width = text_width(text)
            left = x - width * anchors[anchor]
            yield text, (left, y - ASCENT, left + width, y + DESCENT)


def bar_boxes(chart):
    for bar in chart.bars:
        if bar.width and bar.height:
            yield bar.label, (bar.x, bar.y, bar.x + bar.width, bar.y + bar.height)


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def assert_every_text_has_room(chart):
    texts = list(text_boxes(chart))
    for text, box in texts:
        assert 0 <= box[0] and box[2] <= chart.width, f"{text} cut off at the side"
        assert 0 <= box[1] and box[3] <= chart.height, f"{text} cut off at the top or bottom"
        for _, bar in bar_boxes(chart):
            assert not overlap(box, bar), f"{text} drawn over a bar"
    for index, (text, box) in enumerate(texts):
        for other, other_box in texts[index + 1 :]:
            assert not overlap(box, other_box), f"{text} overlaps {other}"


def test_outcome_bars_leave_room_for_labels_and_numbers():
    chart = bar_chart("outcomes", "办理结果分布（件）", [("予以公开", 12345), ("部分公开", 0)])
    assert_every_text_has_room(chart)
    assert chart.width == WIDTH  # fits a phone's column without being shrunk


def test_a_long_label_widens_the_chart_instead_of_overlapping():
    items = [("申请人逾期未按收费通知要求缴纳费用", 3), ("其他", 1_000_000)]
    chart = bar_chart("long", "长标签（件）", items)
    assert_every_text_has_room(chart)
    assert chart.width > WIDTH


def test_the_years_each_have_their_own_slot():
    history = [(year, 1000 * (year - 2018)) for year in range(2019, 2026)]
    chart = received_chart(history)
    assert_every_text_has_room(chart)
    assert chart.width == WIDTH  # seven years still fit a phone
    many = received_chart([(year, 123456) for year in range(2010, 2026)])
    assert_every_text_has_room(many)


def test_the_tallest_column_keeps_its_number_inside_the_chart():
    chart = received_chart([(2022, 5), (2023, 9)])
    assert_every_text_has_room(chart)
    tallest = chart.bars[1]
    assert tallest.value_y - ASCENT >= 0
