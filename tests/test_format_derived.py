"""What the format derives from its tables, for charts, statistics, starting a year and rules."""

import pytest

from gkreport.formats import FORMAT_2019, FORMAT_2021, FORMATS


@pytest.mark.parametrize("fmt", FORMATS.values(), ids=FORMATS.keys())
def test_every_derived_code_is_a_cell_of_the_format(fmt):
    key = fmt.key_cells
    named = [key.received, key.carried_over, key.processed, key.carried_forward]
    named += [*key.review, *key.litigation]
    named += [c for c in (key.normative_documents_issued, key.unpaid_fees) if c]
    named += [*fmt.carry_over, *fmt.carry_over.values()]
    named += [trend.code for trend in fmt.trend_cells]
    named += [code for row in fmt.in_force for code in (row.issued, row.repealed, row.in_force)]
    named += [
        fmt.table4_cell(group, outcome)
        for group, _ in fmt.table4_groups
        for outcome, _ in (*fmt.table4_outcomes, (fmt.table4_total, ""))
    ]
    unknown = [c for c in named if c not in fmt.cell_map]
    legacy = [c for group in fmt.result_groups for c in group.cells if c in fmt.legacy_cells]
    results = [c for group in fmt.result_groups for c in group.cells if c not in legacy]
    assert unknown == [] and all(c in fmt.cell_map for c in results)


def test_the_carry_over_map_goes_from_last_years_carried_forward_to_this_years_carried_over():
    for fmt in FORMATS.values():
        (block,) = fmt.table("t3").blocks
        assert len(fmt.carry_over) == len(block.leaves)
        for last_year, this_year in fmt.carry_over.items():
            assert fmt.cell_map[last_year].row_label == "四、结转下年度继续办理"
            assert fmt.cell_map[this_year].row_brief == "二、上年结转"
            assert fmt.cell_map[last_year].column == fmt.cell_map[this_year].column


def test_result_groups_follow_the_official_groups():
    labels = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]
    assert [g.label for g in FORMAT_2019.result_groups] == labels
    assert [g.label for g in FORMAT_2021.result_groups] == labels
    other = FORMAT_2021.result_groups[-1].cells
    assert other[-1] == "t3.other_processing.total"  # the 2019 row, read in a 2021 report
    assert len(FORMAT_2021.result_groups[2].cells) == 8
    assert FORMAT_2021.results_label == "本年度办理结果"


def test_table4_groups_outcomes_and_branches():
    fmt = FORMAT_2021
    assert [label for _, label in fmt.table4_outcomes] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
    ]
    assert [(b.key, b.label, len(b.groups)) for b in fmt.table4_branches] == [
        ("review", "行政复议", 1),
        ("litigation", "行政诉讼", 2),
    ]
    assert fmt.table4_cell("review", fmt.table4_total) == "t4.review.total"


def test_title_parts_and_words():
    assert FORMAT_2021.title("某市人民政府", 2023) == "某市人民政府2023年政府信息公开工作年度报告"
    assert FORMAT_2019.title("某县", 2020) == "某县2020年政府信息公开工作年度报告"
    assert FORMAT_2021.part_keys == ("s1", "s2", "s3", "s4", "s5", "s6")
    assert FORMAT_2021.fee_statement_part == "s6"
    assert FORMAT_2021.words == {
        "carried_over": "上年结转",
        "carried_forward": "结转下年度",
        "in_force": "现行有效件数",
        "t2": "表二",
        "t3": "表三",
        "t4": "表四",
    }
    assert "in_force" not in FORMAT_2019.words  # the 2019 table 2 has no such column


def test_only_the_2021_format_has_the_in_force_rows_and_the_fee_row():
    assert [r.in_force for r in FORMAT_2021.in_force] == [
        "t2.regulations.in_force",
        "t2.normative_documents.in_force",
    ]
    assert FORMAT_2019.in_force == ()
    assert FORMAT_2019.key_cells.unpaid_fees is None
    assert FORMAT_2019.key_cells.normative_documents_issued is None
