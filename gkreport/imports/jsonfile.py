"""The project's own JSON form of a report: what `gk_check --format json` prints and reads.

    {"year": 2023, "format": "2021", "agency": "…", "figures": {"t3.new_received.total": 125,
     "t2.fees.amount": "62544.3758", "t4.review.upheld": null, …}, "raw": {…},
     "sections": {"s1": "…", …}, "unplaced": […], "notes": […], "unread": […],
     "cells_total": 200, "cells_read": 185, "complete": false, "findings": […]}

Counts are JSON integers, amounts strings (exact decimals), blanks and unread cells null
(`unread` says which are which).
"""

import json
import re
from decimal import Decimal

from gkreport.checks.findings import CheckResult
from gkreport.checks.report import report_format
from gkreport.imports.text import ImportError_, ImportResult
from gkreport.lib.values import format_value, read_value

KEYS = ("year", "format", "agency", "title", "signature", "date", "preamble")
MAX_DEPTH = 10  # an export nests four deep (findings → finding → cells)
MAX_DIGITS = 100  # of a JSON integer; a figure of more than 12 digits is an error the check shows
YEAR_TEXT = re.compile(r"\s*\d{4}\s*", re.ASCII)
# A string, closed or not (so that an unclosed one is not tried again from each of its
# characters), or a bracket.
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*+"?|[\[\]{}]', re.DOTALL)


def figures_for_json(report: dict) -> dict:
    fmt = report_format(report)
    figures = report.get("figures", {})
    codes = [cell.code for cell in fmt.cells] + [c for c in fmt.legacy_cells if c in figures]
    return {code: _json_number(figures.get(code)) for code in codes}


def _json_number(value):
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format_value(value)
    return value


def export_report(result: ImportResult, check: CheckResult) -> dict:
    report = result.report
    document = {key: report.get(key) for key in KEYS if key in report}
    document.update(
        {
            "figures": figures_for_json(report),
            "raw": dict(report.get("raw", {})),
            "sections": dict(report.get("sections", {})),
            "unplaced": list(result.unplaced),
            "notes": list(result.notes),
            "cells_total": check.cells_total,
            "cells_read": check.cells_read,
            "complete": check.complete,
            "unread": list(result.unread),
            "findings": [f.as_dict() for f in check.findings],
            "not_assessed": list(check.not_assessed),
            "not_assessed_unread": list(check.not_assessed_unread),
        }
    )
    return document


def read_json(text: str, *, year: int | None = None) -> ImportResult:
    """Read an export back. Anything but the documented types is refused with the key it
    concerns (docs/report-json.md); the file's size is bounded before (files.py)."""
    if _nesting(text) > MAX_DEPTH:
        raise ImportError_(f"JSON嵌套层数过多（超过{MAX_DEPTH}层），不是本系统导出的报告JSON")
    try:
        data = json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as error:
        raise ImportError_(f"JSON格式错误（第{error.lineno}行第{error.colno}列）") from None
    if not isinstance(data, dict) or "figures" not in data or not isinstance(data["figures"], dict):
        raise ImportError_("不是本系统导出的报告JSON：缺少 figures")
    report = {key: _text_field(data, key) for key in KEYS if key in data}
    report["year"] = year if year is not None else _year(data.get("year"))
    fmt = report_format(report)
    report["format"] = fmt.version
    kinds = {cell.code: cell.kind for cell in fmt.cells}
    raw = {str(k): str(v) for k, v in _mapping(data, "raw").items() if v is not None}
    for code, value in data["figures"].items():
        if not _is_value(value):
            raise ImportError_(f"报告JSON的 figures 中“{_short(code)}”的值应为数字、文字或null")
        if code not in raw and value is not None:
            raw[code] = str(value)
    report["raw"] = raw
    report["figures"] = {
        code: read_value(text, kinds.get(code, "count")).value for code, text in raw.items()
    }
    sections = _mapping(data, "sections")
    report["sections"] = {str(k): str(v or "") for k, v in sections.items()}
    unknown = [code for code in raw if code not in kinds and code not in fmt.legacy_cells]
    unplaced = [
        {"where": "figures", "text": code, "reason": "不是本格式的单元格代码"} for code in unknown
    ]
    for code in unknown:
        report["raw"].pop(code)
        report["figures"].pop(code)
    unread = _unread_rows(data.get("unread"), kinds, fmt)
    # A cell the original reading never found stays unread, not blank, when read back.
    report["unread"] = [
        code for row in unread for code in row["cells"] if code not in report["raw"]
    ]
    return ImportResult(report=report, unplaced=unplaced, notes=_notes(data), unread=unread)


def _unread_rows(rows, kinds, fmt) -> list[dict]:
    if not isinstance(rows, list):
        return []
    result = []
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("cells"), list):
            continue
        cells = [
            code
            for code in row["cells"]
            if isinstance(code, str) and (code in kinds or code in fmt.legacy_cells)
        ]
        if cells:
            result.append(
                {
                    "where": str(row.get("where") or ""),
                    "cells": cells,
                    "reason": str(row.get("reason") or ""),
                    "near": str(row.get("near") or ""),
                }
            )
    return result


def _nesting(text: str) -> int:
    """How deep arrays and objects nest, strings skipped; counted before parsing, because
    the parser recurses once per level (100,000 levels overflow it)."""
    depth = deepest = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                break
        elif token in ("]", "}"):
            depth -= 1
    return deepest


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise ImportError_(f"JSON中有位数过多的数字（超过{MAX_DIGITS}位）")
    return int(text)


def _year(value) -> int:
    if isinstance(value, str) and YEAR_TEXT.fullmatch(value):
        return int(value)
    if isinstance(value, float) and value.is_integer():  # 2023.0; never inf or nan
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return value
    raise ImportError_("报告JSON缺少有效的 year（四位数的年份）")


def _text_field(data: dict, key: str):
    value = data[key]
    if key == "year":
        return value  # read by _year
    if key == "format":
        if value is None or (isinstance(value, str | int) and len(str(value)) <= 10):
            return value
        raise ImportError_("报告JSON的 format 应为格式的年份，如“2021”")
    if value is not None and not isinstance(value, str):
        raise ImportError_(f"报告JSON的 {key} 应为文字")
    return value


def _is_value(value) -> bool:
    """A figure or raw text: a number, a string or null (not true/false, arrays or objects)."""
    return value is None or (isinstance(value, str | int | float) and not isinstance(value, bool))


def _mapping(data: dict, key: str) -> dict:
    """raw (cell code → text as printed) or sections (s1…s6 → text), checked entry by entry."""
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ImportError_(f'报告JSON的 {key} 应为对象（{{"代码": "文字", …}}）')
    for name, item in value.items():
        if key == "raw" and not _is_value(item):
            raise ImportError_(f"报告JSON的 raw 中“{_short(name)}”的值应为文字、数字或null")
        if key == "sections" and not (item is None or isinstance(item, str)):
            raise ImportError_(f"报告JSON的 sections 中“{_short(name)}”的值应为文字")
    return value


def _notes(data: dict) -> list[str]:
    notes = data.get("notes")
    if notes is None:
        return []
    if not isinstance(notes, list) or not all(isinstance(note, str) for note in notes):
        raise ImportError_("报告JSON的 notes 应为文字的列表")
    return list(notes)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"
