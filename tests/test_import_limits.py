"""The bounds on reading a report file: pages, characters, lines, listed items, and the child
process's CPU time, wall clock and memory (gkreport/imports/limits.py, files.py,
isolation.py). The hostile files themselves are tried through /check/ and gk_check."""

import subprocess
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
        read_isolated("txt_huge_table", Limits(memory_mb=50))


def test_the_cpu_limit_stops_pdftotext():
    with pytest.raises(ImportError_, match=r"^处理超时"):
        read_isolated("pdf_path_bomb", Limits(cpu_seconds=1, wall_seconds=60))


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
