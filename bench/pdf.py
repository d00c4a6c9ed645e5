"""The seed-003 report as PDF: WeasyPrint cold and warm, bytes, pages, peak RSS, and the same
HTML printed by Debian's headless Chromium for comparison."""

import json
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
WARM_RUNS = 7
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


def weasyprint_figures():
    worker = ROOT / "bench" / "pdf_worker.py"
    completed = subprocess.run(
        [sys.executable, str(worker), str(SEED), "0"], capture_output=True, text=True, check=True
    )
    cold = json.loads(completed.stdout)
    completed = subprocess.run(
        [sys.executable, str(worker), str(SEED), str(WARM_RUNS)],
        capture_output=True,
        text=True,
        check=True,
    )
    return cold, json.loads(completed.stdout)


def chromium_figures(html: str):
    """Print the same document with Chromium, its static files and fonts as local files."""
    if not Path(CHROMIUM).exists():
        return None
    folder = Path(tempfile.mkdtemp(prefix="gkreport-chromium-"))
    static = ROOT / "static"
    html = html.replace("https://gkreport.internal/static/", static.as_uri() + "/")
    html = html.replace(
        "https://gkreport.internal/fonts/", Path(settings.PDF_FONT_DIR).as_uri() + "/"
    )
    source = folder / "report.html"
    source.write_text(html, encoding="utf-8")
    times = []
    out = folder / "report.pdf"
    for run in range(WARM_RUNS + 1):
        profile = folder / f"profile-{run}"
        command = [
            CHROMIUM,
            *CHROMIUM_ARGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={out}",
            source.as_uri(),
        ]
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, timeout=120, check=True)
        if run:  # the first run warms the disk cache
            times.append(time.perf_counter() - start)
    figures = {"warm_s": statistics.median(times), "bytes": out.stat().st_size, "pages": pages(out)}
    shutil.rmtree(folder, ignore_errors=True)
    return figures


def run():
    cold, warm = weasyprint_figures()
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        subprocess.run(
            [sys.executable, "manage.py", "gk_render", str(SEED), "--out", handle.name, "--final"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        page_count = pages(Path(handle.name))
    print(
        f"WeasyPrint seed 003: cold {cold['cold_render_s']:.2f} s render "
        f"({cold['cold_process_s']:.2f} s with process start-up), warm {warm['warm_s']:.3f} s "
        f"(median of {WARM_RUNS}), {warm['bytes'] // 1024} KB, {page_count} pages, "
        f"peak RSS {warm['rss_mb']:.0f} MB"
    )
    print(f"BENCH pdf_cold_s {cold['cold_render_s']:.2f} s")
    print(f"BENCH pdf_cold_process_s {cold['cold_process_s']:.2f} s")
    print(f"BENCH pdf_warm_s {warm['warm_s']:.3f} s")
    print(f"BENCH pdf_bytes {warm['bytes']} bytes")
    print(f"BENCH pdf_pages {page_count} pages")
    print(f"BENCH pdf_rss_mb {warm['rss_mb']:.0f} MB")
    chromium = chromium_figures(warm["html"])
    if chromium is None:
        print("Chromium not installed (apt-get install chromium): no comparison")
        return
    print(
        f"Chromium, same HTML: warm {chromium['warm_s']:.3f} s, {chromium['bytes'] // 1024} KB, "
        f"{chromium['pages']} pages"
    )
    print(f"BENCH chromium_warm_s {chromium['warm_s']:.3f} s")
    print(f"BENCH chromium_bytes {chromium['bytes']} bytes")
    print(f"BENCH pdf_vs_chromium_time_ratio {warm['warm_s'] / chromium['warm_s']:.2f} x")
    print(f"BENCH pdf_vs_chromium_size_ratio {warm['bytes'] / chromium['bytes']:.2f} x")
    print("targets: warm <= 0.30 s, <= 300 KB, peak RSS <= 150 MB")
