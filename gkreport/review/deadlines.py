"""When a region's agencies must have published their report of a year."""

import datetime

from django.utils import timezone

from gkreport.reports.models import Agency
from gkreport.review.models import Deadline


def default_deadline(agency: Agency, year: int) -> datetime.date:
    """条例第四十九条: departments by 31 January; the 本级政府's own report by 31 March."""
    month = 3 if agency.kind == Agency.Kind.GOVERNMENT else 1
    return datetime.date(year + 1, month, 31)


def set_deadlines(years, region_ids) -> dict[tuple[int, int], datetime.date]:
    """{(region id, year): due} for the deadlines an office has set (one query)."""
    rows = Deadline.objects.filter(year__in=set(years), region_id__in=set(region_ids))
    return {
        (region, year): due for region, year, due in rows.values_list("region_id", "year", "due")
    }


def deadline_for(agency: Agency, year: int, deadlines: dict) -> datetime.date:
    return deadlines.get((agency.region_id, year)) or default_deadline(agency, year)


def days_late(submitted_at: datetime.datetime | None, due: datetime.date) -> int:
    """Days after the deadline the report reached the office (0 when on time or not yet).

    The last submission counts: a report returned and sent again after the deadline
    reached the office late, whenever its first version came.
    """
    if submitted_at is None:
        return 0
    return max(0, (timezone.localdate(submitted_at) - due).days)
