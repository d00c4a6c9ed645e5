"""Reading dates as agencies write them, and counting working days."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gkreport.lib.dates import add_working_days, read_date, working_days_between

MARCH_5 = datetime.date(2024, 3, 5)


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05",
        "2024-3-5",
        "2024/3/5",
        "2024.3.5",
        "2024年3月5日",
        "2024 年 3 月 5 日",
        "２０２４年３月５日",
        "20240305",
        "45356",  # a spreadsheet's serial number for the date
        "45356.5",
        "2024-03-05 10:30",
        "2024/3/5 10:30:00",
        MARCH_5,
        datetime.datetime(2024, 3, 5, 10, 30),
    ],
)
def test_it_reads_the_ways_agencies_write_a_date(text):
    assert read_date(text).value == MARCH_5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-02-30", "“2024-02-30”不是存在的日期"),
        ("3月5日", "“3月5日”不是日期，请写成2024-03-05、2024/3/5或2024年3月5日"),
        ("去年", "“去年”不是日期"),
        ("1999-01-01", "“1999-01-01”的年份不在2000至2100年之间，请核对"),
        ("12", "“12”不是日期"),
        ("2024-03-05" * 10, "日期过长（最多40个字符）"),
    ],
)
def test_it_refuses_what_is_not_a_date_in_chinese(text, message):
    reading = read_date(text)
    assert reading.value is None and reading.error.startswith(message)


def test_blank_is_neither_a_date_nor_an_error():
    assert read_date("  ").blank and read_date(None).blank


def test_working_days_skip_weekends_and_not_the_first_day():
    friday = datetime.date(2024, 3, 1)
    assert working_days_between(friday, friday) == 0
    assert working_days_between(friday, datetime.date(2024, 3, 4)) == 1  # Monday
    assert working_days_between(friday, datetime.date(2024, 3, 29)) == 20
    assert add_working_days(friday, 20) == datetime.date(2024, 3, 29)


@given(st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 1, 1)), st.integers(1, 200))
def test_adding_working_days_and_counting_them_agree(start, count):
    end = add_working_days(start, count)
    assert end.weekday() < 5
    assert working_days_between(start, end) == count
    assert working_days_between(start, end - datetime.timedelta(days=1)) == count - 1
