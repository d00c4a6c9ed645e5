"""The dashboard as an Excel workbook (openpyxl)."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from gkreport.lib.spreadsheet import safe_row

HEADERS = (
    "机关",
    "区域",
    "类型",
    "状态",
    "报送时间",
    "截止日期",
    "剩余天数",
    "逾期",
    "错误",
    "警告",
)
OVERDUE = PatternFill("solid", fgColor="F8D7DA")


def overdue_words(row) -> str:
    """The 逾期 column: not delivered after the deadline, or delivered after it."""
    if row.overdue:
        return "逾期未报送"
    if row.late_days:
        return f"逾期{row.late_days}天报送"
    return ""


def dashboard_workbook(office, year, rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = f"{year}年度"
    sheet.append(safe_row([f"{office.name} {year}年度政府信息公开工作年度报告报送情况"]))
    sheet.append(HEADERS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        report = row.report
        submitted = (
            report.submitted_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if report and report.submitted_at
            else ""
        )
        sheet.append(
            safe_row(
                [
                    row.agency.name,
                    row.agency.region.path,
                    row.agency.get_kind_display(),
                    row.status_label,
                    submitted,
                    row.due.isoformat(),
                    row.days_left,
                    overdue_words(row),
                    report.error_count if report else "",
                    report.warning_count if report else "",
                ]
            )
        )
        if row.overdue:
            for cell in sheet[sheet.max_row]:
                cell.fill = OVERDUE
    for column, width in zip("ABCDEFGHIJ", (34, 24, 14, 10, 18, 12, 10, 14, 6, 6), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
