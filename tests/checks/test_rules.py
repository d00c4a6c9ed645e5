"""Each registered rule: a passing case, a failing case, and the exact message."""

from decimal import Decimal

import pytest

from gkreport.checks import RULES, check_report
from tests.factories import build_report, changed, with_raw, with_sections


def findings(report, rule, **kwargs):
    return [f for f in check_report(report, **kwargs).findings if f.rule == rule]


def test_every_rule_is_registered_once():
    names = [rule.__name__ for rule in RULES]
    assert len(names) == len(set(names))
    assert names[:2] == ["h5_values", "h6_fee_statement"]  # errors first


# H5 ------------------------------------------------------------------------------------


def test_h5_passes_when_every_cell_has_a_number():
    assert findings(build_report(), "H5") == []


def test_h5_reports_a_blank_cell():
    report = changed(build_report(), t2__licensing__decisions=None)
    (finding,) = findings(report, "H5")
    assert finding.code == "H5.blank"
    assert finding.message == "表二 行政许可 本年处理决定数量：未填写（没有发生的请填写0）"
    assert finding.cells == ("t2.licensing.decisions",)


def test_h5_a_blank_cell_of_a_draft_is_progress_not_an_error():
    report = changed(build_report(), t2__licensing__decisions=None)
    result = check_report(report, draft=True)
    assert not [f for f in result.errors if f.rule == "H5"]
    assert [f.cells for f in result.blank] == [("t2.licensing.decisions",)]
    assert result.blank_by_table() == {"t2": 1}


def test_h5_is_silent_on_a_cell_the_importer_could_not_read():
    report = changed(build_report(), t2__licensing__decisions=None)
    report = {**report, "unread": ["t2.licensing.decisions"]}
    assert findings(report, "H5") == []
    result = check_report(report)
    assert (result.unread, result.cells_read, result.cells_total) == (
        ["t2.licensing.decisions"],
        199,
        200,
    )
    assert not result.complete


def test_h5_reports_not_applicable_as_an_error():
    report = with_raw(build_report(), "t4.review.pending", "/", None)
    (finding,) = findings(report, "H5")
    assert finding.code == "H5.not_applicable"
    assert finding.message == (
        "表四 行政复议 尚未审结：填写了“/”，统计表每一格都应填写数字，没有发生的请填写0"
    )


def test_h5_repeats_the_reader_message_for_unreadable_text():
    report = with_raw(build_report(), "t3.granted.natural", "五件", None)
    (finding,) = findings(report, "H5")
    assert finding.code == "H5.invalid"
    assert finding.message == "表三 （一）予以公开 自然人：“五件”不是数字"


def test_h5_reports_a_negative_number_from_a_hand_made_dict():
    report = changed(build_report(), t2__penalty__decisions=-1)
    (finding,) = findings(report, "H5")
    assert finding.message == "表二 行政处罚 本年处理决定数量：填写为-1，不能为负数"


# H6 ------------------------------------------------------------------------------------


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


# S1 ------------------------------------------------------------------------------------


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


# S2 ------------------------------------------------------------------------------------


def test_s2_passes_when_in_force_follows_from_last_year():
    last_year = build_report(year=2022)
    last_year = changed(last_year, t2__normative_documents__in_force=18)
    assert findings(build_report(), "S2", previous=last_year) == []  # 18 + 3 - 1 = 20


def test_s2_warns_when_in_force_does_not_follow():
    last_year = changed(build_report(year=2022), t2__normative_documents__in_force=54)
    (finding,) = findings(build_report(), "S2", previous=last_year)
    assert finding.code == "S2.normative_documents"
    assert finding.message == (
        "表二 行政规范性文件 现行有效件数：上年54＋本年制发3－本年废止1＝56，但填写为20"
    )


def test_s2_without_last_year_checks_the_lower_bound():
    report = changed(build_report(), t2__normative_documents__in_force=1)
    (finding,) = findings(report, "S2")
    assert finding.message == "表二 行政规范性文件 现行有效件数填写为1，少于本年制发3－本年废止1＝2"


# S3 ------------------------------------------------------------------------------------

RECEIVED = "2023年，共收到政府信息公开申请9件，同比增长20%。"


def test_s3_passes_when_the_text_quotes_the_table():
    report = build_report()  # new_received.total = 9 (8 natural + 1 commercial)
    assert report["figures"]["t3.new_received.total"] == 9
    assert findings(with_sections(report, s1=RECEIVED), "S3") == []


def test_s3_warns_on_a_different_figure():
    report = with_sections(build_report(), s1="2023年共收到政府信息公开申请12件，均已答复。")
    (finding,) = findings(report, "S3")
    assert finding.code == "S3.received"
    assert finding.message == (
        "正文写“2023年共收到政府信息公开申请12件”，但表三 一、本年新收政府信息公开申请数量 总计为9"
    )
    assert finding.part == "s1"


def test_s3_accepts_received_including_carry_over():
    report = with_sections(build_report(), s1="共受理政府信息公开申请10件（含上年结转1件）。")
    assert findings(report, "S3") == []


def test_s3_checks_review_and_litigation_counts():
    text = "因政府信息公开引发行政复议案件2件，行政诉讼案件1件。"
    assert findings(with_sections(build_report(), s1=text), "S3") == []
    text = "因政府信息公开引发行政复议案件3件，行政诉讼案件4件。"
    found = findings(with_sections(build_report(), s1=text), "S3")
    assert [f.code for f in found] == ["S3.review", "S3.litigation"]
    assert found[1].message == (
        "正文写“行政诉讼案件4件”，但表四 行政诉讼 未经复议直接起诉与复议后起诉的总计之和为1"
    )


def test_s3_stays_silent_on_other_quantities_in_the_sentence():
    report = build_report()
    quiet = [
        "行政复议决定备案5件。",  # 备案 cases are not 行政复议 cases of this agency
        "全年收到行政复议申请费用300元。",
        "本年度无规范性文件行文，规范性文件清理为0件。",  # repealed, not issued
        "办理人大代表建议6件、政协提案7件。",
        "收到领导信箱信件44件，已办理44件。",
    ]
    for text in quiet:
        assert findings(with_sections(report, s1=text, s6=text + "未收取信息处理费"), "S3") == [], (
            text
        )


def test_s3_reads_full_width_digits_and_spaced_numbers():
    report = with_sections(build_report(), s1="共收到政府信息公开申请 １２ 件。")
    assert [f.code for f in findings(report, "S3")] == ["S3.received"]


def test_s3_checks_normative_documents_issued():
    report = with_sections(build_report(), s1="全年制发行政规范性文件5件。")
    (finding,) = findings(report, "S3")
    assert (
        finding.message
        == "正文写“全年制发行政规范性文件5件”，但表二 行政规范性文件 本年制发件数为3"
    )


# S4 ------------------------------------------------------------------------------------


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


# S5 ------------------------------------------------------------------------------------


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


# S6 ------------------------------------------------------------------------------------

LONG_TEXT = "本机关认真贯彻落实政府信息公开条例，" * 10


def test_s6_passes_on_new_text():
    last_year = with_sections(build_report(year=2022), s5=LONG_TEXT)
    report = with_sections(build_report(), s5="今年重点解决了政策解读形式单一的问题，" * 10)
    assert findings(report, "S6", previous=last_year) == []


def test_s6_warns_on_copied_text():
    last_year = with_sections(build_report(year=2022), s5=LONG_TEXT)
    report = with_sections(build_report(), s5=LONG_TEXT)
    (finding,) = findings(report, "S6", previous=last_year)
    assert finding.code == "S6.s5"
    assert (
        finding.message
        == "五、存在的主要问题及改进情况：与上一年度报告的文字100%相同，请结合本年度实际情况撰写"
    )


# S7 ------------------------------------------------------------------------------------


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


# S9 ------------------------------------------------------------------------------------


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


# S8 ------------------------------------------------------------------------------------


def test_s8_passes_when_published_by_the_deadline():
    import datetime

    on_time = findings(
        build_report(),
        "S8",
        published_on=datetime.date(2024, 1, 31),
        deadline=datetime.date(2024, 1, 31),
    )
    assert on_time == []
    assert findings(build_report(), "S8") == []  # not published yet: nothing to say


def test_s8_warns_on_a_late_publication():
    import datetime

    (finding,) = findings(
        build_report(),
        "S8",
        published_on=datetime.date(2024, 2, 6),
        deadline=datetime.date(2024, 1, 31),
    )
    assert finding.message == "报告于2024年2月6日公开，晚于截止日期2024年1月31日6天"


# S10 -----------------------------------------------------------------------------------


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
