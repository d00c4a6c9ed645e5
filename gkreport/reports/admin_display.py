"""The admin's read-only views of stored JSON (a report's content, an event's changes, a
submission's or publication's snapshot, an import log), in the template's words.

Administrators read these too: each place is named by `labels.place_label` (“表三 （一）予以公开
· 自然人”), a warning's explanation by what the warning is about, with the code only in a
`title` tooltip. Editable JSON stays a form field (that is data being edited, not read).
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from gkreport.checks.messages import kind
from gkreport.formats.narrative import INTRO
from gkreport.reports.labels import INFO_FIELDS, place_label

EMPTY = "（空）"


def _rows(rows) -> str:
    """rows: (code, label, value) → a two-column table, the code as the label's tooltip."""
    rows = list(rows)
    if not rows:
        return EMPTY
    body = format_html_join("", '<tr><th title="{}">{}</th><td>{}</td></tr>', rows)
    return format_html('<table class="admin-words">{}</table>', body)


def cells_html(fmt, cells: dict) -> str:
    """{cell code: text} in the format's order, every cell by its label."""
    order = {cell.code: index for index, cell in enumerate(fmt.cells)}
    codes = sorted(cells, key=lambda code: (order.get(code, len(order)), code))
    return _rows((code, place_label(fmt, code), cells[code]) for code in codes)


def narrative_html(fmt, narrative: dict) -> str:
    """{part key: {piece key: text}} as headed pieces, in the template's order."""
    rows = []
    for part in fmt.parts:
        pieces = narrative.get(part.key) or {}
        keys = sorted(pieces, key=lambda k: (k != INTRO, int(k) if k.isdigit() else 0, k))
        for key in keys:
            if pieces[key]:
                code = f"{part.key}.{key}"
                rows.append((code, place_label(fmt, code), pieces[key]))
    return _rows(rows)


def explanations_html(explanations: dict) -> str:
    """{finding code: the agency's explanation}, each by what its warning is about."""
    return _rows((code, kind(code), text) for code, text in sorted(explanations.items()))


def places_html(fmt, codes) -> str:
    """A list of places (the prefilled cells), by their labels."""
    if not codes:
        return EMPTY
    items = format_html_join(
        "、", '<span title="{}">{}</span>', ((c, place_label(fmt, c)) for c in codes)
    )
    return mark_safe(items)


def changes_html(fmt, changes: dict) -> str:
    """An edit event's {place: [old, new]}."""
    return _rows(
        (code, place_label(fmt, code), f"{old or EMPTY} → {new or EMPTY}")
        for code, (old, new) in changes.items()
    )


def content_html(fmt, content: dict | None) -> str:
    """A snapshot of a report's content (submission or publication), field by field."""
    if not content:
        return EMPTY
    info = [
        (field, label, content[field]) for field, label in INFO_FIELDS.items() if content.get(field)
    ]
    parts = [("", _rows(info))]
    if content.get("narrative"):
        parts.append(("正文", narrative_html(fmt, content["narrative"])))
    cells = content.get("raw") or content.get("cells")
    if cells:
        parts.append(("统计表", cells_html(fmt, cells)))
    if content.get("explanations"):
        parts.append(("警告说明", explanations_html(content["explanations"])))
    return format_html_join("", "<h4>{}</h4>{}", parts)


def import_log_html(log: dict) -> str:
    """What reading an imported file left unplaced or unread, and the reader's notes."""
    if not log:
        return EMPTY
    lines = [
        (u.get("where", ""), u.get("text", ""), u.get("reason", ""))
        for u in log.get("unplaced", [])
    ]
    lines += [
        (u.get("where", ""), f"{len(u.get('cells', []))}格未能读取", u.get("reason", ""))
        for u in log.get("unread", [])
    ]
    lines += [("", note, "") for note in log.get("notes", [])]
    if not lines:
        return EMPTY
    return format_html_join(mark_safe("<br>"), "{} {} {}", lines)
