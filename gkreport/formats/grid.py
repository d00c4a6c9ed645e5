"""A table definition laid out as the official grid: rows of cells with row and column spans.

Forms, the print templates and the PDF draw tables from this one layout, so the merged
headers are computed once from the format data and no template repeats a label.
"""

from dataclasses import dataclass

from gkreport.formats.model import Block, Column, ColumnGroup, Table


@dataclass(frozen=True)
class GridCell:
    kind: str  # heading | corner | header | group | label | value
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    code: str | None = None  # for value cells: the cell code
    column: int = 0  # the first grid column the cell covers (0: the leftmost)
    # In the label columns (the corner, row groups and labels): what names a row, which a
    # narrow screen keeps in view while the values scroll past.
    names_rows: bool = False


@dataclass(frozen=True)
class GridRow:
    kind: str  # heading | header | body
    cells: tuple[GridCell, ...]


def table_width(table: Table) -> int:
    return max(block.label_depth + len(block.leaves) for block in table.blocks)


def table_grid(table: Table) -> list[GridRow]:
    width = table_width(table)
    rows: list[GridRow] = []
    for block in table.blocks:
        rows.extend(_block_grid(table, block, width))
    return rows


def _block_grid(table: Table, block: Block, width: int) -> list[GridRow]:
    rows: list[GridRow] = []
    leaves = block.leaves
    # The last value column absorbs the spare width (table 2's one-column blocks).
    spare = width - block.label_depth - len(leaves)
    if block.heading:
        rows.append(GridRow("heading", (GridCell("heading", block.heading, colspan=width),)))
    rows.extend(_header_rows(block, spare))
    rows.extend(_body_rows(table, block, spare))
    return rows


def _header_rows(block: Block, spare: int) -> list[GridRow]:
    depth = block.header_depth
    levels: list[list[GridCell]] = [[] for _ in range(depth)]
    if block.label_depth:
        text = block.corner or block.row_header or ""
        kind = "corner" if block.corner else "header"
        levels[0].append(
            GridCell(kind, text, rowspan=depth, colspan=block.label_depth, names_rows=True)
        )
    last_leaf = block.leaves[-1]

    def place(node, level, column):
        if isinstance(node, Column):
            extra = spare if node is last_leaf else 0
            levels[level].append(
                GridCell(
                    "header", node.label, rowspan=depth - level, colspan=1 + extra, column=column
                )
            )
            return 1 + extra
        span = 0
        for child in node.children:
            span += place(child, level + 1, column + span)
        levels[level].append(GridCell("header", node.label, colspan=span, column=column))
        return span

    column = block.label_depth
    for node in block.columns:
        column += place(node, 0, column)
    return [GridRow("header", tuple(cells)) for cells in levels if cells]


def _body_rows(table: Table, block: Block, spare: int) -> list[GridRow]:
    rows = []
    last_leaf = block.leaves[-1]
    for index, row in enumerate(block.rows):
        cells: list[GridCell] = []
        for depth, group in enumerate(row.groups):
            starts_group = (
                index == 0 or block.rows[index - 1].groups[: depth + 1] != row.groups[: depth + 1]
            )
            if starts_group:
                span = _group_length(block, index, row.groups[: depth + 1])
                cells.append(GridCell("group", group, rowspan=span, column=depth, names_rows=True))
        if row.label is not None:
            colspan = block.label_depth - len(row.groups)
            cells.append(
                GridCell(
                    "label", row.label, colspan=colspan, column=len(row.groups), names_rows=True
                )
            )
        for column, leaf in enumerate(block.leaves, start=block.label_depth):
            code = f"{table.key}.{leaf.row or row.key}.{leaf.key}"
            extra = spare if leaf is last_leaf else 0
            cells.append(GridCell("value", "", colspan=1 + extra, code=code, column=column))
        rows.append(GridRow("body", tuple(cells)))
    return rows


def _group_length(block: Block, start: int, prefix: tuple[str, ...]) -> int:
    length = 0
    for row in block.rows[start:]:
        if row.groups[: len(prefix)] != prefix:
            break
        length += 1
    return length


__all__ = ["GridCell", "GridRow", "table_grid", "table_width", "ColumnGroup"]
