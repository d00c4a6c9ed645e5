"""S5: identical non-zero figures in another agency's report of the same year."""

from decimal import Decimal

from tests.checks.helpers import findings
from tests.factories import build_report, changed


def test_s5_passes_when_other_agencies_differ():
    other = {**build_report(), "agency": "另一局"}
    other = changed(
        other,
        t2__licensing__decisions=7,
        t2__penalty__decisions=8,
        t2__coercion__decisions=9,
        t2__fees__amount=Decimal("1"),
        t2__normative_documents__issued=1,
        t2__normative_documents__in_force=5,
        t2__normative_documents__repealed=0,
    )
    assert findings(build_report(), "S5", peers=[other]) == []


def test_s5_warns_on_identical_non_zero_figures():
    other = changed(
        {**build_report(), "agency": "另一局"},
        t2__licensing__decisions=7,
        t2__penalty__decisions=8,
        t2__coercion__decisions=9,
        t2__normative_documents__issued=1,
        t2__normative_documents__in_force=5,
        t2__normative_documents__repealed=0,
    )
    (finding,) = findings(build_report(), "S5", peers=[other])
    assert finding.code == "S5.fees"
    assert finding.message == (
        "表二 行政事业性收费 本年收费金额（单位：万元）：15.5与另一局同年报告的数字完全相同，请核对是否照抄"
    )


def test_s5_ignores_zeros_the_same_agency_and_other_years():
    same_agency = build_report()
    other_year = {**build_report(year=2022), "agency": "另一局"}
    assert findings(build_report(), "S5", peers=[same_agency, other_year]) == []
