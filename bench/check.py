"""Checking one report: the rules alone, and reading the text → dict → all rules, per seed."""

import statistics
import time
from pathlib import Path

from gkreport.checks import check_report
from gkreport.imports.text import read_text

SEEDS = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "seeds").glob("*.txt"))
REPEAT = 200
WARMUP = 20


def median_ms(function, repeat=REPEAT):
    for _ in range(WARMUP):
        function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run():
    rules_all, text_all = [], []
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        report = read_text(text).report
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
    print("targets: rules < 5 ms, text→dict→rules < 50 ms per report")
