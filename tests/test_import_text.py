"""Reading report texts: layouts, mangled labels, stray cells, and what it refuses to guess."""

import re

import pytest

from gkreport.checks import check_report
from gkreport.formats import FORMAT_2021
from gkreport.imports.labels import norm_label
from gkreport.imports.pdftext import tidy
from gkreport.imports.text import ImportError_, read_text
from tests.factories import build_report, changed, with_sections
from tests.text_layouts import report_text

T3_LEAVES = FORMAT_2021.table("t3").blocks[0].leaves


def consistent():
    report = build_report(
        results={
            "natural": {"granted": 40, "partially_granted": 3, "other_no_fee": 1},
            "legal_service": {"denied_third_party": 2},
        },
        carried_over={"natural": 4},
        carried_forward={"natural": 6, "legal_service": 1},
    )
    return with_sections(
        report,
        s1="（一）主动公开\n全年主动公开信息100条。",
        s6="（一）收取信息处理费情况\n未收取信息处理费。",
    )


@pytest.mark.parametrize("layout", ["tab", "pipe", "lines"])
def test_it_reads_every_cell_in_each_layout(layout):
    report = consistent()
    result = read_text(report_text(report, layout))
    assert result.report["figures"] == report["figures"]
    assert result.unplaced == []
    assert result.report["year"] == 2023
    assert result.report["signature"] == "测试市测试局"
    assert result.report["date"] == "2024-01-20"
    assert check_report(result.report).findings == []


def spaced(text):
    """Labels as extractions break them: spaces inside, half-width brackets, “1．”."""
    text = text.replace("（", "(").replace("）", ")").replace("1.", "1．")
    return " ".join(text[i : i + 3] for i in range(0, len(text), 3))


@pytest.mark.parametrize("layout", ["tab", "lines"])
def test_it_reads_spaced_and_half_width_labels(layout):
    report = consistent()
    result = read_text(report_text(report, layout, label=spaced))
    assert result.report["figures"] == report["figures"]
    assert result.notes == []


def test_it_keeps_a_wrong_printed_total_and_reports_it():
    report = changed(consistent(), t3__new_received__total=99)
    result = read_text(report_text(report))
    assert result.report["figures"]["t3.new_received.total"] == 99
    codes = {f.code for f in check_report(result.report).errors}
    assert {"H1.total", "H3.new_received"} <= codes


def test_a_row_with_a_missing_cell_is_unplaced_not_guessed():
    text = report_text(consistent())
    text = text.replace("（一）予以公开\t40\t0\t0\t0\t0\t0\t40", "（一）予以公开\t40\t0\t0\t0\t40")
    result = read_text(text)
    assert not any(code.startswith("t3.granted.") for code in result.report["figures"])
    unplaced = [u for u in result.unplaced if u["where"] == "表三 （一）予以公开"]
    assert [u["text"] for u in unplaced] == ["40", "0", "0", "0", "40"]
    assert unplaced[0]["reason"] == "这一行找到5个数值，应为7个，无法确定各数值所在的列"
    assert "H2.natural" in check_report(result.report).not_assessed


def test_a_surplus_non_zero_cell_is_never_dropped():
    text = report_text(consistent())
    text = text.replace(
        "（一）予以公开\t40\t0\t0\t0\t0\t0\t40", "（一）予以公开\t40\t0\t0\t0\t0\t0\t40\t3"
    )
    result = read_text(text)
    assert not any(code.startswith("t3.granted.") for code in result.report["figures"])
    assert {u["reason"] for u in result.unplaced} == {
        "这一行找到8个数值，应为7个，无法确定哪个是多余的"
    }


def test_blank_cells_in_a_full_row_keep_their_position():
    text = report_text(consistent())
    text = text.replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\t0",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\t",
    )
    result = read_text(text)
    assert result.report["figures"]["t3.partially_granted.commercial"] is None
    assert result.report["figures"]["t3.partially_granted.research"] == 0
    blank = [f for f in check_report(result.report).findings if f.code == "H5.blank"]
    assert [f.cells for f in blank] == [("t3.partially_granted.commercial",)]


def test_values_on_the_line_after_their_label_are_placed():
    text = report_text(consistent())
    text = text.replace("行政许可\t1200", "行政许可\n1200\t\t")
    result = read_text(text)
    assert result.report["figures"]["t2.licensing.decisions"] == 1200


def test_it_accepts_label_variants_and_says_so():
    text = report_text(consistent()).replace(
        "2.其他法律行政法规禁止公开", "2. 其他法律法规禁止公开"
    )
    result = read_text(text)
    assert result.report["figures"]["t3.denied_prohibited_by_law.total"] == 0
    assert result.notes == [
        "表三：“2. 其他法律法规禁止公开”按规范名称“2.其他法律行政法规禁止公开”读取"
    ]


def test_a_missing_table_and_part_are_reported():
    text = report_text(consistent())
    text = re.sub(r"四、政府信息公开行政复议、行政诉讼情况\n.*?\n\n", "", text, flags=re.S)
    result = read_text(text)
    assert {
        "where": "全文",
        "text": "四、政府信息公开行政复议、行政诉讼情况",
        "reason": "未找到这一部分的标题",
    } in result.unplaced
    assert not any(code.startswith("t4.") for code in result.report["figures"])
    # The table was never read: its cells are unread, not blank, and nothing is an error.
    t4_codes = [cell.code for cell in FORMAT_2021.table("t4").cells]
    assert result.unread == [
        {"where": "表四", "cells": t4_codes, "reason": "未找到这一部分的标题", "near": ""}
    ]
    assert (result.cells_read, result.cells_total, result.complete) == (185, 200, False)
    check = check_report(result.report)
    assert check.errors == []
    assert check.unread == t4_codes and (check.cells_read, check.complete) == (185, False)
    groups = ["H4.review", "H4.litigation_direct", "H4.litigation_after_review"]
    assert check.not_assessed == check.not_assessed_unread == groups


def test_a_row_that_cannot_be_found_is_unread_with_the_text_seen_there():
    text = report_text(consistent()).replace("1.属于国家秘密\t", "1.涉及秘密事项\t")
    result = read_text(text)
    codes = [f"t3.denied_state_secret.{leaf.key}" for leaf in T3_LEAVES]
    assert result.unread == [
        {
            "where": "表三 （三）不予公开 1.属于国家秘密",
            "cells": codes,
            "reason": "未找到这一行",
            "near": "1.涉及秘密事项 0 0 0 0 0 0 0",
        }
    ]
    check = check_report(result.report)
    assert check.findings == []
    assert "H3.denied_state_secret" in check.not_assessed_unread
    assert "H2.natural" in check.not_assessed_unread


def test_a_row_printed_with_empty_cells_is_blank_not_unread():
    text = report_text(consistent()).replace(
        "2.重复申请\t0\t0\t0\t0\t0\t0\t0", "2.重复申请" + "\t" * 7
    )
    result = read_text(text)
    assert result.complete and result.unread == []
    blank = [f.cells[0] for f in check_report(result.report).errors if f.code == "H5.blank"]
    assert blank == [f"t3.not_processed_repeated.{leaf.key}" for leaf in T3_LEAVES]


def test_a_label_without_its_cells_leaves_the_row_unread():
    text = report_text(consistent()).replace("2.重复申请\t0\t0\t0\t0\t0\t0\t0", "2.重复申请")
    result = read_text(text)
    (row,) = result.unread
    assert (row["where"], row["reason"], row["near"]) == (
        "表三 （五）不予处理 2.重复申请",
        "这一行没有读到数值",
        "2.重复申请",
    )
    assert [f.code for f in check_report(result.report).errors] == []


def test_the_year_comes_from_the_title_or_the_caller():
    text = report_text(consistent(), title="测试局政府信息公开工作年度报告")
    with pytest.raises(ImportError_, match="无法从标题中识别报告年度"):
        read_text(text)
    assert read_text(text, year=2022).report["year"] == 2022


def test_a_2020_report_is_read_with_the_2019_format():
    text = report_text(consistent(), title="测试局2020年政府信息公开工作年度报告")
    result = read_text(text)
    assert result.report["format"] == "2019"


def test_table_rows_never_pass_for_part_headings():
    text = report_text(consistent())
    result = read_text(text)
    assert result.report["sections"]["s1"].startswith("（一）主动公开")
    assert "结转下年度" not in result.report["sections"]["s5"]


@pytest.mark.parametrize(
    "printed, canonical",
    [
        ("(三) 不 予公开", "（三）不予公开"),
        ("自然 人", "自然人"),
        ("1．属于国家秘密", "1.属于国家秘密"),
        ("三、 本 年 度 办 理 结 果", "三、本年度办理结果"),
        (
            "(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ),
    ],
)
def test_labels_compare_without_spacing_numbering_and_widths(printed, canonical):
    assert norm_label(printed) == norm_label(canonical)


def test_a_label_with_characters_dropped_is_read_as_the_row_expected_next():
    text = report_text(consistent()).replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    text = text.replace("行政规范性文件", "规范性文件")
    result = read_text(text)
    assert result.report["figures"] == consistent()["figures"]
    assert result.notes == [
        "表二：“规范性文件”按规范名称“行政规范性文件”读取",
        "表三：“2.其他法律行政止公开”按规范名称“2.其他法律行政法规禁止公开”读取",
    ]


def test_a_shortened_label_is_not_taken_for_a_row_other_than_the_next():
    # row 6 unreadable, so row 6 is still the one expected: row 7 shortened is not taken
    text = report_text(consistent()).replace("6.属于四类过程性信息", "6.涉及内部讨论")
    text = text.replace("7.属于行政执法案卷", "7.属于行政执法")
    result = read_text(text)
    assert [row["where"] for row in result.unread] == [
        "表三 （三）不予公开 6.属于四类过程性信息",
        "表三 （三）不予公开 7.属于行政执法案卷",
    ]


def test_table_4_without_its_heading_is_found_by_its_header_row():
    text = report_text(consistent()).replace("四、政府信息公开行政复议、行政诉讼情况\n", "")
    result = read_text(text)
    assert result.report["figures"] == consistent()["figures"]
    assert result.complete and result.unplaced == []
    assert result.notes == ["未找到“四、政府信息公开行政复议、行政诉讼情况”的标题，表四按表头读取"]


@pytest.mark.parametrize("pdf", [False, True], ids=["text", "pdf"])
def test_cells_run_together_cannot_be_split_and_stay_unread(pdf):
    """A crude copy runs a row's cells together (“6233440”): never split by guessing; the
    printed total beside it is kept as printed, never recomputed."""
    report = changed(consistent(), t3__total_processed__total=99)
    text = report_text(report).replace(
        "（一）予以公开\t40\t0\t0\t0\t0\t0\t40", "（一）予以公开\t4000000040"
    )
    if pdf:
        text = tidy("\n".join(line.replace("\t", " ") for line in text.split("\n")))
    result = read_text(text)
    (row,) = result.unread
    assert (row["where"], row["reason"], row["near"]) == (
        "表三 （一）予以公开",
        "这一行的数值无法对应到各列",
        "（一）予以公开 4000000040",
    )
    assert result.report["figures"]["t3.total_processed.total"] == 99
    assert result.report["raw"]["t3.total_processed.total"] == "99"
    check = check_report(result.report)
    assert [f.code for f in check.errors] == ["H1.total", "H3.total_processed"]


@pytest.mark.parametrize("title", ["存在的主要问题及整改措施", "存在的主要问题及整改情况"])
def test_part_five_is_found_under_the_titles_reports_use(title):
    text = report_text(consistent()).replace("五、存在的主要问题及改进情况", f"五、{title}")
    result = read_text(text)
    assert result.report["figures"] == consistent()["figures"]
    assert result.unplaced == [] and result.complete
    assert result.report["sections"]["s5"] == "本部分无内容。"
    assert result.notes == [
        f"标题“五、{title}”按“五、存在的主要问题及改进情况”读取（标题用语与模板不同）"
    ]


def test_a_heading_with_one_wrong_character_is_read_under_its_number_with_a_note():
    text = report_text(consistent()).replace("行政复议、行政诉讼情况", "行政法复议、行政诉讼情况")
    result = read_text(text)
    assert result.report["figures"] == consistent()["figures"]
    assert result.unplaced == [] and result.complete
    assert result.notes == [
        "标题“四、政府信息公开行政法复议、行政诉讼情况”"
        "按“四、政府信息公开行政复议、行政诉讼情况”读取（标题有一处错字）"
    ]
    # under another number, a heading with a typo is not taken
    text = text.replace("四、政府信息公开行政法", "七、政府信息公开行政法")
    result = read_text(text)
    assert "未找到“四、政府信息公开行政复议、行政诉讼情况”的标题，表四按表头读取" in result.notes


def test_parts_renumbered_by_the_report_are_found_by_their_titles():
    """No part 总体情况: the tables under 一/二/三, and the last parts numbered 四 and 五."""
    report = with_sections(consistent(), s5="无。", s6="未收取信息处理费。")
    text = report_text(report).replace(
        "一、总体情况\n（一）主动公开\n全年主动公开信息100条。\n", ""
    )
    for old, new in [("二、主动", "一、主动"), ("三、收到", "二、收到"), ("四、政府", "三、政府")]:
        text = text.replace(f"\n{old}", f"\n{new}", 1)
    text = text.replace("五、存在", "四、存在").replace("六、其他需要", "五、其他需要")
    result = read_text(text)
    assert result.report["figures"] == consistent()["figures"]
    assert result.complete
    assert result.unplaced == [
        {"where": "全文", "text": "一、总体情况", "reason": "未找到这一部分的标题"}
    ]
    assert result.notes == [
        f"标题“{new}”按“{old}”读取（编号与模板不同）"
        for old, new in [
            ("二、主动公开政府信息情况", "一、主动公开政府信息情况"),
            ("三、收到和处理政府信息公开申请情况", "二、收到和处理政府信息公开申请情况"),
            ("四、政府信息公开行政复议、行政诉讼情况", "三、政府信息公开行政复议、行政诉讼情况"),
            ("五、存在的主要问题及改进情况", "四、存在的主要问题及改进情况"),
            ("六、其他需要报告的事项", "五、其他需要报告的事项"),
        ]
    ]
    assert result.report["sections"]["s5"] == "无。"
    assert result.report["sections"]["s6"] == "未收取信息处理费。"


def test_part_six_numbered_seven_or_five_after_merged_parts():
    text = report_text(consistent()).replace("六、其他需要报告的事项", "七、其他需要报告的事项")
    result = read_text(text)
    assert result.notes == [
        "标题“七、其他需要报告的事项”按“六、其他需要报告的事项”读取（编号与模板不同）"
    ]
    assert result.report["date"] == "2024-01-20" and result.unplaced == []
    merged = report_text(consistent()).replace("五、存在的主要问题及改进情况\n本部分无内容。\n", "")
    merged = merged.replace("六、其他需要报告的事项", "五、其他需要报告的事项")
    result = read_text(merged)
    assert result.unplaced == [
        {"where": "全文", "text": "五、存在的主要问题及改进情况", "reason": "未找到这一部分的标题"}
    ]
    assert result.notes == [
        "标题“五、其他需要报告的事项”按“六、其他需要报告的事项”读取（编号与模板不同）"
    ]
    assert result.report["figures"] == consistent()["figures"]


def space_separated(report):
    """Each table row on one line, its cells separated by spaces, as a PDF's text layer or a
    crude copy prints it: “行政许可 1200”, and a group label with the first row label of the
    group (“（四）无法提供 1.本机关不掌握相关政府信息 31 0 0 0 0 0 31”)."""
    return "\n\n".join(line.replace("\t", " ") for line in report_text(report).split("\n"))


@pytest.mark.parametrize("pdf", [False, True], ids=["text", "pdf"])
def test_labels_and_values_on_one_line_separated_by_spaces(pdf):
    report = build_report(
        results={"natural": {"granted": 40, "unavailable_not_held": 31}},
        carried_forward={"natural": 2},
    )
    report = with_sections(report, s6="未收取信息处理费。")
    text = space_separated(report)
    assert "\n（四）无法提供 1.本机关不掌握相关政府信息 31 0 0 0 0 0 31\n" in text
    assert "\n三、本年度办理结果 （一）予以公开 40 0 0 0 0 0 40\n" in text
    assert "\n行政许可 1200\n" in text
    result = read_text(tidy(text) if pdf else text)
    assert result.report["figures"] == report["figures"]
    assert result.unplaced == [] and result.notes == [] and result.complete
    assert check_report(result.report).findings == check_report(report).findings


def test_the_old_label_for_normative_documents_on_one_line_with_its_values():
    text = space_separated(consistent())
    text = text.replace("\n行政规范性文件 3 1 20\n", "\n规范性文件 3 1 20\n")
    result = read_text(tidy(text))
    assert result.report["figures"] == consistent()["figures"]
    assert result.notes == ["表二：“规范性文件”按规范名称“行政规范性文件”读取"]


def with_single_2019_row(text, values):
    """The three 2021 rows of （六）其他处理 printed as the single 2019 row."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("（六）其他处理\t"))
    assert lines[first + 2].startswith("3.其他\t")
    lines[first : first + 3] = ["\t".join(["（六）其他处理", *values])]
    return "\n".join(lines)


OTHER_ROWS = ("other_no_correction", "other_no_fee", "other_other")


def test_a_single_2019_row_of_zeros_reads_the_three_2021_rows_as_zero():
    report = build_report(results={"natural": {"granted": 5}})
    report = with_sections(report, s6="未收取信息处理费。")
    result = read_text(with_single_2019_row(report_text(report), ["0"] * 7))
    assert result.report["figures"] == {
        **report["figures"],
        **{f"t3.other_processing.{leaf.key}": 0 for leaf in T3_LEAVES},
    }
    assert result.complete and result.unplaced == []
    assert result.notes == [
        "表三（六）其他处理按2019年版印为一行且全部为0，据此推定2021年版的3行"
        "（1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请、"
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请、"
        "3.其他）全部为0"
    ]
    check = check_report(result.report)
    assert [f.code for f in check.findings] == ["S9"]
    assert check.findings[0].cells == tuple(f"t3.other_processing.{leaf.key}" for leaf in T3_LEAVES)
    assert check.not_assessed == []


def test_a_single_2019_row_with_a_value_is_never_split():
    report = consistent()  # other_no_fee: 1 for 自然人
    text = with_single_2019_row(report_text(report), ["1", "0", "0", "0", "0", "0", "1"])
    result = read_text(text)
    assert not any(code.split(".")[1] in OTHER_ROWS for code in result.report["figures"])
    assert result.report["figures"]["t3.other_processing.natural"] == 1
    assert result.notes == [] and result.unplaced == [] and result.complete
    check = check_report(result.report)
    assert [f.code for f in check.findings] == ["S9"]
    assert check.not_assessed == []


@pytest.mark.parametrize("pdf", [False, True], ids=["text", "pdf"])
def test_a_number_in_thousands_groups_on_a_space_separated_line_is_never_guessed(pdf):
    """“1 000” splits at its space: the row has too many cells and stays unread; its “000”
    is never dropped as a stray 0 (which would read 1000 as 1 and still add up)."""
    report = build_report(results={"natural": {"granted": 1000}}, carried_over={"natural": 0})
    text = space_separated(report)
    assert "\n三、本年度办理结果 （一）予以公开 1000 0 0 0 0 0 1000\n" in text
    text = text.replace(
        "（一）予以公开 1000 0 0 0 0 0 1000", "（一）予以公开 1 000 0 0 0 0 0 1 000"
    )
    result = read_text(tidy(text) if pdf else text)
    (row,) = result.unread
    assert (row["where"], row["reason"]) == ("表三 （一）予以公开", "这一行的数值无法对应到各列")
    assert not any(code.startswith("t3.granted.") for code in result.report["figures"])
    assert result.notes == []
