"""The bounds on reading a report file: pages, characters, lines, listed items, and the child
process's CPU time, wall clock and memory (gkreport/imports/limits.py, files.py,
isolation.py). The hostile files themselves are tried through /check/ and gk_check."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from gkreport.imports import isolation
from gkreport.imports.files import MAX_LISTED, read_report_bytes
from gkreport.imports.limits import Limits
from gkreport.imports.text import ImportError_
from tests.hostile_files import SEED, build_pdf, corpus, page_content, report_lines

HOSTILE = {hostile.name: hostile for hostile in corpus()}


def test_a_pdf_of_as_many_pages_as_the_limit_is_read_one_more_is_refused():
    pdf = build_pdf([page_content(report_lines())], [0, 0, 0])
    assert read_report_bytes(pdf, limits=Limits(pages=3)).report["agency"] == "测试市测试局"
    longer = build_pdf([page_content(report_lines())], [0, 0, 0, 0])
    with pytest.raises(ImportError_, match=r"^PDF页数过多（超过3页）"):
        read_report_bytes(longer, limits=Limits(pages=3))


def test_the_character_limit_counts_characters_not_bytes():
    data = SEED.read_bytes()
    characters = len(data.decode())
    assert read_report_bytes(data, limits=Limits(characters=characters)).report["year"] == 2023
    with pytest.raises(ImportError_, match=rf"^文字过多（超过{characters - 1}字）"):
        read_report_bytes(data, limits=Limits(characters=characters - 1))


def test_the_longest_line_decides_the_line_limit():
    data = SEED.read_bytes()
    longest = max(len(line) for line in data.decode().splitlines())
    assert read_report_bytes(data, limits=Limits(line_characters=longest)).report["year"] == 2023
    with pytest.raises(ImportError_, match=rf"^有一行文字过长（超过{longest - 1}字）"):
        read_report_bytes(data, limits=Limits(line_characters=longest - 1))


def test_thousands_of_unplaced_cells_are_listed_up_to_a_count():
    result = read_report_bytes(HOSTILE["json_many_unknown_codes"].data)
    assert len(result.unplaced) == MAX_LISTED + 1
    assert result.unplaced[0]["text"] == "x0"
    assert result.unplaced[-1]["reason"] == f"另有{25_000 - MAX_LISTED}处未能读取的内容，未逐一列出"


def read_isolated(name, limits):
    return isolation.read_and_check(
        HOSTILE[name].data, year=None, limits=limits, max_bytes=10 * 1024 * 1024
    )


def test_a_reading_needing_more_memory_than_the_limit_is_refused():
    assert read_isolated("txt_long_real_report", Limits()).result.report["year"] == 2023
    with pytest.raises(ImportError_, match=r"读取所需内存超过上限（50MB）"):
        # Time enough that only memory can stop it (2 CPU seconds ran out first on a slow
        # machine, which is a refusal too, but not the one this test is about).
        read_isolated("txt_huge_table", Limits(memory_mb=50, cpu_seconds=30, wall_seconds=60))


def in_a_fresh_worker(code: str) -> list[str]:
    """Lines printed by `code` run in a process of its own, as the task worker is: one
    thread, so the reader forks (pytest's process may hold threads of earlier tests), and a
    heap without the free memory earlier tests left (a fork may use it)."""
    completed = subprocess.run(
        [sys.executable, "-c", FORKED_SETUP + code],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.splitlines()


FORKED_SETUP = """
import os, time
from gkreport.imports import isolation
from gkreport.imports.limits import Limits
from gkreport.imports.text import ImportError_
from tests.hostile_files import corpus

files = {hostile.name: hostile.data for hostile in corpus()}

def forked(name, **limits):
    try:
        return isolation.read_and_check_forked(
            files[name], year=None, limits=Limits(**limits), max_bytes=10 << 20
        )
    except ImportError_ as error:
        return str(error)
"""


def test_a_forked_reading_needing_more_memory_than_the_limit_is_refused():
    lines = in_a_fresh_worker(
        "print(forked('txt_long_real_report', memory_mb=20).result.report['year']);"
        "print(forked('txt_huge_table', memory_mb=20, cpu_seconds=30, wall_seconds=60))"
    )
    assert lines == ["2023", "文件过于复杂，读取所需内存超过上限（20MB），无法读取"]


def test_the_forked_reader_reads_and_checks_like_the_fresh_interpreter():
    fresh = read_isolated("txt_long_real_report", Limits())
    lines = in_a_fresh_worker(
        "checked = forked('txt_long_real_report');"
        "print(len(checked.result.report['raw']));"
        "print(sorted(f.code for f in checked.check.findings))"
    )
    assert lines == [
        str(len(fresh.result.report["raw"])),
        str(sorted(f.code for f in fresh.check.findings)),
    ]


def test_the_forked_reader_kills_its_child_and_pdftotext_at_the_deadline():
    lines = in_a_fresh_worker(
        "children = [];"
        "fork = os.fork;"
        "os.fork = lambda: children.append(fork()) or children[-1];"
        "print(forked('pdf_path_bomb', cpu_seconds=60, wall_seconds=2));"
        "print(children[0] if children[0] else '')"
    )
    assert lines[0].startswith("处理超时")
    child = int(lines[-1])
    deadline = time.monotonic() + 3
    while running_in_group(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running_in_group(child) == []


def test_the_cpu_limit_stops_pdftotext():
    with pytest.raises(ImportError_, match=r"^处理超时"):
        read_isolated("pdf_path_bomb", Limits(cpu_seconds=1, wall_seconds=60))
    forked = in_a_fresh_worker("print(forked('pdf_path_bomb', cpu_seconds=1, wall_seconds=60))")
    assert forked[0].startswith("处理超时")


def running_in_group(group: int) -> list[int]:
    """Processes of the process group that are still running (not zombies awaiting init)."""
    running = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        state, group_id = fields[0], int(fields[2])
        if group_id == group and state != "Z":
            running.append(int(stat.parent.name))
    return running


def test_the_wall_clock_kills_the_child_and_its_pdftotext(monkeypatch):
    started = []

    class Recorded(subprocess.Popen):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self.pid)

    monkeypatch.setattr(isolation.subprocess, "Popen", Recorded)
    with pytest.raises(ImportError_, match=r"^处理超时"):
        read_isolated("pdf_path_bomb", Limits(cpu_seconds=60, wall_seconds=2))
    (child,) = started
    # SIGKILL takes a moment to end a busy process; left running, pdftotext would go on
    # for ten seconds more
    deadline = time.monotonic() + 3
    while running_in_group(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running_in_group(child) == []
