"""The plain report dict that every rule reads, and small accessors over it.

    {
        "year": 2023,
        "format": "2021",
        "agency": "聊城市茌平区人民政府",
        "figures": {"t3.new_received.total": 125, "t2.fees.amount": Decimal("62544.3758"), …},
        "raw": {"t2.fees.amount": "62,544.3758", …},   # the text as typed or imported
        "sections": {"s1": "…", …, "s6": "…"},
        "unread": ["t3.granted.natural", …],   # imports only: cells the reader could not place
    }

A figure is an int (counts), a Decimal (amounts) or None (blank, “/” or unreadable: the
raw text says which). A cell listed in `unread` was never found in the file: it is neither
blank nor wrong, so no rule reports it and an identity that needs it is not assessed. A
stored draft has no `unread`: there an empty cell is blank. Rules never change the dict.
"""

from gkreport.formats import Format, format_for_year, get_format


def report_format(report: dict) -> Format:
    version = report.get("format")
    return get_format(version) if version else format_for_year(int(report["year"]))


def figure(report: dict, code: str):
    return report.get("figures", {}).get(code)


def raw_text(report: dict, code: str) -> str:
    return report.get("raw", {}).get(code) or ""


def section(report: dict, key: str) -> str:
    return report.get("sections", {}).get(key) or ""


def narrative(report: dict) -> str:
    return "\n".join(section(report, key) for key in report_format(report).part_keys)


def present_legacy_cells(report: dict, fmt: Format) -> dict[str, tuple[str, ...]]:
    """Legacy cells (a 2019 row in a 2021 report) that the report actually fills."""
    figures = report.get("figures", {})
    raw = report.get("raw", {})
    return {
        legacy: replaced
        for legacy, replaced in fmt.legacy_cells.items()
        if (figures.get(legacy) is not None or raw.get(legacy))
        and all(figures.get(code) is None and not raw.get(code) for code in replaced)
    }


def printed_legacy_cells(report: dict, fmt: Format) -> list[str]:
    """Legacy cells the report fills, whether or not the rows they stand for are filled too."""
    figures = report.get("figures", {})
    raw = report.get("raw", {})
    return [c for c in fmt.legacy_cells if figures.get(c) is not None or raw.get(c)]


def unread_cells(report: dict) -> frozenset[str]:
    return frozenset(report.get("unread") or ())


def report_cells(report: dict, fmt: Format) -> list[str]:
    """The cells this report is made of: the format's, with a legacy row that the report
    uses in place of the rows it stands for."""
    legacy = present_legacy_cells(report, fmt)
    covered = {code for replaced in legacy.values() for code in replaced}
    return [cell.code for cell in fmt.cells if cell.code not in covered] + list(legacy)
