"""下载PDF of a report that has not changed since its PDF was rendered: the server time of
the stored bytes (Django test client, demo data), against the first download that renders."""

import statistics
import tempfile
import time

from django.conf import settings
from django.test import Client

from bench.timing import time_calls
from gkreport.reports.models import Membership, Report

REQUESTS = 30


def run():
    settings.PDF_CACHE_DIR = tempfile.mkdtemp(prefix="gkreport-bench-pdfs-")
    report = Report.objects.filter(agency__memberships__isnull=False).first()
    member = Membership.objects.filter(agency=report.agency).first()
    client = Client()
    client.force_login(member.user)
    url = f"/r/{report.code}/pdf/"
    start = time.perf_counter()
    first = client.get(url)
    first_ms = (time.perf_counter() - start) * 1000
    assert first.status_code == 200 and first.content.startswith(b"%PDF"), first.status_code
    samples = time_calls(lambda _: client.get(url), REQUESTS)
    cached_ms = statistics.median(samples)
    print(
        f"下载PDF: first download (renders) {first_ms:.0f} ms, unchanged report served "
        f"from the store {cached_ms:.1f} ms (median of {REQUESTS})"
    )
    print(f"BENCH pdf_first_download_ms {first_ms:.0f} ms")
    print(f"BENCH pdf_cached_download_ms {cached_ms:.1f} ms")
    print("target: cached download <= 10 ms")
