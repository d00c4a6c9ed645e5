"""The windows of possible holidays hold every day off of the schedules published for recent
years, so counts made with them never exceed the true number of working days."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from gkreport.lib.holidays import possible_holiday_weekdays, windows

# Days off as published by the State Council (国务院办公厅关于节假日安排的通知).
PUBLISHED = {
    2023: [
        ("2023-01-01", "2023-01-02"), ("2023-01-21", "2023-01-27"), ("2023-04-05", "2023-04-05"),
        ("2023-04-29", "2023-05-03"), ("2023-06-22", "2023-06-24"), ("2023-09-29", "2023-10-06"),
        ("2023-12-30", "2023-12-31"),
    ],
    2024: [
        ("2024-01-01", "2024-01-01"), ("2024-02-10", "2024-02-17"), ("2024-04-04", "2024-04-06"),
        ("2024-05-01", "2024-05-05"), ("2024-06-08", "2024-06-10"), ("2024-09-15", "2024-09-17"),
        ("2024-10-01", "2024-10-07"),
    ],
    2020: [("2020-01-24", "2020-02-02")],  # 春节, extended that year
}  # fmt: skip


def days(first, last):
    day, end = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
    while day <= end:
        yield day
        day += datetime.timedelta(days=1)


def test_every_published_day_off_lies_in_a_window():
    for year, spans in PUBLISHED.items():
        held = windows(year)
        for first, last in spans:
            for day in days(first, last):
                assert any(a <= day <= b for a, b in held), day


def test_a_span_with_no_festival_has_no_possible_holidays():
    assert possible_holiday_weekdays(datetime.date(2024, 3, 1), datetime.date(2024, 3, 29)) == 0


def test_an_unknown_year_is_not_guessed():
    assert possible_holiday_weekdays(datetime.date(2018, 12, 1), datetime.date(2019, 1, 10)) is None


@given(
    st.dates(datetime.date(2019, 1, 1), datetime.date(2030, 12, 31)),
    st.integers(min_value=0, max_value=400),
)
def test_the_count_is_the_weekdays_of_the_span_inside_a_window(start, length):
    end = min(start + datetime.timedelta(days=length), datetime.date(2030, 12, 31))
    expected = sum(
        1
        for day in days(str(start + datetime.timedelta(days=1)), str(end))
        if day.weekday() < 5 and any(a <= day <= b for a, b in windows(day.year))
    )
    assert possible_holiday_weekdays(start, end) == expected
