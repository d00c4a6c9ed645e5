"""`manage.py gk_render_pdfs [--year Y]`: queue the PDFs of every unpublished report for the
background workers, after a change of the print templates, CSS or fonts (the stored PDFs'
keys hold the layout, so the old ones are simply not asked for again). Published reports keep
the PDF frozen when they were published."""

from django.core.management.base import BaseCommand

from gkreport.reports.models import Report
from gkreport.reports.tasks import render_draft_pdf, render_final_pdf
from gkreport.vocabulary import Status


class Command(BaseCommand):
    help = "Queue the PDFs of unpublished reports for the workers (after a layout change)"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="only this year's reports")

    def handle(self, *args, year=None, **options):
        reports = Report.objects.exclude(status=Status.PUBLISHED).filter(imported_from="")
        if year:
            reports = reports.filter(year=year)
        drafts = finals = 0
        for pk, version, status in reports.values_list("pk", "version", "status"):
            render_draft_pdf.enqueue(pk, version)
            drafts += 1
            if status == Status.APPROVED:  # what publishing will freeze
                render_final_pdf.enqueue(pk)
                finals += 1
        self.stdout.write(f"已排队：{drafts} 份报告的PDF，其中 {finals} 份已审核报告的公开版PDF")
