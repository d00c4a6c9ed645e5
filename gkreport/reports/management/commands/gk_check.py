"""python manage.py gk_check FILE [--year YEAR] [--format json]

Exit status: 0 no error finding, 1 at least one error finding, 2 the file cannot be read.
Needs no database.
"""

import json
import sys

from django.core.management.base import BaseCommand

from gkreport.imports.jsonfile import export_report
from gkreport.reports.management.commands._reading import read_or_exit

SEVERITY_NAMES = {"error": "错误", "warning": "警告"}


class Command(BaseCommand):
    help = "检查一份年度报告文件（纯文本或本系统导出的JSON），列出发现的问题"
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
        sys.exit(1 if check.errors else 0)

    def _print_text(self, result, check):
        report = result.report
        out = self.stdout.write
        out(
            f"{report.get('agency') or '（未识别机关）'} {report['year']}年度报告 · {report['format']}年格式"
        )
        for item in result.unplaced:
            out(f"未能读取  {item['where']}：{item['text']}（{item['reason']}）")
        for note in result.notes:
            out(f"说明  {note}")
        for finding in check.findings:
            out(f"{SEVERITY_NAMES[finding.severity]}  [{finding.code}] {finding.message}")
        for code in check.not_assessed:
            out(f"无法核对  [{code}] 有未填写的单元格")
        out(f"共 {len(check.errors)} 个错误，{len(check.warnings)} 个警告")
