from datetime import date

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from gkreport.vocabulary import Status

register = template.Library()


@register.filter
def cell_id(code: str) -> str:
    """The HTML id of a cell's input: t3.granted.total → cell-t3-granted-total."""
    return "cell-" + str(code).replace(".", "-")


@register.simple_tag
def format_words(year=None) -> dict[str, str]:
    """The current (or a year's) format's words for the checks' prose: `carried_over`,
    `carried_forward`, `in_force`, and the table names by key (`t2` → 表二)."""
    from gkreport.formats import format_for_year

    return format_for_year(int(year) if year else date.today().year).words


@register.filter
def place(key, fmt) -> str:
    """A cell code, narrative piece or page key in the template's words (see labels)."""
    from gkreport.reports.labels import place_label

    return place_label(fmt, key)


SEVERITY_CLASS = {"error": "is-invalid", "warning": "is-warning", "involved": "is-involved"}


@register.simple_tag
def value_cell(item):
    """One input cell of a table page. Built here, not in a template loop: table 3 has 175
    of them and the template engine spent most of the page's time on them. Cell codes are
    format identifiers (ASCII); everything a person typed is escaped."""
    cell = item["cell"]
    severity = item["severity"]
    classes = "cell"
    if severity:
        classes += " " + SEVERITY_CLASS[severity]
    if item["prefilled"]:
        classes += " prefilled"
    notes = [str(e) for e in item["errors"]] + [f.message for f in item["findings"]]
    title = f' title="{escape(" ".join(notes))}"' if notes else ""
    live, told = _cell_notes(cell.code, item["findings"])
    extras = "".join(
        f'<div class="invalid-feedback d-block">{escape(e)}</div>' for e in item["errors"]
    )
    extras += "".join(
        f'<div class="cell-note small {NOTE_CLASS[severity]}">{escape(note)}</div>'
        for note, severity in told
    )
    if item["prefilled"]:
        extras += '<div class="small text-info">据上年报告预填</div>'
    if item["reference"]:
        extras += f'<div class="small text-muted">上年：{escape(item["reference"])}</div>'
    if item.get("ledger") is not None:
        extras += f'<div class="small ledger-figure">台账：{item["ledger"]}</div>'
    code = cell.code
    return mark_safe(
        f'<td colspan="{cell.colspan}" class="value-cell{" has-" + severity if severity else ""}">'
        f'<input type="text" inputmode="decimal" autocomplete="off" name="{code}" '
        f'id="{cell_id(code)}" value="{escape(item["value"])}" class="{classes}" '
        f'data-code="{code}" data-kind="{item["kind"]}" data-row="{item["row"]}" data-col="{item["col"]}" '
        f'data-column="{escape(item["column"])}" aria-label="{escape(item["label"])}"{title}>'
        f'<div class="computed small{" mismatch" if live else ""}" data-for="{code}">'
        f"{escape(live)}</div>{extras}</td>"
    )


NOTE_CLASS = {"error": "text-danger", "warning": "text-warning-emphasis"}


def _cell_notes(code, findings) -> tuple[str, list[tuple[str, str]]]:
    """The short words under a cell for the findings about it (it is their last cell: the
    total of a sum). Notes the browser works out too go where table.js writes its live ones,
    which replace them as soon as it runs; the others stay, with their severity."""
    primary = [f for f in findings if f.cells[-1] == code]
    live = "；".join(f.note for f in primary if f.note)
    told: dict[str, str] = {}  # one line per kind of finding, red if any of them is an error
    for finding in primary:
        if not finding.note and told.get(finding.short) != "error":
            told[finding.short] = finding.severity
    return live, list(told.items())


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def status_label(value):
    """draft → 草稿, for event logs that store the status key."""
    from gkreport.reports.models import Report

    try:
        return Report.Status(value).label
    except ValueError:
        return value or ""


@register.simple_tag
def dashboard_row(row, membership):
    """One agency's row on the office dashboard, built here: 2,000 rows through the template
    engine took most of the page's time. The link says 审核 where the member has something
    to do, 查看 where they can only read."""
    from django.urls import reverse

    report = row.report
    classes = ' class="table-danger"' if row.overdue else ""
    badge = ' <span class="badge text-bg-light border">只读</span>' if row.read_only else ""
    submitted = ""
    if report is not None and report.submitted_at:
        submitted = report.submitted_at.astimezone().strftime("%Y-%m-%d %H:%M")
    if row.overdue:
        days = f'<td class="text-danger fw-bold">逾期{-row.days_left}天</td>'
    elif row.late_days:
        days = f'<td class="text-danger fw-bold">逾期{row.late_days}天报送</td>'
    elif row.delivered and report.submitted_at:
        days = '<td class="text-muted">按时报送</td>'
    elif row.delivered:  # imported: published outside gkreport, never submitted here
        days = "<td>—</td>"
    else:
        days = f"<td>{row.days_left}</td>"
    errors = warnings = action = imported = ""
    if report is not None and report.imported_from:
        imported = ' <span class="badge text-bg-light border">导入</span>'
    if report is not None:
        errors = (
            f'<span class="text-danger fw-bold">{report.error_count}</span>'
            if report.error_count
            else "0"
        )
        warnings = str(report.warning_count)
        if report.status != Status.DRAFT:
            url = reverse("review", args=[report.code])
            if row.to_review(membership.role):
                action = f'<a class="btn btn-sm btn-outline-primary" href="{url}">审核</a>'
            else:
                action = f'<a class="btn btn-sm btn-outline-secondary" href="{url}">查看</a>'
    return mark_safe(
        f"<tr{classes}><td>{escape(row.agency.name)}{badge}</td>"
        f'<td class="small">{escape(row.agency.region.name)}</td>'
        f'<td>{escape(row.status_label)}{imported}</td><td class="small">{submitted}</td>'
        f'<td class="small">{row.due.isoformat()}</td>{days}'
        f"<td>{errors}</td><td>{warnings}</td><td>{action}</td></tr>"
    )
