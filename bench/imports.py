"""Reading and checking a published report, per kind of file: web page, Word, PDF, text.

The corpus is the five seeds written out in each published layout (tests/data/published.py:
three kinds of web page and a .docx per seed; the PDF gkreport renders for each seed; the
seed texts). Each figure is the median, over the reports of its kind, of the median of
REPEAT runs of bytes → report dict → all rules. Targets: web page and .docx ≤ 50 ms,
PDF ≤ 300 ms.

Then the narrative cleaning (gkreport/imports/prose.py) on hostile inputs: the slowest of
several one-megabyte single lines, and of several texts of 100,000 short lines (beyond what
the reading limits let through, so the real worst case is smaller), in CPU time, the limit
the reading is held to (a loaded machine does not inflate it). Target: ≤ 1 s each.
"""

import statistics
import time
from pathlib import Path

from gkreport.checks import check_report
from gkreport.imports.files import read_report_bytes, read_report_file
from gkreport.imports.prose import narrative_lines

SEEDS = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "seeds").glob("*.txt"))
REPEAT = 15
REPEAT_PDF = 9
WARMUP = 2


def corpus() -> dict[str, list[tuple[str, bytes]]]:
    from gkreport.pdf import html_to_pdf
    from gkreport.printing.rendering import report_html
    from gkreport.reports.importing import unsaved_report
    from tests.data import published

    kinds: dict[str, list[tuple[str, bytes]]] = {"html": [], "docx": [], "pdf": [], "text": []}
    for path in SEEDS:
        result = read_report_file(path)
        report = result.report
        for builder in (published.word_page, published.plain_page, published.layout_table_page):
            kinds["html"].append((f"{path.name[:3]}.html", builder(report)))
        kinds["docx"].append((f"{path.name[:3]}.docx", published.word_file(report)))
        pdf = html_to_pdf(report_html(unsaved_report(result), final=True))
        kinds["pdf"].append((f"{path.name[:3]}.pdf", pdf))
        kinds["text"].append((path.name, path.read_bytes()))
    return kinds


def median_ms(data: bytes, name: str, repeat: int) -> float:
    def once():
        check_report(read_report_bytes(data, name=name).report)

    for _ in range(WARMUP):
        once()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        once()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run():
    for kind, files in corpus().items():
        repeat = REPEAT_PDF if kind == "pdf" else REPEAT
        medians = [median_ms(data, name, repeat) for name, data in files]
        sizes = sorted(len(data) // 1024 for _, data in files)
        print(
            f"{kind}: {len(files)} reports of {sizes[0]}–{sizes[-1]} KB, "
            f"{repeat} runs each; slowest {max(medians):.1f} ms"
        )
        print(f"BENCH import_{kind}_ms {statistics.median(medians):.1f} ms")
    print("targets: html and docx ≤ 50 ms, pdf ≤ 300 ms per report (read + check)")
    hostile_prose()


MEGABYTE = 1_000_000
LONG_LINES = {
    "links": "<http://" * (MEGABYTE // 8),
    "unclosed link": "<http://" + "a" * MEGABYTE,
    "brackets": "〈" * MEGABYTE,
    "at signs": "<a@" * (MEGABYTE // 3),
    "commas": "关注热点，" * (MEGABYTE // 5),
    "items": "（一）" * (MEGABYTE // 3),
}
SHORT_LINES = {
    "figures": "1",
    "commas": "a，",
    "cut prose": "一是。又",
    "links": "<http://a.cn>",
    "items": "（一）a",
}


def hostile_prose():
    def slowest(texts):
        times = {}
        for name, lines in texts.items():
            start = time.process_time()
            narrative_lines(lines)
            times[name] = (time.process_time() - start) * 1000
        worst = max(times, key=times.get)
        return worst, times[worst]

    name, ms = slowest({name: [line] for name, line in LONG_LINES.items()})
    print(f"one line of 1 MB, {len(LONG_LINES)} kinds; slowest: {name}")
    print(f"BENCH import_prose_1mb_line_cpu_ms {ms:.0f} ms")
    name, ms = slowest({name: [line] * 100_000 for name, line in SHORT_LINES.items()})
    print(f"100,000 short lines, {len(SHORT_LINES)} kinds; slowest: {name}")
    print(f"BENCH import_prose_100k_lines_cpu_ms {ms:.0f} ms")
    print("target: ≤ 1000 ms of CPU each (linear in the text)")
