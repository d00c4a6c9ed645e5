"""Checking one report: the rules alone, and reading the text → dict → all rules, per seed;
the rules with last year's report (another seed's text, so that S1/S2/S6/S11/S12 all work);
and one report whose parts are as long as the editor allows, against last year's."""

import statistics
import time
from pathlib import Path

from gkreport.checks import check_report
from gkreport.imports.text import read_text

SEEDS = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "seeds").glob("*.txt"))
REPEAT = 200
WARMUP = 20


def median_ms(function, repeat=REPEAT, warmup=WARMUP):
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run():
    rules_all, text_all, reports = [], [], []
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        report = read_text(text).report
        reports.append(report)
        rules = median_ms(lambda report=report: check_report(report))
        full = median_ms(lambda text=text: check_report(read_text(text).report))
        rules_all.append(rules)
        text_all.append(full)
        seed = path.name[:3]
        print(f"seed {seed}: rules {rules:.2f} ms, text→dict→rules {full:.2f} ms")
        print(f"BENCH check_rules_ms_{seed} {rules:.2f} ms")
        print(f"BENCH check_text_ms_{seed} {full:.2f} ms")
    print(f"BENCH check_rules_ms {statistics.median(rules_all):.2f} ms")
    print(f"BENCH check_rules_max_ms {max(rules_all):.2f} ms")
    print(f"BENCH check_text_ms {statistics.median(text_all):.2f} ms")
    print(f"BENCH check_text_max_ms {max(text_all):.2f} ms")
    with_previous(reports)
    longest_parts(reports[0])
    print("targets: rules < 5 ms, text→dict→rules < 50 ms per report")


def with_previous(reports):
    """Each seed checked with the next seed as its last year's report (different text)."""
    times = []
    for n, report in enumerate(reports):
        previous = {**reports[(n + 1) % len(reports)], "year": report["year"] - 1}
        times.append(median_ms(lambda r=report, p=previous: check_report(r, previous=p)))
    print(f"BENCH check_rules_previous_ms {statistics.median(times):.2f} ms")
    print(f"BENCH check_rules_previous_max_ms {max(times):.2f} ms")


def longest_parts(report):
    """Every narrative part 150,000 characters long (five sub-sections of the editor's 30,000),
    last year's parts the first 90,000 of them: what bounds S11 and S12 on hostile input.
    (Last year's text is not nearly identical, so S6 stops at its quick upper bound.)"""
    block = "".join(section for section in report["sections"].values())
    long = (block * (150000 // max(len(block), 1) + 1))[:150000]
    this_year = {**report, "sections": dict.fromkeys(report["sections"], long)}
    previous = {
        **report,
        "year": report["year"] - 1,
        "sections": dict.fromkeys(report["sections"], long[:90000]),
    }
    elapsed = median_ms(lambda: check_report(this_year, previous=previous), repeat=3, warmup=1)
    print(f"BENCH check_longest_parts_ms {elapsed:.0f} ms")
