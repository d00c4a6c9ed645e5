"""S7: the text says no fee notice was sent, the table says one was."""

from tests.checks.helpers import findings
from tests.factories import build_report, with_sections


def test_s7_passes_when_no_fee_notice_applications_are_reported():
    report = with_sections(build_report(), s6="本年度未发出收费通知，未收取信息处理费。")
    assert findings(report, "S7") == []


def test_s7_warns_when_text_and_table_disagree():
    report = build_report(results={"natural": {"other_no_fee": 2}})
    report = with_sections(report, s6="本年度未发出收费通知，未收取信息处理费。")
    (finding,) = findings(report, "S7")
    assert finding.message == (
        "表三 2.申请人逾期未按收费通知要求缴纳费用 总计为2，但第六部分写明未发出收费通知"
    )
