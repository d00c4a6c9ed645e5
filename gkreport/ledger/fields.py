"""The ledger's columns: how each is shown in the grid and the Excel files, and how what a
person typed, pasted or imported is read back.

Reading never guesses: a category is recognised by the template's own words (with or
without its numbering, half- or full-width) and a few everyday names listed here; anything
else is refused with a message that lists what is accepted, and the caller keeps the text.
"""

import re
import unicodedata
from dataclasses import dataclass

from gkreport.formats.ledger import LedgerTerms
from gkreport.ledger.models import Channel
from gkreport.lib.dates import date_text, read_date
from gkreport.lib.text import normalise_text

TEXT = "text"
DATE = "date"
CHANNEL = "channel"
APPLICANT = "applicant"
OUTCOME = "outcome"
REASON = "reason"
FLAG = "flag"


@dataclass(frozen=True)
class Field:
    name: str  # the Entry field
    label: str  # the column heading
    kind: str
    max_chars: int = 40
    required: bool = False
    width: str = "md"  # xs | sm | md | lg: the grid column's width


FIELDS = (
    Field("reference", "申请编号", TEXT, 50, width="xs"),
    Field("received_on", "收到申请日期", DATE, required=True, width="sm"),
    Field("channel", "申请方式", CHANNEL, width="xs"),
    Field("applicant", "申请人", TEXT, 200),
    Field("applicant_type", "申请人类型", APPLICANT, required=True),
    Field("subject", "申请内容", TEXT, 2000, width="lg"),
    Field("outcome", "办理结果", OUTCOME),
    Field("reason", "具体情形", REASON, width="lg"),
    Field("replied_on", "答复日期", DATE, width="sm"),
    Field("extended", "延期答复", FLAG, width="xs"),
    Field("note", "备注", TEXT, 500),
)
BY_NAME = {field.name: field for field in FIELDS}

YES, NO = "是", "否"
MAX_CATEGORY_CHARS = 100  # the longest category with its reason is under 50 characters
TRUE_WORDS = {"是", "延期", "已延期", "√", "✓", "y", "yes", "1", "true"}
FALSE_WORDS = {"否", "不延期", "未延期", "×", "n", "no", "0", "false"}

# Everyday names agencies' own ledgers use for a channel or an applicant type.
CHANNEL_WORDS = {
    Channel.IN_PERSON: ("当面", "当面申请", "现场", "窗口", "面对面"),
    Channel.LETTER: ("信函", "信函申请", "邮寄", "来信", "书面", "挂号信"),
    Channel.ONLINE: ("网络", "网络申请", "网上", "网上申请", "在线", "网站", "平台", "互联网"),
    Channel.FAX: ("传真", "传真申请"),
    Channel.EMAIL: ("电子邮件", "电子邮箱", "邮箱", "email", "e-mail"),
    Channel.OTHER: ("其他", "其它"),
}
APPLICANT_WORDS = {"natural": ("个人", "公民"), "commercial": ("企业",), "other_org": ("其他组织",)}

ERRORS = {
    "required": "必须填写",
    "too_long": "过长（{length}个字，最多{limit}个字）",
    "channel": "“{text}”不是申请方式，请填写{choices}",
    "applicant": "“{text}”不是申请人类型，请填写{choices}",
    "outcome": "“{text}”不是办理结果的类别，请填写{choices}",
    "reason": "“{text}”不是“{outcome}”的具体情形，请填写{choices}",
    "reason_alone": "“{text}”不是具体情形，请先填写办理结果",
    "reason_unneeded": "“{outcome}”不分具体情形，请留空",
    "flag": "“{text}”看不出是否延期，请填写“是”或留空",
    "received_late": "晚于{year}年12月31日：这件申请应记入{next}年的台账",
    "reply_early": "答复日期早于收到申请的日期",
}

_SPACE = re.compile(r"[\s\u00a0\u3000]+")
_QUOTES = str.maketrans("", "", "“”\"'‘’「」")
_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、]?)")
_REMARK = re.compile(r"\([^)]*\)$")
_SEPARATORS = " :：-—－/、,，;；(（)）.·・"


def norm(text: str) -> str:
    """Text as compared: full-width forms folded (NFKC), no spaces or quotes, lower case."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_QUOTES).lower()


def bare(text: str) -> str:
    """Compared text without a leading number (“1.”, “(三)”, “三、”) or a trailing remark."""
    return _REMARK.sub("", _NUMBER.sub("", norm(text)))


@dataclass
class Reading:
    value: object = None
    error: str = ""
    # The other half of an outcome and its reason: an outcome written with its reason
    # (“不予公开（属于国家秘密）”) implies the reason, a reason of one outcome only the outcome.
    implies: str | None = None


def _error(code: str, **params) -> Reading:
    return Reading(error=ERRORS[code].format(**params))


def read_text(field: Field, text: str) -> Reading:
    cleaned, _ = normalise_text(text or "")
    cleaned = cleaned.strip()
    if len(cleaned) > field.max_chars:
        return _error("too_long", length=len(cleaned), limit=field.max_chars)
    return Reading(cleaned)


def read_channel(text: str) -> Reading:
    wanted = norm(text)
    for channel, words in CHANNEL_WORDS.items():
        if wanted in {norm(word) for word in words}:
            return Reading(str(channel))
    return _error("channel", text=text.strip(), choices="、".join(Channel.labels))


def read_applicant(text: str, terms: LedgerTerms) -> Reading:
    wanted = norm(text)
    for applicant in terms.applicants:
        names = {applicant.label, *APPLICANT_WORDS.get(applicant.key, ())}
        if wanted in {norm(name) for name in names}:
            return Reading(applicant.key)
        group = norm(applicant.group)
        if group and wanted.startswith(group):
            rest = wanted[len(group) :].strip(_SEPARATORS)
            if rest == norm(applicant.label):
                return Reading(applicant.key)
    choices = "、".join(a.label for a in terms.applicants)
    return _error("applicant", text=text.strip(), choices=choices)


def read_outcome(text: str, terms: LedgerTerms) -> Reading:
    """An outcome category, or a category and its reason written together
    (“不予公开（属于国家秘密）”, “无法提供-1”)."""
    full = norm(text)
    unnumbered = _NUMBER.sub("", full)
    for outcome in terms.outcomes:
        if full == norm(outcome.label) or unnumbered == bare(outcome.label):
            return Reading(outcome.key)
    for outcome in terms.outcomes:
        name = bare(outcome.label)
        start = full.find(name)
        if outcome.reasons and start != -1:
            rest = full[start + len(name) :].strip(_SEPARATORS)
            found = _reason_of(outcome, rest) if rest else None
            if found:
                return Reading(outcome.key, implies=found.row)
    for outcome in terms.outcomes:  # the label with a remark of its own wording
        if bare(text) == bare(outcome.label):
            return Reading(outcome.key)
    choices = "、".join(o.name for o in terms.outcomes)
    return _error("outcome", text=text.strip(), choices=choices)


def read_reason(text: str, outcome_key: str, terms: LedgerTerms) -> Reading:
    """A reason of the outcome (its label, without numbering, its short name or its
    number alone); without an outcome, a reason that belongs to one outcome only."""
    if not norm(text):
        return Reading("")
    outcome = terms.outcome(outcome_key) if outcome_key else None
    if outcome is not None:
        if not outcome.reasons:
            return _error("reason_unneeded", outcome=outcome.name)
        found = _reason_of(outcome, norm(text))
        if found:
            return Reading(found.row)
        choices = "、".join(r.label for r in outcome.reasons)
        return _error("reason", text=text.strip(), outcome=outcome.name, choices=choices)
    matches = [(o, r) for o in terms.outcomes for r in o.reasons if _names_reason(r, bare(text))]
    if len(matches) == 1:
        outcome, reason = matches[0]
        return Reading(reason.row, implies=outcome.key)
    return _error("reason_alone", text=text.strip())


def _reason_of(outcome, wanted: str):
    """wanted: compared text (norm)."""
    number = wanted.rstrip(".、")
    if number.isdigit() and 1 <= int(number) <= len(outcome.reasons):
        return outcome.reasons[int(number) - 1]
    stripped = _REMARK.sub("", _NUMBER.sub("", wanted))
    return next((r for r in outcome.reasons if _names_reason(r, stripped)), None)


def _names_reason(reason, stripped: str) -> bool:
    return stripped in {bare(reason.label), bare(reason.short), norm(reason.short)}


def read_flag(text: str) -> Reading:
    wanted = norm(text)
    if not wanted or wanted in {norm(w) for w in FALSE_WORDS}:
        return Reading(False)
    if wanted in {norm(w) for w in TRUE_WORDS}:
        return Reading(True)
    return _error("flag", text=text.strip())


def read_field(field: Field, text, terms: LedgerTerms, outcome: str = "") -> Reading:
    """One cell. `outcome`: the row's outcome, for its reason."""
    if field.kind == DATE:
        reading = read_date(text)
        return Reading(reading.value, reading.error or "")
    text = "" if text is None else str(text)
    if field.kind == TEXT:
        return read_text(field, text)
    if not norm(text):
        return Reading(False if field.kind == FLAG else "")
    if len(text.strip()) > MAX_CATEGORY_CHARS:  # no category is worded at such length
        return _error("too_long", length=len(text.strip()), limit=MAX_CATEGORY_CHARS)
    if field.kind == CHANNEL:
        return read_channel(text)
    if field.kind == APPLICANT:
        return read_applicant(text, terms)
    if field.kind == OUTCOME:
        return read_outcome(text, terms)
    if field.kind == REASON:
        return read_reason(text, outcome, terms)
    return read_flag(text)


def shown(field: Field, value, terms: LedgerTerms, outcome: str = "") -> str:
    """A stored value as its field shows it (and reads it back)."""
    if field.kind == DATE:
        return date_text(value)
    if field.kind == FLAG:
        return YES if value else ""
    if not value:
        return ""
    if field.kind == CHANNEL:
        return Channel(value).label if value in Channel.values else value
    if field.kind == APPLICANT:
        applicant = terms.applicant(value)
        return applicant.label if applicant else value
    if field.kind == OUTCOME:
        found = terms.outcome(value)
        return found.name if found else value
    if field.kind == REASON:
        found = terms.outcome(outcome)
        reason = found.reason(value) if found else None
        return reason.label if reason else value
    return str(value)


def choices(field: Field, terms: LedgerTerms) -> list[tuple[str, str]]:
    """(value, hint) for a column's list of suggestions (the grid's datalist, the Excel
    template's drop-down)."""
    if field.kind == CHANNEL:
        return [(label, "") for label in Channel.labels]
    if field.kind == APPLICANT:
        return [(a.label, a.group) for a in terms.applicants]
    if field.kind == OUTCOME:
        return [(o.name, o.label) for o in terms.outcomes]
    if field.kind == REASON:
        return [(r.label, o.name) for o in terms.outcomes for r in o.reasons]
    if field.kind == FLAG:
        return [(YES, "延期答复"), (NO, "")]
    return []


def entry_values(entry, terms: LedgerTerms) -> dict[str, str]:
    """Every field of a stored application as shown."""
    return {
        field.name: shown(field, getattr(entry, field.name), terms, entry.outcome)
        for field in FIELDS
    }


def clean_row(typed: dict, stored: dict | None, terms: LedgerTerms, year: int):
    """(values to store, {field: message}) for one row. `typed`: the texts of the fields
    that changed (every field of a new row; the reason too whenever the outcome changed);
    `stored`: the row's stored values (None for a new row). A refused field is left out of
    the values: its stored value stays."""
    stored = stored or {}
    values, errors = {}, {}
    for field in FIELDS:
        if field.name in typed and field.kind != REASON:
            reading = read_field(field, typed[field.name], terms)
            if reading.error:
                errors[field.name] = reading.error
                continue
            values[field.name] = reading.value
            if reading.implies is not None and not norm(typed.get("reason", "")):
                values["reason"] = reading.implies  # the outcome was written with its reason
    if norm(typed.get("reason", "")) or ("reason" in typed and "reason" not in values):
        outcome = values.get("outcome", stored.get("outcome", ""))
        reading = read_field(BY_NAME["reason"], typed["reason"], terms, outcome)
        if reading.error:
            errors["reason"] = reading.error
        else:
            values["reason"] = reading.value
            if reading.implies and not outcome:
                values["outcome"] = reading.implies
    final = {**stored, **values}
    for field in FIELDS:
        if field.required and field.name not in errors and final.get(field.name) in (None, ""):
            errors[field.name] = ERRORS["required"]
            values.pop(field.name, None)
    _check_dates(final, values, errors, typed, year)
    return values, errors


def _check_dates(final, values, errors, typed, year):
    received, replied = final.get("received_on"), final.get("replied_on")
    if "received_on" not in errors and received and received.year > year:
        errors["received_on"] = ERRORS["received_late"].format(year=year, next=received.year)
        values.pop("received_on", None)
    if received and replied and replied < received:
        # The date just typed is the one refused (the reply date when both were).
        name = (
            "replied_on" if "replied_on" in typed or "received_on" not in typed else "received_on"
        )
        if name not in errors:
            errors[name] = ERRORS["reply_early"]
            values.pop(name, None)
