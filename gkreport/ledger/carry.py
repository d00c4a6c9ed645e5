"""Applications open at 31 December go on in next year's ledger as 上年结转.

A carried application is a copy linked to the original (`carried_from`, unique): carrying
twice, or two people clicking at once, never makes a second copy. What the original already
says about a reply given after 31 December (date, outcome) comes along, so it is typed once.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q

from gkreport.ledger.models import Entry

COPIED = (
    "reference",
    "received_on",
    "channel",
    "applicant",
    "applicant_type",
    "subject",
    "outcome",
    "reason",
    "replied_on",
    "extended",
    "note",
)


def open_at_year_end(agency, year: int):
    """The applications of a year's ledger not answered by 31 December."""
    end = datetime.date(year, 12, 31)
    return Entry.objects.filter(agency=agency, year=year).filter(
        Q(replied_on__isnull=True) | Q(replied_on__gt=end)
    )


def waiting(agency, year: int):
    """Last year's open applications not yet in this year's ledger."""
    return open_at_year_end(agency, year - 1).filter(carried_to__isnull=True)


def carry_over(agency, year: int, limit: int) -> int:
    """Copy last year's open applications into this year's ledger; returns how many. At
    most `limit` (the room left in the ledger)."""
    created = 0
    for original in waiting(agency, year).order_by("received_on", "id")[:limit]:
        values = {name: getattr(original, name) for name in COPIED}
        try:
            with transaction.atomic():
                Entry.objects.create(agency=agency, year=year, carried_from=original, **values)
        except IntegrityError:
            continue  # carried meanwhile by someone else
        created += 1
    return created
