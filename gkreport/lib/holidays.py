"""Days that may be statutory holidays in China, for counting working days without ever
counting too many.

The State Council publishes each year's schedule (国务院办公厅关于节假日安排的通知): the days
off around 元旦, 春节, 清明, 劳动节, 端午, 中秋 and 国庆, and weekend days worked in their place
(调休). Rather than a copy of every notice (one wrong day would make a finding untrue), this
module gives, per year, windows that hold every day the schedule can give off: the fixed dates
with their usual spread, and the lunar festivals' dates with a few days either side. A weekday
inside a window is counted as not working. So a count of working days made with these windows
is never more than the true one (调休 days only add working days): a reply found late by
it is late under whatever the year's schedule was. Years not listed give None: the caller
stays silent rather than guess.
"""

import bisect
import datetime
from functools import lru_cache

# The lunar festivals' dates (正月初一, 五月初五, 八月十五).
SPRING_FESTIVAL = {
    2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10),
    2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
}  # fmt: skip
DRAGON_BOAT = {
    2019: (6, 7), 2020: (6, 25), 2021: (6, 14), 2022: (6, 3), 2023: (6, 22), 2024: (6, 10),
    2025: (5, 31), 2026: (6, 19), 2027: (6, 9), 2028: (5, 28), 2029: (6, 16), 2030: (6, 5),
}  # fmt: skip
MID_AUTUMN = {
    2019: (9, 13), 2020: (10, 1), 2021: (9, 21), 2022: (9, 10), 2023: (9, 29), 2024: (9, 17),
    2025: (10, 6), 2026: (9, 25), 2027: (9, 15), 2028: (10, 3), 2029: (9, 22), 2030: (9, 12),
}  # fmt: skip

# (month, day) to (month, day), inclusive: the fixed holidays with the days schedules add.
FIXED = (
    ((1, 1), (1, 3)),  # 元旦 (and 12-30/31 below, when it starts the year before)
    ((4, 2), (4, 6)),  # 清明
    ((4, 29), (5, 5)),  # 劳动节
    ((9, 29), (10, 8)),  # 国庆
    ((12, 30), (12, 31)),  # next year's 元旦
)
# Days before and after a lunar festival's date that its days off can cover.
AROUND = {"spring": (2, 8), "dragon": (2, 2), "mid_autumn": (2, 2)}


def windows(year: int) -> list[tuple[datetime.date, datetime.date]] | None:
    if year not in SPRING_FESTIVAL:
        return None
    result = [(datetime.date(year, *start), datetime.date(year, *end)) for start, end in FIXED]
    for table, name in (
        (SPRING_FESTIVAL, "spring"),
        (DRAGON_BOAT, "dragon"),
        (MID_AUTUMN, "mid_autumn"),
    ):
        day = datetime.date(year, *table[year])
        before, after = AROUND[name]
        result.append((day - datetime.timedelta(days=before), day + datetime.timedelta(days=after)))
    return result


@lru_cache(maxsize=64)
def _weekdays_in_windows(year: int) -> tuple[datetime.date, ...] | None:
    spans = windows(year)
    if spans is None:
        return None
    days = set()
    for first, last in spans:
        day = first
        while day <= last:
            if day.weekday() < 5:
                days.add(day)
            day += datetime.timedelta(days=1)
    return tuple(sorted(days))


def possible_holiday_weekdays(start: datetime.date, end: datetime.date) -> int | None:
    """Weekdays after `start` up to and including `end` that may be holidays; None when a
    year of the span is not known. (A ledger of thousands of applications asks per row.)"""
    count = 0
    for year in range(start.year, end.year + 1):
        days = _weekdays_in_windows(year)
        if days is None:
            return None
        count += bisect.bisect_right(days, end) - bisect.bisect_right(days, start)
    return count
