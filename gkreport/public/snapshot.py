"""The public snapshot: what publishing freezes of a report, and how the public side reads it.

Publishing (gkreport/reports/workflow.py) calls `build_snapshot` once, when it writes the
`PublishedVersion`; the version never changes afterwards. Layout (`SNAPSHOT_VERSION` 2):

    {
      "snapshot_version": 2,
      "agency": {"name", "code", "kind", "region" (the region path), "region_id"},
      "year": 2023,
      "format": "2021",
      "title", "preamble": text as typed,
      "narrative": {part key: {sub-section key: text}},
      "signature": text, "signed_on": "2024-01-20" or "",
      "include_charts": bool,
      "raw": {cell code: the cell's text as typed, never repaired (for the printed report)},
      "figures": {cell code: the value read from that text by the one value reader},
      "received": [[year, applications received], …] of the agency's reports up to this one,
                  oldest first, as the PDF's chart drew them ([] without charts),
    }

`figures` has every cell of the format, and a 2019-style legacy cell when the report filled
it: an integer for counts, a string for amounts (exact decimals, e.g. "62544.3758"), null for
a blank, a “/” or text that could not be read. Public pages, open data and statistics take
their numbers from `figures` (`snapshot_figures`), never from `raw`; the printed report
(`snapshot_report`) prints `raw` through the print templates, as the published PDF does.

Layout 1 snapshots (no "snapshot_version") have the other keys, a "sections" key that no
reader uses, and no "received": their page draws no chart of the years.
"""

import datetime
from decimal import Decimal

from gkreport.formats import get_format
from gkreport.lib.values import format_value, read_value
from gkreport.reports.models import Agency, Report

SNAPSHOT_VERSION = 2


def build_snapshot(report: Report) -> dict:
    """The snapshot of `report` as it is published now (see the module's docstring)."""
    from gkreport.printing.rendering import received_history

    agency = report.agency
    raw = dict(report.cells)
    return {
        "snapshot_version": SNAPSHOT_VERSION,
        "agency": {
            "name": agency.name,
            "code": str(agency.code),
            "kind": agency.kind,
            "region": agency.region.path,
            "region_id": agency.region_id,
        },
        "year": report.year,
        "format": report.format_version,
        "title": report.title,
        "preamble": report.preamble,
        "narrative": report.narrative,
        "signature": report.signature,
        "signed_on": str(report.signed_on or ""),
        "include_charts": report.include_charts,
        "raw": raw,
        "figures": {
            code: _json_figure(value) for code, value in _read_figures(report.fmt, raw).items()
        },
        "received": [list(row) for row in received_history(report)]
        if report.include_charts
        else [],
    }


def _read_figures(fmt, raw: dict) -> dict:
    """Every cell of the format, and the legacy cells filled, read by the one value reader."""
    kinds = {cell.code: cell.kind for cell in fmt.cells}
    kinds.update({code: "count" for code in fmt.legacy_cells if code in raw})
    return {code: read_value(raw.get(code, ""), kind).value for code, kind in kinds.items()}


def _json_figure(value):
    return format_value(value) if isinstance(value, Decimal) else value


def snapshot_figures(snapshot: dict) -> dict:
    """Cell code → int, Decimal or None: the figures frozen in a snapshot, for every reader."""
    figures = snapshot.get("figures")
    if figures is None:
        # A snapshot without figures (written before publishing froze them): read them from
        # its raw text here, with the same reader publishing uses; no other reader does.
        return _read_figures(get_format(snapshot["format"]), snapshot.get("raw", {}))
    return {code: Decimal(v) if isinstance(v, str) else v for code, v in figures.items()}


def snapshot_received(snapshot: dict) -> list[tuple[int, int]]:
    """(year, applications received) as frozen for the chart of the years."""
    return [(year, value) for year, value in snapshot.get("received", [])]


def snapshot_report(snapshot: dict) -> Report:
    """The frozen report as an unsaved model instance, for the print templates."""
    agency = snapshot["agency"]
    signed_on = snapshot.get("signed_on", "")
    return Report(
        agency=Agency(name=agency["name"], kind=agency["kind"]),
        year=snapshot["year"],
        format_version=snapshot["format"],
        title=snapshot.get("title", ""),
        preamble=snapshot.get("preamble", ""),
        narrative=snapshot.get("narrative", {}),
        cells=dict(snapshot.get("raw", {})),
        signature=snapshot.get("signature", ""),
        signed_on=datetime.date.fromisoformat(signed_on) if signed_on else None,
        include_charts=snapshot.get("include_charts", False),
        status=Report.Status.PUBLISHED,
    )
