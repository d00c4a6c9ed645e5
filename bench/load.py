"""The public portal under load: gunicorn on 127.0.0.1, 32 concurrent clients on the same
machine, bounded in count and time. PDF downloads (stored bytes) and the list page."""

import http.client
import multiprocessing
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gkreport.public.models import PublishedVersion

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 32
PROCESSES = 4
DOWNLOADS = 4000
LIST_REQUESTS = 2000
TIME_LIMIT = 60  # seconds per phase, whatever the count


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _client(args):
    port, path, count, deadline = args
    latencies, errors, size = [], 0, 0
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(count):
        if time.time() > deadline:
            break
        start = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            if response.status != 200:
                errors += 1
            size = len(body)
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - start)
    connection.close()
    return latencies, errors, size


def _worker(args):
    port, path, count, deadline, threads = args
    from concurrent.futures import ThreadPoolExecutor

    per_thread = count // threads
    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(_client, [(port, path, per_thread, deadline)] * threads))
    latencies = [sample for r in results for sample in r[0]]
    return latencies, sum(r[1] for r in results), max(r[2] for r in results)


def phase(port, path, total):
    deadline = time.time() + TIME_LIMIT
    threads = CLIENTS // PROCESSES
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(PROCESSES) as pool:
        results = pool.map(
            _worker, [(port, path, total // PROCESSES, deadline, threads)] * PROCESSES
        )
    elapsed = time.perf_counter() - started
    latencies = sorted(sample for r in results for sample in r[0])
    errors = sum(r[1] for r in results)
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else 0,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000 if latencies else 0,
        "errors": errors,
        "bytes": max(r[2] for r in results),
    }


WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("GK p50_us=%d p95_us=%d requests=%d errors=%d non2xx=%d bytes=%d\\n",
    latency:percentile(50), latency:percentile(95), summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.bytes))
end
"""


def wrk_phase(port, path, seconds=15):
    """wrk (Debian's package) when installed: a C load generator leaves the CPU to the server."""
    import re
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    completed = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(CLIENTS),
            "-d",
            f"{seconds}s",
            "-s",
            script.name,
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
    )
    os.unlink(script.name)
    numbers = dict(re.findall(r"(\w+)=(\d+)", completed.stdout.split("GK", 1)[1]))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", completed.stdout).group(1))
    requests = int(numbers["requests"])
    return {
        "requests": requests,
        "rps": rps,
        "p50_ms": int(numbers["p50_us"]) / 1000,
        "p95_ms": int(numbers["p95_us"]) / 1000,
        "errors": int(numbers["errors"]) + int(numbers["non2xx"]),
        "bytes": int(numbers["bytes"]) // max(requests, 1),
    }


def gunicorn_command(port: int, *, workers: int, threads: int, extra=()) -> list[str]:
    """gunicorn with threaded workers (gthread) on 127.0.0.1, warnings only in its log."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "gkreport.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-k",
        "gthread",
        "-w",
        str(workers),
        "--threads",
        str(threads),
        "--log-level",
        "warning",
        *extra,
    ]


def wait_for(port, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def collect_static(env: dict, folder: Path) -> None:
    """Without DEBUG the pages name hashed static files: collect them, as `make serve` does."""
    env["STATIC_ROOT"] = str(folder)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )


def run():
    version = PublishedVersion.objects.filter(is_current=True).first()
    pdf_path = f"/public/agency/{version.agency_code}/{version.year}/report.pdf"
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "HTTPS": "0",  # plain HTTP on 127.0.0.1: no redirect to HTTPS
        "SECRET_KEY": "bench-only-secret-key-not-used-elsewhere",
    }
    collect_static(env, Path(tempfile.mkdtemp(prefix="gk-bench-static-")))
    server = subprocess.Popen(
        gunicorn_command(port, workers=3, threads=8, extra=("--keep-alive", "30")),
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(port)
        phase(port, pdf_path, 200)  # warm up the workers
        phase(port, "/public/", 200)
        if shutil.which("wrk"):
            generator = "wrk"
            downloads = wrk_phase(port, pdf_path)
            listing = wrk_phase(port, "/public/")
        else:
            generator = "Python threads in 4 processes (apt-get install wrk for a lighter one)"
            downloads = phase(port, pdf_path, DOWNLOADS)
            listing = phase(port, "/public/", LIST_REQUESTS)
        print(f"load generator: {generator}")
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(
        f"PDF downloads ({downloads['bytes'] // 1024} KB each), {CLIENTS} clients: "
        f"{downloads['rps']:.0f}/s, p50 {downloads['p50_ms']:.1f} ms, p95 {downloads['p95_ms']:.1f} ms, "
        f"{downloads['errors']} errors over {downloads['requests']} requests"
    )
    print(
        f"list page, {CLIENTS} clients: {listing['rps']:.0f}/s, p50 {listing['p50_ms']:.1f} ms, "
        f"p95 {listing['p95_ms']:.1f} ms, {listing['errors']} errors over {listing['requests']} requests"
    )
    print(f"BENCH load_download_rps {downloads['rps']:.0f} req/s")
    print(f"BENCH load_download_p95_ms {downloads['p95_ms']:.1f} ms")
    print(f"BENCH load_list_rps {listing['rps']:.0f} req/s")
    print(f"BENCH load_list_p50_ms {listing['p50_ms']:.1f} ms")
    print(f"BENCH load_list_p95_ms {listing['p95_ms']:.1f} ms")
    print(f"BENCH load_errors {downloads['errors'] + listing['errors']} errors")
    print("targets: >= 300 downloads/s, list p95 <= 50 ms, 0 errors")
