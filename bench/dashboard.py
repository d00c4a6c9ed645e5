"""The office dashboard for a year with 2,000 agencies and their reports, and the office's
inbox of every report waiting for it (submitted and approved: 800 of them)."""

import datetime
import statistics
import time

from django.contrib.auth.models import User
from django.db import connections, reset_queries
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.timing import time_calls
from gkreport.reports.models import Agency, Region, Report
from gkreport.review.models import Office, OfficeMembership

AGENCIES = 2000
REQUESTS = 30
STATUSES = ["draft", "submitted", "returned", "approved", "published"]
DELIVERED = {"submitted", "approved", "published"}
# Delivered reports reach the office over five weeks around the 31 January deadline, so
# that both late and on-time ones are flagged.
FIRST_SUBMISSION = timezone.make_aware(datetime.datetime(2024, 1, 10, 9, 0))


def populate():
    region = Region.objects.create(name="压力测试市")
    office = Office.objects.create(name="压力测试市政务公开办", region=region)
    user = User.objects.create_user("bench-reviewer", password="bench")
    OfficeMembership.objects.create(user=user, office=office)
    template = Report.objects.select_related("agency").first()
    agencies = Agency.objects.bulk_create(
        Agency(name=f"压力测试市第{n:04d}局", region=region) for n in range(AGENCIES)
    )
    Report.objects.bulk_create(
        Report(
            agency=agency,
            year=2023,
            format_version="2021",
            cells=template.cells,
            narrative=template.narrative,
            status=STATUSES[n % len(STATUSES)],
            submitted_at=FIRST_SUBMISSION + datetime.timedelta(hours=n % 840)
            if STATUSES[n % len(STATUSES)] in DELIVERED
            else None,
            error_count=n % 3,
            warning_count=n % 4,
        )
        for n, agency in enumerate(agencies)
        if n % 10  # one agency in ten has not started
    )
    return office


def run():
    office = populate()
    client = Client()
    # django-axes refuses to authenticate without a request
    assert client.login(request=HttpRequest(), username="bench-reviewer", password="bench")
    url = f"/office/{office.code}/2023/"
    for _ in range(3):
        client.get(url)
    times = time_calls(lambda _: client.get(url), REQUESTS)
    reset_queries()  # the debug log holds 9,000 queries at most: counting needs room
    with CaptureQueriesContext(connections["default"]) as queries:
        client.get(url)
    start = time.perf_counter()
    export = client.get(url + "?format=xlsx")
    export_ms = (time.perf_counter() - start) * 1000
    assert export.status_code == 200
    median = statistics.median(times)
    print(
        f"dashboard, {AGENCIES} agencies: median {median:.0f} ms, {len(queries)} queries; Excel export {export_ms:.0f} ms"
    )
    print(f"BENCH dashboard_ms {median:.0f} ms")
    print(f"BENCH dashboard_queries {len(queries)} queries")
    print(f"BENCH dashboard_xlsx_ms {export_ms:.0f} ms")
    print("targets: <= 300 ms, queries independent of the number of agencies")
    inbox(client, office)


def inbox(client, office):
    url = f"/office/{office.code}/"
    page = client.get(url).content.decode()
    rows = page.count('class="inbox-row"')
    times = time_calls(lambda _: client.get(url), REQUESTS)
    reset_queries()
    with CaptureQueriesContext(connections["default"]) as queries:
        client.get(url)
    median = statistics.median(times)
    print(f"inbox, {rows} reports waiting: median {median:.0f} ms, {len(queries)} queries")
    print(f"BENCH inbox_ms {median:.0f} ms")
    print(f"BENCH inbox_queries {len(queries)} queries")
    print("targets: <= 300 ms, queries independent of the number of reports")
