"""The office's batch check: 500 published reports in one .zip, read and checked by the real
background worker (`manage.py db_worker`, a separate process on the bench database).

The files are the five seed reports, each as 100 agencies (renamed) over consecutive years,
so the checks have last years (S1/S2) and same-year peers (S5) to compare. The figure is
counted from the upload's answer (the batch is queued) to the batch being done, with the
worker already running, as under `make run`.
"""

import io
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from gkreport.reports.models import Region
from gkreport.review.models import Batch, BatchItem, Office, OfficeMembership

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
FILES = 500
YEARS_PER_AGENCY = 4
TITLE_YEAR = re.compile(r"^(?P<agency>.*?)\s*(?P<year>20\d{2})\s*年")
TIMEOUT_SECONDS = 600


def seed_texts() -> list[tuple[str, int, str]]:
    """(agency, year, text) of each seed, the agency and year as its title gives them."""
    seeds = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        head = "".join(line.strip() for line in text.splitlines()[:8] if line.strip())
        match = TITLE_YEAR.match(head)
        seeds.append((match.group("agency").replace(" ", ""), int(match.group("year")), text))
    return seeds


def variant(agency: str, year: int, text: str, number: int) -> bytes:
    """The seed as agency `number // YEARS_PER_AGENCY`, for one of consecutive years."""
    new_agency = f"{agency}第{number // YEARS_PER_AGENCY:03d}分局"
    new_year = year + number % YEARS_PER_AGENCY
    return text.replace(agency, new_agency).replace(str(year), str(new_year)).encode("utf-8")


def build_zip() -> bytes:
    seeds = seed_texts()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(FILES):
            agency, year, text = seeds[number % len(seeds)]
            copy = number // len(seeds)
            archive.writestr(f"年报/{number:03d}.txt", variant(agency, year, text, copy))
    return buffer.getvalue()


def start_worker() -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{connection.settings_dict['NAME']}"}
    env.pop("TASKS_BACKEND", None)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    line = worker.stdout.readline()  # “Starting worker …”: it is polling the queue
    if "Starting worker" not in line:
        worker.kill()
        raise RuntimeError(f"db_worker did not start: {line}")
    return worker


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run():
    if "DATABASE_URL" not in os.environ:
        raise SystemExit("bench/batch.py needs a throwaway database: run it through bench/run.py")
    region = Region.objects.create(name="批量检查测试市")
    office = Office.objects.create(name="批量检查测试市政务公开办", region=region)
    user = User.objects.create_user("bench-batch", password="bench")
    OfficeMembership.objects.create(user=user, office=office)
    client = Client()
    client.force_login(User.objects.get(username="bench-batch"))
    archive = build_zip()

    worker = start_worker()
    try:
        upload = io.BytesIO(archive)
        upload.name = "年报.zip"
        start = time.perf_counter()
        response = client.post(f"/office/{office.code}/batches/", {"files": [upload]})
        queued = time.perf_counter()
        assert response.status_code == 302, response.content[:2000]
        batch = Batch.objects.get(office=office)
        while True:
            batch.refresh_from_db()
            if not batch.is_active:
                break
            if time.perf_counter() - queued > TIMEOUT_SECONDS or worker.poll() is not None:
                raise RuntimeError("the batch did not finish")
            time.sleep(0.05)
        done = time.perf_counter()
        rss = peak_rss_mb(worker.pid)
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    checked = batch.items.filter(status=BatchItem.Status.CHECKED).count()
    assert batch.status == Batch.Status.DONE and checked == FILES, (batch.status, checked)
    compared = sum(
        1
        for result in batch.items.values_list("result", flat=True)
        if result.get("compared_with_previous")
    )
    findings = sum(
        len(result.get("findings", [])) for result in batch.items.values_list("result", flat=True)
    )
    page_url = f"/office/{office.code}/batches/{batch.code}/"
    began = time.perf_counter()
    page = client.get(page_url)
    page_ms = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    export = client.get(page_url, {"format": "xlsx"})
    export_ms = (time.perf_counter() - began) * 1000
    assert page.status_code == export.status_code == 200
    print(f"# {FILES} files, {compared} compared with last year's report in the batch")
    print(f"# {findings} findings listed; results page {len(page.content) // 1024} KiB")
    print(f"BENCH import_batch_upload_ms {(queued - start) * 1000:.0f} ms")
    print(f"BENCH import_batch_per_s {checked / (done - queued):.1f} reports/s")
    print(f"BENCH import_batch_worker_peak_rss_mb {rss:.0f} MB")
    print(f"BENCH import_batch_results_page_ms {page_ms:.0f} ms")
    print(f"BENCH import_batch_export_ms {export_ms:.0f} ms")
