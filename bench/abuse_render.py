"""PDFs asked for together the moment a server starts: 20 cold starts of gunicorn (gthread,
as bench/load.py runs it, one worker) × 5 concurrent renders of the demo report's staff PDF.

A crash is a cold start where the worker died or any request failed (not a 200 PDF, or no
answer within bench.cold_start.REQUEST_TIMEOUT s). Target: 0."""

import statistics
import tempfile
from pathlib import Path

from bench.cold_start import all_pdf, cold_round, prepare

COLD_STARTS = 20
CLIENTS = 5


def run():
    prepared = prepare(Path(tempfile.mkdtemp(prefix="gkreport-abuse-render-")))
    crashes, failed_requests, first = 0, 0, []
    for _ in range(COLD_STARTS):
        result = cold_round("gunicorn", prepared, clients=CLIENTS)
        answers = result["answers"]
        failed_requests += sum(1 for status, _, _ in answers if status != 200)
        if not (all_pdf(result) and result["alive"]):
            crashes += 1
        served = [seconds for status, _, seconds in answers if status == 200]
        if served:
            first.append(min(served))
    print(
        f"{COLD_STARTS} cold starts × {CLIENTS} concurrent PDF renders: {crashes} crashed, "
        f"{failed_requests} of {COLD_STARTS * CLIENTS} requests failed"
    )
    print(f"BENCH cold_render_crashes {crashes} count")
    print(f"BENCH cold_render_failed_requests {failed_requests} count")
    if first:
        print(f"BENCH cold_render_first_s {statistics.median(first):.2f} s")
    print("target: 0 crashes")
