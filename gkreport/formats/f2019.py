"""国办公开办函〔2019〕60号: the trial format for report years 2019 and 2020."""

from gkreport.formats.common import (
    ARTICLE_20,
    CONTENT,
    OTHER_ROWS_2019,
    PARTS,
    derived,
    table3,
    table3_identities,
    table4,
    table4_identities,
)
from gkreport.formats.model import Block, Column, Format, Row, Table
from gkreport.lib.values import AMOUNT, DELTA

ITEMS = (
    Column("previous_items", "上一年项目数量", additive=False),
    Column("change", "本年增/减", kind=DELTA, additive=False),
)

TABLE2 = Table(
    "t2",
    "s2",
    "二",
    "主动公开政府信息情况",
    (
        Block(
            heading=ARTICLE_20.format("一"),
            row_header=CONTENT,
            rows=(Row("regulations", "规章"), Row("normative_documents", "规范性文件")),
            columns=(
                Column("made", "本年新制作数量"),
                Column("published", "本年新公开数量"),
                Column("total_published", "对外公开总数量"),
            ),
        ),
        Block(
            heading=ARTICLE_20.format("五"),
            row_header=CONTENT,
            rows=(Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
            columns=(*ITEMS, Column("decisions", "处理决定数量")),
        ),
        Block(
            heading=ARTICLE_20.format("六"),
            row_header=CONTENT,
            rows=(Row("penalty", "行政处罚"), Row("coercion", "行政强制")),
            columns=(*ITEMS, Column("decisions", "处理决定数量")),
        ),
        Block(
            heading=ARTICLE_20.format("八"),
            row_header=CONTENT,
            rows=(Row("fees", "行政事业性收费"),),
            columns=ITEMS,
        ),
        Block(
            heading=ARTICLE_20.format("九"),
            row_header=CONTENT,
            rows=(Row("procurement", "政府集中采购"),),
            columns=(
                Column("items", "采购项目数量"),
                Column("amount", "采购总金额", kind=AMOUNT),
            ),
        ),
    ),
    name="表二",
)

TABLE3 = table3(OTHER_ROWS_2019)
TABLE4 = table4()

FORMAT = Format(
    version="2019",
    name="中华人民共和国政府信息公开工作年度报告格式（试行，2019）",
    document="国办公开办函〔2019〕60号",
    first_year=2019,
    last_year=2020,
    parts=PARTS,
    tables=(TABLE2, TABLE3, TABLE4),
    identities=table3_identities(TABLE3) + table4_identities(TABLE4),
    **derived(TABLE3, TABLE4),
)
