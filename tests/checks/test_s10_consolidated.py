"""S10: a government's report against the sum of its departments' reports."""

from tests.checks.helpers import findings
from tests.factories import build_report, changed


def _department(name, received):
    return changed({**build_report(), "agency": name}, t3__new_received__total=received)


def test_s10_passes_when_the_government_report_is_the_sum_of_its_departments():
    government = changed(
        build_report(),
        t3__new_received__total=9,
        t3__total_processed__total=16,
        t4__review__total=4,
        t4__litigation_direct__total=2,
        t4__litigation_after_review__total=0,
    )
    departments = [_department("甲局", 4), _department("乙局", 5)]
    assert findings(government, "S10", departments=departments) == []


def test_s10_warns_with_both_sides():
    departments = [_department("甲局", 4), _department("乙局", 7)]
    found = findings(build_report(), "S10", departments=departments)
    first = found[0]
    assert first.code == "S10.t3.new_received"
    assert first.message == (
        "表三 一、本年新收政府信息公开申请数量 总计：本级政府报告为9，2个部门报告之和为11，请核对"
    )


def test_s10_needs_departments():
    assert findings(build_report(), "S10") == []
