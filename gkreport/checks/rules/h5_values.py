"""H5: every cell holds a number ≥ 0 (counts whole); no cell is blank at submission.

A cell the importer could not read (`unread`) is not blank: it is not reported here.
"""

from gkreport.checks import messages
from gkreport.checks.findings import ERROR, Finding
from gkreport.checks.report import figure, raw_text, report_cells, unread_cells
from gkreport.lib.values import DELTA, read_value

BLANK = "H5.blank"  # a draft's blank cell is progress, not an error (see check_report)


def h5_values(report, ctx):
    fmt = ctx.fmt
    unread = unread_cells(report)
    findings = []
    for code in report_cells(report, fmt):
        if code in unread:
            continue
        cell = fmt.cell_map.get(code)
        if cell is None:  # a legacy cell (a 2019 row in a 2021 report)
            finding = _cell_finding(report, code, code, "count")
            part = fmt.table(code.split(".")[0]).part
        else:
            finding = _cell_finding(report, code, cell.label, cell.kind)
            part = fmt.table(cell.table).part
        if finding:
            key, message, note = finding
            findings.append(Finding(key, ERROR, (code,), message, part, note))
    return findings


def _cell_finding(report, code, label, kind):
    """(code, message, note) of the cell's finding, or None. The notes of typed text are
    what the browser says as it is typed: the reader's own words for a refused value."""
    value = figure(report, code)
    text = raw_text(report, code)
    if value is not None:
        if kind != DELTA and value < 0:
            return "H5.negative", messages.negative_cell(label, value), ""
        return None
    if not text.strip():
        return BLANK, messages.blank_cell(label), ""
    reading = read_value(text, kind)
    if reading.not_applicable:
        note = messages.cell_note("not_applicable")
        return "H5.not_applicable", messages.not_applicable_cell(label, text), note
    if reading.error:
        return "H5.invalid", messages.invalid_cell(label, reading.error), reading.error
    return None  # readable text whose figure the caller did not fill in: nothing to say
