"""Plain report dicts for rule tests: a consistent 2021 report, then one change at a time."""

from decimal import Decimal

from gkreport.formats import FORMAT_2021
from gkreport.lib.values import format_value

T3 = FORMAT_2021.table("t3").blocks[0]
APPLICANTS = [leaf.key for leaf in T3.leaves if leaf.key != "total"]
ROWS = [row.key for row in T3.rows]
RESULT_ROWS = ROWS[ROWS.index("granted") : ROWS.index("total_processed")]

FEE_TEXT = "6 未收取信息处理费。"
S6_TEXT = "（一）收取信息处理费情况\n本年度未收取信息处理费。"


def build_report(
    results=None, carried_over=None, carried_forward=None, t4=None, t2=None, year=2023
):
    """A 2021-format report whose every identity holds.

    results: {applicant column: {result row: n}}; carried_over / carried_forward:
    {applicant column: n}; new_received is derived so that H1 holds.
    """
    results = results or {
        "natural": {"granted": 5, "unavailable_not_held": 2},
        "commercial": {"granted": 1},
    }
    carried_over = carried_over or {"natural": 1}
    carried_forward = carried_forward or {"natural": 2}
    figures = {}
    for col in APPLICANTS:
        column_results = results.get(col, {})
        for row in RESULT_ROWS:
            figures[f"t3.{row}.{col}"] = column_results.get(row, 0)
        processed = sum(column_results.values())
        figures[f"t3.total_processed.{col}"] = processed
        figures[f"t3.carried_over.{col}"] = carried_over.get(col, 0)
        figures[f"t3.carried_forward.{col}"] = carried_forward.get(col, 0)
        figures[f"t3.new_received.{col}"] = (
            processed + carried_forward.get(col, 0) - carried_over.get(col, 0)
        )
    for row in ROWS:
        figures[f"t3.{row}.total"] = sum(figures[f"t3.{row}.{col}"] for col in APPLICANTS)
    t4 = t4 or {
        "review": (1, 0, 1, 0),
        "litigation_direct": (0, 1, 0, 0),
        "litigation_after_review": (0, 0, 0, 0),
    }
    for group, parts in t4.items():
        for key, value in zip(("upheld", "corrected", "other", "pending"), parts, strict=True):
            figures[f"t4.{group}.{key}"] = value
        figures[f"t4.{group}.total"] = sum(parts)
    t2 = t2 or {
        "t2.regulations.issued": 0,
        "t2.regulations.repealed": 0,
        "t2.regulations.in_force": 0,
        "t2.normative_documents.issued": 3,
        "t2.normative_documents.repealed": 1,
        "t2.normative_documents.in_force": 20,
        "t2.licensing.decisions": 1200,
        "t2.penalty.decisions": 30,
        "t2.coercion.decisions": 2,
        "t2.fees.amount": Decimal("15.5"),
    }
    figures.update(t2)
    return {
        "year": year,
        "format": "2021",
        "agency": "测试市测试局",
        "figures": figures,
        "raw": {code: format_value(value) for code, value in figures.items()},
        "sections": {"s1": "", "s2": "", "s3": "", "s4": "", "s5": "", "s6": S6_TEXT},
    }


def changed(report, **cells):
    """A copy with some cells set; keys use __ for dots: t4__review__total=6."""
    figures = dict(report["figures"])
    raw = dict(report["raw"])
    for key, value in cells.items():
        code = key.replace("__", ".")
        figures[code] = value
        raw[code] = format_value(value) if value is not None else ""
    return {**report, "figures": figures, "raw": raw}


def with_raw(report, code, text, value):
    return {
        **report,
        "figures": {**report["figures"], code: value},
        "raw": {**report["raw"], code: text},
    }


def with_sections(report, **sections):
    return {**report, "sections": {**report["sections"], **sections}}


def application(received, replied=None, outcome=None, reason="", applicant="natural", **extra):
    """One application of a ledger dict (gkreport/checks/ledger.py); dates as “2024-03-05”.
    A replied application is granted unless told otherwise."""
    from datetime import date

    received_on = date.fromisoformat(received)
    replied_on = date.fromisoformat(replied) if replied else None
    if outcome is None:
        outcome = "granted" if replied_on else ""
    return {
        "received_on": received_on,
        "replied_on": replied_on,
        "extended": False,
        "outcome": outcome,
        "reason": reason,
        "applicant_type": applicant,
        **extra,
    }


def build_ledger(*applications, year=2024, version="2021"):
    """A ledger dict of these applications, numbered and identified in their order."""
    entries = [
        {"id": f"entry-{number}", "number": number, **entry}
        for number, entry in enumerate(applications, start=1)
    ]
    return {"year": year, "format": version, "entries": entries}
