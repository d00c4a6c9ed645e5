"""Statistics of a region: totals per year and the shares of outcomes, from published data."""

from collections import defaultdict

from gkreport.formats import get_format
from gkreport.public.snapshot import snapshot_figures
from gkreport.reports.charts import bar_chart, outcome_groups, received_chart

TREND_CELLS = (
    ("t3.new_received.total", "收到申请"),
    ("t3.total_processed.total", "办理完结"),
    ("t4.review.total", "行政复议"),
    ("t4.litigation_direct.total", "行政诉讼（直接起诉）"),
    ("t4.litigation_after_review.total", "行政诉讼（复议后起诉）"),
)
T4_OUTCOMES = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
)


def _value(version, code):
    return version.frozen_figures.get(code) or 0


def region_statistics(versions) -> dict:
    versions = list(versions)
    for version in versions:  # the numbers frozen at publication, read once per version
        version.frozen_figures = snapshot_figures(version.snapshot)
    by_year = defaultdict(list)
    for version in versions:
        by_year[version.year].append(version)
    years = sorted(by_year)
    trend = [
        {
            "year": year,
            "reports": len(by_year[year]),
            "values": [sum(_value(v, code) for v in by_year[year]) for code, _ in TREND_CELLS],
        }
        for year in years
    ]
    result = {"years": years, "trend": trend, "trend_labels": [label for _, label in TREND_CELLS]}
    if not years:
        return result
    latest = years[-1]
    outcomes: dict[str, int] = {}
    for version in by_year[latest]:
        fmt = get_format(version.snapshot["format"])
        for name, value in outcome_groups(fmt, version.frozen_figures):
            outcomes[name] = outcomes.get(name, 0) + value
    review = [
        (label, sum(_value(v, f"t4.review.{key}") for v in by_year[latest]))
        for key, label in T4_OUTCOMES
    ]
    litigation = [
        (
            label,
            sum(
                _value(v, f"t4.{group}.{key}")
                for v in by_year[latest]
                for group in ("litigation_direct", "litigation_after_review")
            ),
        )
        for key, label in T4_OUTCOMES
    ]
    received = [(row["year"], row["values"][0]) for row in trend]
    result.update(
        {
            "latest": latest,
            "charts": [
                c
                for c in (
                    received_chart(received),
                    bar_chart(
                        "outcomes", f"{latest}年度办理结果分布（件）", list(outcomes.items())
                    ),
                    bar_chart("review", f"{latest}年度行政复议结果（件）", review),
                    bar_chart("litigation", f"{latest}年度行政诉讼结果（件）", litigation),
                )
                if c
            ],
            "tables": {
                "outcomes": list(outcomes.items()),
                "review": review,
                "litigation": litigation,
            },
        }
    )
    return result
