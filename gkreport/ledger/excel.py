"""The ledger as Excel: the template to fill in, the export, and reading an uploaded file.

The template and the export have the same header row (the grid's columns), so an export
imports back as it is. Reading is bounded before anything is parsed: the size, the archive
inside an .xlsx (members, unpacked bytes), the rows, the columns and each cell's length,
and a deadline while the rows are read. Whatever is beyond is refused with a Chinese
message; a file that is not a workbook or a CSV is refused by what it is.
"""

import csv
import datetime
import io
import time
import zipfile
from dataclasses import dataclass

from django.conf import settings
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from gkreport.formats.ledger import ledger_terms
from gkreport.ledger.fields import DATE, FIELDS, choices, entry_values
from gkreport.lib.sizes import size_text
from gkreport.lib.spreadsheet import safe_row

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET = "台账"
STATE = "状态"
FINDINGS = "台账检查"

MAX_COLUMNS = 60
MAX_CELL_CHARS = 5000
MAX_UNZIPPED_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 200
HEADER_ROWS = 10  # the header is one of the first rows (a title may stand above it)
READ_SECONDS = 20
TEMPLATE_ROWS = 5000  # rows of the template with date formats and drop-down lists
DATE_FORMAT = "yyyy-mm-dd"

REFUSED = {
    "too_big": "文件过大（{size}，上限{limit}）",
    "xls": "这是旧版Excel（.xls）或加了密码的文件，请在Excel或WPS中“另存为”.xlsx（不设密码）后再导入",
    "not_a_workbook": "不是Excel（.xlsx）或CSV文件，无法读取",
    "broken": "Excel文件已损坏或不完整，无法读取",
    "unzipped": "Excel文件解压后过大（超过{limit}），不像是一份台账",
    "empty": "文件中没有找到表头：前{rows}行中应有一行是各列的名称（如“收到申请日期”“申请人类型”）",
    "too_many_rows": "文件超过{limit}行，超过台账的上限",
    "too_many_columns": "文件超过{limit}列，不像是一份台账",
    "cell_too_long": "第{row}行第{column}列的内容过长（超过{limit}个字）",
    "too_slow": "文件过于复杂，未能在{seconds}秒内读完",
    "encoding": "CSV文件的编码无法识别，请在Excel或WPS中另存为.xlsx后再导入",
}


class Refused(Exception):
    """The file cannot be read as a ledger: the message says why, in Chinese."""


@dataclass
class Sheet:
    header: list[str]
    rows: list[list[str]]
    header_row: int  # the header's row number in the file (1 for the first row)


# Writing ------------------------------------------------------------------------------


def template_workbook(fmt, year: int) -> bytes:
    """An empty ledger with its header, drop-down lists and a sheet of notes."""
    book = Workbook()
    sheet = _ledger_sheet(book, [f.label for f in FIELDS])
    for index, field in enumerate(FIELDS, start=1):
        if field.kind == DATE:  # what is typed there shows as a date
            letter = get_column_letter(index)
            for row in range(2, TEMPLATE_ROWS + 2):
                sheet[f"{letter}{row}"].number_format = DATE_FORMAT
    _validations(book, sheet, ledger_terms(fmt))
    notes = book.create_sheet("填写说明")
    for line in _notes(year, ledger_terms(fmt)):
        notes.append([line])
    notes.column_dimensions["A"].width = 100
    return _bytes(book)


def export_workbook(ledger, state) -> bytes:
    """The ledger's applications, in its order, with their state and findings."""
    terms = ledger_terms(ledger.fmt)
    book = Workbook()
    sheet = _ledger_sheet(book, [*(f.label for f in FIELDS), STATE, FINDINGS])
    messages = {}
    for finding in state.result.findings:
        messages.setdefault(finding.entry, []).append(finding.message)
    carried = ledger.fmt.words["carried_over"]
    for entry in ledger.entries().order_by("received_on", "id"):
        shown = entry_values(entry, terms)
        values = [entry.received_on if f.name == "received_on" else shown[f.name] for f in FIELDS]
        replied = FIELDS.index(next(f for f in FIELDS if f.name == "replied_on"))
        values[replied] = entry.replied_on or ""
        flags = []
        if entry.received_on.year < ledger.year:
            flags.append(carried)
        if entry.replied_on is None or entry.replied_on.year > ledger.year:
            flags.append("年底未办结")
        values += ["、".join(flags), "\n".join(messages.get(entry.code.hex, []))]
        sheet.append(safe_row(values))
    # Column by column once at the end: looking a row up after each append (sheet.max_row)
    # scans every cell, and 5,000 rows took 18 s.
    for index, field in enumerate(FIELDS, start=1):
        if field.kind == DATE:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = DATE_FORMAT
    return _bytes(book)


def _ledger_sheet(book, header):
    sheet = book.active
    sheet.title = SHEET
    sheet.append(header)
    fill = PatternFill("solid", fgColor="E9ECEF")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    widths = {"xs": 10, "sm": 14, "md": 16, "lg": 36}
    for index, field in enumerate(FIELDS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = widths[field.width]
    for index in range(len(FIELDS) + 1, len(header) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 30
    sheet.freeze_panes = "A2"
    return sheet


def _validations(book, sheet, terms):
    """Drop-down lists of the columns with categories (a hidden sheet holds the lists)."""
    lists = book.create_sheet("选项")
    column = 0
    for index, field in enumerate(FIELDS, start=1):
        options = [value for value, _ in choices(field, terms)]
        if not options:
            continue
        column += 1
        letter = get_column_letter(column)
        lists.cell(1, column, field.label)
        for row, value in enumerate(options, start=2):
            lists.cell(row, column, value)
        source = f"'{lists.title}'!${letter}$2:${letter}${len(options) + 1}"
        rule = DataValidation(type="list", formula1=source, allow_blank=True)
        rule.error = f"请从列表中选择{field.label}"
        rule.errorStyle = "warning"  # an agency's own wording is still read on import
        sheet.add_data_validation(rule)
        target = get_column_letter(index)
        rule.add(f"{target}2:{target}{TEMPLATE_ROWS + 1}")
    lists.sheet_state = "hidden"


def _notes(year: int, terms) -> list[str]:
    with_reasons = "、".join(o.name for o in terms.outcomes if o.reasons)
    return [
        f"{year}年依申请公开办理台账：每行一件申请，第一行是各列名称，请勿改动。",
        "收到申请日期、申请人类型必须填写；日期可写成2024-03-05、2024/3/5或2024年3月5日。",
        f"申请人类型、办理结果、具体情形可从下拉列表选择；{with_reasons}须填写具体情形。",
        "年底尚未答复的申请，答复日期留空：它计入结转下一年度，下一年度的台账可以导入它。",
        "延期答复的填“是”：答复期限按40个工作日计算，否则按20个工作日。",
        "导入时可以把本机关原有台账的各列对应到这些列，列名不必相同。",
    ]


def _bytes(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# Reading ------------------------------------------------------------------------------


def read_file(name: str, data: bytes) -> Sheet:
    limit = settings.MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise Refused(REFUSED["too_big"].format(size=size_text(len(data)), limit=size_text(limit)))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise Refused(REFUSED["xls"])
    if data.startswith(b"PK"):
        return _read_xlsx(data)
    if name.lower().endswith(".csv"):
        return _read_csv(data)
    raise Refused(REFUSED["not_a_workbook"])


def _read_xlsx(data: bytes) -> Sheet:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise Refused(REFUSED["broken"]) from None
    if "xl/workbook.xml" not in {m.filename for m in members} or len(members) > MAX_MEMBERS:
        raise Refused(REFUSED["not_a_workbook"])
    if sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise Refused(REFUSED["unzipped"].format(limit=size_text(MAX_UNZIPPED_BYTES)))
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
        return _rows(rows)
    except Refused:
        raise
    except Exception:  # openpyxl raises many kinds on a damaged file; none is ours
        raise Refused(REFUSED["broken"]) from None


def _read_csv(data: bytes) -> Sheet:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise Refused(REFUSED["encoding"])
    try:
        return _rows(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        raise Refused(REFUSED["not_a_workbook"]) from None


def _rows(rows) -> Sheet:
    """The header (the first row with two cells or more) and the rows below it, as text."""
    deadline = time.monotonic() + READ_SECONDS
    limit = settings.LEDGER_MAX_ENTRIES
    header, header_row, body = None, 0, []
    for number, row in enumerate(rows, start=1):
        if time.monotonic() > deadline:
            raise Refused(REFUSED["too_slow"].format(seconds=READ_SECONDS))
        cells = [_text(value, number, column) for column, value in enumerate(row, start=1)]
        if len(cells) > MAX_COLUMNS and any(cells[MAX_COLUMNS:]):
            raise Refused(REFUSED["too_many_columns"].format(limit=MAX_COLUMNS))
        cells = cells[:MAX_COLUMNS]
        if header is None:
            if sum(1 for cell in cells if cell) >= 2:
                header, header_row = cells, number
            elif number >= HEADER_ROWS:
                break
            continue
        if any(cells):
            body.append(cells)
            if len(body) > limit:
                raise Refused(REFUSED["too_many_rows"].format(limit=limit))
    if header is None:
        raise Refused(REFUSED["empty"].format(rows=HEADER_ROWS))
    # As wide as the last column with anything in it, the header or a row.
    width = max(_filled_width(row) for row in [header, *body])
    header = (header + [""] * width)[:width]
    return Sheet(header, [(row + [""] * width)[:width] for row in body], header_row)


def _filled_width(cells) -> int:
    return max((index + 1 for index, cell in enumerate(cells) if cell), default=0)


def _text(value, row: int, column: int) -> str:
    """A cell as the ledger reads it: a date as 2024-03-05, a whole number without “.0”."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if len(text) > MAX_CELL_CHARS:
        raise Refused(REFUSED["cell_too_long"].format(row=row, column=column, limit=MAX_CELL_CHARS))
    return text.strip()
