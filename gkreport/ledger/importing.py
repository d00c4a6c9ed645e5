"""Importing an agency's own Excel ledger: its columns mapped to the ledger's, each row read
as the grid reads a row, a preview of what will be imported and what will not, then the
import of the readable rows.

The mapping is guessed from the file's header (the ledger's own names first, then words
agencies' ledgers use), and the person confirms or changes it. A row already in the ledger
(same number, or same date, applicant and subject) is not imported twice.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from gkreport.formats.ledger import ledger_terms
from gkreport.ledger.excel import Sheet
from gkreport.ledger.fields import BY_NAME, FIELDS, clean_row, norm
from gkreport.ledger.models import Entry, Upload

KEEP_UPLOADS = datetime.timedelta(days=1)
SHOWN_PROBLEMS = 50

# Words in the headers of agencies' own ledgers → the ledger's column; the first field
# whose words a header holds takes it (the more specific fields come first).
GUESSES = (
    ("applicant_type", ("申请人类型", "申请人类别", "主体类型", "申请人性质", "类型", "类别")),
    ("received_on", ("收到", "受理日期", "申请日期", "申请时间", "登记日期", "来件日期")),
    ("replied_on", ("答复日期", "答复时间", "办结日期", "办结时间", "回复日期", "告知日期")),
    ("reason", ("具体情形", "情形", "理由", "原因")),
    ("outcome", ("办理结果", "答复结果", "处理结果", "答复类型", "答复情况", "结果")),
    ("channel", ("申请方式", "申请渠道", "渠道", "方式", "途径")),
    ("extended", ("延期", "延长")),
    ("reference", ("申请编号", "编号", "登记号", "受理号", "文号")),
    ("subject", ("申请内容", "申请事项", "所需信息", "内容", "事项")),
    ("applicant", ("申请人", "姓名", "名称", "单位")),
    ("note", ("备注", "说明")),
)

ERRORS = {
    "twice": "“{label}”对应了不止一列，每个台账列只能对应文件的一列",
    "required": "请指定文件中哪一列是“{label}”（必须导入）",
}


def guess(header: list[str]) -> dict[str, int]:
    """{field name: column index} as the header suggests it."""
    mapping: dict[str, int] = {}
    names = [norm(text) for text in header]
    for field_ in FIELDS:  # a column named exactly as the ledger's
        if norm(field_.label) in names:
            mapping[field_.name] = names.index(norm(field_.label))
    for name, words in GUESSES:
        if name in mapping:
            continue
        for index, text in enumerate(names):
            if index not in mapping.values() and any(norm(w) in text for w in words):
                mapping[name] = index
                break
    return mapping


def mapping_errors(mapping: dict[int, str]) -> list[str]:
    """mapping: {column index: field name} as chosen; what is wrong with it."""
    chosen = list(mapping.values())
    errors = [
        ERRORS["twice"].format(label=BY_NAME[name].label)
        for name in dict.fromkeys(chosen)
        if chosen.count(name) > 1
    ]
    errors += [
        ERRORS["required"].format(label=f.label)
        for f in FIELDS
        if f.required and f.name not in chosen
    ]
    return errors


@dataclass
class Problem:
    row: int  # the row number in the file
    messages: list[str]


@dataclass
class Preview:
    ready: list[dict] = field(default_factory=list)  # the values of each readable row
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)  # row numbers already in the ledger

    @property
    def shown_problems(self) -> list[Problem]:
        return self.problems[:SHOWN_PROBLEMS]


def preview(ledger, sheet: Sheet, mapping: dict[int, str]) -> Preview:
    terms = ledger_terms(ledger.fmt)
    known = _known(ledger)
    result = Preview()
    for offset, cells in enumerate(sheet.rows, start=1):
        number = sheet.header_row + offset
        typed = {name: cells[index] for index, name in mapping.items() if index < len(cells)}
        values, errors = clean_row(typed, None, terms, ledger.year)
        if errors:
            messages = [
                f"{BY_NAME[name].label}“{typed.get(name, '')}”：{text}"
                if typed.get(name)
                else f"{BY_NAME[name].label}：{text}"
                for name, text in errors.items()
            ]
            result.problems.append(Problem(number, messages))
            continue
        key = _identity(values)
        if key in known:  # in the ledger, or on an earlier line of this file
            result.duplicates.append(number)
            continue
        known.add(key)
        result.ready.append(values)
    return result


def _identity(values) -> tuple:
    """What makes two rows the same application: its number when it has one, otherwise
    its date, applicant and subject."""
    if values.get("reference"):
        return ("reference", values["reference"])
    return (values["received_on"], values.get("applicant", ""), values.get("subject", ""))


def _known(ledger) -> set:
    rows = ledger.entries().values_list("reference", "received_on", "applicant", "subject")
    known = set()
    for reference, received, applicant, subject in rows:
        known.add(("reference", reference) if reference else (received, applicant, subject))
    return known


def import_upload(ledger, upload: Upload, sheet: Sheet, mapping: dict[int, str]) -> int | None:
    """Import the upload's ready rows once: removing the upload claims it, inside the same
    transaction, so a second click (or a second tab) that arrives meanwhile waits for the
    first and then finds nothing to import (None). The rows are read again there, against
    the ledger as it is then."""
    with transaction.atomic():
        claimed, _ = Upload.objects.filter(pk=upload.pk).delete()
        if not claimed:
            return None
        return import_rows(ledger, preview(ledger, sheet, mapping).ready)


def import_rows(ledger, ready: list[dict]) -> int:
    with transaction.atomic():
        Entry.objects.bulk_create(
            (Entry(agency=ledger.agency, year=ledger.year, **values) for values in ready),
            batch_size=500,
        )
    return len(ready)


def store_upload(ledger, user, name: str, sheet: Sheet) -> Upload:
    """Keep the file's cells for the mapping step; uploads older than a day go."""
    Upload.objects.filter(created__lt=timezone.now() - KEEP_UPLOADS).delete()
    return Upload.objects.create(
        agency=ledger.agency,
        year=ledger.year,
        user=user,
        name=name[:255],
        header=sheet.header,
        rows=sheet.rows,
        header_row=sheet.header_row,
    )


def upload_sheet(upload: Upload) -> Sheet:
    return Sheet(upload.header, upload.rows, upload.header_row)
