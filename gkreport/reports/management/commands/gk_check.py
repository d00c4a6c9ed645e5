"""python manage.py gk_check FILE [--year YEAR] [--format json]

Exit status: 0 read completely, no error finding; 1 at least one error finding; 2 the file
cannot be read; 3 some cells could not be read and no error was found in the rest.
Needs no database.
"""

import json
import sys

from django.core.management.base import BaseCommand

from gkreport.imports.jsonfile import export_report
from gkreport.reports.management.commands._reading import read_or_exit

SEVERITY_NAMES = {"error": "错误", "warning": "警告"}
EXIT_COMPLETE = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2  # set by read_or_exit
EXIT_INCOMPLETE = 3

HELP = (
    "检查一份年度报告文件（网页.html、Word .docx、PDF、纯文本或本系统导出的JSON），列出发现的问题。"
    "退出状态：0 全部读取且未发现错误；1 发现错误；2 无法读取文件；3 有单元格未能读取，其余未发现错误"
)


def exit_status(check) -> int:
    if check.errors:
        return EXIT_ERRORS
    return EXIT_COMPLETE if check.complete else EXIT_INCOMPLETE


class Command(BaseCommand):
    help = HELP
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--year", type=int, default=None, help="报告年度（默认从标题识别）")
        parser.add_argument("--format", choices=("text", "json"), default="text", dest="output")

    def handle(self, *args, **options):
        result, check = read_or_exit(self, options["file"], options["year"])
        if options["output"] == "json":
            document = export_report(result, check)
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            self._print_text(result, check)
        sys.exit(exit_status(check))

    def _print_text(self, result, check):
        report = result.report
        out = self.stdout.write
        out(
            f"{report.get('agency') or '（未识别机关）'} {report['year']}年度报告 · {report['format']}年格式"
        )
        if check.complete:
            out(f"已读取全部 {check.cells_total} 格")
        else:
            out(
                f"已读取 {check.cells_read}/{check.cells_total} 格，未能读取 {len(check.unread)} 格"
            )
        for row in result.unread:
            near = f"，附近文字：“{row['near']}”" if row["near"] else ""
            out(f"未能读取  {row['where']}：{len(row['cells'])}格（{row['reason']}{near}）")
        for item in result.unplaced:
            out(f"未归入单元格  {item['where']}：{item['text']}（{item['reason']}）")
        for note in result.notes:
            out(f"说明  {note}")
        for finding in check.findings:
            out(f"{SEVERITY_NAMES[finding.severity]}  [{finding.code}] {finding.message}")
        for code in check.not_assessed:
            why = "有未能读取的单元格" if code in check.not_assessed_unread else "有未填写的单元格"
            out(f"无法核对  [{code}] {why}")
        summary = f"共 {len(check.errors)} 个错误，{len(check.warnings)} 个警告"
        if not check.complete and not check.errors:
            summary += "（读取不完整：未能读取的单元格没有检查）"
        out(summary)
