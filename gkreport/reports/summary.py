"""Short summaries: a page's findings grouped by kind, and a draft's blank cells by table.

Above a page's form, a table with many mistakes must not push its grid off the first screen:
the groups come in the engine's order (errors first), and only SHOWN findings in all are
listed, each linking to its cell, shared out among the groups in turn so that every kind of
mistake shows one example before any shows a second. The rest are folded, per group, behind a “其余 N 处” line.

On the checks page: the cells a draft has left blank, the ones a submission is refused for,
row by row, each linking to its cell, the first rows of each table shown and the rest folded.
"""

from dataclasses import dataclass, field

from gkreport.reports.checking import blank_note

SHOWN = 5
BLANK_ROWS_SHOWN = 5


@dataclass
class Group:
    kind: str  # “勾稽关系不符”
    severity: str  # error | warning (a kind is one or the other)
    findings: list = field(default_factory=list)
    visible: int = 0  # how many of its findings are listed unfolded

    @property
    def shown(self) -> list:
        return self.findings[: self.visible]

    @property
    def folded(self) -> list:
        return self.findings[self.visible :]

    @property
    def count(self) -> int:
        return len(self.findings)


def summarise(findings, shown: int = SHOWN) -> list[Group]:
    groups: dict[tuple[str, str], Group] = {}
    for finding in findings:
        key = (finding.severity, finding.kind)
        groups.setdefault(key, Group(finding.kind, finding.severity)).findings.append(finding)
    groups = list(groups.values())
    while shown > 0 and any(g.visible < g.count for g in groups):
        for group in groups:
            if shown > 0 and group.visible < group.count:
                group.visible += 1
                shown -= 1
    return groups


@dataclass
class BlankRow:
    label: str  # the row's label; for a legacy cell (a 2019 row in a 2021 report), its message
    cells: list = field(default_factory=list)  # format Cells: each linked by its column


@dataclass
class BlankTable:
    table: object  # the format's Table
    rows: list[BlankRow]
    count: int

    @property
    def note(self) -> str:
        return blank_note(self.table, self.count)

    @property
    def visible(self) -> int:
        """The first rows; all of them when folding would hide a single row."""
        return len(self.rows) if len(self.rows) <= BLANK_ROWS_SHOWN + 1 else BLANK_ROWS_SHOWN

    @property
    def shown(self) -> list[BlankRow]:
        return self.rows[: self.visible]

    @property
    def folded(self) -> list[BlankRow]:
        return self.rows[self.visible :]


def blank_tables(fmt, result) -> list[BlankTable]:
    """The blank cells of a draft by table (the template's order), then row."""
    by_table: dict[str, dict[str, BlankRow]] = {}
    for finding in result.blank:
        code = finding.cells[0]
        cell = fmt.cell_map.get(code)
        rows = by_table.setdefault(code.split(".", 1)[0], {})
        if cell is None:  # a legacy row's cell: its message names it
            rows[code] = BlankRow(finding.message)
            continue
        rows.setdefault(cell.row, BlankRow(cell.row_label)).cells.append(cell)
    counts = result.blank_by_table()
    return [
        BlankTable(table, list(by_table[table.key].values()), counts[table.key])
        for table in fmt.tables
        if table.key in by_table
    ]
