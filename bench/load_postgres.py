"""Everything real under load: gunicorn + PostgreSQL + a gk_worker on this machine.

50 editors save table 3 (each: open the page, change a cell, save, follow the redirect as the
browser does, then 7.5–22.5 s before the next save) while the public downloads a published
PDF at a steady 200 requests per second, for 60 s. Every save queues the draft's PDF (render_draft_pdf) for the worker:
the requests never wait for a render. Then the queue's throughput: the final PDFs of 16
reports rendered by 1, then by 2 workers (`queue_pdf_per_s_*`; bench/pdf_bulk.py measures the
same on SQLite for the PDF group).

Run by `make bench BENCH=load`: this module starts a throwaway PostgreSQL cluster with
scripts/with-postgres and runs itself inside it (`--inside`), migrating and loading the demo
there. Without Debian's postgresql it says so and measures nothing.
"""

import http.client
import multiprocessing
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
EDITORS = 50
DOWNLOADS_PER_S = 200
SECONDS = int(os.environ.get("LOAD_SECONDS", 60))  # shorter for a trial run
# Seconds an editor spends between saves (times 0.5–1.5): people fill in a block of cells
# before they save; LOAD_THINK_S=5 makes it a stress test.
THINK_S = float(os.environ.get("LOAD_THINK_S", 15))
BULK_REPORTS = 16


def run():
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        print("PostgreSQL is not installed (apt-get install postgresql): load with it not measured")
        return
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    subprocess.run(
        [str(ROOT / "scripts" / "with-postgres"), sys.executable, __file__, "--inside"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=1800,
    )


# ---- inside the PostgreSQL cluster -------------------------------------------------------


def _setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gkreport.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("gk_demo", stdout=open(os.devnull, "w"))


def _editors() -> list[dict]:
    """50 agencies of the demo's region, each with an editor and a draft (seed 000's report
    under the agency's own name), each editor with a session."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from bench.pdf_bulk import report_copies
    from gkreport.reports.models import Membership
    from gkreport.vocabulary import AgencyRole

    people = []
    for index, report in enumerate(report_copies(EDITORS, "压测第")):
        user = get_user_model().objects.create_user(f"load-editor-{index}", password="x")
        Membership.objects.create(user=user, agency=report.agency, role=AgencyRole.EDITOR)
        client = Client()
        client.force_login(user)
        people.append({"session": client.cookies["sessionid"].value, "code": str(report.code)})
    return people


INPUT = re.compile(r"<input\b[^>]*>")
ATTR = re.compile(r'(name|value)="([^"]*)"')


def _form(html: str) -> dict:
    """The table form's fields as the browser would send them."""
    form = html.split('id="table-form"', 1)[1].split("</form>", 1)[0]
    fields = {}
    for tag in INPUT.findall(form):
        attrs = dict(ATTR.findall(tag))
        if "name" in attrs:
            fields[attrs["name"]] = attrs.get("value", "").replace("&quot;", '"')
    for name, text in re.findall(r'<textarea[^>]*name="([^"]*)"[^>]*>(.*?)</textarea>', form, re.S):
        fields[name] = text
    return fields


class Samples:
    def __init__(self):
        self.lock = threading.Lock()
        self.ms: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}

    def add(self, kind, ms, ok):
        with self.lock:
            self.ms.setdefault(kind, []).append(ms)
            if not ok:
                self.errors[kind] = self.errors.get(kind, 0) + 1


def _request(conn, method, path, kind, samples, headers=None, body=None, expect=200):
    start = time.perf_counter()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        ok = response.status == expect
    except (OSError, http.client.HTTPException):
        conn.close()
        data, ok, response = b"", False, None
    samples.add(kind, (time.perf_counter() - start) * 1000, ok)
    return response, data


def _editor(port, person, deadline, samples):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    path = f"/r/{person['code']}/table/t3/"
    rng = random.Random(person["code"])
    time.sleep(rng.random() * THINK_S)  # editors do not all start on the same second
    while time.time() < deadline:
        cookie = f"sessionid={person['session']}"
        response, page = _request(conn, "GET", path, "table_get", samples, {"Cookie": cookie})
        if response is None or response.status != 200:
            time.sleep(1)
            continue
        csrf = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
        if csrf:
            person["csrf"] = csrf.group(1)
        fields = _form(page.decode())
        fields["t3.granted.natural"] = str(rng.randint(1, 60))
        headers = {
            "Cookie": f"{cookie}; csrftoken={person.get('csrf', '')}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{port}{path}",
        }
        response, _ = _request(
            conn, "POST", path, "table_save", samples, headers, urlencode(fields).encode(), 302
        )
        if response is not None and response.status == 302:  # the browser follows it
            _request(conn, "GET", path, "table_get", samples, {"Cookie": cookie})
        time.sleep(THINK_S * (0.5 + rng.random()))


def _downloads(port, path, deadline, samples, rate, threads=8):
    """A steady `rate`: request i is due at start + i / rate; a late request is sent at once
    and its latency counted from when it was due (no coordinated omission)."""
    start = time.perf_counter()
    counter = iter(range(10**9))
    counter_lock = threading.Lock()

    def loop():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.time() < deadline:
            with counter_lock:
                index = next(counter)
            due = start + index / rate
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()
                ok = False
            samples.add("download", (time.perf_counter() - due) * 1000, ok)

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    for worker in workers:
        worker.start()
    return workers


def _client_process(job):
    """One load-generating process (the GIL would make one process the bottleneck): a share
    of the downloads or a share of the editors. Returns its samples."""
    kind, port, payload, deadline = job
    samples = Samples()
    if kind == "downloads":
        path, rate = payload
        threads = _downloads(port, path, deadline, samples, rate)
    else:
        threads = [
            threading.Thread(target=_editor, args=(port, person, deadline, samples))
            for person in payload
        ]
        for thread in threads:
            thread.start()
    for thread in threads:
        thread.join()
    times = os.times()
    return samples.ms, samples.errors, times.user + times.system


def _cpu_seconds(pids) -> float:
    """User + system CPU seconds the processes (and their waited-for children) have used."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return total / tick


def _descendants(pid) -> list[int]:
    found, queue = [], [pid]
    while queue:
        parent = queue.pop()
        for child in Path(f"/proc/{parent}/task/{parent}/children").read_text().split():
            found.append(int(child))
            queue.append(int(child))
    return found


def _postgres_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


CLIENT_PROCESSES = 2  # of each kind


def _median(samples):
    return statistics.median(samples) if samples else 0.0


def _p95(samples):
    from bench.timing import percentile  # run as a script: bench/ is importable once set up

    return percentile(samples, 0.95) if samples else 0.0


SECRET_KEY = "bench-only-secret-key-not-used-elsewhere"


def inside():
    os.environ["SECRET_KEY"] = SECRET_KEY  # the sessions made here must be the server's
    _setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from bench.load import collect_static, free_port, gunicorn_command, wait_for
    from bench.pdf_bulk import queue_throughput, start_workers, stop
    from gkreport.public.models import PublishedVersion
    from gkreport.reports.models import Report

    people = _editors()
    version = PublishedVersion.objects.filter(is_current=True).first()
    pdf_path = f"/public/agency/{version.agency_code}/{version.year}/report.pdf"
    port = free_port()
    pdf_cache = tempfile.mkdtemp(prefix="gk-load-pdfs-")
    env = {
        **os.environ,
        "DEBUG": "0",
        "HTTPS": "0",
        "DB_CONN_MAX_AGE": "60",
        "PDF_CACHE_DIR": pdf_cache,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    collect_static(env, Path(tempfile.mkdtemp(prefix="gk-bench-static-")))
    server = subprocess.Popen(
        gunicorn_command(port, workers=3, threads=8, extra=("--keep-alive", "30")),
        cwd=ROOT,
        env=env,
    )
    worker = start_workers(env)
    samples = Samples()
    try:
        wait_for(port)
        deadline = time.time() + SECONDS
        rate = DOWNLOADS_PER_S / CLIENT_PROCESSES
        jobs = [("downloads", port, (pdf_path, rate), deadline)] * CLIENT_PROCESSES
        jobs += [("editors", port, people[i::CLIENT_PROCESSES], deadline) for i in range(2)]
        connection.close()  # the children fork without it
        server_pids = [server.pid, *_descendants(server.pid)]
        worker_pids = [process.pid for process in worker]
        before = {
            "gunicorn": _cpu_seconds(server_pids),
            "worker": _cpu_seconds(worker_pids),
            "postgres": _cpu_seconds(_postgres_pids()),
        }
        client_cpu = 0.0
        with multiprocessing.get_context("fork").Pool(len(jobs)) as pool:
            for ms, errors, cpu in pool.map(_client_process, jobs):
                client_cpu += cpu
                for kind, values in ms.items():
                    samples.ms.setdefault(kind, []).extend(values)
                for kind, count in errors.items():
                    samples.errors[kind] = samples.errors.get(kind, 0) + count
        cpu = {
            "gunicorn": _cpu_seconds(server_pids) - before["gunicorn"],
            "worker": _cpu_seconds(worker_pids) - before["worker"],
            "postgres": _cpu_seconds(_postgres_pids()) - before["postgres"],
            "load generators": client_cpu,
        }
        renders = DBTaskResult.objects.filter(task_path__endswith="render_draft_pdf")
        queued = renders.count()
        by_status = dict(renders.values_list("status").annotate(n=Count("id")))
        stored = sum(1 for _ in Path(pdf_cache).rglob("*.pdf"))
    finally:
        stop([server, *worker])
    downloads = samples.ms.get("download", [])
    saves = samples.ms.get("table_save", [])
    pages = samples.ms.get("table_get", [])
    errors = sum(samples.errors.values())
    print(
        f"{SECONDS} s, gunicorn (3 processes x 8 threads) + PostgreSQL + 1 gk_worker: "
        f"{len(downloads)} PDF downloads ({len(downloads) / SECONDS:.0f}/s, target "
        f"{DOWNLOADS_PER_S}/s), {len(saves)} table-3 saves by {EDITORS} editors, "
        f"{len(pages)} table-3 pages; errors by kind: {samples.errors or 0}"
    )
    print(
        f"p50/p95 ms: download {_median(downloads):.1f}/{_p95(downloads):.1f}, "
        f"save {_median(saves):.1f}/{_p95(saves):.1f}, "
        f"page {_median(pages):.1f}/{_p95(pages):.1f}"
    )
    print(
        f"draft PDFs: {queued} queued by saves, {by_status} at the end, {stored} stored; "
        "a queued render of a version saved over does nothing"
    )
    available = SECONDS * (os.cpu_count() or 1)
    print(
        f"CPU seconds used of {available} available: "
        + ", ".join(f"{name} {value:.0f}" for name, value in cpu.items())
    )
    print(f"BENCH load_pg_download_rps {len(downloads) / SECONDS:.0f} req/s")
    print(f"BENCH load_pg_download_p95_ms {_p95(downloads):.1f} ms")
    print(f"BENCH load_save_p95_ms {_p95(saves):.1f} ms")
    print(f"BENCH load_table_page_p95_ms {_p95(pages):.1f} ms")
    print(f"BENCH load_pg_saves {len(saves)} saves")
    print(f"BENCH load_pg_errors {errors} errors")

    reports = list(Report.objects.filter(agency__name__startswith="压测")[: 2 * BULK_REPORTS])
    one = queue_throughput(env, reports[:BULK_REPORTS], 1)
    two = queue_throughput(env, reports[BULK_REPORTS:], 2)
    print(f"final PDFs through the queue: 1 worker {one:.2f}/s, 2 workers {two:.2f}/s")
    print(f"BENCH queue_pdf_per_s_1worker {one:.2f} reports/s")
    print(f"BENCH queue_pdf_per_s_2workers {two:.2f} reports/s")
    print(f"BENCH queue_pdf_2workers_speedup {two / one:.2f} x")
    print("targets: 0 errors, 200 downloads/s held, 2 workers >= 1.8x one")


if __name__ == "__main__":
    if "--inside" in sys.argv:
        inside()
