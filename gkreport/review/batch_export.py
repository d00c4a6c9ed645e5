"""A batch's results as an Excel workbook: one sheet of reports, one of findings."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from gkreport.lib.spreadsheet import safe_row

REPORT_HEADERS = (
    "序号",
    "文件",
    "机关（报告所载）",
    "年度",
    "格式",
    "已读取单元格",
    "单元格总数",
    "错误",
    "警告",
    "未读取单元格",
    "与上年报告比对",
    "状态",
    "说明",
)
FINDING_HEADERS = ("序号", "文件", "机关（报告所载）", "年度", "类别", "问题")
SEVERITY = {"error": "错误", "warning": "警告", "more": ""}
ERROR_FILL = PatternFill("solid", fgColor="F8D7DA")


def _append(sheet, values):
    sheet.append(safe_row(values))


def _which_report(item, result) -> list:
    """The columns naming a file on both sheets: its place in the batch, file name, agency, year."""
    return [item.position, item.name, result.get("agency", ""), result.get("year", "")]


def batch_workbook(batch, items) -> bytes:
    book = Workbook()
    reports = book.active
    reports.title = "报告"
    reports.append([str(batch)])
    reports.append(REPORT_HEADERS)
    findings = book.create_sheet("问题")
    findings.append(FINDING_HEADERS)
    for sheet, row in ((reports, 2), (findings, 1)):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    for item in items:
        result = item.result or {}
        read = "year" in result
        which = _which_report(item, result)
        _append(
            reports,
            [
                *which,
                f"{result['format']}年格式" if read else "",
                result.get("cells_read", "") if read else "",
                result.get("cells_total", "") if read else "",
                result.get("errors", ""),
                result.get("warnings", ""),
                "；".join(result.get("unread", [])),
                ("是" if result.get("compared_with_previous") else "否") if read else "",
                item.get_status_display(),
                item.error,
            ],
        )
        if result.get("errors"):
            reports.cell(reports.max_row, 8).fill = ERROR_FILL
        for finding in result.get("findings", []):
            _append(
                findings,
                [
                    *which,
                    SEVERITY.get(finding["severity"], ""),
                    finding["message"],
                ],
            )
    widths = (6, 36, 30, 8, 22, 12, 10, 6, 6, 40, 14, 10, 40)
    for index, width in enumerate(widths):
        reports.column_dimensions[chr(ord("A") + index)].width = width
    for column, width in zip("ABCDEF", (6, 36, 30, 8, 8, 80), strict=True):
        findings.column_dimensions[column].width = width
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
