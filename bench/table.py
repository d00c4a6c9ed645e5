"""Server time of GET and POST of the table-3 page: parse, store, all checks, render.

Django test client against the demo data in a throw-away database; 200 requests each.
"""

import statistics
import time

from django.db import connection, reset_queries
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.timing import percentile, time_calls
from gkreport.reports.editing import fingerprint
from gkreport.reports.models import Report
from gkreport.reports.pages import page

REQUESTS = 200


def run():
    client = Client()
    # django-axes refuses to authenticate without a request
    assert client.login(request=HttpRequest(), username="chiping-editor", password="gkreport-demo")
    report = Report.objects.get(agency__name="聊城市茌平区人民政府", year=2023)
    t3 = page(report.fmt, "t3")
    url = f"/r/{report.code}/table/t3/"
    codes = [cell.code for cell in report.fmt.table("t3").cells]

    def form(value):
        fresh = Report.objects.get(pk=report.pk)
        data = {code: fresh.cells.get(code, "") for code in codes}
        data["t3.granted.natural"] = value
        data["fingerprint"] = fingerprint(fresh, t3)
        return data

    for _ in range(10):  # warm up templates and caches
        client.get(url)
    gets = time_calls(lambda _: client.get(url), REQUESTS)
    posts = []
    for index in range(REQUESTS):
        data = form(str(91 + index % 2))  # every POST really changes a cell
        start = time.perf_counter()
        response = client.post(url, data)
        posts.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 302), response.status_code
    # The POST answers with a redirect (post/redirect/get); the checks and the render of the
    # page with its findings happen on the GET that follows: measure the pair too.
    rounds = []
    for index in range(REQUESTS):
        data = form(str(91 + index % 2))
        start = time.perf_counter()
        response = client.post(url, data, follow=True)
        rounds.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    reset_queries()  # the debug log holds 9,000 queries at most: counting needs room
    with CaptureQueriesContext(connection) as post_queries:
        client.post(url, form("93"))
    with CaptureQueriesContext(connection) as get_queries:
        client.get(url)
    print(
        f"table-3 GET: median {statistics.median(gets):.1f} ms, p95 {percentile(gets, 0.95):.1f} ms"
    )
    print(
        f"table-3 POST: median {statistics.median(posts):.1f} ms, p95 {percentile(posts, 0.95):.1f} ms"
    )
    print(f"BENCH table3_get_ms {statistics.median(gets):.1f} ms")
    print(f"BENCH table3_get_p95_ms {percentile(gets, 0.95):.1f} ms")
    print(f"BENCH table3_post_ms {statistics.median(posts):.1f} ms")
    print(f"BENCH table3_post_p95_ms {percentile(posts, 0.95):.1f} ms")
    print(f"BENCH table3_post_get_ms {statistics.median(rounds):.1f} ms")
    print(f"BENCH table3_post_get_p95_ms {percentile(rounds, 0.95):.1f} ms")
    print(f"BENCH table3_post_queries {len(post_queries)} queries")
    print(f"BENCH table3_get_queries {len(get_queries)} queries")
    print("targets: POST median <= 50 ms, queries <= 15")
