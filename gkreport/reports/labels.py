"""How the staff pages name a place in a report: in the template's words, never by our codes.

A cell code (t3.total_processed.natural) → “表三 （七）总计 · 自然人”; a narrative piece
(s1.1) → “一、总体情况 （一）主动公开”; a page key (t3) → the part's heading; a sum the
checks verify (H1.natural) → its title, “表三 自然人列”. The codes stay in exports and in a
`title` tooltip.
"""

from gkreport.formats.model import Format
from gkreport.formats.narrative import INTRO

INFO_FIELDS = {
    "title": "标题",
    "preamble": "引言",
    "signature": "落款机关",
    "signed_on": "成文日期",
}


def place_label(fmt: Format, key: str) -> str:
    key = str(key or "")
    if key in INFO_FIELDS:
        return INFO_FIELDS[key]
    if key == "info":
        return "基本信息"
    cell = fmt.cell_map.get(key)
    if cell is not None:
        # The column apart from the row: row labels run long (“（二）部分公开（区分处理的，…）”).
        return f"{cell.table_name} {cell.row_label} · {cell.column_label}"
    identity = next((i for i in fmt.identities if i.code == key), None)
    if identity is not None:
        return identity.title
    head, _, rest = key.partition(".")
    part = next((p for p in fmt.parts if head in (p.key, p.table)), None)
    if part is None:
        return key
    if not rest:
        return part.heading
    if rest == INTRO:
        return f"{part.heading} 开头"
    if rest.isdigit() and 0 < int(rest) <= len(part.subsections):
        return f"{part.heading} {part.subsections[int(rest) - 1].heading}"
    table = next((t for t in fmt.tables if t.key == head), None)
    return _legacy_label(table, rest) if table else part.heading


def _legacy_label(table, rest: str) -> str:
    """A cell of a row of the older format (S9): the row as that format named it."""
    row, _, column = rest.partition(".")
    for block in table.blocks:
        legacy = next((r for r in block.legacy_rows if r.key == row), None)
        leaf = next((c for c in block.leaves if c.key == column), None)
        if legacy is not None and leaf is not None:
            return f"{table.name} {legacy.label} · {leaf.label}"
    return table.name
