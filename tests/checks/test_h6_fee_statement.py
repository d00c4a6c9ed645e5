"""H6: part six states whether an information processing fee was charged."""

import pytest

from tests.checks.helpers import findings
from tests.factories import build_report, with_sections


def test_h6_passes_when_part_six_states_the_fee():
    assert findings(build_report(), "H6") == []
    report = with_sections(build_report(), s6="2023年本机关未收取信息处理费。")
    assert findings(report, "H6") == []


@pytest.mark.parametrize(
    "statement",
    [
        "本年度未收取信息处理费。",
        "本机关未发生收费情况。",
        "收费0元。",
        "收取信息处理费0元。",
        "2023年没有收取任何费用。",
        "不存在收费情况。",
        "未产生任何费用。",
        "2023年无收取信息处理费情况。",
        # mentions the fee in a way the rule cannot judge: silent, a person reads it
        "关于信息处理费，按国办函〔2020〕109号执行。",
        "收 取 信息处理费 2 笔。",
    ],
)
def test_h6_accepts_the_ways_reports_state_the_fee(statement):
    report = with_sections(
        build_report(), s6=f"（一）政务公开工作要点落实情况\n已落实。\n{statement}"
    )
    assert findings(report, "H6") == []


@pytest.mark.parametrize(
    "s6",
    ["（一）落实上级年度政务公开工作要点情况\n已全部落实。", "", "本年度无其他需要报告的事项。"],
)
def test_h6_fails_when_part_six_says_nothing_about_fees(s6):
    report = with_sections(build_report(), s6=s6)
    (finding,) = findings(report, "H6")
    assert finding.severity == "error"


def test_h6_fails_when_part_six_is_silent_about_the_fee():
    report = with_sections(
        build_report(), s6="（一）落实上级年度政务公开工作要点情况\n已全部落实。"
    )
    (finding,) = findings(report, "H6")
    assert finding.severity == "error"
    assert finding.message == (
        "第六部分未说明收取信息处理费的情况：依据《政府信息公开信息处理费管理办法》"
        "（国办函〔2020〕109号），即使未收取也应写明“未收取信息处理费”"
    )


def test_h6_waits_until_a_drafts_part_six_is_written():
    report = with_sections(build_report(), s6="")
    assert findings(report, "H6", draft=True) == []
    assert [f.code for f in findings(report, "H6")] == ["H6"]


def test_h6_does_not_apply_to_the_2019_format():
    report = {"year": 2020, "format": "2019", "figures": {}, "sections": {"s6": ""}}
    assert findings(report, "H6") == []
