"""H5: every cell holds a number ≥ 0 (counts whole); no cell is blank at submission."""

from gkreport.checks import messages
from gkreport.checks.findings import ERROR, Finding
from gkreport.checks.report import figure, present_legacy_cells, raw_text
from gkreport.lib.values import DELTA, read_value


def h5_values(report, ctx):
    fmt = ctx.fmt
    legacy = present_legacy_cells(report, fmt)
    covered = {code for replaced in legacy.values() for code in replaced}
    cells = [cell for cell in fmt.cells if cell.code not in covered]
    findings = []
    for cell in cells:
        finding = _cell_finding(report, cell.code, cell.label, cell.kind)
        if finding:
            findings.append(Finding(finding[0], ERROR, (cell.code,), finding[1], _part(fmt, cell)))
    for legacy_code in legacy:
        finding = _cell_finding(report, legacy_code, legacy_code, "count")
        if finding:
            findings.append(Finding(finding[0], ERROR, (legacy_code,), finding[1], "s3"))
    return findings


def _cell_finding(report, code, label, kind):
    value = figure(report, code)
    text = raw_text(report, code)
    if value is not None:
        if kind != DELTA and value < 0:
            return "H5.negative", messages.negative_cell(label, value)
        return None
    if not text.strip():
        return "H5.blank", messages.blank_cell(label)
    reading = read_value(text, kind)
    if reading.not_applicable:
        return "H5.not_applicable", messages.not_applicable_cell(label, text)
    if reading.error:
        return "H5.invalid", messages.invalid_cell(label, reading.error)
    return None  # readable text whose figure the caller did not fill in: nothing to say


def _part(fmt, cell):
    return fmt.table(cell.table).part
