"""The report laid out for print: the HTML preview and the PDF use this one context."""

import re
from dataclasses import replace
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from gkreport.checks.report import present_legacy_cells
from gkreport.formats import chart_blocks
from gkreport.formats.grid import table_grid, table_width
from gkreport.formats.model import Row
from gkreport.formats.narrative import INTRO
from gkreport.lib.values import format_value, read_value
from gkreport.printing.charts import outcome_chart, received_chart

SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
# A heading run into its paragraph, as many agencies type it: “（一）主动公开。正文……”. The
# heading is a few words up to the first 。 or ：, without a comma or a figure (a numbered
# sentence such as “（二）全年受理申请7件。” is not a heading).
RUN_IN = re.compile(
    r"^([（(][一二三四五六七八九十]+[)）][^，,；;。：:0-9０-９]{1,20}[。：:])(?=\S)"
)
# How else an agency numbers a heading it typed: 一、 1. 1、 （1）.
NUMBERING = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])"
)
SPACE = " \t\u00a0\u3000"


def _heading_shaped(line: str) -> bool:
    """Short, and no sentence inside: a heading may end with 。 but holds no 。，； before."""
    return len(line) <= 40 and not any(mark in line[:-1] for mark in "。，；")


def paragraphs(text: str) -> list[dict]:
    """Lines of a part as paragraphs, each as typed: a short line starting with （一） is a
    sub-heading; a heading run into its paragraph (“（一）主动公开。……”) is its `lead`; a
    chart's data kept by the agency prints a label and its figures a line (`chart`), without
    the markers or the editor's note."""
    result = []
    for line in chart_blocks.pieces(text):
        if isinstance(line, list):
            result.extend(
                {"text": row, "heading": False, "lead": "", "chart": True}
                for row in chart_blocks.rows(line)
            )
            continue
        line = line.strip(SPACE)
        if not line:
            continue
        run_in = RUN_IN.match(line)
        if run_in:
            lead = run_in.group(1)
            result.append({"text": line[len(lead) :], "heading": False, "lead": lead})
        else:
            heading = bool(SUB_HEADING.match(line)) and _heading_shaped(line)
            result.append({"text": line, "heading": heading, "lead": ""})
    return result


# What an agency adds after the official words of a heading: “依申请公开（政府信息）（办理）情况”.
HEADING_TAIL = re.compile(r"^(?:政府信息|信息|工作|办理|总体|建设|方面|情况|公开|的)*$")


def _names_subsection(line: str, sub) -> bool:
    """Whether a line is the sub-section's heading typed without its （一）: “主动公开政府信息
    情况”, “1.政府信息管理”, “平台建设” — the official words, alone, shortened or with the
    usual tail; not a sentence that holds them (“本年度无依申请公开”)."""
    if not _heading_shaped(line):
        return False
    words = NUMBERING.sub("", line).strip(SPACE + "。：:")
    if words.startswith(sub.title):
        return bool(HEADING_TAIL.match(words[len(sub.title) :]))
    return len(words) >= 3 and words in sub.title


def part_paragraphs(report, part) -> list[dict]:
    """A part as typed, piece by piece: each sub-section starts on its own line under its
    heading, the agency's own wording when it typed one, the official one when it left it
    out; an empty sub-section prints nothing."""
    pieces = report.narrative.get(part.key) or {}
    result = paragraphs(pieces.get(INTRO, ""))
    numbered = sorted((k for k in pieces if k != INTRO and k.isdigit()), key=int)
    for key in numbered:
        body = paragraphs(pieces[key])
        if not body:
            continue
        number = int(key)
        first = body[0]
        official = part.subsections[number - 1] if 0 < number <= len(part.subsections) else None
        if first["lead"] or SUB_HEADING.match(first["text"]):
            pass  # the agency numbered it: its own heading, whatever the words
        elif official and _names_subsection(first["text"], official):
            first["heading"] = True  # its own wording of the heading, printed as typed
        elif official:
            result.append({"text": official.heading, "heading": True, "lead": ""})
        result.extend(body)
    return result


def printed_value(text: str, kind: str) -> str:
    """A readable value in its canonical form; otherwise the text as entered; blank stays blank."""
    reading = read_value(text, kind)
    if reading.value is not None:
        return format_value(reading.value)
    return (text or "").strip()


def as_filled(report, table):
    """The table as the report fills it: where a 2021 report still uses the single 2019 row
    （六）其他处理 (S9), that row is printed in place of the three rows it stands for, so the
    printed figures are the agency's, and none is shown as blank."""
    # Which cells are filled is in the stored text: no need to read every value (as_check_dict)
    # for each of the three tables.
    legacy = present_legacy_cells({"raw": report.cells}, report.fmt)
    if not legacy:
        return table
    blocks = []
    for block in table.blocks:
        rows = list(block.rows)
        for row in block.legacy_rows:
            if not any(code.startswith(f"{table.key}.{row.key}.") for code in legacy):
                continue
            first = next(i for i, r in enumerate(rows) if r.key in row.replaces)
            groups = rows[first].groups[:-1]  # the legacy row sits where its group label was
            rows = [r for r in rows if r.key not in row.replaces]
            rows.insert(first, Row(row.key, row.label, groups=groups))
        blocks.append(replace(block, rows=tuple(rows)))
    return replace(table, blocks=tuple(blocks))


def table_rows(report, table):
    """The grid with printed values; the leading header rows apart, to repeat on each page."""
    table = as_filled(report, table)
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
    head = []
    for row in rows:
        if row["kind"] != "header":
            break
        head.append(row)
    return head, rows[len(head) :]


# Share of the width the label columns take, by how many there are; the value columns
# split the rest. Fixed widths also spare the layout engine measuring every cell.
LABEL_SHARE = {0: (), 1: (34,), 3: (6, 7, 24)}


def column_widths(table) -> list[float]:
    depth = max(block.label_depth for block in table.blocks)
    labels = LABEL_SHARE.get(depth) or tuple(40 / depth for _ in range(depth))
    values = table_width(table) - depth
    rest = (100 - sum(labels)) / values
    return [*labels, *([round(rest, 3)] * values)]


def _part_text(report, part, sections):
    if report.narrative.get(part.key):
        return part_paragraphs(report, part)
    return paragraphs(sections.get(part.key, ""))


def print_context(report, *, history=(), figures=None, for_pdf=False) -> dict:
    """history: (year, applications received) of the agency's reports, oldest first;
    figures: the report's figures when already read (a published snapshot's)."""
    fmt = report.fmt
    sections = report.sections()
    parts = []
    for part in fmt.parts:
        item = {"part": part, "paragraphs": _part_text(report, part, sections)}
        if part.table:
            table = fmt.table(part.table)
            item["table"] = table
            item["head"], item["rows"] = table_rows(report, table)
            item["columns"] = column_widths(table)
        # The charts go with the results they draw: table 3's part.
        if report.include_charts and part.key == fmt.part_of(fmt.key_cells.received):
            item["charts"] = [
                c for c in (outcome_chart(report, figures), received_chart(history)) if c
            ]
        parts.append(item)
    return {
        "report": report,
        "fmt": fmt,
        "doc_title": report.title or fmt.title(report.agency.name, report.year),
        "preamble": paragraphs(report.preamble),
        "parts": parts,
        "draft": report.status != report.Status.PUBLISHED,
        "fonts": font_faces() if for_pdf else [],
        "stacks": font_stacks(),
        "keywords": f"政府信息公开,年度报告,{report.year},{report.agency.name}",
        "created": timezone.now().isoformat(timespec="seconds"),
    }


FONT_FILES = (
    ("GKSerifSC-Regular.otf", "GK Serif SC", "normal"),
    ("GKSerifSC-Bold.otf", "GK Serif SC", "bold"),
    ("GKSansSC-Regular.otf", "GK Sans SC", "normal"),
)
GENERIC = {"heading": "sans-serif"}


def font_faces() -> list[dict]:
    """@font-face rules for the print fonts built at set-up (only those present)."""
    from gkreport.pdf import FONTS_PREFIX

    folder = Path(settings.PDF_FONT_DIR)
    return [
        {"family": family, "weight": weight, "url": FONTS_PREFIX + filename}
        for filename, family, weight in FONT_FILES
        if (folder / filename).exists()
    ]


def font_stacks() -> dict[str, str]:
    """The settings' font lists as CSS font-family values."""
    return {
        role: ", ".join(f'"{name}"' for name in names) + ", " + GENERIC.get(role, "serif")
        for role, names in settings.PDF_FONTS.items()
    }
