"""The seed-003 report as PDF: WeasyPrint cold and warm, bytes, pages, peak RSS, compared
with Debian's Chromium printing the same HTML the way people who choose Chromium run it:
one browser kept open, `page.pdf()` per document (Playwright). Warm WeasyPrint and warm
Chromium renders alternate in the same run so both meet the same machine load. Chromium
started anew for every document (`--print-to-pdf`) is reported too, as chromium_process_s.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seeds" / "003_b59b93e2e8dda449.txt"
WARM_RUNS = 9  # medians of this many renders each, after one warm-up render each
PROCESS_RUNS = 5
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-pdf-header-footer",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    match = re.search(r"Pages:\s+(\d+)", info)
    return int(match.group(1)) if match else 0


class WeasyPrintWorker:
    """bench/pdf_worker.py in its own process: one warm render per render() call."""

    def __init__(self):
        worker = ROOT / "bench" / "pdf_worker.py"
        self.process = subprocess.Popen(
            [sys.executable, str(worker), str(SEED)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.cold = self._answer()

    def _answer(self) -> dict:
        return json.loads(self.process.stdout.readline())

    def render(self) -> float:
        self.process.stdin.write("render\n")
        self.process.stdin.flush()
        return self._answer()["seconds"]

    def finish(self) -> float:
        """The worker's peak RSS in MB; the worker exits."""
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        rss = self._answer()["rss_mb"]
        self.process.wait(timeout=30)
        return rss


def local_html(html: str, folder: Path) -> Path:
    """The document with its static files and fonts as local files, for Chromium."""
    static = ROOT / "static"
    html = html.replace("https://gkreport.internal/static/", static.as_uri() + "/")
    html = html.replace(
        "https://gkreport.internal/fonts/", Path(settings.PDF_FONT_DIR).as_uri() + "/"
    )
    source = folder / "report.html"
    source.write_text(html, encoding="utf-8")
    return source


def chromium_process_s(source: Path, folder: Path) -> float:
    """Median seconds of `chromium --print-to-pdf`, a new browser process per document."""
    times = []
    out = folder / "process.pdf"
    for run in range(PROCESS_RUNS + 1):
        command = [
            CHROMIUM,
            *CHROMIUM_ARGS,
            f"--user-data-dir={folder / f'profile-{run}'}",
            f"--print-to-pdf={out}",
            source.as_uri(),
        ]
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, timeout=120, check=True)
        if run:  # the first run warms the disk cache
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved(worker: WeasyPrintWorker, source: Path, folder: Path) -> dict:
    """Warm WeasyPrint and warm Chromium (one browser, page.pdf) renders, alternating."""
    # Playwright's sync API runs its event loop in this thread; Django is not called meanwhile.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    weasy, chromium = [], []
    out = folder / "warm.pdf"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()

        def chromium_render() -> float:
            start = time.perf_counter()
            page.goto(source.as_uri(), wait_until="load")
            pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
            seconds = time.perf_counter() - start
            out.write_bytes(pdf)
            return seconds

        worker.render(), chromium_render()  # warm-up: caches, JIT, fonts
        for _ in range(WARM_RUNS):
            weasy.append(worker.render())
            chromium.append(chromium_render())
        browser.close()
    return {
        "pdf_warm_s": statistics.median(weasy),
        "chromium_warm_s": statistics.median(chromium),
        "chromium_bytes": out.stat().st_size,
        "chromium_pages": pages(out),
    }


def run():
    worker = WeasyPrintWorker()
    cold = worker.cold
    folder = Path(tempfile.mkdtemp(prefix="gkreport-chromium-"))
    try:
        if not Path(CHROMIUM).exists():
            print("Chromium not installed (apt-get install chromium): no comparison")
            figures = {"pdf_warm_s": statistics.median(worker.render() for _ in range(WARM_RUNS))}
            source = None
        else:
            source = local_html(cold["html"], folder)
            figures = interleaved(worker, source, folder)
        rss_mb = worker.finish()
        process_s = chromium_process_s(source, folder) if source else None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        subprocess.run(
            [sys.executable, "manage.py", "gk_render", str(SEED), "--out", handle.name, "--final"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        page_count = pages(Path(handle.name))
    warm = figures["pdf_warm_s"]
    print(
        f"WeasyPrint seed 003: cold {cold['cold_render_s']:.2f} s render "
        f"({cold['cold_process_s']:.2f} s with process start-up), warm {warm:.3f} s "
        f"(median of {WARM_RUNS}), {cold['bytes'] // 1024} KB, {page_count} pages, "
        f"peak RSS {rss_mb:.0f} MB"
    )
    print(f"BENCH pdf_cold_s {cold['cold_render_s']:.2f} s")
    print(f"BENCH pdf_cold_process_s {cold['cold_process_s']:.2f} s")
    print(f"BENCH pdf_warm_s {warm:.3f} s")
    print(f"BENCH pdf_bytes {cold['bytes']} bytes")
    print(f"BENCH pdf_draft_bytes {cold['draft_bytes']} bytes")
    print(f"BENCH pdf_pages {page_count} pages")
    print(f"BENCH pdf_rss_mb {rss_mb:.0f} MB")
    if source is None:
        return
    chromium = figures["chromium_warm_s"]
    print(
        f"Chromium, same HTML, one browser kept open (page.pdf): warm {chromium:.3f} s "
        f"(median of {WARM_RUNS}, interleaved), {figures['chromium_bytes'] // 1024} KB, "
        f"{figures['chromium_pages']} pages; a new process per document {process_s:.3f} s"
    )
    print(f"BENCH chromium_warm_s {chromium:.3f} s")
    print(f"BENCH chromium_process_s {process_s:.3f} s")
    print(f"BENCH chromium_bytes {figures['chromium_bytes']} bytes")
    print(f"BENCH pdf_vs_chromium_time_ratio {warm / chromium:.2f} x")
    print(f"BENCH pdf_vs_chromium_size_ratio {cold['bytes'] / figures['chromium_bytes']:.2f} x")
    print("targets: warm <= 0.6 x warm Chromium, <= 300 KB, peak RSS <= 150 MB")
