"""S9: a 2021-format year filled in with the single 2019 “other processing” row."""

from gkreport.checks import check_report
from tests.checks.helpers import findings
from tests.factories import build_report


def test_s9_passes_on_the_three_2021_rows():
    assert findings(build_report(), "S9") == []


def test_s9_warns_on_the_single_2019_row_and_keeps_the_arithmetic():
    report = build_report(results={"natural": {"granted": 2, "other_other": 1}})
    replaced = ("other_no_correction", "other_no_fee", "other_other")
    figures = {k: v for k, v in report["figures"].items() if k.split(".")[1] not in replaced}
    for col in (
        "natural",
        "commercial",
        "research",
        "public_welfare",
        "legal_service",
        "other_org",
        "total",
    ):
        figures[f"t3.other_processing.{col}"] = 1 if col in ("natural", "total") else 0
    report = {**report, "figures": figures, "raw": {k: str(v) for k, v in figures.items()}}
    result = check_report(report)
    assert [f.code for f in result.findings] == ["S9"]
    assert result.not_assessed == []
    assert result.findings[0].message == (
        "表三（六）其他处理：2023年度报告应按2021年格式分三行填写"
        "（1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请、"
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请、3.其他），"
        "本报告仍用2019年格式的单行"
    )
    # the legacy row still takes part in H2: a wrong figure there is caught
    broken = {**report, "figures": {**figures, "t3.other_processing.natural": 2}}
    codes = {f.code for f in check_report(broken).errors}
    assert {"H2.natural", "H3.other_processing"} <= codes
