"""Reading and checking a published report, per kind of file: web page, Word, PDF, text.

The corpus is the five seeds written out in each published layout (tests/data/published.py:
three kinds of web page and a .docx per seed; the PDF gkreport renders for each seed; the
seed texts). Each figure is the median, over the reports of its kind, of the median of
REPEAT runs of bytes → report dict → all rules. Targets: web page and .docx ≤ 50 ms,
PDF ≤ 300 ms.
"""

import statistics
import time
from pathlib import Path

from gkreport.checks import check_report
from gkreport.imports.files import read_report_bytes, read_report_file

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
