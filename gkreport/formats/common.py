"""Pieces shared by the 2019 and 2021 formats: the six parts, tables 3 and 4, identities."""

from gkreport.formats.model import (
    Block,
    Column,
    ColumnGroup,
    Identity,
    KeyCells,
    Part,
    ResultGroup,
    Row,
    SubSection,
    Table,
    Table4Branch,
    TrendCell,
)

# Table 2 headings and row header, the same in both formats.
ARTICLE_20 = "第二十条第（{}）项"
CONTENT = "信息内容"

TITLE_PATTERN = "{agency}{year}年政府信息公开工作年度报告"

S1_SUBSECTIONS = (
    SubSection(
        "（一）", "主动公开", "本年主动公开政府信息的数量、渠道和重点领域，政策解读和回应关切情况。"
    ),
    SubSection("（二）", "依申请公开", "收到和办理政府信息公开申请的总体情况，数字须与表三一致。"),
    SubSection("（三）", "政府信息管理", "政府信息公开属性源头认定、保密审查、规范性文件管理等。"),
    SubSection(
        "（四）", "政府信息公开平台建设", "政府网站、政务新媒体、政务公开专区等平台建设情况。"
    ),
    SubSection("（五）", "监督保障", "组织领导、制度建设、培训、考核和社会评议等监督保障情况。"),
)

S6_SUBSECTIONS = (
    SubSection(
        "（一）",
        "收取信息处理费情况",
        "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）说明收取信息处理费的情况，"
        "未收取也须写明“未收取信息处理费”。",
    ),
    SubSection(
        "（二）", "落实上级年度政务公开工作要点情况", "逐项说明落实上级年度政务公开工作要点的情况。"
    ),
    SubSection(
        "（三）", "人大代表建议和政协提案办理结果公开情况", "建议、提案办理结果公开的数量和方式。"
    ),
    SubSection("（四）", "政务公开工作创新情况", "本年度政务公开工作的创新做法。"),
    SubSection("（五）", "有关数据统计说明", "对表格数据统计口径的说明；无需说明的写明“无”。"),
)

PARTS = (
    Part("s1", "一", "总体情况", S1_SUBSECTIONS, hint="按五个方面概述本年度政府信息公开工作。"),
    Part("s2", "二", "主动公开政府信息情况", table="t2", hint="表二按《条例》第二十条逐项填写。"),
    Part(
        "s3",
        "三",
        "收到和处理政府信息公开申请情况",
        table="t3",
        hint="表三每列须满足表内勾稽关系。",
    ),
    Part(
        "s4",
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        table="t4",
        hint="表四每组总计等于各结果之和。",
    ),
    Part(
        "s5",
        "五",
        "存在的主要问题及改进情况",
        hint="如实说明存在的主要问题和改进措施，避免与上年雷同。",
    ),
    Part("s6", "六", "其他需要报告的事项", S6_SUBSECTIONS, hint="须说明收取信息处理费的情况。"),
)

# Part 六 states the 信息处理费 (its （一）收取信息处理费情况): H6 and S7 read it there.
FEE_STATEMENT_PART = "s6"

T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

T3_COLUMNS = (
    ColumnGroup(
        "申请人情况",
        (
            Column("natural", "自然人"),
            ColumnGroup(
                "法人或其他组织",
                (
                    Column("commercial", "商业企业"),
                    Column("research", "科研机构"),
                    Column("public_welfare", "社会公益组织"),
                    Column("legal_service", "法律服务机构"),
                    Column("other_org", "其他"),
                ),
            ),
            Column("total", "总计"),
        ),
    ),
)

RESULTS = "三、本年度办理结果"
DENIED = "（三）不予公开"
UNAVAILABLE = "（四）无法提供"
NOT_PROCESSED = "（五）不予处理"
OTHER = "（六）其他处理"


def _result(key, label, short, *groups, aliases=()):
    return Row(key, label, short, groups=(RESULTS, *groups), aliases=aliases)


T3_ROWS_BEFORE_OTHER = (
    Row("new_received", "一、本年新收政府信息公开申请数量", "本年新收"),
    Row("carried_over", "二、上年结转政府信息公开申请数量", "上年结转"),
    _result("granted", "（一）予以公开", "予以公开"),
    _result(
        "partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"
    ),
    _result("denied_state_secret", "1.属于国家秘密", "国家秘密", DENIED),
    _result(
        "denied_prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        "法律行政法规禁止",
        DENIED,
        aliases=("其他法律法规禁止公开",),
    ),
    _result("denied_security_stability", "3.危及“三安全一稳定”", "三安全一稳定", DENIED),
    _result("denied_third_party", "4.保护第三方合法权益", "第三方合法权益", DENIED),
    _result("denied_internal_affairs", "5.属于三类内部事务信息", "内部事务信息", DENIED),
    _result("denied_process_info", "6.属于四类过程性信息", "过程性信息", DENIED),
    _result("denied_enforcement_file", "7.属于行政执法案卷", "行政执法案卷", DENIED),
    _result("denied_administrative_query", "8.属于行政查询事项", "行政查询事项", DENIED),
    _result("unavailable_not_held", "1.本机关不掌握相关政府信息", "不掌握", UNAVAILABLE),
    _result("unavailable_needs_creation", "2.没有现成信息需要另行制作", "需另行制作", UNAVAILABLE),
    _result("unavailable_unclear", "3.补正后申请内容仍不明确", "仍不明确", UNAVAILABLE),
    _result("not_processed_petition", "1.信访举报投诉类申请", "信访举报投诉", NOT_PROCESSED),
    _result("not_processed_repeated", "2.重复申请", "重复申请", NOT_PROCESSED),
    _result("not_processed_publication", "3.要求提供公开出版物", "公开出版物", NOT_PROCESSED),
    _result("not_processed_mass", "4.无正当理由大量反复申请", "大量反复申请", NOT_PROCESSED),
    _result(
        "not_processed_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        "确认或重新出具",
        NOT_PROCESSED,
    ),
)

OTHER_ROWS_2021 = (
    _result(
        "other_no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "逾期不补正",
        OTHER,
    ),
    _result(
        "other_no_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "逾期未缴费",
        OTHER,
    ),
    _result("other_other", "3.其他", "其他处理", OTHER),
)

OTHER_ROWS_2019 = (_result("other_processing", OTHER, "其他处理"),)

T3_ROWS_AFTER_OTHER = (
    _result("total_processed", "（七）总计", "办理结果总计"),
    Row("carried_forward", "四、结转下年度继续办理", "结转下年度"),
)


def table3(other_rows, legacy_rows=()) -> Table:
    rows = T3_ROWS_BEFORE_OTHER + tuple(other_rows) + T3_ROWS_AFTER_OTHER
    block = Block(rows=rows, columns=T3_COLUMNS, corner=T3_CORNER, legacy_rows=tuple(legacy_rows))
    return Table("t3", "s3", "三", "收到和处理政府信息公开申请情况", (block,), name="表三")


T4_OUTCOMES = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
REVIEW = "行政复议"
LITIGATION = "行政诉讼"
T4_GROUPS = (
    ("review", REVIEW),
    ("litigation_direct", "未经复议直接起诉"),
    ("litigation_after_review", "复议后起诉"),
)
T4_TOTAL = "total"
T4_RESULTS = tuple((key, label) for key, label in T4_OUTCOMES if key != T4_TOTAL)
T4_BRANCHES = (
    Table4Branch("review", REVIEW, ("review",)),
    Table4Branch("litigation", LITIGATION, ("litigation_direct", "litigation_after_review")),
)


def _outcomes(group_key):
    return tuple(Column(key, label, row=group_key) for key, label in T4_OUTCOMES)


def table4() -> Table:
    columns = (
        ColumnGroup(REVIEW, _outcomes("review")),
        ColumnGroup(
            LITIGATION,
            (
                ColumnGroup("未经复议直接起诉", _outcomes("litigation_direct")),
                ColumnGroup("复议后起诉", _outcomes("litigation_after_review")),
            ),
        ),
    )
    block = Block(rows=(Row(None, None),), columns=columns)
    return Table("t4", "s4", "四", "政府信息公开行政复议、行政诉讼情况", (block,), name="表四")


def table3_identities(table: Table) -> tuple[Identity, ...]:
    """H1–H3, written once for any table 3 whose rows follow the official order."""
    (block,) = table.blocks
    rows = {row.key: row for row in block.rows}
    row_keys = [row.key for row in block.rows]
    results = [row.key for row in result_rows(block)]
    applicants = [leaf.key for leaf in block.leaves if leaf.key != "total"]
    identities = []
    for leaf in block.leaves:
        title = f"{table.name} {leaf.label}列"
        col = leaf.key
        identities.append(
            Identity(
                "H1",
                col,
                title,
                (f"t3.new_received.{col}", f"t3.carried_over.{col}"),
                (f"t3.total_processed.{col}", f"t3.carried_forward.{col}"),
            )
        )
        identities.append(
            Identity(
                "H2",
                col,
                title,
                tuple(f"t3.{row}.{col}" for row in results),
                (f"t3.total_processed.{col}",),
            )
        )
    for key in row_keys:
        identities.append(
            Identity(
                "H3",
                key,
                f"{table.name} {rows[key].label}",
                tuple(f"t3.{key}.{col}" for col in applicants),
                (f"t3.{key}.total",),
            )
        )
    return tuple(identities)


def table4_identities(table: Table) -> tuple[Identity, ...]:
    """H4: for each group, total = upheld + corrected + other + pending."""
    identities = []
    for group, label in T4_GROUPS:
        title = (
            f"{table.name} {label}"
            if group == "review"
            else f"{table.name} {LITIGATION}（{label}）"
        )
        parts = tuple(f"t4.{group}.{key}" for key, _ in T4_RESULTS)
        identities.append(Identity("H4", group, title, parts, (f"t4.{group}.{T4_TOTAL}",)))
    return tuple(identities)


def result_rows(block: Block) -> tuple[Row, ...]:
    """Table 3's result rows, （一）予以公开 up to (not including) （七）总计."""
    keys = [row.key for row in block.rows]
    return block.rows[keys.index("granted") : keys.index("total_processed")]


def result_groups(table: Table) -> tuple[ResultGroup, ...]:
    """Table 3's results by official group, in the total column (the outcome chart).

    A row nested in a group (1.属于国家秘密 in （三）不予公开) counts for the group; a row
    of its own (（一）予以公开) is its own group. A legacy row (the 2019 （六）其他处理 in a
    2021 report) counts for the group it stands for. Names lose their numbering and remarks.
    """
    (block,) = table.blocks
    groups: dict[str, list[str]] = {}
    for row in result_rows(block):
        name = row.groups[1] if len(row.groups) > 1 else row.label
        groups.setdefault(name, []).append(f"{table.key}.{row.key}.total")
    for legacy in block.legacy_rows:
        groups.setdefault(legacy.label, []).append(f"{table.key}.{legacy.key}.total")
    return tuple(
        ResultGroup(name.split("）", 1)[-1].split("（", 1)[0], tuple(cells))
        for name, cells in groups.items()
    )


def carry_over(table: Table) -> dict[str, str]:
    """Last year's 四、结转下年度继续办理 is this year's 二、上年结转, column by column."""
    (block,) = table.blocks
    return {
        f"{table.key}.carried_forward.{leaf.key}": f"{table.key}.carried_over.{leaf.key}"
        for leaf in block.leaves
    }


def key_cells(**extra) -> KeyCells:
    return KeyCells(
        received="t3.new_received.total",
        carried_over="t3.carried_over.total",
        processed="t3.total_processed.total",
        carried_forward="t3.carried_forward.total",
        review=tuple(f"t4.{group}.{T4_TOTAL}" for group in T4_BRANCHES[0].groups),
        litigation=tuple(f"t4.{group}.{T4_TOTAL}" for group in T4_BRANCHES[1].groups),
        **extra,
    )


def trend_cells(cells: KeyCells) -> tuple[TrendCell, ...]:
    """The totals of a region followed over the years, in the words of the statistics page."""
    direct, after_review = cells.litigation
    return (
        TrendCell(cells.received, "收到申请"),
        TrendCell(cells.processed, "办理完结"),
        TrendCell(cells.review[0], REVIEW),
        TrendCell(direct, f"{LITIGATION}（直接起诉）"),
        TrendCell(after_review, f"{LITIGATION}（复议后起诉）"),
    )


# Words that mark a table of the report in a published page: a row of table 3, the groups
# of tables 3 and 4, table 2's article and an outcome of table 4.
LANDMARKS = ("本年新收", REVIEW, "第二十条", "申请人情况", "结果维持")


def derived(table3_: Table, table4_: Table, **key_cell_extra) -> dict:
    """The Format fields derived from tables 3 and 4, shared by both formats."""
    cells = key_cells(**key_cell_extra)
    return {
        "key_cells": cells,
        "carry_over": carry_over(table3_),
        "result_groups": result_groups(table3_),
        "results_label": RESULTS.split("、", 1)[-1],
        "table4_groups": T4_GROUPS,
        "table4_outcomes": T4_RESULTS,
        "table4_total": T4_TOTAL,
        "table4_branches": T4_BRANCHES,
        "trend_cells": trend_cells(cells),
        "landmarks": LANDMARKS,
        "title_pattern": TITLE_PATTERN,
        "fee_statement_part": FEE_STATEMENT_PART,
    }
