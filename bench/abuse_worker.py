"""Run in a fresh process by bench/abuse_uploads.py: one file read and checked the way the
check page does it, with its wall time and memory, as JSON.

Memory is the sum of three peaks: this process's growth while it waits (the server's share:
the upload handed over, the result unpickled), and the peak RSS of each process below it (the
reading child and pdftotext). A process's peak (VmHWM) only grows, so sampling it every
millisecond misses at most the last millisecond of a process. Summing peaks that need not
have coincided gives an upper bound of the real peak. (ru_maxrss of the children cannot
serve: a child started with vfork is charged its parent's peak as well.)
"""

import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gkreport.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from gkreport.imports.isolation import read_and_check  # noqa: E402
from gkreport.imports.text import ImportError_  # noqa: E402

SAMPLE_SECONDS = 0.001
PARENT_MARK = os.path.basename(__file__).encode()


def status_kb(pid, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass  # the process has ended
    return 0


def descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        parent = stack.pop()
        try:
            with open(f"/proc/{parent}/task/{parent}/children") as children:
                kids = [int(kid) for kid in children.read().split()]
        except OSError:
            continue
        found.extend(kids)
        stack.extend(kids)
    return found


def runs_its_own_program(pid: int) -> bool:
    """Past its exec: until then a child forked with vfork shows its parent's memory (which it
    shares, and which the kernel also reports as the child's ru_maxrss)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return PARENT_MARK not in cmdline.read()
    except OSError:
        return False


class PeakSampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.peaks: dict[int, int] = {}
        self.done = threading.Event()

    def run(self):
        me = os.getpid()
        while not self.done.is_set():
            for pid in descendants(me):
                if runs_its_own_program(pid):
                    self.peaks[pid] = max(self.peaks.get(pid, 0), status_kb(pid, "VmHWM"))
            time.sleep(SAMPLE_SECONDS)


def reset_own_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")  # VmHWM back to the current RSS (Linux 4.0+)
    except OSError:
        pass  # then the growth below includes what came before: an overestimate


def main(path: str) -> None:
    with open(path, "rb") as handle:
        data = handle.read()
    reset_own_peak()
    baseline_kb = status_kb("self", "VmRSS")
    sampler = PeakSampler()
    sampler.start()
    started = time.perf_counter()
    try:
        checked = read_and_check(
            data,
            year=None,
            limits=settings.IMPORT_LIMITS,
            max_bytes=settings.MAX_UPLOAD_BYTES,
        )
        outcome = f"read: {checked.result.report.get('agency') or '（未识别机关）'}"
    except ImportError_ as error:
        outcome = f"refused: {error}"
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    growth_kb = max(0, status_kb("self", "VmHWM") - baseline_kb)
    children_kb = sum(sampler.peaks.values())
    print(
        json.dumps(
            {
                "seconds": seconds,
                "server_mb": growth_kb / 1024,
                "children_mb": children_kb / 1024,
                "processes": len(sampler.peaks),
                "outcome": outcome,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
