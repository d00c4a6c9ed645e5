"""The plain ledger dict that the ledger rules (L1–L3) read, and small accessors over it.

    {
        "year": 2024,
        "format": "2021",
        "entries": [
            {
                "id": "5b0e…",              # the application's code: findings name it
                "number": 12,               # its place in the ledger (by date received)
                "received_on": date(2024, 3, 5),
                "replied_on": date(2024, 3, 20) or None,
                "extended": False,          # the reply period was extended (延期答复)
                "outcome": "denied" or "",  # a category of formats/ledger.py
                "reason": "denied_state_secret" or "",  # its table-3 row, where it has several
                "carried_answered_on": date(2023, 12, 20),  # only on a copy carried over
                                            # whose original was answered in its own year
            },
            …
        ],
    }

The ledger app builds it from the stored applications (gkreport/ledger/derive.py); the
rules never change it.
"""

import datetime

from gkreport.formats import Format, format_for_year, get_format
from gkreport.formats.ledger import LedgerTerms, ledger_terms


def ledger_format(ledger: dict) -> Format:
    version = ledger.get("format")
    return get_format(version) if version else format_for_year(int(ledger["year"]))


def year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def replied_in_year(entry: dict, year: int) -> bool:
    """Answered by 31 December of the ledger's year (else the application is open then)."""
    replied = entry.get("replied_on")
    return replied is not None and replied <= year_end(year)


def terms(fmt: Format) -> LedgerTerms:
    return ledger_terms(fmt)
