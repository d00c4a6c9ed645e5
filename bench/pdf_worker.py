"""Run in a fresh process by bench/pdf.py: cold render, warm renders, peak RSS, as JSON."""

import json
import os
import resource
import statistics
import sys
import time

started = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gkreport.settings")

import django  # noqa: E402

django.setup()

from gkreport.imports.files import read_report_file  # noqa: E402
from gkreport.pdf import html_to_pdf  # noqa: E402
from gkreport.reports.importing import unsaved_report  # noqa: E402
from gkreport.reports.rendering import report_html  # noqa: E402

path, repeat = sys.argv[1], int(sys.argv[2])
report = unsaved_report(read_report_file(path))
html = report_html(report, final=True)
first = time.perf_counter()
pdf = html_to_pdf(html)
cold = time.perf_counter() - first
warm = []
for _ in range(repeat):
    t = time.perf_counter()
    html_to_pdf(html)
    warm.append(time.perf_counter() - t)
print(
    json.dumps(
        {
            "cold_render_s": cold,
            "cold_process_s": time.perf_counter() - started - sum(warm),
            "warm_s": statistics.median(warm) if warm else None,
            "bytes": len(pdf),
            "pages": pdf.count(b"/Type /Page\n") or pdf.count(b"/Type/Page"),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "html": html,
        }
    )
)
