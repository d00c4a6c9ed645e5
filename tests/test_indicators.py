"""The indicators evaluators compute from the tables (gkreport/formats/indicators.py)."""

from decimal import Decimal

import pytest

from gkreport.formats import FORMAT_2021, FORMATS
from gkreport.formats.indicators import indicators, lines
from tests.factories import build_report, changed

# The known report: 予以公开 5 + 1, 部分公开 0, 办理结果总计 8; 行政复议 (1, 0, 1, 0) of 2;
# 未经复议直接起诉 (0, 1, 0, 0) of 1, 复议后起诉 none.
KNOWN = build_report()["figures"]


def by_key(found):
    return {line.indicator.key: line for line in found}


@pytest.mark.parametrize("fmt", FORMATS.values(), ids=FORMATS.keys())
def test_every_indicator_reads_cells_of_the_format(fmt):
    for indicator in indicators(fmt):
        assert all(code in fmt.cell_map for code in indicator.codes)


def test_the_formulas_name_the_terms_in_the_templates_words():
    formulas = [indicator.formula for indicator in indicators(FORMAT_2021)]
    assert formulas == [
        "公开率 ＝（予以公开 ＋ 部分公开）÷ 办理结果总计",
        "复议纠错率 ＝ 行政复议结果纠正 ÷ 行政复议总计",
        "诉讼纠错率 ＝（未经复议直接起诉结果纠正 ＋ 复议后起诉结果纠正）"
        "÷（未经复议直接起诉总计 ＋ 复议后起诉总计）",
    ]


def test_values_of_a_known_report_with_the_arithmetic():
    found = by_key(lines(FORMAT_2021, [KNOWN], []))
    disclosure = found["disclosure"].this_year
    assert disclosure.rate == Decimal("75.0")
    assert disclosure.worked == (
        "公开率 ＝（予以公开 ＋ 部分公开）÷ 办理结果总计 ＝（6 ＋ 0）÷ 8 ＝ 75.0%"
    )
    assert found["review_correction"].this_year.worked == (
        "复议纠错率 ＝ 行政复议结果纠正 ÷ 行政复议总计 ＝ 0 ÷ 2 ＝ 0.0%"
    )
    assert found["litigation_correction"].this_year.shown == "100.0%"
    assert found["litigation_correction"].this_year.worked.endswith(
        "＝（1 ＋ 0）÷（1 ＋ 0）＝ 100.0%"
    )


def test_reports_are_summed_before_dividing():
    other = changed(
        build_report(),
        t3__granted__total=1,
        t3__partially_granted__total=1,
        t3__total_processed__total=4,
    )["figures"]
    line = by_key(lines(FORMAT_2021, [KNOWN, other], []))["disclosure"]
    # (6 + 1 + 0 + 1) ÷ (8 + 4) = 66.7 %, not the mean of 75 % and 50 %
    assert line.this_year.worked.endswith("＝（7 ＋ 1）÷ 12 ＝ 66.7%")


def test_a_zero_total_gives_no_rate_and_says_why():
    quiet = changed(
        build_report(),
        t4__review__corrected=0,
        t4__review__total=0,
        t4__litigation_direct__corrected=0,
        t4__litigation_direct__total=0,
    )["figures"]
    found = by_key(lines(FORMAT_2021, [quiet], [KNOWN]))
    review = found["review_correction"]
    assert review.this_year.rate is None and review.this_year.shown == "—"
    assert review.this_year.worked == (
        "复议纠错率 ＝ 行政复议结果纠正 ÷ 行政复议总计 ＝ 0 ÷ 0 ＝ —（行政复议总计为0，无法计算）"
    )
    assert review.change.shown == "—"
    assert review.change.worked == "本年行政复议总计为0，无法比较"
    litigation = found["litigation_correction"]
    assert litigation.this_year.worked.endswith(
        "—（未经复议直接起诉总计 ＋ 复议后起诉总计为0，无法计算）"
    )
    # last year's zero is said as last year's
    found = by_key(lines(FORMAT_2021, [KNOWN], [quiet]))
    assert found["review_correction"].change.worked == "上年行政复议总计为0，无法比较"


def test_the_change_on_last_year_is_in_percentage_points_of_the_rates_shown():
    last_year = changed(
        build_report(year=2022), t3__granted__total=2, t3__total_processed__total=3
    )["figures"]
    line = by_key(lines(FORMAT_2021, [KNOWN], [last_year]))["disclosure"]
    assert line.last_year.shown == "66.7%"  # 2 ÷ 3
    assert line.change.points == Decimal("8.3")
    assert line.change.worked == "75.0% － 66.7% ＝ ＋8.3个百分点"
    line = by_key(lines(FORMAT_2021, [last_year], [KNOWN]))["disclosure"]
    assert line.change.worked == "66.7% － 75.0% ＝ －8.3个百分点"


def test_without_reports_there_is_nothing_to_compute():
    line = by_key(lines(FORMAT_2021, [KNOWN], []))["disclosure"]
    assert line.last_year.shown == "—"
    assert line.last_year.worked.endswith("：没有报告，无法计算")
    assert line.change.worked == "上年没有报告，无法比较"
    line = by_key(lines(FORMAT_2021, [], []))["disclosure"]
    assert line.this_year.shown == "—"
