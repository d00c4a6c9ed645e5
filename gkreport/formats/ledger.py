"""What an application ledger (依申请公开办理台账) needs of a format: table 3's applicant
columns and outcome categories, and the cell each ledger count goes to.

The ledger stores an application's applicant type as a table-3 column key and its outcome
as a category key with, where the category has several rows (（三）不予公开 1–8 …), the
table-3 row of its reason. The category keys stay the same across formats: the 2019
format's single （六）其他处理 row and the 2021 format's three rows are both “other”.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from gkreport.formats.common import DENIED, NOT_PROCESSED, OTHER, UNAVAILABLE, result_rows
from gkreport.formats.model import ColumnGroup, Format

# An official group of result rows → the key the ledger stores for it. A result row that
# is no group's member (（一）予以公开, （二）部分公开) is a category of its own, keyed by its row.
GROUP_KEYS = {DENIED: "denied", UNAVAILABLE: "unavailable", NOT_PROCESSED: "not_processed"}
OTHER_KEY = "other"
GROUP_KEYS[OTHER] = OTHER_KEY

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")
_REMARK = re.compile(r"（[^）]*）$")


def bare(label: str) -> str:
    """A label without its official numbering and remark: “（二）部分公开（区分…）” → 部分公开."""
    return _REMARK.sub("", _NUMBERING.sub("", label))


@dataclass(frozen=True)
class Applicant:
    key: str  # the table-3 column: natural, commercial …
    label: str  # 商业企业
    group: str = ""  # 法人或其他组织, for the five columns under it

    @property
    def full(self) -> str:
        """How a list of choices names it: “法人或其他组织·商业企业”, or just “自然人”."""
        return f"{self.group}·{self.label}" if self.group else self.label


@dataclass(frozen=True)
class Reason:
    row: str  # the table-3 row: denied_state_secret …
    label: str  # 1.属于国家秘密
    short: str  # 国家秘密

    @property
    def name(self) -> str:
        return bare(self.label)


@dataclass(frozen=True)
class Outcome:
    key: str  # granted, partially_granted, denied, unavailable, not_processed, other
    label: str  # （三）不予公开
    row: str | None = None  # the row of an outcome without reasons
    reasons: tuple[Reason, ...] = ()

    @property
    def name(self) -> str:
        return bare(self.label)

    def reason(self, row: str) -> Reason | None:
        return next((r for r in self.reasons if r.row == row), None)


@dataclass(frozen=True)
class LedgerTerms:
    """Table 3 as the ledger counts into it."""

    table: str  # the table's key (its page's key too)
    table_name: str  # 表三
    applicants: tuple[Applicant, ...]
    total: str  # the column key of 总计
    outcomes: tuple[Outcome, ...]
    received: str  # row keys: 一、本年新收 …
    carried_over: str
    processed: str  # （七）总计
    carried_forward: str
    codes: dict[tuple[str, str], str]  # (row, column) → cell code
    row_order: tuple[str, ...]  # every row key of table 3, in the template's order

    def code(self, row: str, column: str) -> str:
        return self.codes[(row, column)]

    def outcome(self, key: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.key == key), None)

    def applicant(self, key: str) -> Applicant | None:
        return next((a for a in self.applicants if a.key == key), None)

    def result_row(self, outcome: str, reason: str) -> str | None:
        """The table-3 row an outcome (with its reason, where it needs one) is counted in;
        None when the outcome is unknown or its reason missing or not one of its own."""
        found = self.outcome(outcome)
        if found is None:
            return None
        if not found.reasons:
            return found.row
        match = found.reason(reason)
        return match.row if match else None

    @cached_property
    def result_rows(self) -> dict[tuple[str, str], str]:
        """(outcome, reason) → row, every placeable pair: the derivation's lookup table."""
        rows = {}
        for outcome in self.outcomes:
            if outcome.reasons:
                for reason in outcome.reasons:
                    rows[(outcome.key, reason.row)] = reason.row
            else:
                rows[(outcome.key, "")] = outcome.row
        return rows


_TERMS: dict[str, LedgerTerms] = {}


def ledger_terms(fmt: Format) -> LedgerTerms:
    if fmt.version not in _TERMS:
        _TERMS[fmt.version] = _build(fmt)
    return _TERMS[fmt.version]


def _build(fmt: Format) -> LedgerTerms:
    part = next(p for p in fmt.parts if p.key == "s3")
    table = fmt.table(part.table)
    (block,) = table.blocks
    applicants = tuple(_applicants(block))
    total = block.leaves[-1].key
    outcomes: list[Outcome] = []
    groups: dict[str, list[Reason]] = {}
    for row in result_rows(block):
        group = row.groups[1] if len(row.groups) > 1 else None
        if group is None:
            key = GROUP_KEYS.get(row.label, row.key)
            outcomes.append(Outcome(key, row.label, row=row.key))
            continue
        if group not in groups:
            groups[group] = []
            outcomes.append(Outcome(GROUP_KEYS[group], group))
        groups[group].append(Reason(row.key, row.label, row.short or row.label))
    outcomes = [
        Outcome(o.key, o.label, reasons=tuple(groups[o.label])) if o.label in groups else o
        for o in outcomes
    ]
    keys = [row.key for row in block.rows]
    key_cells = fmt.key_cells
    return LedgerTerms(
        table=table.key,
        table_name=table.name,
        applicants=applicants,
        total=total,
        outcomes=tuple(outcomes),
        received=fmt.cell_map[key_cells.received].row,
        carried_over=fmt.cell_map[key_cells.carried_over].row,
        processed=fmt.cell_map[key_cells.processed].row,
        carried_forward=fmt.cell_map[key_cells.carried_forward].row,
        codes={(cell.row, cell.column): cell.code for cell in table.cells},
        row_order=tuple(keys),
    )


def _applicants(block):
    """The applicant columns (总计, the last leaf, excluded), each with the group that
    directly holds it when that group is not the heading over all of them (申请人情况)."""
    (outer,) = block.columns if len(block.columns) == 1 else (None,)
    parents = {}

    def walk(nodes, parent):
        for node in nodes:
            if isinstance(node, ColumnGroup):
                walk(node.children, node)
            else:
                parents[node.key] = parent

    walk(block.columns, None)
    for leaf in block.leaves[:-1]:
        parent = parents[leaf.key]
        group = parent.label if parent is not None and parent is not outer else ""
        yield Applicant(leaf.key, leaf.label, group)
