"""下载Word of a demo report: the server time of the whole request (Django test client), built
anew each time (there is nothing stored to serve), and the file's size."""

import statistics

from django.test import Client

from bench.timing import time_calls
from gkreport.reports.models import Membership, Report

REQUESTS = 15


def run():
    report = Report.objects.filter(agency__memberships__isnull=False).first()
    member = Membership.objects.filter(agency=report.agency).first()
    client = Client()
    client.force_login(member.user)
    url = f"/r/{report.code}/docx/"
    first = client.get(url)
    assert first.status_code == 200 and first.content.startswith(b"PK"), first.status_code
    samples = time_calls(lambda _: client.get(url), REQUESTS)
    median_ms = statistics.median(samples)
    print(f"下载Word: {median_ms:.0f} ms (median of {REQUESTS}), {len(first.content)} bytes")
    print(f"BENCH docx_download_ms {median_ms:.0f} ms")
    print(f"BENCH docx_bytes {len(first.content)} bytes")
