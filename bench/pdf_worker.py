"""Run in a fresh process by bench/pdf.py: WeasyPrint cold, then warm renders on demand.

Prints one JSON line after the cold render (with the HTML), then answers each `render`
line on stdin with the seconds that render took, and `quit` with the process's peak RSS.
bench/pdf.py interleaves these renders with Chromium's so both meet the same machine load;
the renders run in this process alone so its peak RSS is WeasyPrint's, not Chromium's.
"""

import json
import os
import resource
import sys
import time

started = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gkreport.settings")

import django  # noqa: E402

django.setup()

from gkreport.imports.files import read_report_file  # noqa: E402
from gkreport.pdf import html_to_pdf  # noqa: E402
from gkreport.printing.rendering import report_html  # noqa: E402
from gkreport.reports.importing import unsaved_report  # noqa: E402


def reply(figures: dict) -> None:
    sys.stdout.write(json.dumps(figures) + "\n")
    sys.stdout.flush()


report = unsaved_report(read_report_file(sys.argv[1]))
html = report_html(report, final=True)
first = time.perf_counter()
pdf = html_to_pdf(html)
cold = time.perf_counter() - first
process_s = time.perf_counter() - started
# The draft as agencies download it: the same pages with the 草稿 watermark picture.
draft_bytes = len(html_to_pdf(report_html(report)))
reply(
    {
        "cold_render_s": cold,
        "cold_process_s": process_s,
        "bytes": len(pdf),
        "draft_bytes": draft_bytes,
        "html": html,
    }
)
for line in sys.stdin:
    if line.strip() == "render":
        start = time.perf_counter()
        html_to_pdf(html)
        reply({"seconds": time.perf_counter() - start})
    else:
        break
reply({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
