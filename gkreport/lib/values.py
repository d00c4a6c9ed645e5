"""Reading one statistical value from what a person typed or an import found.

The reader never repairs: it either understands the text exactly or returns an error
with a Chinese message that says why, and the caller keeps the original text.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

COUNT = "count"  # whole number of 件, >= 0
AMOUNT = "amount"  # decimal amount in 万元, >= 0
DELTA = "delta"  # signed whole number (2019 format: 本年增/减)
KINDS = (COUNT, AMOUNT, DELTA)

# Tokens that mean "not applicable" rather than a number.
NOT_APPLICABLE_TOKENS = {"/", "—", "－", "-", "无", "不适用", "／", "——", "\\", "--", "---"}

# Largest values accepted: a count of 件 above a trillion, or more than six
# decimal places in 万元, is a typing or unit error, never a real figure.
MAX_INTEGER_DIGITS = 12
MAX_AMOUNT_DECIMALS = 6

UNITS = {COUNT: ("件", "个", "项"), AMOUNT: ("万元",), DELTA: ("件", "个", "项")}

ERRORS = {
    "negative": "不能为负数",
    "fraction": "件数应为整数，不能有小数",
    "not_a_number": "“{text}”不是数字",
    "too_large": "数值过大（超过{digits}位整数），请检查是否多输入了数字",
    "too_many_decimals": "小数位数过多（最多{decimals}位）",
    "bad_grouping": "“{text}”的千分位分隔符位置不对，请核对数字",
    "wrong_unit_yuan": "金额单位应为万元：“{text}”是以元为单位，请换算为万元后填写",
    "wrong_unit": "“{text}”的单位不对，本格应填写{unit}",
    "odd_digit": "“{text}”中的“{char}”不是普通数字，请只用0-9（全角０-９也可）填写",
}


class NotApplicable:
    """An explicit “/” or “不适用”: the cell was deliberately not given a number."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "NOT_APPLICABLE"

    def __bool__(self):
        return False


NOT_APPLICABLE = NotApplicable()


@dataclass(frozen=True)
class Reading:
    """The outcome of reading one cell: a value, a blank, a “/”, or an error."""

    text: str
    value: int | Decimal | None = None
    not_applicable: bool = False
    error: str | None = None
    error_code: str | None = None

    @property
    def blank(self) -> bool:
        return self.value is None and not self.not_applicable and self.error is None

    @property
    def ok(self) -> bool:
        return self.error is None


def _error(text: str, code: str, **params) -> Reading:
    return Reading(text=text, error=ERRORS[code].format(text=text, **params), error_code=code)


_SPACES = re.compile(r"[\s\u00a0\u3000]+")
_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?$")
_GROUPED_NUMBER = re.compile(r"^[+-]?[0-9]{1,3}([,，\s][0-9]{3})+(\.[0-9]+)?$")
_NUMBER_WITH_UNIT = re.compile(r"^[+\-0-9.,\s]+(万元|元|件|个|项|%|％)$")
FULL_WIDTH_DIGITS = "０１２３４５６７８９"


def odd_digit(text: str) -> str | None:
    """The first character that looks like a digit but is neither ASCII nor full-width:
    “²”, “①”, “١” … NFKC would turn them into digits and change the number (10² → 102)."""
    for char in text:
        if char.isascii() or char in FULL_WIDTH_DIGITS:
            continue
        if char.isnumeric() and any(c.isdigit() for c in unicodedata.normalize("NFKC", char)):
            return char
        if unicodedata.category(char) == "Nd":
            return char
    return None


def normalise_digits(text: str) -> str:
    """Full-width digits, points and signs to ASCII (NFKC), leaving CJK text alone."""
    return unicodedata.normalize("NFKC", text)


def read_value(text: str | None, kind: str = COUNT) -> Reading:
    """Read one cell. `kind` is COUNT, AMOUNT or DELTA (see the format definitions)."""
    if kind not in KINDS:
        raise ValueError(f"unknown value kind {kind!r}")
    original = "" if text is None else str(text)
    stripped = original.strip(" \t\r\n\u00a0\u3000")
    if not stripped:
        return Reading(text=original)
    if stripped in NOT_APPLICABLE_TOKENS or set(stripped) <= {"-", "—", "－"}:
        return Reading(text=original, not_applicable=True)

    char = odd_digit(stripped)
    if char is not None:
        return _error(stripped, "odd_digit", char=char)
    candidate = normalise_digits(stripped)
    # NFKC turns full-width “，” into “,” but keep the check tolerant of both.
    candidate = candidate.replace("，", ",")
    candidate = _strip_unit(candidate, kind)
    if isinstance(candidate, Reading):
        return Reading(text=original, error=candidate.error, error_code=candidate.error_code)
    candidate = candidate.strip()
    if candidate.startswith("−"):  # U+2212 minus sign
        candidate = "-" + candidate[1:]

    if _GROUPED_NUMBER.match(candidate):
        candidate = _SPACES.sub("", candidate).replace(",", "")
    elif "," in candidate or _SPACES.search(candidate):
        squeezed = _SPACES.sub("", candidate)
        if _PLAIN_NUMBER.match(squeezed.replace(",", "")):
            return _error(original.strip(), "bad_grouping")
        return _error(original.strip(), "not_a_number")
    if not _PLAIN_NUMBER.match(candidate):
        return _error(original.strip(), "not_a_number")

    try:
        number = Decimal(candidate)
    except InvalidOperation:  # pragma: no cover - the pattern above rules it out
        return _error(original.strip(), "not_a_number")

    if number < 0 and kind != DELTA:
        return Reading(text=original, error=ERRORS["negative"], error_code="negative")
    integer_part = candidate.lstrip("+-").split(".")[0].lstrip("0")
    if len(integer_part) > MAX_INTEGER_DIGITS:
        return _error(original.strip(), "too_large", digits=MAX_INTEGER_DIGITS)

    if kind == AMOUNT:
        decimals = len(candidate.split(".")[1]) if "." in candidate else 0
        if decimals > MAX_AMOUNT_DECIMALS:
            return _error(original.strip(), "too_many_decimals", decimals=MAX_AMOUNT_DECIMALS)
        return Reading(text=original, value=number)

    if number != number.to_integral_value():
        return Reading(text=original, error=ERRORS["fraction"], error_code="fraction")
    return Reading(text=original, value=int(number))


def _strip_unit(candidate: str, kind: str) -> "str | Reading":
    """Remove one trailing unit allowed for the kind; refuse a unit that changes meaning."""
    for unit in UNITS[kind]:
        if candidate.endswith(unit):
            return candidate[: -len(unit)]
    # The number's class already takes spaces: a second “\s*” before the unit would make
    # the time grow with the square of a run of spaces.
    number_with_unit = _NUMBER_WITH_UNIT.match(candidate)
    if number_with_unit:
        unit = number_with_unit.group(1)
        if kind == AMOUNT and unit == "元":
            return _error(candidate, "wrong_unit_yuan")
        return _error(candidate, "wrong_unit", unit="万元" if kind == AMOUNT else "件数")
    return candidate


def rules_for_browser() -> dict:
    """What static/gkreport/values.js needs to read a cell as read_value does: the tokens,
    units, limits and messages are sent as data, so they are written down once, here."""
    return {
        "not_applicable": sorted(NOT_APPLICABLE_TOKENS),
        "units": {kind: list(units) for kind, units in UNITS.items()},
        "max_integer_digits": MAX_INTEGER_DIGITS,
        "max_amount_decimals": MAX_AMOUNT_DECIMALS,
        "errors": ERRORS,
    }


def has_unit_or_separator(text: str) -> bool:
    """True when a readable amount was written with a unit or thousands separators (S4)."""
    normalised = normalise_digits(text.strip())
    return bool(re.search(r"[,，\s]\d{3}|万元|元$", normalised))


def format_value(value) -> str:
    """The canonical printed form of a value: no separators, no unit; Decimal as written."""
    if value is None or value is NOT_APPLICABLE:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
