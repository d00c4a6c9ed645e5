"""The project's own JSON form of a report: what `gk_check --format json` prints and reads.

    {"year": 2023, "format": "2021", "agency": "…", "figures": {"t3.new_received.total": 125,
     "t2.fees.amount": "62544.3758", "t4.review.upheld": null, …}, "raw": {…},
     "sections": {"s1": "…", …}, "unplaced": […], "notes": […], "unread": […],
     "cells_total": 200, "cells_read": 185, "complete": false, "findings": […]}

Counts are JSON integers, amounts strings (exact decimals), blanks and unread cells null
(`unread` says which are which).
"""

import json
from decimal import Decimal

from gkreport.checks.findings import CheckResult
from gkreport.checks.report import report_format
from gkreport.imports.text import ImportError_, ImportResult
from gkreport.lib.values import format_value, read_value

KEYS = ("year", "format", "agency", "title", "signature", "date", "preamble")


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
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportError_(f"JSON格式错误（第{error.lineno}行第{error.colno}列）") from None
    if not isinstance(data, dict) or "figures" not in data or not isinstance(data["figures"], dict):
        raise ImportError_("不是本系统导出的报告JSON：缺少 figures")
    try:
        report_year = int(year if year is not None else data["year"])
    except (KeyError, TypeError, ValueError):
        raise ImportError_("报告JSON缺少有效的 year") from None
    report = {key: data.get(key) for key in KEYS if key in data}
    report["year"] = report_year
    fmt = report_format(report)
    report["format"] = fmt.version
    kinds = {cell.code: cell.kind for cell in fmt.cells}
    raw = {str(k): str(v) for k, v in (data.get("raw") or {}).items() if v is not None}
    for code, value in data["figures"].items():
        if code not in raw and value is not None:
            raw[code] = str(value)
    report["raw"] = raw
    report["figures"] = {
        code: read_value(text, kinds.get(code, "count")).value for code, text in raw.items()
    }
    sections = data.get("sections") or {}
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
    return ImportResult(
        report=report, unplaced=unplaced, notes=list(data.get("notes") or []), unread=unread
    )


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
