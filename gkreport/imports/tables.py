"""Reading one statistical table out of the lines of a text extraction.

The format's table definition drives everything: rows are found by their labels in
official order, values are taken from the cells after a label, and the only judgement
made is about surplus cells, where a stray 0 is dropped only if the result is the same
whichever 0 is dropped, or if exactly one choice satisfies the row's own identities.
Anything else is reported as unplaced, cell by cell; nothing is guessed or repaired.

A cell is placed with a blank only where the row prints that blank (a full row of cells
with some empty); a row whose cells cannot be placed, or that is not found at all, is
listed in `missing` with the text seen where it should be: those cells are unread.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from gkreport.checks.identities import holds
from gkreport.formats.model import Block, ColumnGroup, Format, Table
from gkreport.imports.labels import norm_label
from gkreport.lib.values import read_value

WINDOW = 6  # how far ahead of the last found row a label may match (skipped rows)
RULE_CELL = re.compile(r"^:?[-—－=_]{3,}:?$")
MAX_SURPLUS = 2
THOUSANDS_GROUP = re.compile(r"^0\d")  # “000”, “00”: not a stray 0
# A cell value as printed in a space-separated row: a number (units allowed) or “/” “—”.
NUMBER = re.compile(r"[+\-]?[\d０-９][\d０-９,，.．]*(?:万元|件)?|[/／—－-]")
WORD = re.compile(r"\S+")
NO_TABLE = "未能读出表格"  # no row of the table found at all
MAX_GROUPED_LABEL = 80  # a cell longer than this is never split into group and row label
MAX_NEAR = 120  # characters of nearby text kept for an unread row
MIN_SHORTENED = 5  # a label with characters dropped is matched from this length on …
SHORTENED_SHARE = 0.7  # … when it keeps this share of the canonical label's characters


@dataclass
class TableReading:
    figures: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)
    unplaced: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    # rows with cells left unread: {where, cells, reason, near}
    missing: list = field(default_factory=list)


@dataclass
class _Slot:
    """A row of the table as the reader fills it."""

    block: Block
    key: str | None  # row key; None for table 4's label-less row
    label: str | None
    names: dict  # normalised label → True if canonical, False if a known variant
    legacy_of: tuple[str, ...] = ()
    filled: bool = False


@dataclass
class _Segment:
    slot: _Slot
    cells: list  # raw cell texts after the label, empties kept
    where: str
    row_index: int = -1  # the physical row where the label was found
    printed: str = ""  # the label as printed


def tabulate(line: str) -> str:
    """“一、本年新收… 49 0 0” → “一、本年新收…\\t49\\t0\\t0”; a row of numbers likewise.

    The numbers at the end of a line printed with spaces for cells (a PDF's text layer, a
    crude copy) become cells; numbers run together (“6233440”) stay one cell.

    Word by word from the end, so that the time grows with the line, not with its square
    (a regular expression for “label, then numbers” backtracks on “1 1 1 … x”)."""
    words = list(WORD.finditer(line))
    first_number = len(words)
    while first_number and NUMBER.fullmatch(words[first_number - 1].group()):
        first_number -= 1
    if first_number == 0:
        return "\t".join(word.group() for word in words)
    if first_number < len(words) and " " in line:
        label = line[: words[first_number].start()].strip()
        return "\t".join([label, *(word.group() for word in words[first_number:])])
    return line


def split_cells(line: str) -> list[str]:
    if "\t" in line:
        return [cell.strip(" \u00a0\u3000\r") for cell in line.split("\t")]
    if line.count("|") >= 2:
        cells = [cell.strip(" \u00a0\u3000\r") for cell in line.split("|")]
        if cells and not cells[0]:
            cells = cells[1:]
        if cells and not cells[-1]:
            cells = cells[:-1]
        return cells
    if " " in line.strip():
        tabbed = tabulate(line.strip())
        if "\t" in tabbed:
            return tabbed.split("\t")
    return [line.strip(" \u00a0\u3000\r")]


def physical_rows(lines: list[str]) -> list[list[str]]:
    """Rows as printed: a line of several cells, or a paragraph of one cell per line."""
    split = [split_cells(line) for line in lines]
    filled = [cells for cells in split if any(cells)]
    multi = sum(1 for cells in filled if sum(1 for c in cells if c) >= 2)
    if filled and multi / len(filled) >= 0.3:
        return [cells for cells in split if any(cells)]
    rows, current = [], []
    for line, cells in zip(lines, split, strict=True):
        if not line.strip(" \r"):
            if current:
                rows.append(current)
            current = []
            continue
        current.extend(cells)
    if current:
        rows.append(current)
    return rows


def _slots(table: Table) -> list[_Slot]:
    slots = []
    for block in table.blocks:
        for row in block.rows:
            names = {}
            if row.label is not None:
                names[norm_label(row.label)] = True
                names.update({norm_label(alias): False for alias in row.aliases})
            slots.append(_Slot(block, row.key, row.label, names))
    return slots


def _legacy_slots(table: Table) -> list[_Slot]:
    return [
        _Slot(block, legacy.key, legacy.label, {norm_label(legacy.label): True}, legacy.replaces)
        for block in table.blocks
        for legacy in block.legacy_rows
    ]


def _known_labels(table: Table) -> set[str]:
    """Header and group labels: text that belongs to the table but holds no value."""
    known = {norm_label(table.title)}
    for block in table.blocks:
        for text in (block.heading, block.row_header, block.corner):
            if text:
                known.add(norm_label(text))
        for row in block.rows:
            known.update(norm_label(group) for group in row.groups)
        stack = list(block.columns)
        while stack:
            node = stack.pop()
            known.add(norm_label(node.label))
            if isinstance(node, ColumnGroup):
                stack.extend(node.children)
    known.discard("")
    return known


def _group_labels(table: Table) -> list[str]:
    """The normalised group labels of the rows (“本年度办理结果”, “不予公开”), longest first."""
    labels = {
        norm_label(group) for block in table.blocks for row in block.rows for group in row.groups
    }
    labels.discard("")
    return sorted(labels, key=len, reverse=True)


def _split_group_prefixes(cells: list[str], groups: list[str], labels: set[str]) -> list[str]:
    """A group label and the first row label of the group printed in one cell (a PDF line
    “（四）无法提供 1.本机关不掌握相关政府信息 31 0 …”, “三、本年度办理结果 （一）予以公开”)
    become two cells, so the row label is matched as if printed alone. Only a short cell that
    is not itself a label is split, only at a whole group label; the rest keeps its print."""
    if not groups:
        return cells
    result = []
    for cell in cells:
        while len(cell) <= MAX_GROUPED_LABEL and (name := norm_label(cell)) not in labels:
            group = next((g for g in groups if name.startswith(g) and len(name) > len(g)), None)
            if group is None:
                break
            end = next((i for i in range(1, len(cell)) if norm_label(cell[:i]) == group), None)
            if end is None:
                break
            result.append(cell[:end].strip())
            cell = cell[end:].strip()
        result.append(cell)
    return result


@lru_cache(maxsize=8192)  # a cell text repeated thousands of times is read once
def _value_like(text: str) -> bool:
    if not text:
        return False
    # A digit settles it without reading the value (a hostile table has 200,000 cells).
    return any(ch.isdigit() for ch in text) or read_value(text, "amount").ok


def read_table(table: Table, fmt: Format, lines: list[str]) -> TableReading:
    reading = TableReading()
    slots = _slots(table)
    legacy = _legacy_slots(table)
    known = _known_labels(table)
    cursor = 0
    segments: list[_Segment] = []
    pending: _Segment | None = None  # a label found with no values yet

    groups = _group_labels(table)
    names = {name for slot in slots + legacy for name in slot.names}
    rows = physical_rows(lines)
    matched_rows: set[int] = set()
    for row_index, cells in enumerate(rows):
        cells = _split_group_prefixes(cells, groups, names | known)
        if all(RULE_CELL.match(c) for c in cells if c):
            matched_rows.add(row_index)
            continue
        previous_segment = segments[-1] if segments else None
        current: _Segment | None = None
        first_label: int | None = None
        index = 0
        while index < len(cells):
            cell = cells[index]
            name = norm_label(cell)
            match, used = _match_row(slots, cursor, cells, index, known)
            if match is not None:
                slot, canonical = match
                if not canonical:
                    reading.notes.append(
                        f"{table.name}：“{cell.strip()}”按规范名称“{slot.label}”读取"
                    )
                cursor = slots.index(slot) + 1
                current = _Segment(slot, [], f"{table.name} {slot.label}", row_index, cell)
                segments.append(current)
                matched_rows.add(row_index)
                first_label = index if first_label is None else first_label
                index += used
                continue
            legacy_slot = _match_legacy(legacy, name, cells, index)
            if legacy_slot is not None:
                current = _Segment(
                    legacy_slot, [], f"{table.name} {legacy_slot.label}", row_index, cell
                )
                segments.append(current)
                matched_rows.add(row_index)
                first_label = index if first_label is None else first_label
                index += 1
                continue
            if current is not None and name not in known:
                current.cells.append(cell)
            index += 1

        head = cells if first_label is None else cells[:first_label]
        head = [c for c in head if norm_label(c) not in known or not c]
        if any(_value_like(c) for c in head):
            labelless = _labelless_slot(slots)
            if pending is not None:
                pending.cells.extend(head)
            elif labelless is not None:
                labelless.filled = True
                segments.append(_Segment(labelless, list(head), table.name, row_index))
                matched_rows.add(row_index)
            else:
                where = table.name
                if previous_segment is not None:
                    where = f"{table.name} {previous_segment.slot.label}之后"
                for text in head:
                    if _value_like(text):
                        reason = "不在任何一行的标签之后"
                        reading.unplaced.append(_unplaced(where, text, reason))
            pending = None
        if current is not None:
            pending = current if not any(current.cells) else None

    for segment in segments:
        _assign(segment, table, fmt, reading)
    _list_missing(table, slots, segments, rows, matched_rows, known, reading)
    return reading


def _list_missing(table, slots, segments, rows, matched_rows, known, reading) -> None:
    """Each row with cells left unread, and the text printed where it should have been."""
    if not reading.raw and not segments:
        codes = [cell.code for cell in table.cells]
        near = " / ".join(filter(None, (_row_text(cells, known) for cells in rows)))
        reading.missing.append(_missing(table.name, codes, NO_TABLE, near))
        return
    segment_of = {id(segment.slot): segment for segment in segments}
    found_at = {
        index: segment_of[id(slot)].row_index
        for index, slot in enumerate(slots)
        if id(slot) in segment_of
    }
    for index, slot in enumerate(slots):
        codes = [code for code, _ in _leaf_codes(table, slot)]
        unread = [code for code in codes if code not in reading.raw]
        if not unread:
            continue
        segment = segment_of.get(id(slot))
        if segment is not None:
            printed = [segment.printed, *(c for c in segment.cells if c)]
            near = " ".join(filter(None, printed))
            reason = "这一行的数值无法对应到各列" if any(segment.cells) else "这一行没有读到数值"
        else:
            before = max((at for other, at in found_at.items() if other < index), default=-1)
            after = min((at for other, at in found_at.items() if other > index), default=len(rows))
            between = [
                _row_text(rows[position], known)
                for position in range(before + 1, after)
                if position not in matched_rows
            ]
            near = " / ".join(filter(None, between))
            reason = "未找到这一行"
        reading.missing.append(_missing(_where(table, slot), unread, reason, near))


def _missing(where, codes, reason, near) -> dict:
    if len(near) > MAX_NEAR:
        near = near[: MAX_NEAR - 1] + "…"
    return {"where": where, "cells": list(codes), "reason": reason, "near": near}


def _where(table: Table, slot: _Slot) -> str:
    """“表三 （三）不予公开 1.属于国家秘密”: the sub-group too, where numbering repeats."""
    if slot.key is None:
        return table.name
    row = next((r for r in slot.block.rows if r.key == slot.key), None)
    groups = row.groups[1:] if row is not None else ()
    return " ".join([table.name, *groups, slot.label or ""]).strip()


def _row_text(cells: list[str], known: set[str]) -> str:
    return " ".join(c for c in cells if c and norm_label(c) not in known)


def _labelless_slot(slots):
    for slot in slots:
        if slot.key is None and not slot.filled:
            return slot
    return None


def _match_row(slots, cursor, cells, index, known=frozenset()):
    """The slot whose label this cell (or it joined with the next cells) is, near the cursor;
    failing that, the row expected next if the cell is its label with characters dropped."""
    candidates = [s for s in slots[cursor : cursor + WINDOW] if s.names and not s.filled]
    text = ""
    used = 0
    for offset in range(3):
        if index + offset >= len(cells):
            break
        text += norm_label(cells[index + offset])
        used = offset + 1
        if not text:
            return None, 1
        for slot in candidates:
            if text in slot.names:
                slot.filled = True
                return (slot, slot.names[text]), used
        if not any(
            name.startswith(text) and len(text) >= 6 for s in candidates for name in s.names
        ):
            break
    shortened = _shortened(candidates, norm_label(cells[index]), known)
    if shortened is not None:
        shortened.filled = True
        return (shortened, False), 1
    return None, 1


def _shortened(candidates, name: str, known) -> "_Slot | None":
    """The row expected next, when `name` is its label with a few characters left out
    (“其他法律行政止公开”, “规范性文件”): every printed character in order, most of them there."""
    if len(name) < MIN_SHORTENED or name in known or not candidates:
        return None
    expected = candidates[0]
    canonical = norm_label(expected.label or "")
    if len(name) >= len(canonical) or len(name) < SHORTENED_SHARE * len(canonical):
        return None
    remaining = iter(canonical)
    if all(char in remaining for char in name):  # a subsequence
        return expected
    return None


def _match_legacy(legacy, name, cells, index):
    """A legacy row label (a group label of this format) directly followed by values."""
    for slot in legacy:
        if name in slot.names and not slot.filled:
            # by index, not a slice of the rest: a row may repeat the label thousands of times
            following = next((cells[i] for i in range(index + 1, len(cells)) if cells[i]), "")
            if _value_like(following):
                slot.filled = True
                return slot
    return None


def _unplaced(where: str, text: str, reason: str) -> dict:
    return {"where": where, "text": text, "reason": reason}


def _leaf_codes(table: Table, slot: _Slot) -> list[tuple[str, str]]:
    codes = []
    for leaf in slot.block.leaves:
        row = leaf.row or slot.key
        codes.append((f"{table.key}.{row}.{leaf.key}", leaf.kind))
    return codes


def _assign(segment: _Segment, table: Table, fmt: Format, reading: TableReading) -> None:
    codes = _leaf_codes(table, segment.slot)
    expected = len(codes)
    cells = segment.cells
    values = [c for c in cells if c]
    chosen: list[str] | None = None
    if len(values) == expected:
        chosen = values
    elif len(values) < expected:
        # Blanks count only in a row printed cell by cell: exactly as many cells as columns
        # once the empty cells beyond the last column are dropped (a wide table's spare).
        trimmed = list(cells)
        while len(trimmed) > expected and not trimmed[-1]:
            trimmed.pop()
        if len(trimmed) == expected:
            chosen = trimmed
        elif values:
            for text in values:
                reading.unplaced.append(
                    _unplaced(
                        segment.where,
                        text,
                        f"这一行找到{len(values)}个数值，应为{expected}个，无法确定各数值所在的列",
                    )
                )
    else:
        chosen = _drop_stray_zeros(values, expected, codes, fmt, segment, reading)
        if chosen is None:
            for text in values:
                reading.unplaced.append(
                    _unplaced(
                        segment.where,
                        text,
                        f"这一行找到{len(values)}个数值，应为{expected}个，无法确定哪个是多余的",
                    )
                )
            return
    if chosen is None:
        return
    for (code, kind), text in zip(codes, chosen, strict=True):
        if code in reading.raw:
            reading.unplaced.append(_unplaced(segment.where, text, "这一格已经读取过一次"))
            continue
        reading.raw[code] = text
        reading.figures[code] = read_value(text, kind).value if text else None


def _drop_stray_zeros(values, expected, codes, fmt, segment, reading):
    surplus = len(values) - expected
    if surplus > MAX_SURPLUS:
        return None
    # “000” is never a stray 0: it is the end of a number printed in thousands groups
    # (“1 000” split at its space), and dropping it would read 1000 as 1.
    zeros = [
        i
        for i, text in enumerate(values)
        if read_value(text, "amount").value == 0 and not THOUSANDS_GROUP.match(text.strip())
    ]
    candidates = {}
    for dropped in combinations(zeros, surplus):
        kept = tuple(t for i, t in enumerate(values) if i not in dropped)
        candidates.setdefault(tuple(_number(t) for t in kept), kept)
    own = [c for c, _ in codes]
    identities = [i for i in fmt.identities if set(i.cells) <= set(own)]
    if identities:
        # The row's own identities must hold: a stray 0 is only dropped when the printed
        # numbers then add up; otherwise the row stays unplaced for a person to read.
        candidates = {
            vector: kept
            for vector, kept in candidates.items()
            if all(holds(fmt, i, dict(zip(own, vector, strict=True))) for i in identities)
        }
    if len(candidates) != 1:
        return None
    (kept,) = candidates.values()
    why = "去掉后本行各数相加相符" if identities else "去掉哪一个0结果都相同"
    reading.notes.append(
        f"{segment.where}：印有{len(values)}个数值，比应有的{expected}个多{surplus}个0，"
        f"已去掉多余的0（{why}）"
    )
    return list(kept)


def _number(text):
    return read_value(text, "amount").value
