"""Text that a spreadsheet would run as a formula is neutralised; numbers stay numbers."""

from decimal import Decimal

import pytest

from gkreport.lib.spreadsheet import safe_cell, safe_row


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example","点击")',
        "=1+1",
        "+1+1",
        "-1+1",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
    ],
)
def test_formula_text_is_prefixed_with_a_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-5, Decimal("-15.5"), 3.0, 0, None, "-5", "+3.5", "测试市", ""])
def test_numbers_and_plain_text_are_left_alone(value):
    assert safe_cell(value) == value


def test_a_row_is_neutralised_cell_by_cell():
    assert safe_row(["=1+1", -2, "机关"]) == ["'=1+1", -2, "机关"]
