"""Bulk rendering through the task queue: the final PDFs of 24 reports rendered by one real
`gk_worker`, then 24 others by two (what publishing a region's reports or re-rendering after a
template change does). Reports per second from queuing to the last one's end, the workers
already waiting.

The PDF group runs it on the bench's SQLite database; bench/load_postgres.py runs the same on
PostgreSQL under load.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = 24
WORKER_START_S = 5  # Django set up and polling the queue before anything is queued


def start_workers(env, count=1):
    return [
        subprocess.Popen(
            # As scripts/serve runs it beside gunicorn: at a lower CPU priority, so renders
            # take the CPU the requests leave.
            ["nice", "-n", "10", sys.executable, "manage.py", "gk_worker", "--no-reload"]
            + ["--interval", "0.1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(count)
    ]


def stop(processes):
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=30)


def queue_throughput(env, reports, workers) -> float:
    """Final PDFs of `reports` queued at once (in one transaction) for `workers` workers
    already started and waiting, from the moment they are queued to the last one's end."""
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from gkreport.reports.tasks import render_final_pdf

    processes = start_workers(env, workers)
    time.sleep(WORKER_START_S)
    # What an earlier phase left in the queue runs first, not inside the measurement.
    deadline = time.monotonic() + 300
    while DBTaskResult.objects.filter(status__in=("READY", "RUNNING")).exists():
        if time.monotonic() > deadline:
            raise RuntimeError("the queue did not drain")
        time.sleep(0.2)
    with transaction.atomic():
        ids = [render_final_pdf.enqueue(report.pk).id for report in reports]
    try:
        while DBTaskResult.objects.filter(pk__in=ids).exclude(status="SUCCESSFUL").exists():
            if DBTaskResult.objects.filter(pk__in=ids, status="FAILED").exists():
                raise RuntimeError("a render task failed")
            time.sleep(0.2)
    finally:
        stop(processes)
    rows = DBTaskResult.objects.filter(pk__in=ids)
    first = min(row.enqueued_at for row in rows)
    last = max(row.finished_at for row in rows)
    return len(ids) / (last - first).total_seconds()


def report_copies(count: int, prefix: str) -> list:
    """`count` drafts of seed 000's report, each under an agency of its own (so each PDF is a
    different document: the agency's name is printed)."""
    from gkreport.imports.files import read_report_file
    from gkreport.reports.importing import save_import
    from gkreport.reports.models import Agency

    home = Agency.objects.first()
    result = read_report_file(sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))[0])
    reports = []
    for index in range(count):
        agency = Agency.objects.create(
            name=f"{prefix}{index + 1}局", region=home.region, kind=home.kind
        )
        result.report["agency"] = agency.name
        reports.append(save_import(result, agency, source_name=prefix))
    return reports


def run():
    from django.conf import settings

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    reports = report_copies(2 * REPORTS, "批量渲染第")
    env = {**os.environ, "PDF_CACHE_DIR": tempfile.mkdtemp(prefix="gk-bulk-pdfs-")}
    env.pop("TASKS_BACKEND", None)
    one = queue_throughput(env, reports[:REPORTS], 1)
    two = queue_throughput(env, reports[REPORTS:], 2)
    print(
        f"final PDFs of {REPORTS} reports through the queue (SQLite): 1 worker {one:.2f}/s, "
        f"2 workers {two:.2f}/s ({two / one:.2f}x)"
    )
    print(f"BENCH pdf_bulk_1worker_per_s {one:.2f} reports/s")
    print(f"BENCH pdf_bulk_2workers_per_s {two:.2f} reports/s")
    print(f"BENCH pdf_bulk_2workers_speedup {two / one:.2f} x")
    print("target: 2 workers >= 1.8x one (2 cores)")
