"""How the staff pages name a place in a report: in the template's words, never by our codes.

A cell code (t3.total_processed.natural) → “表三 （七）总计 自然人”; a narrative piece
(s1.1) → “一、总体情况 （一）主动公开”; a page key (t3) → the part's heading. The codes stay in
exports and in a `title` tooltip.
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
        return cell.label
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
    return f"{table.name} {rest}" if table else part.heading  # a legacy cell of an old format
