"""The building blocks of an official report format: parts, tables, cells, identities.

A format is plain data. Everything that draws, reads, checks or exports a report walks
these objects; nothing else spells out a label or a sum.
"""

from dataclasses import dataclass
from functools import cached_property

from gkreport.lib.values import COUNT


@dataclass(frozen=True)
class SubSection:
    marker: str  # “（一）”
    title: str  # “主动公开”
    hint: str = ""  # what the official format expects there

    @property
    def heading(self) -> str:
        return f"{self.marker}{self.title}"


@dataclass(frozen=True)
class Part:
    key: str  # s1 … s6
    numeral: str  # 一
    title: str  # 总体情况
    subsections: tuple[SubSection, ...] = ()
    table: str | None = None  # t2 / t3 / t4 for the statistical parts
    hint: str = ""

    @property
    def heading(self) -> str:
        return f"{self.numeral}、{self.title}"


@dataclass(frozen=True)
class Column:
    """A leaf column. `row` is set when the column itself names the cell's row (table 4)."""

    key: str
    label: str
    short: str = ""
    row: str | None = None
    kind: str = COUNT
    # Whether a sum over agencies means something (open data totals). The 2019 format's
    # 项目数量 counts kinds of matters, which overlap between agencies: not additive.
    additive: bool = True


@dataclass(frozen=True)
class ColumnGroup:
    label: str
    children: tuple["Column | ColumnGroup", ...]


@dataclass(frozen=True)
class Row:
    key: str | None  # None for the unlabeled single data row of table 4
    label: str | None
    short: str = ""
    groups: tuple[str, ...] = ()  # labels of the merged group cells to the left, outermost first
    aliases: tuple[str, ...] = ()  # label variants seen in published reports
    kinds: tuple[tuple[str, str], ...] = ()  # (column key, kind) where not COUNT


@dataclass(frozen=True)
class LegacyRow:
    """A row of another format that stands for several rows of this one (S9)."""

    key: str
    label: str
    replaces: tuple[str, ...]


@dataclass(frozen=True)
class Block:
    """One rectangular part of a table: table 2 has four, tables 3 and 4 one each."""

    rows: tuple[Row, ...]
    columns: tuple[Column | ColumnGroup, ...]
    heading: str | None = None  # “第二十条第（一）项”
    row_header: str | None = None  # “信息内容”
    corner: str | None = None  # the 勾稽关系 note of table 3
    legacy_rows: tuple[LegacyRow, ...] = ()

    @cached_property
    def leaves(self) -> tuple[Column, ...]:
        return tuple(_leaves(self.columns))

    @cached_property
    def label_depth(self) -> int:
        if all(row.label is None for row in self.rows):
            return 0
        return 1 + max(len(row.groups) for row in self.rows)

    @cached_property
    def header_depth(self) -> int:
        return max(_depth(node) for node in self.columns)


def _leaves(nodes):
    for node in nodes:
        if isinstance(node, Column):
            yield node
        else:
            yield from _leaves(node.children)


def _depth(node) -> int:
    if isinstance(node, Column):
        return 1
    return 1 + max(_depth(child) for child in node.children)


@dataclass(frozen=True)
class Cell:
    code: str  # t3.new_received.total
    table: str
    row: str
    column: str
    kind: str
    row_label: str
    column_label: str
    block_heading: str | None = None
    additive: bool = True

    table_name: str = ""

    @property
    def label(self) -> str:
        """How a message names the cell: table, row and column (“表四 行政复议 总计”)."""
        parts = [self.table_name, self.row_label, self.column_label]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Table:
    key: str  # t2
    part: str  # s2
    number: str  # 二 (the part numeral; the tables are known by their part)
    title: str
    blocks: tuple[Block, ...]
    name: str = ""  # how messages name it: 表二

    @cached_property
    def cells(self) -> tuple[Cell, ...]:
        cells = []
        for block in self.blocks:
            for row in block.rows:
                kinds = dict(row.kinds)
                for leaf in block.leaves:
                    row_key = leaf.row or row.key
                    row_label = row.label or _group_label(block, leaf)
                    cells.append(
                        Cell(
                            code=f"{self.key}.{row_key}.{leaf.key}",
                            table=self.key,
                            row=row_key,
                            column=leaf.key,
                            kind=kinds.get(leaf.key, leaf.kind),
                            row_label=row_label,
                            column_label=leaf.label,
                            block_heading=block.heading,
                            additive=leaf.additive,
                            table_name=self.name,
                        )
                    )
        return tuple(cells)


def _group_label(block: Block, leaf: Column) -> str:
    """For table 4, the row of a cell is named by the column groups above it."""
    path = _path_to(block.columns, leaf) or []
    return "—".join(path)


def _path_to(nodes, leaf, trail=()):
    for node in nodes:
        if node is leaf:
            return list(trail)
        if isinstance(node, ColumnGroup):
            found = _path_to(node.children, leaf, (*trail, node.label))
            if found is not None:
                return found
    return None


@dataclass(frozen=True)
class Identity:
    """sum(left) must equal sum(right). One instance per column or row it applies to."""

    rule: str  # H1
    scope: str  # the column or row key it is about, the finding code's suffix
    title: str  # “表三 自然人”
    left: tuple[str, ...]
    right: tuple[str, ...]

    @property
    def code(self) -> str:
        return f"{self.rule}.{self.scope}"

    @property
    def cells(self) -> tuple[str, ...]:
        return self.left + self.right


@dataclass(frozen=True)
class Format:
    version: str  # "2021"
    name: str
    document: str  # 国办公开办函〔2021〕30号
    first_year: int
    last_year: int | None
    parts: tuple[Part, ...]
    tables: tuple[Table, ...]
    identities: tuple[Identity, ...]
    # H6: part 六 must state the 信息处理费 (国办函〔2020〕109号, in force from 2021).
    requires_fee_statement: bool = False

    @cached_property
    def cells(self) -> tuple[Cell, ...]:
        return tuple(cell for table in self.tables for cell in table.cells)

    @cached_property
    def cell_map(self) -> dict[str, Cell]:
        return {cell.code: cell for cell in self.cells}

    @cached_property
    def legacy_cells(self) -> dict[str, tuple[str, ...]]:
        """Legacy cell code → the cell codes of this format that it stands for."""
        mapping = {}
        for table in self.tables:
            for block in table.blocks:
                for legacy in block.legacy_rows:
                    for leaf in block.leaves:
                        mapping[f"{table.key}.{legacy.key}.{leaf.key}"] = tuple(
                            f"{table.key}.{row}.{leaf.key}" for row in legacy.replaces
                        )
        return mapping

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    def part(self, key: str) -> Part:
        return next(p for p in self.parts if p.key == key)

    def covers(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)
