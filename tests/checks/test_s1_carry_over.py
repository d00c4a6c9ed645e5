"""S1: this year's carry-over matches what last year's report carried forward."""

from tests.checks.helpers import findings
from tests.factories import build_report


def test_s1_passes_when_carry_over_matches_last_year():
    last_year = build_report(year=2022, carried_forward={"natural": 1})
    assert findings(build_report(carried_over={"natural": 1}), "S1", previous=last_year) == []


def test_s1_warns_column_by_column():
    last_year = build_report(year=2022, carried_forward={"natural": 3})
    found = findings(build_report(carried_over={"natural": 1}), "S1", previous=last_year)
    assert [f.code for f in found] == ["S1.natural", "S1.total"]
    finding = found[0]
    assert finding.severity == "warning"
    assert (
        finding.message
        == "表三 自然人列：二、上年结转填写为1，但上一年度报告 四、结转下年度继续办理为3"
    )
    assert finding.cells == ("t3.carried_over.natural",)


def test_s1_needs_last_years_report():
    assert findings(build_report(carried_over={"natural": 9}), "S1") == []
