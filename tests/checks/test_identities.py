"""H1–H4: the identities the format declares, evaluated by the one generic evaluator."""

from decimal import Decimal

from gkreport.checks import check_report
from gkreport.checks.identities import _interval, check_identities
from gkreport.formats.model import Block, Column, Format, Identity, Row, Table
from gkreport.lib.values import AMOUNT
from tests.factories import build_report, changed


def codes(result):
    return [f.code for f in result.findings]


def test_a_consistent_report_has_no_finding():
    result = check_report(build_report())
    assert result.findings == []
    assert result.not_assessed == []


def test_h4_shows_the_arithmetic_of_seed_003():
    report = build_report(
        t4={
            "review": (4, 1, 1, 1),
            "litigation_direct": (0, 0, 0, 0),
            "litigation_after_review": (0, 0, 0, 0),
        }
    )
    report = changed(report, t4__review__total=6)
    (finding,) = check_report(report).findings
    assert finding.code == "H4.review"
    assert finding.severity == "error"
    assert (
        finding.message
        == "表四 行政复议：结果维持4＋结果纠正1＋其他结果1＋尚未审结1＝7，但总计填写为6"
    )
    assert finding.cells == (
        "t4.review.upheld",
        "t4.review.corrected",
        "t4.review.other",
        "t4.review.pending",
        "t4.review.total",
    )
    assert finding.part == "s4"


def test_h4_names_the_litigation_group():
    report = changed(build_report(), t4__litigation_direct__total=3)
    (finding,) = check_report(report).findings
    assert finding.message == (
        "表四 行政诉讼（未经复议直接起诉）：结果维持0＋结果纠正1＋其他结果0＋尚未审结0＝1，但总计填写为3"
    )


def test_h1_compares_both_sides_of_the_printed_relation():
    report = build_report()
    report = changed(report, t3__carried_forward__commercial=1, t3__carried_forward__total=3)
    result = check_report(report)
    h1 = [f for f in result.findings if f.code == "H1.commercial"]
    assert h1[0].message == (
        "表三 商业企业列：本年新收1＋上年结转0＝1，但办理结果总计1＋结转下年度1＝2，两者应相等"
    )
    assert set(codes(result)) == {"H1.commercial", "H1.total"}
    assert h1[0].note == "两边合计应相等：1 ≠ 2"  # under its last cell, 结转下年度


def test_a_wrong_total_is_noted_under_its_cell_as_the_live_total_says_it():
    report = changed(build_report(), t3__granted__total=7)
    findings = check_report(report).findings
    (finding,) = [f for f in findings if f.cells[-1] == "t3.granted.total"]
    assert finding.note == "按各项合计应为 6"
    assert finding.short == finding.note


def test_h2_lists_the_non_zero_results_of_a_column():
    report = changed(build_report(), t3__total_processed__natural=8, t3__total_processed__total=9)
    result = check_report(report)
    h2 = next(f for f in result.findings if f.code == "H2.natural")
    assert h2.message == (
        "表三 自然人列：予以公开5＋不掌握2（其余各项为0）＝7，但（七）总计填写为8"
    )
    assert "t3.granted.natural" in h2.cells and len(h2.cells) == 22


def test_h3_checks_each_row_total():
    report = changed(build_report(), t3__granted__total=7)
    (finding,) = [f for f in check_report(report).findings if f.rule == "H3"]
    assert finding.code == "H3.granted"
    assert finding.message == (
        "表三 （一）予以公开：自然人5＋商业企业1＋科研机构0＋社会公益组织0＋法律服务机构0＋其他0＝6，但总计填写为7"
    )


def test_a_missing_operand_makes_an_identity_not_assessable_not_a_mismatch():
    report = changed(build_report(), t4__review__upheld=None)
    result = check_report(report)
    assert "H4.review" in result.not_assessed
    assert [f.code for f in result.findings] == ["H5.blank"]
    assert result.findings[0].cells == ("t4.review.upheld",)


def test_an_unread_operand_makes_an_identity_not_assessable_and_says_why():
    report = changed(build_report(), t4__review__upheld=None, t4__litigation_direct__total=None)
    report = {**report, "unread": ["t4.review.upheld"]}
    result = check_report(report)
    assert result.not_assessed == ["H4.review", "H4.litigation_direct"]
    assert result.not_assessed_unread == ["H4.review"]  # the other one is a printed blank
    assert [f.cells for f in result.findings] == [("t4.litigation_direct.total",)]


def test_a_complete_report_is_complete():
    result = check_report(build_report())
    assert (result.unread, result.cells_read, result.cells_total, result.complete) == (
        [],
        200,
        200,
        True,
    )


def _amount_format():
    """A made-up format with one amount identity: the evaluator is generic, not table-bound."""
    table = Table(
        "t9",
        "s2",
        "九",
        "测试表",
        (
            Block(
                rows=(
                    Row("first", "甲", "甲"),
                    Row("second", "乙", "乙"),
                    Row("sum", "合计", "合计"),
                ),
                columns=(Column("amount", "金额（万元）", kind=AMOUNT),),
            ),
        ),
        name="表九",
    )
    identity = Identity(
        "HX", "amount", "表九", ("t9.first.amount", "t9.second.amount"), ("t9.sum.amount",)
    )
    return Format("test", "测试", "", 2000, None, (), (table,), (identity,))


def _amounts(first, second, total):
    figures = {"t9.first.amount": Decimal(first), "t9.second.amount": Decimal(second)}
    figures["t9.sum.amount"] = Decimal(total)
    return {"year": 2000, "figures": figures}


def test_amount_identities_allow_for_rounding_of_the_stated_decimals():
    assert _interval([Decimal("1.2"), Decimal("3")]) == (Decimal("3.65"), Decimal("4.75"))
    assert _interval([Decimal("1.2"), Decimal("3.00")]) == (Decimal("4.145"), Decimal("4.255"))
    fmt = _amount_format()
    # 0.04 + 0.04 = 0.08 but printed rounded as 0.0 + 0.0 with a total of 0.1: consistent
    assert check_identities(_amounts("0.0", "0.0", "0.1"), fmt) == ([], [])
    assert check_identities(_amounts("1.24", "2.1", "3.3"), fmt) == ([], [])
    findings, _ = check_identities(_amounts("1.2", "2.1", "3.5"), fmt)
    assert [f.message for f in findings] == ["表九：甲1.2＋乙2.1＝3.3，但金额（万元）填写为3.5"]
    # one cent apart is within the rounding of two operands stated to the cent …
    assert check_identities(_amounts("12872.06", "0.00", "12872.07"), fmt) == ([], [])
    # … three cents apart is not
    findings, _ = check_identities(_amounts("12872.06", "0.00", "12872.09"), fmt)
    assert len(findings) == 1


def test_counts_compare_exactly():
    report = changed(build_report(), t3__granted__natural=6)
    assert {"H2.natural", "H3.granted"} <= set(codes(check_report(report)))
