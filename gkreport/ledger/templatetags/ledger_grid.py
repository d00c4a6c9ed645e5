"""The rows of the ledger's grid, built here: a page holds 100 applications of 11 inputs
each, too many for the template engine's loops to draw quickly (as table 3's cells). What a
person typed is escaped; field names and codes are ours (ASCII)."""

import datetime

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from gkreport.ledger.fields import DATE, FIELDS, TEXT

register = template.Library()

TEXTAREAS = {"subject", "note"}


@register.simple_tag
def ledger_row(row, index, grid):
    """One application's row (and, under it, what is wrong with it). `grid`: the page's
    ledger words and findings (views.grid_words)."""
    entry = row.entry
    label = f"第{row.number}条" if row.number else "新增" if entry is None else "本条"
    if row.number:
        number = str(row.number)
    else:  # a new row, or one that moved to another page since it was typed
        number = f'<span class="text-muted">{"新" if entry is None else "—"}</span>'
    if entry is not None:
        version = escape(row.version or entry.version)
        number += f'<input type="hidden" name="{row.key}-v" value="{version}">'
    cells = [f'<td class="entry-number">{number}</td>']
    for column, field in enumerate(FIELDS):
        cells.append(_cell(row, field, index, column, label))
    cells.append(f'<td class="entry-state small">{_state(entry, grid)}</td>')
    if entry is not None:
        cells.append(
            f'<td class="entry-delete"><input type="checkbox" name="{row.key}-del" value="1" '
            f'class="form-check-input" aria-label="删除{label}"></td>'
        )
    else:
        cells.append("<td></td>")
    found = grid["findings"].get(entry.code.hex, []) if entry is not None else []
    classes = ["entry-row"]
    if row.errors or row.note:
        classes.append("has-refused")
    if any(f.severity == "error" for f in found):
        classes.append("has-error")
    elif found:
        classes.append("has-warning")
    anchor = f' id="entry-{entry.code.hex}"' if entry is not None else ""
    html = f'<tr{anchor} class="{" ".join(classes)}" data-key="{row.key}">{"".join(cells)}</tr>'
    notes = [f'<li class="text-danger">{escape(row.note)}</li>'] if row.note else []
    notes += [
        f'<li class="finding-{f.severity}" title="{escape(f.code)}">{escape(f.message)}</li>'
        for f in found
    ]
    if notes:
        html += (
            f'<tr class="entry-notes"><td></td><td colspan="{len(FIELDS) + 2}">'
            f'<ul class="small mb-0">{"".join(notes)}</ul></td></tr>'
        )
    return mark_safe(html)


@register.simple_tag
def ledger_new_row(grid):
    """The blank row ledger.js adds (a click on 添加一行, a paste longer than the page):
    __key__ and __row__ are replaced by the row's index and its place in the grid."""
    from gkreport.ledger.grid import Row

    row = Row("n-__key__", {field.name: "" for field in FIELDS})
    return ledger_row(row, "__row__", grid)


def _cell(row, field, index, column, label):
    name = f"{row.key}-{field.name}"
    value = escape(row.values.get(field.name, ""))
    error = row.errors.get(field.name)
    classes = "lcell form-control form-control-sm" + (" is-invalid" if error else "")
    common = (
        f'name="{name}" class="{classes}" data-row="{index}" data-col="{column}" '
        f'aria-label="{label} {field.label}" autocomplete="off"'
    )
    if error:
        common += f' title="{escape(error)}"'
    if field.name in TEXTAREAS:
        control = f'<textarea {common} rows="1">{value}</textarea>'
    else:
        choices = "" if field.kind in (TEXT, DATE) else f' list="ledger-list-{field.name}"'
        control = f'<input type="text" {common} value="{value}"{choices}>'
    feedback = f'<div class="invalid-feedback d-block">{escape(error)}</div>' if error else ""
    return f'<td class="f-{field.name} w-{field.width}">{control}{feedback}</td>'


def _state(entry, grid):
    if entry is None:
        return ""
    year = grid["year"]
    badges = []
    if entry.received_on < datetime.date(year, 1, 1):
        badges.append(f'<span class="badge text-bg-info">{escape(grid["carried_over"])}</span>')
    if entry.replied_on is None or entry.replied_on.year > year:
        badges.append('<span class="badge text-bg-light border">年底未办结</span>')
    return " ".join(badges)
