"""What a check returns."""

from dataclasses import dataclass, field

from gkreport.checks import messages

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    code: str  # stable: H4.review, S4.format, …
    severity: str  # error | warning
    cells: tuple[str, ...]  # cell codes involved; empty for text-only findings
    message: str  # Chinese, showing the arithmetic
    part: str = ""  # s1 … s6: where the finding belongs on the checks page
    # A few words under the cell on the table page, for the findings the browser works out
    # too while the person types (static/gkreport/table.js, from the same templates: see
    # messages.CELL_NOTES). Empty for what only the server can tell (last year, other
    # agencies, the text): the cell then shows what kind of finding it is.
    note: str = ""
    # A ledger finding (L1–L3) is about one application of the ledger, not a cell: its id.
    entry: str = ""

    @property
    def rule(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def kind(self) -> str:
        """What it is about, in words (“勾稽关系不符”): how page summaries group findings."""
        return messages.kind(self.code)

    @property
    def short(self) -> str:
        """What the cell it is about says under itself on the table page."""
        return self.note or self.kind

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "cells": list(self.cells),
            "message": self.message,
            "part": self.part,
        }


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    blank: list[Finding] = field(default_factory=list)  # a draft's cells not filled in yet
    not_assessed: list[str] = field(default_factory=list)  # identity codes with a missing operand
    not_assessed_unread: list[str] = field(default_factory=list)  # … missing because never read
    unread: list[str] = field(default_factory=list)  # cell codes the importer could not place
    cells_total: int = 0  # the cells the report is made of (unread ones included)

    @property
    def cells_read(self) -> int:
        return self.cells_total - len(self.unread)

    @property
    def complete(self) -> bool:
        """Every cell was read: a check without errors then vouches for the whole table."""
        return not self.unread

    def blank_by_table(self) -> dict[str, int]:
        """How many cells each table still has to fill in: {"t3": 168, …}."""
        counts: dict[str, int] = {}
        for finding in self.blank:
            table = finding.cells[0].split(".", 1)[0]
            counts[table] = counts.get(table, 0) + 1
        return counts

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    def by_cell(self) -> dict[str, list[Finding]]:
        index: dict[str, list[Finding]] = {}
        for finding in self.findings:
            for code in finding.cells:
                index.setdefault(code, []).append(finding)
        return index
