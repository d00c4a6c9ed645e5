"""Hostile report files (tests/hostile_files.py) read and checked as the check page does it,
each in a fresh measuring process (bench/abuse_worker.py): the worst wall time and the peak
memory of the processing, the reading child and pdftotext included.

Targets: worst <= 5 s, peak <= 300 MB. The limits (settings.IMPORT_LIMITS) make them hold:
2 s of CPU for the child and for pdftotext each, 150 MB of address space each.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.hostile_files import corpus

ROOT = Path(__file__).resolve().parent.parent
WORKER = ROOT / "bench" / "abuse_worker.py"


def measure(path: Path) -> dict:
    completed = subprocess.run(
        [sys.executable, str(WORKER), str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(completed.stdout)


def run():
    worst_s = peak_mb = 0.0
    with tempfile.TemporaryDirectory(prefix="gkreport-abuse-") as folder:
        for hostile in corpus():
            path = Path(folder) / hostile.filename
            path.write_bytes(hostile.data)
            figures = measure(path)
            total_mb = figures["server_mb"] + figures["children_mb"]
            worst_s = max(worst_s, figures["seconds"])
            peak_mb = max(peak_mb, total_mb)
            print(
                f"{hostile.name} ({len(hostile.data) // 1024} KB): {figures['seconds']:.2f} s, "
                f"{total_mb:.0f} MB (server +{figures['server_mb']:.0f} MB, "
                f"{figures['processes']} child processes {figures['children_mb']:.0f} MB): "
                f"{figures['outcome'][:60]}"
            )
            path.unlink()
    print(f"BENCH abuse_upload_worst_s {worst_s:.2f} s")
    print(f"BENCH abuse_upload_peak_mb {peak_mb:.0f} MB")
    print("targets: worst <= 5 s, peak <= 300 MB")
