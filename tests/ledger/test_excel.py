"""Reading an uploaded ledger: workbooks and CSV files as text cells, every bound refused in
Chinese before it costs anything."""

import datetime
import io
import zipfile

import pytest

from gkreport.ledger.excel import MAX_COLUMNS, Refused, read_file
from tests.ledger.conftest import workbook

HEADER = ["收到日期", "申请人", "类型"]


def test_it_finds_the_header_below_a_title_and_reads_cells_as_text():
    data = workbook(
        HEADER,
        [datetime.datetime(2023, 3, 5), "张三", "自然人"],
        [None, None, None],  # blank rows are skipped
        [45000, "李四", None, "备注在无名列"],
        title="某局2023年依申请公开台账",
    )
    sheet = read_file("台账.xlsx", data)
    assert sheet.header_row == 2
    assert sheet.header == [*HEADER, ""]  # a column with data but no name is kept
    assert sheet.rows == [
        ["2023-03-05", "张三", "自然人", ""],
        ["45000", "李四", "", "备注在无名列"],
    ]


def test_a_csv_in_gbk_or_utf8_is_read():
    text = "收到日期,申请人类型\n2023-03-05,自然人\n"
    for encoding in ("gb18030", "utf-8-sig"):
        sheet = read_file("台账.csv", text.encode(encoding))
        assert sheet.rows == [["2023-03-05", "自然人"]]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("台账.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "这是旧版Excel（.xls）或加了密码的文件"),
        ("台账.pdf", b"%PDF-1.4 ...", "不是Excel（.xlsx）或CSV文件，无法读取"),
        ("台账.xlsx", b"PK\x03\x04 broken", "Excel文件已损坏或不完整，无法读取"),
        ("台账.xlsx", workbook(["只有一格"]), "文件中没有找到表头"),
    ],
)
def test_files_that_are_not_ledgers_are_refused_by_what_they_are(name, data, message):
    with pytest.raises(Refused, match=message):
        read_file(name, data)


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(Refused, match="不是Excel"):
        read_file("台账.xlsx", buffer.getvalue())


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_parsed():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/sharedStrings.xml", "0" * (65 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024
    with pytest.raises(Refused, match="解压后过大"):
        read_file("台账.xlsx", buffer.getvalue())


def test_size_rows_columns_and_cells_are_bounded(settings):
    settings.MAX_UPLOAD_BYTES = 100
    with pytest.raises(Refused, match=r"文件过大（1 KB，上限1 KB）"):
        read_file("台账.csv", b"a,b\n" * 200)
    settings.MAX_UPLOAD_BYTES = 10 * 1024 * 1024
    settings.LEDGER_MAX_ENTRIES = 3
    rows = [HEADER] + [["2023-03-05", "张三", "自然人"]] * 4
    with pytest.raises(Refused, match="文件超过3行，超过台账的上限"):
        read_file("台账.xlsx", workbook(*rows))
    wide = ["列"] * (MAX_COLUMNS + 1)
    with pytest.raises(Refused, match=f"文件超过{MAX_COLUMNS}列"):
        read_file("台账.xlsx", workbook(wide, wide))
    with pytest.raises(Refused, match="第2行第2列的内容过长"):
        read_file("台账.xlsx", workbook(HEADER, ["2023-03-05", "长" * 5001, "自然人"]))
