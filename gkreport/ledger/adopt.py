"""Table 3 from the ledger: what differs from the typed figures, and adopting the ledger's.

The typed figures never change by themselves: the ledger's are shown beside them (on the
table-3 page, under each cell that differs, and on the adopt page, cell by cell), and are
written only when the agency adopts them, through the table form's own save (the history
records each cell, the checks run again).
"""

from dataclasses import dataclass

from django.urls import reverse

from gkreport.formats.grid import table_grid
from gkreport.formats.ledger import ledger_terms
from gkreport.ledger.derive import LedgerState, ledger_state
from gkreport.lib.values import read_value
from gkreport.reports.labels import place_label

ADOPTED = "采用依申请公开台账的数字"


@dataclass(frozen=True)
class Difference:
    code: str
    label: str  # 表三 （一）予以公开 · 自然人
    typed: str  # as stored (blank: “”)
    value: int  # the ledger's


def differences(report, figures: dict[str, int]) -> list[Difference]:
    """Every cell of table 3 whose stored figure is not the ledger's, in the table's order.
    A typed “5件” that reads as 5 agrees with a ledger's 5: nothing to change there."""
    table = report.fmt.table(ledger_terms(report.fmt).table)
    found = []
    for cell in table.cells:
        typed = report.cells.get(cell.code, "") or ""
        if read_value(typed, cell.kind).value != figures[cell.code]:
            found.append(
                Difference(cell.code, place_label(report.fmt, cell.code), typed, figures[cell.code])
            )
    return found


def ledger_table(fmt) -> str:
    """The key of the table the ledger fills (its page's key)."""
    return ledger_terms(fmt).table


def beside_table(report) -> dict:
    """What the table-3 page shows of the ledger: how many applications, the ledger's
    figure of each cell that differs, its errors, and where to adopt or to keep it."""
    state = ledger_state(report.agency_id, report.year, report.fmt)
    found = differences(report, state.figures) if state.count else []
    return {
        "count": state.count,
        "differences": {d.code: d.value for d in found},
        "errors": len(state.result.errors),
        "url": reverse("ledger_adopt", args=[report.code]),
        "ledger_url": reverse("ledger", args=[report.agency.code, report.year]),
    }


def side_by_side(report, state: LedgerState, found: list[Difference]) -> list[dict]:
    """Table 3's official grid, each value cell with the typed figure and the ledger's."""
    table = report.fmt.table(ledger_terms(report.fmt).table)
    differing = {d.code for d in found}
    rows = []
    for grid_row in table_grid(table):
        cells = []
        for cell in grid_row.cells:
            item = {"cell": cell}
            if cell.kind == "value":
                item.update(
                    typed=report.cells.get(cell.code, ""),
                    ledger=state.figures[cell.code],
                    differs=cell.code in differing,
                )
            cells.append(item)
        rows.append({"kind": grid_row.kind, "cells": cells})
    return rows
