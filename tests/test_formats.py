"""The official formats as data: lookup by year, cell codes, labels, spans, identities."""

import pytest

from gkreport.formats import FORMAT_2019, FORMAT_2021, UnknownFormat, format_for_year, get_format
from gkreport.formats.grid import table_grid, table_width
from gkreport.lib.values import AMOUNT, COUNT, DELTA


@pytest.mark.parametrize(
    "year, version",
    [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2023, "2021"), (2030, "2021")],
)
def test_it_looks_up_the_format_by_report_year(year, version):
    assert format_for_year(year).version == version


def test_it_has_no_format_before_2019():
    with pytest.raises(UnknownFormat, match="2018年没有适用的年度报告格式"):
        format_for_year(2018)
    with pytest.raises(UnknownFormat):
        get_format("2008")


def test_the_2021_format_has_the_spec_cell_codes():
    codes = {cell.code for cell in FORMAT_2021.cells}
    assert len(codes) == 10 + 25 * 7 + 15
    for code in (
        "t2.regulations.issued",
        "t2.normative_documents.in_force",
        "t2.licensing.decisions",
        "t2.penalty.decisions",
        "t2.coercion.decisions",
        "t2.fees.amount",
        "t3.new_received.total",
        "t3.denied_administrative_query.other_org",
        "t3.other_no_fee.natural",
        "t3.total_processed.legal_service",
        "t3.carried_forward.public_welfare",
        "t4.review.total",
        "t4.litigation_direct.upheld",
        "t4.litigation_after_review.pending",
    ):
        assert code in codes


def test_only_the_fee_is_an_amount_in_2021():
    kinds = {cell.code: cell.kind for cell in FORMAT_2021.cells}
    assert [code for code, kind in kinds.items() if kind != COUNT] == ["t2.fees.amount"]
    assert kinds["t2.fees.amount"] == AMOUNT


def test_table3_rows_are_in_official_order_with_canonical_labels():
    (block,) = FORMAT_2021.table("t3").blocks
    labels = [row.label for row in block.rows]
    assert labels[0] == "一、本年新收政府信息公开申请数量"
    assert labels[3] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert labels[5] == "2.其他法律行政法规禁止公开"
    assert labels[6] == "3.危及“三安全一稳定”"
    assert labels[21:24] == [
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
        "（七）总计",
    ]
    assert labels[-1] == "四、结转下年度继续办理"
    assert len(labels) == 25
    assert block.corner == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _spans(grid, text):
    return [(c.rowspan, c.colspan) for row in grid for c in row.cells if c.text == text]


def test_table3_grid_has_the_official_merged_headers():
    grid = table_grid(FORMAT_2021.table("t3"))
    assert table_width(FORMAT_2021.table("t3")) == 10
    assert grid[0].cells[0].kind == "corner" and (
        grid[0].cells[0].rowspan,
        grid[0].cells[0].colspan,
    ) == (3, 3)
    assert _spans(grid, "申请人情况") == [(1, 7)]
    assert _spans(grid, "自然人") == [(2, 1)]
    assert _spans(grid, "法人或其他组织") == [(1, 5)]
    assert _spans(grid, "总计") == [(2, 1)]
    assert _spans(grid, "三、本年度办理结果") == [(22, 1)]
    assert _spans(grid, "（三）不予公开") == [(8, 1)]
    assert _spans(grid, "（四）无法提供") == [(3, 1)]
    assert _spans(grid, "（五）不予处理") == [(5, 1)]
    assert _spans(grid, "（六）其他处理") == [(3, 1)]
    assert _spans(grid, "一、本年新收政府信息公开申请数量") == [(1, 3)]
    assert _spans(grid, "（一）予以公开") == [(1, 2)]
    assert _spans(grid, "1.属于国家秘密") == [(1, 1)]
    body = [row for row in grid if row.kind == "body"]
    assert len(body) == 25
    # every body row fills the full width once spans are counted
    for index, row in enumerate(body):
        covered = sum(c.colspan for c in row.cells)
        open_groups = sum(
            1
            for earlier in body[:index]
            for c in earlier.cells
            if c.kind == "group" and body.index(earlier) + c.rowspan > index
        )
        assert covered + open_groups == 10


def _cell(grid, text):
    return next(c for row in grid for c in row.cells if c.text == text)


def test_each_grid_cell_knows_its_column_and_whether_it_names_rows():
    """The columns that name the rows stay in view on a phone; each needs its left edge."""
    grid = table_grid(FORMAT_2021.table("t3"))
    starts = {
        text: (_cell(grid, text).column, _cell(grid, text).names_rows)
        for text in ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "（一）予以公开")
    }
    assert starts == {
        "三、本年度办理结果": (0, True),
        "（三）不予公开": (1, True),
        "1.属于国家秘密": (2, True),
        "（一）予以公开": (1, True),
    }
    assert _cell(
        grid, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    ).names_rows
    assert (_cell(grid, "自然人").column, _cell(grid, "商业企业").column) == (3, 4)
    assert (_cell(grid, "总计").column, _cell(grid, "总计").names_rows) == (9, False)
    values = [c for c in grid[-1].cells if c.kind == "value"]
    assert [c.column for c in values] == list(range(3, 10))


def test_table4_grid_has_review_and_litigation_headers():
    grid = table_grid(FORMAT_2021.table("t4"))
    assert _spans(grid, "行政复议") == [(1, 5)]
    assert _spans(grid, "行政诉讼") == [(1, 10)]
    assert _spans(grid, "未经复议直接起诉") == [(1, 5)]
    assert _spans(grid, "复议后起诉") == [(1, 5)]
    assert _spans(grid, "结果维持") == [(2, 1), (1, 1), (1, 1)]
    (body,) = [row for row in grid if row.kind == "body"]
    assert [c.code for c in body.cells][:2] == ["t4.review.upheld", "t4.review.corrected"]
    assert len(body.cells) == 15


def test_table2_grid_draws_four_blocks_with_headings():
    grid = table_grid(FORMAT_2021.table("t2"))
    headings = [row.cells[0].text for row in grid if row.kind == "heading"]
    assert headings == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert _spans(grid, "本年收费金额（单位：万元）") == [(1, 3)]
    assert [c.text for c in grid[1].cells] == [
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    ]


def test_identities_are_declared_once_per_column_row_and_group():
    by_rule = {}
    for identity in FORMAT_2021.identities:
        by_rule.setdefault(identity.rule, []).append(identity)
    assert len(by_rule["H1"]) == 7
    assert len(by_rule["H2"]) == 7
    assert len(by_rule["H3"]) == 25
    assert len(by_rule["H4"]) == 3
    h2 = next(i for i in by_rule["H2"] if i.scope == "natural")
    assert len(h2.left) == 21 and h2.right == ("t3.total_processed.natural",)


def test_the_2019_format_differs_where_the_trial_format_did():
    codes = {cell.code for cell in FORMAT_2019.cells}
    assert "t3.other_processing.natural" in codes
    assert "t3.other_no_fee.natural" not in codes
    assert "t2.other_services.decisions" in codes
    assert "t2.procurement.amount" in codes
    assert "t2.fees.amount" not in codes
    kinds = {cell.code: cell.kind for cell in FORMAT_2019.cells}
    assert kinds["t2.fees.change"] == DELTA
    assert kinds["t2.procurement.amount"] == AMOUNT
    h2 = next(i for i in FORMAT_2019.identities if i.code == "H2.total")
    assert len(h2.left) == 19
    assert not FORMAT_2019.requires_fee_statement and FORMAT_2021.requires_fee_statement


def test_the_six_parts_have_their_official_headings():
    assert [p.heading for p in FORMAT_2021.parts] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert [s.heading for s in FORMAT_2021.part("s1").subsections][0] == "（一）主动公开"
    assert "信息处理费" in FORMAT_2021.part("s6").subsections[0].hint
