"""The value reader on every kind of input a person types or an import finds."""

from decimal import Decimal

import pytest

from gkreport.lib.values import (
    AMOUNT,
    COUNT,
    DELTA,
    format_value,
    has_unit_or_separator,
    read_value,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("123", 123),
        ("0", 0),
        ("１２３", 123),  # full-width digits
        (" 7 ", 7),
        ("\u00a07\u3000", 7),  # no-break and ideographic spaces around
        ("1,234", 1234),
        ("1，234", 1234),  # full-width comma
        ("1 234", 1234),  # space as thousands separator
        ("12,345,678", 12345678),
        ("7件", 7),
        ("7 件", 7),
        ("+7", 7),
        ("3.0", 3),  # a whole number written with a zero fraction
    ],
)
def test_it_reads_counts(text, expected):
    reading = read_value(text, COUNT)
    assert reading.ok, reading.error
    assert reading.value == expected
    assert isinstance(reading.value, int)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12872.06", Decimal("12872.06")),
        ("12872.06 万元", Decimal("12872.06")),
        ("12872.06万元", Decimal("12872.06")),
        ("62,544.3758", Decimal("62544.3758")),
        ("5953.02496", Decimal("5953.02496")),
        ("８２７０．０９２", Decimal("8270.092")),
        ("0", Decimal("0")),
    ],
)
def test_it_reads_amounts_as_exact_decimals(text, expected):
    reading = read_value(text, AMOUNT)
    assert reading.ok, reading.error
    assert reading.value == expected
    assert isinstance(reading.value, Decimal)
    assert str(reading.value) == str(expected)  # the stated decimals are kept


@pytest.mark.parametrize("text", ["", "   ", None, "\u3000"])
def test_blank_is_missing_not_zero(text):
    reading = read_value(text, COUNT)
    assert reading.blank
    assert reading.value is None
    assert reading.error is None


@pytest.mark.parametrize("text", ["/", "／", "—", "－", "-", "无", "不适用", "——", "---"])
def test_it_reads_explicit_not_applicable(text):
    reading = read_value(text, COUNT)
    assert reading.not_applicable
    assert reading.value is None
    assert reading.error is None
    assert not reading.blank


@pytest.mark.parametrize(
    "text, kind, message",
    [
        ("-5", COUNT, "不能为负数"),
        ("－5", COUNT, "不能为负数"),
        ("-0.5", AMOUNT, "不能为负数"),
        ("3.5", COUNT, "件数应为整数，不能有小数"),
        ("abc", COUNT, "“abc”不是数字"),
        ("十二", COUNT, "“十二”不是数字"),
        ("<script>alert(1)</script>", COUNT, "“<script>alert(1)</script>”不是数字"),
        ("1e5", COUNT, "“1e5”不是数字"),
        ("12%", COUNT, "“12%”的单位不对，本格应填写件数"),
        ("12872.06 元", AMOUNT, "金额单位应为万元：“12872.06 元”是以元为单位，请换算为万元后填写"),
        ("5 万元", COUNT, "“5 万元”的单位不对，本格应填写件数"),
        ("12,34", COUNT, "“12,34”的千分位分隔符位置不对，请核对数字"),
        ("1,2345", COUNT, "“1,2345”的千分位分隔符位置不对，请核对数字"),
        ("12345678901234567890", COUNT, "数值过大（超过12位整数），请检查是否多输入了数字"),
        ("1.1234567", AMOUNT, "小数位数过多（最多6位）"),
        ("1..2", AMOUNT, "“1..2”不是数字"),
    ],
)
def test_it_rejects_bad_input_with_a_chinese_message(text, kind, message):
    reading = read_value(text, kind)
    assert reading.value is None
    assert reading.error == message
    assert reading.text == text  # what the person typed is kept


def test_a_delta_may_be_negative():
    assert read_value("-3", DELTA).value == -3
    assert read_value("+3", DELTA).value == 3
    assert read_value("3.5", DELTA).error == "件数应为整数，不能有小数"


def test_it_refuses_an_unknown_kind():
    with pytest.raises(ValueError):
        read_value("1", "percent")


@pytest.mark.parametrize(
    "text, flagged",
    [("12872.06 万元", True), ("62,544.3758", True), ("62544.3758", False), ("8270.092", False)],
)
def test_it_tells_a_unit_or_separator_apart_from_a_plain_number(text, flagged):
    assert has_unit_or_separator(text) is flagged


def test_format_value_prints_without_separators_or_unit():
    assert format_value(Decimal("62544.3758")) == "62544.3758"
    assert format_value(1234) == "1234"
    assert format_value(None) == ""


@pytest.mark.parametrize(
    "text, char",
    [
        ("10²", "²"),  # NFKC would read 102
        ("①", "①"),  # NFKC would read 1
        ("١٢", "١"),  # Arabic-Indic digits match \d
        ("१२", "१"),  # Devanagari digits
        ("⑴5", "⑴"),
        ("𝟙𝟚", "𝟙"),  # mathematical digits
        ("3₂", "₂"),
    ],
)
def test_it_refuses_characters_that_only_look_like_digits(text, char):
    for kind in (COUNT, AMOUNT, DELTA):
        reading = read_value(text, kind)
        assert reading.value is None
        assert reading.error_code == "odd_digit"
        assert f"“{char}”不是普通数字" in reading.error
