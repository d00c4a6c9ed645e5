"""S12: a change against last year stated in the text contradicts the two years' tables."""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkreport.imports.text import read_text
from tests.checks.helpers import findings
from tests.factories import build_report, changed, with_sections

SEED_001 = Path(__file__).resolve().parents[2] / "fixtures" / "seeds" / "001_c779024abbc6666e.txt"
RECEIVED = "表三 一、本年新收政府信息公开申请数量 总计"


def stated(text, last_received, this_received=9, **last_cells):
    """The S12 findings of a 2023 report saying `text`, against a 2022 report."""
    report = with_sections(changed(build_report(), t3__new_received__total=this_received), s1=text)
    previous = changed(build_report(year=2022), t3__new_received__total=last_received, **last_cells)
    return findings(report, "S12", previous=previous)


def test_s12_warns_when_a_stated_percentage_contradicts_the_tables():
    (finding,) = stated("2023年共收到政府信息公开申请9件，较上年增长20%。", 10)
    assert finding.code == "S12.received"
    assert finding.severity == "warning"
    assert finding.cells == ("t3.new_received.total",)
    assert finding.part == "s1"
    assert finding.message == (
        "正文写“2023年共收到政府信息公开申请9件，较上年增长20%”，"
        f"但{RECEIVED}：本年9、上年10，（9－10）÷10＝－10.0%，实际下降10.0%"
    )


@pytest.mark.parametrize("change", ["28.6%", "28.57%", "29%", "28%", "28.5%"])
def test_s12_accepts_the_change_rounded_or_cut_to_the_stated_precision(change):
    # (9 - 7) ÷ 7 = 28.571…%
    assert stated(f"共收到政府信息公开申请9件，同比增长{change}。", 7) == []


@pytest.mark.parametrize("change", ["30%", "28.7%", "27%", "28.4%"])
def test_s12_warns_beyond_the_stated_precision(change):
    (finding,) = stated(f"共收到政府信息公开申请9件，同比增长{change}。", 7)
    assert finding.message.endswith("（9－7）÷7＝28.6%，实际增长28.6%") or (
        finding.message.endswith("（9－7）÷7＝28.57%，实际增长28.57%")
    )


def test_s12_checks_a_stated_number_of_applications():
    assert stated("共收到政府信息公开申请9件，比上年增加2件。", 7) == []
    (finding,) = stated("共收到政府信息公开申请9件，比上年减少2件。", 7)
    assert finding.message.endswith("：本年9、上年7，9－7＝2，实际增加2件")


def test_s12_checks_the_direction_alone_and_no_change():
    assert stated("共收到政府信息公开申请9件，较上年有所增加。", 7) == []
    (finding,) = stated("共收到政府信息公开申请9件，较上年有所减少。", 7)
    assert finding.message.endswith("实际增加2件")
    assert stated("共收到政府信息公开申请9件，与上年持平。", 9) == []
    (finding,) = stated("共收到政府信息公开申请9件，与上年持平。", 10)
    assert finding.message.endswith("9－10＝－1，实际减少1件")


def test_s12_reads_the_change_in_the_same_clause_and_by_the_year_before():
    assert [f.code for f in stated("共收到政府信息公开申请9件较上年增长50%。", 7)] == [
        "S12.received"
    ]
    assert [f.code for f in stated("共收到政府信息公开申请9件，较2022年度增长50%。", 7)] == [
        "S12.received"
    ]
    assert [f.code for f in stated("共收到政府信息公开申请９件，比去年同期增长５０％。", 7)] == [
        "S12.received"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "共收到政府信息公开申请9件，较2021年增长50%。",  # not last year
        "共收到政府信息公开申请9件，较往年有所减少。",  # 往年: not one year
        "共收到政府信息公开申请9件，较上年增长约50%。",  # approximate
        "共收到政府信息公开申请9件，较上年增长50%以上。",
        "共收到政府信息公开申请9件，较上年增长50%左右。",
        "共收到政府信息公开申请9件，较上年增长5个百分点。",
        "共收到政府信息公开申请9件，较上年增长1倍。",
        "共收到政府信息公开申请9件，网上申请较上年增长50%。",  # a subject of its own
        "共收到政府信息公开申请9件，办结8件，较上年增长50%。",  # not right after the figure
        "共收到政府信息公开申请9件（含网上申请5件），较上年增长50%。",
        "共收到政府信息公开申请12件，较上年增长50%。",  # not the table's figure: S3's
        "较上年增长50%，共收到政府信息公开申请9件。",  # the change comes first
        "收到政府信息公开申请9件行政复议2件，同比增长50%。",  # two figures tied
        "共收到政府信息公开申请9件，环比增长50%。",
    ],
)
def test_s12_stays_silent_when_unsure(text):
    assert stated(text, 7) == []


def test_s12_stays_silent_without_last_years_figure():
    text = "共收到政府信息公开申请9件，较上年增长50%。"
    assert stated(text, 0) == []  # a percentage of nothing
    assert stated(text, None) == []  # blank or unread last year
    report = with_sections(build_report(), s1=text)
    assert findings(report, "S12") == []
    two_years_back = changed(build_report(year=2021), t3__new_received__total=7)
    assert findings(report, "S12", previous=two_years_back) == []


def test_s12_accepts_received_with_last_years_carry_over():
    # 受理10件 = 9 new + 1 carried over (S3 accepts it too); last year 7 + 1 = 8: 25%.
    assert stated("共受理政府信息公开申请10件，较上年增长25%。", 7) == []
    # …or against last year's new applications alone: (10 − 7) ÷ 7 = 42.9%.
    assert stated("共受理政府信息公开申请10件，较上年增长42.9%。", 7) == []
    (finding,) = stated("共受理政府信息公开申请10件，较上年增长50%。", 7)
    assert "总计与表三 二、上年结转政府信息公开申请数量 总计之和：本年10、上年8" in (
        finding.message
    )


def test_s12_checks_review_cases_against_table_4():
    report = with_sections(build_report(), s1="因政府信息公开引发行政复议案件2件，比上年减少1件。")
    last_year = changed(build_report(year=2022), t4__review__total=3)
    assert findings(report, "S12", previous=last_year) == []
    last_year = changed(build_report(year=2022), t4__review__total=2)
    (finding,) = findings(report, "S12", previous=last_year)
    assert finding.code == "S12.review"
    assert finding.cells == ("t4.review.total",)
    assert finding.message == (
        "正文写“因政府信息公开引发行政复议案件2件，比上年减少1件”，"
        "但表四 行政复议 总计：本年2、上年2，2－2＝0，实际持平"
    )


def test_s12_reads_a_real_sentence_of_seed_001():
    # “2021年度，全区共收到政府信息公开申请件49件，同比增长58%”: (49 − 31) ÷ 31 = 58.06 %.
    report = read_text(SEED_001.read_text(encoding="utf-8")).report
    assert report["figures"]["t3.new_received.total"] == 49
    for last_received, expected in ((31, []), (30, ["S12.received"])):
        previous = changed(
            build_report(year=2020),
            t3__new_received__total=last_received,
            t3__carried_over__total=0,
        )
        previous = {**previous, "format": "2019"}
        found = findings(report, "S12", previous=previous)
        assert [f.code for f in found] == expected
    assert found[0].message.endswith("（49－30）÷30＝63.3%，实际增长63.3%")


def _written(value: Decimal, places: int, rounding) -> Decimal:
    return abs(value).quantize(Decimal(1).scaleb(-places), rounding)


counts = st.integers(min_value=0, max_value=100000)


@settings(max_examples=300, deadline=None)
@given(
    this_year=counts,
    last_year=st.integers(min_value=1, max_value=100000),
    places=st.integers(min_value=0, max_value=2),
    rounding=st.sampled_from([ROUND_HALF_UP, ROUND_DOWN]),
    off_by=st.integers(min_value=2, max_value=1000),
)
def test_s12_true_statements_pass_and_wrong_ones_are_flagged(
    this_year, last_year, places, rounding, off_by
):
    percent = (Decimal(this_year) - last_year) * 100 / last_year
    written = _written(percent, places, rounding)
    verb = "增长" if percent > 0 else "下降"
    sentence = "共收到政府信息公开申请{}件，较上年{}{}%。"
    true = sentence.format(this_year, verb, written)
    no_carry = {"t3__carried_over__total": 0}
    assert stated(true, last_year, this_year, **no_carry) == [] or percent == 0
    wrong = _written(percent, places, ROUND_HALF_UP) + off_by * Decimal(1).scaleb(-places)
    found = stated(sentence.format(this_year, verb, wrong), last_year, this_year, **no_carry)
    assert [f.code for f in found] == ["S12.received"]
