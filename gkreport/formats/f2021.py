"""国办公开办函〔2021〕30号: the format for report years 2021 onward."""

from gkreport.formats.common import (
    ARTICLE_20,
    CONTENT,
    OTHER_ROWS_2021,
    PARTS,
    derived,
    table3,
    table3_identities,
    table4,
    table4_identities,
)
from gkreport.formats.model import Block, Column, Format, InForce, LegacyRow, Row, Table
from gkreport.lib.values import AMOUNT

TABLE2 = Table(
    "t2",
    "s2",
    "二",
    "主动公开政府信息情况",
    (
        Block(
            heading=ARTICLE_20.format("一"),
            row_header=CONTENT,
            rows=(Row("regulations", "规章"), Row("normative_documents", "行政规范性文件")),
            columns=(
                Column("issued", "本年制发件数", short="本年制发"),
                Column("repealed", "本年废止件数", short="本年废止"),
                Column("in_force", "现行有效件数"),
            ),
        ),
        Block(
            heading=ARTICLE_20.format("五"),
            row_header=CONTENT,
            rows=(Row("licensing", "行政许可"),),
            columns=(Column("decisions", "本年处理决定数量"),),
        ),
        Block(
            heading=ARTICLE_20.format("六"),
            row_header=CONTENT,
            rows=(Row("penalty", "行政处罚"), Row("coercion", "行政强制")),
            columns=(Column("decisions", "本年处理决定数量"),),
        ),
        Block(
            heading=ARTICLE_20.format("八"),
            row_header=CONTENT,
            rows=(Row("fees", "行政事业性收费"),),
            columns=(Column("amount", "本年收费金额（单位：万元）", kind=AMOUNT),),
        ),
    ),
    name="表二",
)

# A 2021 report that still prints the single 2019 row （六）其他处理 is read as that row
# (it stands for the three 2021 rows together) and flagged by S9.
TABLE3 = table3(
    OTHER_ROWS_2021,
    legacy_rows=(
        LegacyRow(
            "other_processing",
            "（六）其他处理",
            ("other_no_correction", "other_no_fee", "other_other"),
        ),
    ),
)
TABLE4 = table4()

IN_FORCE = tuple(
    InForce(*(f"t2.{row}.{column}" for column in ("issued", "repealed", "in_force")))
    for row in ("regulations", "normative_documents")
)

FORMAT = Format(
    version="2021",
    name="中华人民共和国政府信息公开工作年度报告格式（2021）",
    document="国办公开办函〔2021〕30号",
    first_year=2021,
    last_year=None,
    parts=PARTS,
    tables=(TABLE2, TABLE3, TABLE4),
    identities=table3_identities(TABLE3) + table4_identities(TABLE4),
    requires_fee_statement=True,
    in_force=IN_FORCE,
    **derived(
        TABLE3,
        TABLE4,
        normative_documents_issued="t2.normative_documents.issued",
        unpaid_fees="t3.other_no_fee.total",
    ),
)
