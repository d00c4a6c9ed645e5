"""Reading a date from what a person typed, pasted or imported, and counting working days.

Like the value reader, the date reader never guesses: it reads the forms agencies write
(2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, full-width digits, a time after the
date) and the serial numbers a spreadsheet copies for a date cell (45356 is 2024-03-05), or
says in Chinese why it cannot. Working days here are Monday to Friday; the weekdays that may
be statutory holidays are gkreport/lib/holidays.py's (L1 subtracts them).
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

EARLIEST_YEAR = 2000  # before the 条例 of 2008 nothing of a ledger can be dated; a typo
LATEST_YEAR = 2100
# Serial numbers of spreadsheet dates (days since 1899-12-30) within those years.
SERIAL_EPOCH = datetime.date(1899, 12, 30)
FIRST_SERIAL = (datetime.date(EARLIEST_YEAR, 1, 1) - SERIAL_EPOCH).days
LAST_SERIAL = (datetime.date(LATEST_YEAR, 12, 31) - SERIAL_EPOCH).days
MAX_DATE_CHARS = 40

ERRORS = {
    "not_a_date": "“{text}”不是日期，请写成2024-03-05、2024/3/5或2024年3月5日",
    "no_such_day": "“{text}”不是存在的日期",
    "year_range": "“{text}”的年份不在{low}至{high}年之间，请核对",
    "too_long": "日期过长（最多{limit}个字符）",
}

_SEPARATED = re.compile(
    r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^(\d{1,6})(?:\.\d+)?$")


@dataclass(frozen=True)
class DateReading:
    text: str
    value: datetime.date | None = None
    error: str | None = None

    @property
    def blank(self) -> bool:
        return self.value is None and self.error is None


def _error(text: str, code: str, **params) -> DateReading:
    return DateReading(text, error=ERRORS[code].format(text=text, **params))


def read_date(text) -> DateReading:
    """A date typed as text, or a date/datetime a spreadsheet reader already made."""
    if isinstance(text, datetime.datetime):
        return _in_range(str(text), text.date())
    if isinstance(text, datetime.date):
        return _in_range(str(text), text)
    original = "" if text is None else str(text)
    stripped = original.strip(" \t\r\n\u00a0\u3000")
    if not stripped:
        return DateReading(original)
    if len(stripped) > MAX_DATE_CHARS:
        return _error("", "too_long", limit=MAX_DATE_CHARS)
    candidate = unicodedata.normalize("NFKC", stripped)
    if match := _SEPARATED.match(candidate) or _COMPACT.match(candidate):
        year, month, day = (int(part) for part in match.groups())
        try:
            return _in_range(stripped, datetime.date(year, month, day))
        except ValueError:
            return _error(stripped, "no_such_day")
    if match := _SERIAL.match(candidate):
        serial = int(match.group(1))
        if FIRST_SERIAL <= serial <= LAST_SERIAL:
            return DateReading(original, SERIAL_EPOCH + datetime.timedelta(days=serial))
    return _error(stripped, "not_a_date")


def _in_range(text: str, value: datetime.date) -> DateReading:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        return _error(text, "year_range", low=EARLIEST_YEAR, high=LATEST_YEAR)
    return DateReading(text, value)


def date_text(value: datetime.date | None) -> str:
    """How a stored date is shown in a field: 2024-03-05 (the reader reads it back)."""
    return value.isoformat() if value else ""


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days (Monday–Friday) after `start` up to and including `end`: the day an
    application is received is not counted, the day of the reply is. 0 when end ≤ start."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    weekday = start.weekday()
    for offset in range(1, rest + 1):
        if (weekday + offset) % 7 < 5:
            count += 1
    return count


def add_working_days(start: datetime.date, count: int) -> datetime.date:
    """The day `count` working days after `start` (the last day of a period so counted)."""
    weeks, rest = divmod(count, 5)
    day = start + datetime.timedelta(weeks=weeks)
    while rest:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            rest -= 1
    # A period of whole weeks that started on a weekend ends on the Friday before.
    while count and day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return day
