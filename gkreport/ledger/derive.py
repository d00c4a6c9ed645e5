"""Table 3 as the ledger implies it, and the ledger's findings.

Every application is counted twice in its applicant's column: once where it came from —
一、本年新收 when received in the ledger's year, 二、上年结转 when received before (carried
over) — and once where it went — the result row of its outcome when answered by 31
December, 四、结转下年度继续办理 otherwise (also when its outcome cannot be placed: an L2/L3
error, which stops adoption). （七）总计 counts the answered ones and 总计 adds the columns.
So the derived table satisfies H1–H3 by construction (tests/ledger/test_derive.py runs the
checking engine on it), and no cell is blank (H5).
"""

import datetime
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, Value, When
from django.db.models.functions import Cast

from gkreport.checks import CheckResult, check_ledger
from gkreport.checks.ledger import ledger_format, replied_in_year
from gkreport.formats.ledger import ledger_terms
from gkreport.ledger.models import Entry

ENTRY_FIELDS = (
    "code_text",
    "received_on",
    "replied_on",
    "extended",
    "outcome",
    "reason",
    "applicant_type",
    "carried_from__year",
    "carried_from__replied_on",
)


def ledger_dict(agency_id: int, year: int, fmt) -> dict:
    """The ledger dict the rules and the derivation read (gkreport/checks/ledger.py), in
    the ledger's order: one query, no model instances."""
    rows = (
        Entry.objects.filter(agency_id=agency_id, year=year)
        .order_by("received_on", "id")
        # The code as the database spells it: turning 5,000 of them into UUIDs took half
        # the time of reading the ledger. Dashes or not, `entry_id` makes it one form.
        .annotate(code_text=Cast("code", CharField()))
        .values_list(*ENTRY_FIELDS)
    )
    entries = []
    for number, row in enumerate(rows, start=1):
        entry = dict(zip(ENTRY_FIELDS, row, strict=True))
        entry["id"] = entry.pop("code_text").replace("-", "")
        entry["number"] = number
        # A copy carried over whose original has since been answered within its own year
        # (last year's ledger corrected after the carrying) would be counted twice.
        original_year = entry.pop("carried_from__year")
        answered = entry.pop("carried_from__replied_on")
        if answered is not None and answered <= datetime.date(original_year, 12, 31):
            entry["carried_answered_on"] = answered
        entries.append(entry)
    return {"year": year, "format": fmt.version, "entries": entries}


def entry_id(entry: Entry) -> str:
    """How the ledger dict and its findings name an application: its code's 32 hex digits."""
    return entry.code.hex


def derive(ledger: dict) -> dict[str, int]:
    """{table-3 cell code: count} for every cell of table 3, from a ledger dict."""
    fmt = ledger_format(ledger)
    year = ledger["year"]
    start = datetime.date(year, 1, 1)
    groups = Counter(
        (
            entry["applicant_type"],
            entry["received_on"] < start,
            replied_in_year(entry, year),
            entry.get("outcome") or "",
            entry.get("reason") or "",
        )
        for entry in ledger["entries"]
    )
    return _count(groups, ledger_terms(fmt))


def table3_figures(agency_id: int, year: int, fmt) -> dict[str, int]:
    """The same figures counted by the database: one query that returns a row per kind of
    application (applicant, carried over or not, answered in the year or not, outcome),
    whatever the size of the ledger."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    rows = (
        Entry.objects.filter(agency_id=agency_id, year=year)
        .annotate(
            carried=Case(When(received_on__lt=start, then=Value(True)), default=Value(False)),
            answered=Case(When(replied_on__lte=end, then=Value(True)), default=Value(False)),
        )
        .values_list("applicant_type", "carried", "answered", "outcome", "reason")
        .annotate(count=Count("id"))
        .order_by()
    )
    groups = Counter()
    for applicant, carried, answered, outcome, reason, count in rows:
        groups[(applicant, bool(carried), bool(answered), outcome, reason)] += count
    return _count(groups, ledger_terms(fmt))


def _count(groups: Counter, terms) -> dict[str, int]:
    """Each kind of application counted where it came from and where it went."""
    applicants = [a.key for a in terms.applicants]
    counts = dict.fromkeys(((row, c) for row in terms.row_order for c in applicants), 0)
    rows = terms.result_rows
    for (column, carried, answered, outcome, reason), number in groups.items():
        if column not in applicants:
            continue  # not an applicant type of this format: counted nowhere (refused on entry)
        counts[(terms.carried_over if carried else terms.received, column)] += number
        row = rows.get((outcome, reason)) or rows.get((outcome, ""))
        if row is not None and answered:
            counts[(row, column)] += number
            counts[(terms.processed, column)] += number
        else:
            counts[(terms.carried_forward, column)] += number
    figures = {}
    for row in terms.row_order:
        for column in applicants:
            figures[terms.code(row, column)] = counts[(row, column)]
        figures[terms.code(row, terms.total)] = sum(counts[(row, c)] for c in applicants)
    return figures


def digest(figures: dict) -> str:
    """What the adopt page showed: a save based on other figures is refused."""
    text = json.dumps(figures, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@dataclass
class LedgerState:
    """A ledger at a glance: its applications (as dicts), derived table 3, findings."""

    ledger: dict
    figures: dict[str, int]
    result: CheckResult
    by_entry: dict[str, list] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.ledger["entries"])

    @property
    def blocked(self) -> bool:
        """Errors in the ledger: its table 3 is not adopted until they are fixed."""
        return bool(self.result.errors)


def ledger_state(agency_id: int, year: int, fmt) -> LedgerState:
    ledger = ledger_dict(agency_id, year, fmt)
    result = check_ledger(ledger)
    by_entry: dict[str, list] = {}
    for finding in result.findings:
        by_entry.setdefault(finding.entry, []).append(finding)
    return LedgerState(ledger, derive(ledger), result, by_entry)


def key_figures(state: LedgerState, fmt) -> list[tuple[str, int]]:
    """The four totals of table 3's relation, named as the template's rows are."""
    keys = fmt.key_cells
    codes = (keys.received, keys.carried_over, keys.processed, keys.carried_forward)
    return [(fmt.cell_map[code].row_brief, state.figures[code]) for code in codes]
