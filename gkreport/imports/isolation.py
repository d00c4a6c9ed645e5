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
import signal
import subprocess
import sys
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


def _limit_resources(limits: Limits) -> None:
    memory = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    # SIGXCPU at the soft limit ends the process; SIGKILL at the hard one, if it was caught
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file of a killed pdftotext


def _near_memory_limit(limits: Limits) -> bool:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return False
    for line in status.splitlines():
        if line.startswith("VmPeak:"):
            return int(line.split()[1]) >= 0.9 * limits.memory_mb * 1024
    return False


def main() -> None:
    options = json.loads(sys.argv[1])
    limits = Limits(**options["limits"])
    # The outcome goes out on a copy of stdout; anything else printed goes to stderr.
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    _limit_resources(limits)
    data = sys.stdin.buffer.read()
    try:
        result = files.read_report_bytes(
            data,
            year=options["year"],
            max_bytes=options["max_bytes"],
            limits=limits,
            name=options["name"],
        )
        outcome = ("read", result, check_report(result.report))
    except (ImportError_, UnknownFormat) as error:
        outcome = ("refused", str(error))
    except MemoryError:
        outcome = ("refused", limits.too_big())
    except Exception:
        # Out of address space inside C code does not always surface as MemoryError
        # (SystemError, a failed lxml or regex allocation): judge by the peak reached.
        if not _near_memory_limit(limits):
            raise
        outcome = ("refused", limits.too_big())
    channel.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    channel.close()


if __name__ == "__main__":
    main()
