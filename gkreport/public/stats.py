"""Statistics of a region: totals per year and the shares of outcomes, from published data."""

from collections import defaultdict
from datetime import date

from gkreport.formats import format_for_year, get_format
from gkreport.formats.indicators import summary
from gkreport.printing.charts import bar_chart, outcome_groups, received_chart
from gkreport.public.snapshot import snapshot_figures


def _value(version, code):
    return version.frozen_figures.get(code) or 0


def region_statistics(versions) -> dict:
    """Totals per year (the format's trend cells) and, for the latest year, the shares of
    table 3's result groups and of table 4's outcomes, named as the format names them."""
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
            "values": [
                sum(_value(v, trend.code) for v in by_year[year])
                for trend in format_for_year(year).trend_cells
            ],
        }
        for year in years
    ]
    labels_from = format_for_year(years[-1] if years else date.today().year)
    result = {
        "years": years,
        "trend": trend,
        "trend_labels": [trend.label for trend in labels_from.trend_cells],
    }
    if not years:
        return result
    latest = years[-1]
    fmt = format_for_year(latest)
    outcomes: dict[str, int] = {}
    for version in by_year[latest]:
        version_fmt = get_format(version.snapshot["format"])
        for name, value in outcome_groups(version_fmt, version.frozen_figures):
            outcomes[name] = outcomes.get(name, 0) + value
    branches = {
        branch.key: [
            (
                label,
                sum(
                    _value(v, fmt.table4_cell(group, key))
                    for v in by_year[latest]
                    for group in branch.groups
                ),
            )
            for key, label in fmt.table4_outcomes
        ]
        for branch in fmt.table4_branches
    }
    received = [(row["year"], row["values"][0]) for row in trend]
    charts = [
        received_chart(received),
        bar_chart("outcomes", f"{latest}年度办理结果分布（件）", list(outcomes.items())),
        *(
            bar_chart(branch.key, f"{latest}年度{branch.label}结果（件）", branches[branch.key])
            for branch in fmt.table4_branches
        ),
    ]
    result.update(
        {
            "latest": latest,
            "charts": [c for c in charts if c],
            "tables": {"outcomes": list(outcomes.items()), **branches},
            "indicators": indicators(fmt, latest, by_year),
        }
    )
    return result


def indicators(fmt, year, by_year) -> dict:
    """公开率 and the 纠错率 of the year's published reports, against the year before."""
    this_year = [v.frozen_figures for v in by_year[year]]
    last_year = [v.frozen_figures for v in by_year.get(year - 1, ())]
    return summary(fmt, year, this_year, last_year, "本区域已公开的年报")
