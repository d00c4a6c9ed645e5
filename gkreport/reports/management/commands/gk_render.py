"""python manage.py gk_render FILE --out OUT.pdf [--year YEAR] [--charts] [--final]

Renders a report file (a text extraction or the project's JSON export, as gk_check reads
them) to PDF without the database.
"""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand

from gkreport.pdf import PdfError, html_to_pdf
from gkreport.printing.rendering import report_html
from gkreport.reports.importing import unsaved_report
from gkreport.reports.management.commands._reading import read_or_exit


class Command(BaseCommand):
    help = "把一份年度报告文件（纯文本或本系统导出的JSON）排版为PDF"
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--out", required=True)
        parser.add_argument("--year", type=int, default=None)
        parser.add_argument("--charts", action="store_true", help="附图表")
        parser.add_argument("--final", action="store_true", help="正式版（无“草稿”水印）")

    def handle(self, *args, **options):
        result = read_or_exit(self, options["file"], options["year"]).result
        report = unsaved_report(result)
        report.include_charts = options["charts"]
        started = time.perf_counter()
        try:
            pdf = html_to_pdf(report_html(report, final=options["final"]))
        except PdfError as error:
            self.stderr.write(str(error))
            sys.exit(3)
        Path(options["out"]).write_bytes(pdf)
        seconds = time.perf_counter() - started
        self.stdout.write(f"{options['out']}: {len(pdf) // 1024} KB, {seconds:.2f} s")
