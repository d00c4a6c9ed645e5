"""S4: the fee amount is a plain number in 万元, not yuan, without a unit."""

from decimal import Decimal

from tests.checks.helpers import findings
from tests.factories import build_report, with_raw


def test_s4_passes_on_a_plain_amount():
    assert findings(build_report(), "S4") == []


def test_s4_warns_on_a_unit_in_the_cell():
    report = with_raw(build_report(), "t2.fees.amount", "12872.06 万元", Decimal("12872.06"))
    (finding,) = findings(report, "S4")
    assert finding.code == "S4.format"
    assert finding.message == (
        "表二 行政事业性收费 本年收费金额（单位：万元）：填写为“12872.06 万元”，"
        "应只填数字（单位万元已在表头），不加单位和千分位分隔符"
    )


def test_s4_warns_on_separators():
    report = with_raw(build_report(), "t2.fees.amount", "62,544.3758", Decimal("62544.3758"))
    assert [f.code for f in findings(report, "S4")] == ["S4.format"]


def test_s4_warns_on_an_amount_that_looks_like_yuan():
    report = with_raw(build_report(), "t2.fees.amount", "625443758", Decimal("625443758"))
    (finding,) = findings(report, "S4")
    assert finding.code == "S4.magnitude"
    assert finding.message == (
        "表二 行政事业性收费 本年收费金额（单位：万元）：625443758万元即6254437580000元，"
        "金额异常大，请核对是否误按“元”填写"
    )
