"""The report laid out for print: the HTML preview and the PDF use this one context."""

import re

from gkreport.formats.grid import table_grid
from gkreport.lib.values import format_value, read_value

SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")


def paragraphs(text: str) -> list[dict]:
    """Lines of a part as paragraphs; a short line starting with （一） is a sub-heading."""
    result = []
    for line in (text or "").splitlines():
        line = line.strip(" \t\u00a0\u3000")
        if not line:
            continue
        heading = bool(SUB_HEADING.match(line)) and len(line) <= 40 and "。" not in line[:-1]
        result.append({"text": line, "heading": heading})
    return result


def printed_value(text: str, kind: str) -> str:
    """A readable value in its canonical form; otherwise the text as entered; blank stays blank."""
    reading = read_value(text, kind)
    if reading.value is not None:
        return format_value(reading.value)
    return (text or "").strip()


def table_rows(report, table):
    kinds = {cell.code: cell.kind for cell in table.cells}
    rows = []
    for grid_row in table_grid(table):
        cells = []
        for cell in grid_row.cells:
            text = cell.text
            if cell.kind == "value":
                text = printed_value(report.cells.get(cell.code, ""), kinds[cell.code])
            cells.append({"cell": cell, "text": text})
        rows.append({"kind": grid_row.kind, "cells": cells})
    return rows


def print_context(report) -> dict:
    fmt = report.fmt
    sections = report.sections()
    parts = []
    for part in fmt.parts:
        item = {"part": part, "paragraphs": paragraphs(sections.get(part.key, ""))}
        if part.table:
            table = fmt.table(part.table)
            item["table"] = table
            item["rows"] = table_rows(report, table)
        parts.append(item)
    return {
        "report": report,
        "fmt": fmt,
        "preamble": paragraphs(report.preamble),
        "parts": parts,
        "draft": report.status != report.Status.PUBLISHED,
    }
