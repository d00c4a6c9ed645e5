"""Reading and checking an untrusted report file in a child process with hard limits.

The child (`python -m gkreport.imports.isolation`) gets the file on stdin and its limits as
an argument; it caps its own address space and CPU time (pdftotext, its child, inherits
both), reads and checks the file, and sends the outcome back pickled on stdout. The parent
waits `limits.wall_seconds`, then kills the child's whole process group. A fresh
interpreter, not a fork: the server is threaded, and a forked copy would inherit its locks
and its memory. The pickle is safe to load: the child writes it from objects it built, the
uploaded bytes never reach the parent but as strings inside them.
"""

import json
import logging
import os
import pickle
import resource
import select
import signal
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import asdict
from pathlib import Path
from typing import NamedTuple

from gkreport.checks import check_report
from gkreport.checks.findings import CheckResult
from gkreport.formats import UnknownFormat
from gkreport.imports import files
from gkreport.imports.limits import Limits
from gkreport.imports.text import ImportError_, ImportResult

ROOT = Path(__file__).resolve().parents[2]  # holds the gkreport package the child imports
UNEXPECTED = "读取文件时发生意外错误，无法检查这个文件（已记入日志）"
logger = logging.getLogger(__name__)


class Checked(NamedTuple):
    result: ImportResult
    check: CheckResult


def read_and_check_file(path, *, year: int | None, limits: Limits) -> Checked:
    """gk_check's and gk_render's reading: the file is opened here, read in the child."""
    data = files.read_file_bytes(path, files.DEFAULT_MAX_BYTES)
    return read_and_check(
        data, year=year, limits=limits, max_bytes=files.DEFAULT_MAX_BYTES, name=Path(path).name
    )


def read_and_check(
    data: bytes, *, year: int | None, limits: Limits, max_bytes: int, name: str = ""
) -> Checked:
    """The reading and its check, or ImportError_ with the Chinese reason. `name` is the
    file's name, which tells a web page from a text when the content leaves it open."""
    options = {"year": year, "max_bytes": max_bytes, "limits": asdict(limits), "name": name}
    pythonpath = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    process = subprocess.Popen(
        [sys.executable, "-m", "gkreport.imports.isolation", json.dumps(options)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": pythonpath},
        start_new_session=True,  # its own process group, pdftotext included, for the kill
    )
    try:
        out, err = process.communicate(data, timeout=limits.wall_seconds)
    except subprocess.TimeoutExpired:
        raise ImportError_(limits.too_slow()) from None
    finally:
        if process.returncode is None:
            # Not reaped yet, so the group id is still the child's: pdftotext dies with it.
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    return _outcome(process.returncode, out, err, limits)


def read_and_check_forked(
    data: bytes, *, year: int | None, limits: Limits, max_bytes: int, name: str = ""
) -> Checked:
    """As read_and_check, in a forked child: a few milliseconds instead of a new interpreter,
    for a caller with one thread only (the task worker reading a batch). Forking a threaded
    process copies locks other threads hold, so a threaded caller gets read_and_check."""
    if threading.active_count() > 1:
        return read_and_check(data, year=year, limits=limits, max_bytes=max_bytes, name=name)
    options = {"year": year, "max_bytes": max_bytes, "name": name}
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, never touches the parent's connections
        status = 1
        try:
            os.close(read_end)
            os.setpgid(0, 0)  # its own process group, pdftotext included, for the kill
            memory_limit_kb = _limit_resources(limits, base_kb=_status_kb("VmSize"))
            outcome = _outcome_of(data, options, limits, memory_limit_kb)
            with os.fdopen(write_end, "wb") as channel:
                channel.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
            status = 0
        except BaseException:
            traceback.print_exc()  # the worker's log; the parent says UNEXPECTED
        finally:
            os._exit(status)
    os.close(write_end)
    out, timed_out = _read_until(read_end, time.monotonic() + limits.wall_seconds)
    if timed_out:
        _kill_group(pid)
    _, wait_status = os.waitpid(pid, 0)
    if timed_out:
        raise ImportError_(limits.too_slow())
    return _outcome(os.waitstatus_to_exitcode(wait_status), out, b"", limits)


def _read_until(fd: int, deadline: float) -> tuple[bytes, bool]:
    """Everything written to the pipe until the writer closes it, or (…, True) at the
    deadline."""
    chunks = []
    with os.fdopen(fd, "rb", buffering=0) as pipe:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([pipe], [], [], left)[0]:
                return b"".join(chunks), True
            chunk = pipe.read(1 << 16)
            if not chunk:
                return b"".join(chunks), False
            chunks.append(chunk)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _outcome(returncode: int, out: bytes, err: bytes, limits: Limits) -> Checked:
    if returncode == 0 and out:
        kind, *payload = pickle.loads(out)
        if kind == "refused":
            raise ImportError_(payload[0])
        return Checked(*payload)
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise ImportError_(limits.too_slow())
    if b"MemoryError" in err:
        raise ImportError_(limits.too_big())
    logger.error(
        "report reader exited with %s: %s", returncode, err[-4000:].decode(errors="replace")
    )
    raise ImportError_(UNEXPECTED)


def _limit_resources(limits: Limits, base_kb: int = 0) -> int:
    """Cap this process: `limits.memory_mb` of address space on top of `base_kb` (what a
    forked child already has mapped from its parent), and CPU time. Returns the cap in kB."""
    memory_kb = base_kb + limits.memory_mb * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory_kb * 1024, memory_kb * 1024))
    # SIGXCPU at the soft limit ends the process; SIGKILL at the hard one, if it was caught
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file of a killed pdftotext
    return memory_kb


def _status_kb(field: str) -> int:
    """A figure of /proc/self/status in kB (VmSize, VmPeak …); 0 where there is none."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _near_memory_limit(memory_limit_kb: int) -> bool:
    return _status_kb("VmPeak") >= 0.9 * memory_limit_kb


def _outcome_of(data: bytes, options: dict, limits: Limits, memory_limit_kb: int) -> tuple:
    """What the child sends back: ("read", result, check) or ("refused", reason)."""
    try:
        result = files.read_report_bytes(
            data,
            year=options["year"],
            max_bytes=options["max_bytes"],
            limits=limits,
            name=options["name"],
        )
        return ("read", result, check_report(result.report))
    except (ImportError_, UnknownFormat) as error:
        return ("refused", str(error))
    except MemoryError:
        return ("refused", limits.too_big())
    except Exception:
        # Out of address space inside C code does not always surface as MemoryError
        # (SystemError, a failed lxml or regex allocation): judge by the peak reached.
        if not _near_memory_limit(memory_limit_kb):
            raise
        return ("refused", limits.too_big())


def main() -> None:
    options = json.loads(sys.argv[1])
    limits = Limits(**options["limits"])
    # The outcome goes out on a copy of stdout; anything else printed goes to stderr.
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    memory_limit_kb = _limit_resources(limits)
    data = sys.stdin.buffer.read()
    outcome = _outcome_of(data, options, limits, memory_limit_kb)
    channel.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    channel.close()


if __name__ == "__main__":
    main()
