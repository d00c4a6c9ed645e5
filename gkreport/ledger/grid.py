"""The ledger's grid: a page of applications as inputs, saved row by row.

Nothing typed is lost. A save reads every posted row; a field that cannot be read keeps its
stored value and comes back with the typed text and the reason; a new row is stored only
when all of it can be read, otherwise it comes back as typed. A row changed by someone
else since the page was drawn (its version) is not saved and comes back with the person's
text. The rest is saved.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from gkreport.formats.ledger import ledger_terms
from gkreport.ledger.fields import BY_NAME, FIELDS, clean_row, entry_values
from gkreport.ledger.models import Entry

PAGE_SIZE = 100
MAX_NEW_ROWS = 500  # one save of pasted rows; more come through the Excel import
MAX_POSTED_ROWS = 2 * PAGE_SIZE
BLANK_ROWS = 5

ERRORS = {
    "conflict": "这一行已被他人修改，您的修改没有保存（仍显示在下面）；请刷新页面核对后再改",
    "too_many_new": "一次最多新增{limit}条申请，这次有{count}条，都没有保存（仍显示在下面）。"
    "请分批保存，或用“从Excel导入”",
    "ledger_full": "台账最多{limit}条申请，已有{count}条，新增的{new}条没有保存（仍显示在下面）",
    "gone": "这一行已被他人删除，您的修改没有保存；如仍需要，请作为新的一行保存",
}
REFUSED_KEPT = "{done}；标红的内容没有保存（原内容不变），下面仍是您输入的文字，请修改后再保存。"
# Rows someone else deleted come back as new rows from this index on, with what was typed.
GONE_INDEX = 900000

_EXISTING = re.compile(r"^e-([0-9a-f-]{36})-v$")
_NEW = re.compile(r"^n-(\d{1,6})-(\w+)$")


@dataclass
class Row:
    """One row of the grid as drawn: what its inputs hold and what is wrong with it."""

    key: str  # “e-<code>” for a stored application, “n-<index>” for a new one
    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    entry: Entry | None = None
    number: int | None = None
    note: str = ""  # about the whole row (a conflict)
    # The version the person's text was typed against, kept after a conflict: saving it
    # again is refused again until the page is reloaded with the other person's change.
    version: str | None = None


@dataclass
class Saved:
    created: list = field(default_factory=list)
    changed: int = 0
    deleted: int = 0
    refused: dict[str, Row] = field(default_factory=dict)  # key → the row as typed
    messages: list[str] = field(default_factory=list)

    @property
    def anything(self) -> bool:
        return bool(self.created or self.changed or self.deleted)


def save_grid(ledger, post) -> Saved:
    terms = ledger_terms(ledger.fmt)
    saved = Saved()
    with transaction.atomic():
        _save_existing(ledger, post, terms, saved)
        _save_new(ledger, post, terms, saved)
    return saved


def _typed(post, key) -> dict[str, str]:
    return {f.name: post.get(f"{key}-{f.name}", "") for f in FIELDS}


def _save_existing(ledger, post, terms, saved):
    codes = [m.group(1) for k in post if (m := _EXISTING.match(k))][:MAX_POSTED_ROWS]
    entries = list(ledger.entries().filter(code__in=codes))
    found = {str(entry.code) for entry in entries}
    for index, code in enumerate(c for c in codes if c not in found):
        typed = _typed(post, f"e-{code}")
        if any(text.strip() for text in typed.values()) and not post.get(f"e-{code}-del"):
            key = f"n-{GONE_INDEX + index}"
            saved.refused[key] = Row(key, typed, note=ERRORS["gone"])
    for entry in entries:
        key = f"e-{entry.code}"
        typed = _typed(post, key)
        stored = entry_values(entry, terms)
        delete = bool(post.get(f"{key}-del"))
        changed = {name: text for name, text in typed.items() if text != stored[name]}
        if not changed and not delete:
            continue
        if str(entry.version) != post.get(f"{key}-v"):
            saved.refused[key] = _conflict(key, typed, entry, post)
            continue
        if delete:
            entry.delete()
            saved.deleted += 1
            continue
        if "outcome" in changed:
            changed["reason"] = typed["reason"]  # read again against the new outcome
        values, errors = clean_row(changed, _stored(entry), terms, ledger.year)
        if values and _update(entry, values):
            saved.changed += 1
        elif values:
            saved.refused[key] = _conflict(key, typed, entry, post)
            continue
        if errors:
            saved.refused[key] = Row(key, typed, errors, entry=entry)


def _conflict(key, typed, entry, post) -> Row:
    version = post.get(f"{key}-v")
    return Row(key, typed, entry=entry, note=ERRORS["conflict"], version=version)


def _stored(entry) -> dict:
    return {f.name: getattr(entry, f.name) for f in FIELDS}


def _update(entry, values) -> bool:
    """A conditional update on the version the person saw: False if someone was faster."""
    updated = Entry.objects.filter(pk=entry.pk, version=entry.version).update(
        **values, version=F("version") + 1, updated=timezone.now()
    )
    return updated == 1


def _save_new(ledger, post, terms, saved):
    indexes = sorted({int(m.group(1)) for k in post if (m := _NEW.match(k))})
    rows = {i: _typed(post, f"n-{i}") for i in indexes}
    rows = {i: typed for i, typed in rows.items() if any(t.strip() for t in typed.values())}
    if not rows:
        return
    count = ledger.entries().count()
    limit = settings.LEDGER_MAX_ENTRIES
    refusal = ""
    if len(rows) > MAX_NEW_ROWS:
        refusal = ERRORS["too_many_new"].format(limit=MAX_NEW_ROWS, count=len(rows))
    elif count + len(rows) > limit:
        refusal = ERRORS["ledger_full"].format(limit=limit, count=count, new=len(rows))
    if refusal:
        saved.messages.append(refusal)
        saved.refused.update({f"n-{i}": Row(f"n-{i}", typed) for i, typed in rows.items()})
        return
    for index, typed in rows.items():
        values, errors = clean_row(typed, None, terms, ledger.year)
        if errors:
            saved.refused[f"n-{index}"] = Row(f"n-{index}", typed, errors)
            continue
        entry = Entry.objects.create(agency=ledger.agency, year=ledger.year, **values)
        saved.created.append(entry)


def unsaved(post) -> dict[str, Row]:
    """Every row of a save that could not be made, as typed: the page shows them back."""
    rows = {}
    for key in post:
        if match := _EXISTING.match(key):
            row_key = f"e-{match.group(1)}"
            rows[row_key] = Row(row_key, _typed(post, row_key), version=post.get(key))
    for index in sorted({int(m.group(1)) for k in post if (m := _NEW.match(k))}):
        typed = _typed(post, f"n-{index}")
        if any(text.strip() for text in typed.values()):
            rows[f"n-{index}"] = Row(f"n-{index}", typed)
    return rows


def _moved(ledger, refused, shown) -> list[Row]:
    """Refused rows of applications that are no longer on this page (others added
    applications before them meanwhile): shown after the page's own, never dropped."""
    missing = [row for key, row in refused.items() if key.startswith("e-") and key not in shown]
    if not missing:
        return []
    entries = {
        str(e.code): e for e in ledger.entries().filter(code__in=[r.key[2:] for r in missing])
    }
    for row in missing:
        row.entry = entries.get(row.key[2:])
    return [row for row in missing if row.entry is not None]


def page_count(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def page_of(ledger, entry) -> int:
    """The page an application is on, in the ledger's order."""
    before = ledger.entries().filter(
        Q(received_on__lt=entry.received_on) | Q(received_on=entry.received_on, id__lt=entry.id)
    )
    return before.count() // PAGE_SIZE + 1


def page_number(text, total: int) -> int:
    """The page asked for; the last (where new applications go) by default or when the
    text is not a page of the ledger."""
    last = page_count(total)
    try:
        number = int(text)
    except (TypeError, ValueError):
        return last
    return number if 1 <= number <= last else last


def page_rows(ledger, number: int, refused: dict[str, Row]) -> list[Row]:
    """The page's applications as stored, a refused row as typed in its place, then the
    new rows that were refused and a few blank ones to type in."""
    terms = ledger_terms(ledger.fmt)
    offset = (number - 1) * PAGE_SIZE
    entries = ledger.entries().order_by("received_on", "id")[offset : offset + PAGE_SIZE]
    rows = []
    for place, entry in enumerate(entries, start=offset + 1):
        key = f"e-{entry.code}"
        row = refused.get(key) or Row(key, entry_values(entry, terms))
        row.entry, row.number = entry, place
        rows.append(row)
    rows.extend(_moved(ledger, refused, {row.key for row in rows}))
    new = [row for key, row in refused.items() if key.startswith("n-")]
    rows.extend(new)
    last = max((int(row.key[2:]) for row in new), default=-1)
    for index in range(last + 1, last + 1 + BLANK_ROWS):
        rows.append(Row(f"n-{index}", {f.name: "" for f in FIELDS}))
    return rows


__all__ = ["BY_NAME", "PAGE_SIZE", "Row", "Saved", "page_rows", "save_grid"]
