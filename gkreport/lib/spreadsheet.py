"""Cells for CSV and Excel files that a spreadsheet shows as text instead of running them.

A text cell starting with = + - @ (or a tab or carriage return, per OWASP's CSV injection
guidance) is a formula to Excel and WPS: an agency named =HYPERLINK(…) in open data would
become a live link or worse on every reader's machine. Such text is prefixed with ' so that it
shows as typed. Numbers stay numbers, a negative one too, and so does text that is only a
signed number (Excel reads "-5" as the number it is, never as a formula).
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SIGNED_NUMBER = re.compile(r"[+-]\d+(\.\d+)?")


def safe_cell(value):
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if SIGNED_NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_row(values) -> list:
    return [safe_cell(value) for value in values]
