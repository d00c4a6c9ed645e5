"""Open data: one report's cells, and a year's table of all agencies of a region with sums."""

import csv
import io
import json
import math
from decimal import Decimal
from unicodedata import east_asian_width

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from gkreport.formats import get_format
from gkreport.lib.spreadsheet import safe_row
from gkreport.public.snapshot import snapshot_figures

BOM = "\ufeff"  # so that Excel opens the CSV as UTF-8
CELL_HEADERS = ("code", "table", "block", "row", "column", "value", "as_printed")
CELL_HEADERS_ZH = ("单元格代码", "表", "栏目", "行", "列", "数值", "原文")


def cell_rows(snapshot: dict) -> list[dict]:
    """Each cell of the format: its value as frozen in the snapshot's figures, and its text."""
    fmt = get_format(snapshot["format"])
    raw = snapshot.get("raw", {})
    figures = snapshot_figures(snapshot)
    rows = []
    for cell in fmt.cells:
        value = figures.get(cell.code)
        rows.append(
            {
                "code": cell.code,
                "table": cell.table_name,
                "block": cell.block_heading or "",
                "row": cell.row_label,
                "column": cell.column_label,
                "value": _plain(value),
                "as_printed": raw.get(cell.code, ""),
            }
        )
    return rows


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    return value


def report_csv(snapshot: dict) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CELL_HEADERS_ZH)
    for row in cell_rows(snapshot):
        writer.writerow(safe_row("" if row[h] is None else row[h] for h in CELL_HEADERS))
    return (BOM + buffer.getvalue()).encode("utf-8")


def report_json(snapshot: dict, version) -> bytes:
    document = {
        "agency": snapshot["agency"]["name"],
        "region": snapshot["agency"]["region"],
        "year": snapshot["year"],
        "format": snapshot["format"],
        "version": version.number,
        "published_at": version.published_at.isoformat(),
        "pdf_sha256": version.sha256,
        "cells": cell_rows(snapshot),
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def region_table(versions, year: int):
    """(columns, rows, sums): one row per agency, one column per cell; sums of additive cells."""
    versions = list(versions)
    if not versions:
        return [], [], {}
    fmt = get_format(versions[0].snapshot["format"])
    cells = fmt.cells
    rows = []
    sums = {cell.code: 0 for cell in cells if cell.additive}
    complete = {cell.code: True for cell in cells}
    for version in versions:
        figures = snapshot_figures(version.snapshot)
        values = {}
        for cell in cells:
            value = figures.get(cell.code)
            values[cell.code] = value
            if value is None:
                complete[cell.code] = False
            elif cell.additive:
                sums[cell.code] += value
        rows.append(
            {"agency": version.agency_name, "region": version.region_path, "values": values}
        )
    # A sum over agencies one of which left the cell blank would be a guess: left empty.
    sums = {code: (total if complete[code] else None) for code, total in sums.items()}
    return cells, rows, sums


def region_csv(cells, rows, sums) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(["机关", "区域", *[c.code for c in cells]]))
    writer.writerow(safe_row(["", "", *[c.label for c in cells]]))
    for row in rows:
        writer.writerow(
            safe_row([row["agency"], row["region"], *[_csv(row["values"][c.code]) for c in cells]])
        )
    writer.writerow(["合计", "", *[_csv(sums.get(c.code)) for c in cells]])
    return (BOM + buffer.getvalue()).encode("utf-8")


def _csv(value):
    return "" if value is None else str(value)


def region_json(cells, rows, sums, year, region) -> bytes:
    document = {
        "year": year,
        "region": region,
        "columns": [
            {
                "code": c.code,
                "table": c.table_name,
                "row": c.row_label,
                "column": c.column_label,
                "additive": c.additive,
            }
            for c in cells
        ],
        "agencies": [
            {
                "agency": r["agency"],
                "region": r["region"],
                "values": {code: _plain(v) for code, v in r["values"].items()},
            }
            for r in rows
        ],
        "sums": {code: _plain(v) for code, v in sums.items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


BOLD = Font(bold=True)
NAME_WIDTH, REGION_WIDTH, VALUE_WIDTH = 32, 20, 16  # in widths of a digit; a CJK char is 2


def region_xlsx(cells, rows, sums, title) -> bytes:
    """The region's table for people: the Chinese headers in the first row, frozen below
    them and right of the agency's name so that both stay in view while scrolling, and the
    cell codes, which programs want, on a second sheet (代码) instead of above the data."""
    book = Workbook()
    book.properties.title = title
    sheet = book.active
    sheet.title = "数据"
    sheet.oddHeader.center.text = title  # printed at the top of every page
    headers = ["机关", "区域", *[c.label for c in cells]]
    sheet.append(safe_row(headers))
    for row in rows:
        values = [_xlsx(row["values"][c.code]) for c in cells]
        sheet.append(safe_row([row["agency"], row["region"], *values]))
    sheet.append(["合计", "", *[_xlsx(sums.get(c.code)) for c in cells]])
    _style_region_sheet(sheet, headers)
    codes = book.create_sheet("代码")
    codes.append(["列", "表头", "代码"])
    keys = ["agency", "region", *[c.code for c in cells]]
    for index, (header, key) in enumerate(zip(headers, keys, strict=True), start=1):
        codes.append([get_column_letter(index), header, key])
    for cell in codes[1]:
        cell.font = BOLD
    codes.freeze_panes = "A2"
    for column, width in (("A", 6), ("B", 60), ("C", 44)):
        codes.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _style_region_sheet(sheet, headers):
    for cell in sheet[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[sheet.max_row]:  # 合计
        cell.font = BOLD
    sheet.freeze_panes = "B2"
    widths = [NAME_WIDTH, REGION_WIDTH, *[VALUE_WIDTH] * (len(headers) - 2)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    # Excel does not grow a row for wrapped text by itself: as many lines as the longest
    # header needs at its column's width (a CJK character is two digits wide).
    lines = max(
        math.ceil(
            sum(2 if east_asian_width(char) in ("W", "F") else 1 for char in text) / (width - 1)
        )
        for text, width in zip(headers, widths, strict=True)
    )
    sheet.row_dimensions[1].height = 15 * lines


def _xlsx(value):
    return float(value) if isinstance(value, Decimal) else value
