"""The building blocks of an official report format: parts, tables, cells, identities.

A format is plain data. Everything that draws, reads, checks or exports a report walks
these objects; nothing else spells out a label or a sum.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
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


NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")


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
    column_short: str = ""  # how a sum names the column (“本年制发”), else the label
    row_short: str = ""  # the row's short name (“上年结转”), else the label

    @property
    def row_brief(self) -> str:
        """The row's numbering and short name, as a message names it: “二、上年结转”."""
        numbering = NUMBERING.match(self.row_label)
        return (numbering.group() if numbering else "") + self.row_short

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
                            column_short=leaf.short or leaf.label,
                            row_short=row.short or row_label,
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
class KeyCells:
    """The cells other modules mean by name (“applications received”), as codes of the format.

    Statistics, charts and the rules that compare a report with something else (the
    narrative, last year, the departments) read these instead of spelling a code. A cell
    the format does not have is None.
    """

    received: str  # 表三 一、本年新收 总计
    carried_over: str  # 表三 二、上年结转 总计
    processed: str  # 表三 （七）总计 总计
    carried_forward: str  # 表三 四、结转下年度继续办理 总计
    review: tuple[str, ...]  # 表四 行政复议 总计
    litigation: tuple[str, ...]  # 表四 行政诉讼 总计, one per kind of suit
    normative_documents_issued: str | None = None  # 表二 行政规范性文件 本年制发件数 (2021)
    unpaid_fees: str | None = None  # 表三 （六）2.逾期未缴纳费用 总计 (2021)


@dataclass(frozen=True)
class TrendCell:
    """A figure followed over the years (statistics of a region), with its chart wording."""

    code: str
    label: str


@dataclass(frozen=True)
class ResultGroup:
    """One official group of table 3's results (（三）不予公开 …) in the total column.

    `label` is the group's name without its numbering (“不予公开”); `cells` are the total
    cells of its rows, a legacy row that stands for the group included.
    """

    label: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table4Branch:
    """Table 4's 行政复议 or 行政诉讼, with the groups (rows) it is made of."""

    key: str  # review | litigation
    label: str  # 行政复议
    groups: tuple[str, ...]  # table 4 row keys


@dataclass(frozen=True)
class InForce:
    """S2: 现行有效件数 ≈ last year's + 本年制发 − 本年废止, for one row of table 2."""

    issued: str
    repealed: str
    in_force: str


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
    fee_statement_part: str = ""  # the part that speaks of fees (H6, S7): 六、其他需要报告的事项
    # What is derived from the tables, so that no consumer repeats a code or a label.
    key_cells: KeyCells | None = None
    # Last year's cell → this year's cell: what starting a year prefills and S1 compares.
    carry_over: Mapping[str, str] = field(default_factory=dict, compare=False)
    in_force: tuple[InForce, ...] = ()  # S2; the 2019 format has no such columns
    result_groups: tuple[ResultGroup, ...] = ()  # table 3's results by official group
    results_label: str = ""  # their heading without numbering: “本年度办理结果”
    table4_groups: tuple[tuple[str, str], ...] = ()  # (row key, label): 行政复议, 两类起诉
    table4_outcomes: tuple[tuple[str, str], ...] = ()  # (column key, label), total excluded
    table4_total: str = ""  # the column key of each group's 总计
    table4_branches: tuple[Table4Branch, ...] = ()
    trend_cells: tuple[TrendCell, ...] = ()
    # Words that mark a table of this report in a published page (the HTML reader).
    landmarks: tuple[str, ...] = ()
    # The report's title: “{agency}{year}年政府信息公开工作年度报告”.
    title_pattern: str = ""

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

    @cached_property
    def words(self) -> dict[str, str]:
        """How prose names what the checks compare, in the format's words: the carry-over
        rows (“上年结转”, “结转下年度”), the in-force column (“现行有效件数”, where the format
        has it) and the tables by their names (“t2” → “表二”)."""
        this_year = next(iter(self.carry_over.values()))
        last_year = next(iter(self.carry_over))
        words = {
            "carried_over": self.cell_map[this_year].row_short,
            "carried_forward": self.cell_map[last_year].row_short,
        }
        if self.in_force:
            words["in_force"] = self.cell_map[self.in_force[0].in_force].column_label
        words.update({table.key: table.name for table in self.tables})
        return words

    @property
    def part_keys(self) -> tuple[str, ...]:
        """The narrative parts in the template's order (s1 … s6)."""
        return tuple(part.key for part in self.parts)

    def title(self, agency: str, year: int) -> str:
        """The official title of an agency's report for a year."""
        return self.title_pattern.format(agency=agency, year=year)

    def table4_cell(self, group: str, outcome: str) -> str:
        return f"t4.{group}.{outcome}"

    def part_of(self, code: str) -> str:
        """The key of the part whose table holds a cell (s3 for t3.granted.total)."""
        return self.table(self.cell_map[code].table).part

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    def part(self, key: str) -> Part:
        return next(p for p in self.parts if p.key == key)

    def covers(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)
