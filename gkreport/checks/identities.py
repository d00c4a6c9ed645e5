"""The one generic evaluator of the identities a format declares (H1–H4).

Counts must match exactly. Amounts are compared with their stated precision: a total is
inconsistent only if no rounding of the stated decimals can make the two sides equal.
"""

from decimal import Decimal

from gkreport.checks import messages
from gkreport.checks.findings import ERROR, Finding
from gkreport.checks.report import figure, present_legacy_cells, unread_cells
from gkreport.formats.model import Format, Identity
from gkreport.lib.values import AMOUNT


def check_identities(report: dict, fmt: Format) -> tuple[list[Finding], list[str]]:
    findings: list[Finding] = []
    not_assessed: list[str] = []
    for identity, left, right in _operands(report, fmt):
        values = {code: figure(report, code) for code in left + right}
        if any(values[code] is None for code in values):
            not_assessed.append(identity.code)
            continue
        if _consistent(fmt, left, right, values):
            continue
        findings.append(
            Finding(
                code=identity.code,
                severity=ERROR,
                cells=left + right,
                message=_message(fmt, identity, left, right, values),
                part=fmt.table(identity.left[0].split(".")[0]).part,
                note=_note(left, right, values),
            )
        )
    return findings, not_assessed


def identities_needing_unread(report: dict, fmt: Format) -> list[str]:
    """Identity codes with an operand the importer never read (so not assessable)."""
    unread = unread_cells(report)
    if not unread:
        return []
    return [
        identity.code
        for identity, left, right in _operands(report, fmt)
        if unread.intersection(left + right)
    ]


def _operands(report: dict, fmt: Format):
    """Each identity with its operands, a legacy row standing in for the rows it replaces."""
    legacy = present_legacy_cells(report, fmt)
    for identity in _with_legacy_rows(fmt, legacy):
        yield (
            identity,
            _substitute_legacy(identity.left, legacy),
            _substitute_legacy(identity.right, legacy),
        )


def _with_legacy_rows(fmt: Format, legacy: dict) -> list[Identity]:
    """The format's identities, where one wholly about replaced rows becomes the legacy row's."""
    if not legacy:
        return list(fmt.identities)
    stands_for = {code: leg for leg, replaced in legacy.items() for code in replaced}
    result: list[Identity] = []
    seen = set()
    for identity in fmt.identities:
        if not all(code in stands_for for code in identity.cells):
            result.append(identity)
            continue
        left = tuple(dict.fromkeys(stands_for[c] for c in identity.left))
        right = tuple(dict.fromkeys(stands_for[c] for c in identity.right))
        if (left, right) in seen:
            continue
        seen.add((left, right))
        table_key, row_key, _ = left[0].split(".")
        title = f"{fmt.table(table_key).name} {_legacy_label(fmt, left[0])}"
        result.append(Identity(identity.rule, row_key, title, left, right))
    return result


def _substitute_legacy(codes: tuple[str, ...], legacy: dict) -> tuple[str, ...]:
    """Where a legacy cell stands for several cells of the operand list, use it instead."""
    result = list(codes)
    for legacy_code, replaced in legacy.items():
        if all(code in result for code in replaced):
            position = result.index(replaced[0])
            result = [code for code in result if code not in replaced]
            result.insert(position, legacy_code)
    return tuple(result)


def holds(fmt: Format, identity: Identity, values: dict) -> bool:
    """Whether the identity holds for these values (False when an operand is missing)."""
    if any(values.get(code) is None for code in identity.cells):
        return False
    return _consistent(fmt, identity.left, identity.right, values)


def _consistent(fmt: Format, left, right, values) -> bool:
    kinds = {_kind(fmt, code) for code in left + right}
    if AMOUNT not in kinds:
        return sum(values[c] for c in left) == sum(values[c] for c in right)
    low_l, high_l = _interval(values[c] for c in left)
    low_r, high_r = _interval(values[c] for c in right)
    return low_l <= high_r and low_r <= high_l


def _interval(numbers) -> tuple[Decimal, Decimal]:
    """The range of true sums that the stated (rounded) numbers allow."""
    low = high = Decimal(0)
    for value in numbers:
        value = Decimal(value)
        exponent = value.as_tuple().exponent
        half_unit = Decimal(5).scaleb(exponent - 1)  # “3” may be 2.5…3.5; “3.0” 2.95…3.05
        low += value - half_unit
        high += value + half_unit
    return low, high


def _kind(fmt: Format, code: str) -> str:
    cell = fmt.cell_map.get(code)
    return cell.kind if cell else "count"


def _name(fmt: Format, codes: tuple[str, ...], code: str) -> str:
    """Name an operand by what distinguishes it from the others: its row or its column."""
    cell = fmt.cell_map.get(code)
    if cell is None:  # a legacy cell: name it by its own row label
        return _legacy_label(fmt, code)
    cells = [fmt.cell_map[c] for c in codes if c in fmt.cell_map]
    same_column = len({c.column for c in cells}) == 1 and len({c.row for c in cells}) > 1
    if same_column:
        row = _row(fmt, cell)
        return row.short or row.label
    return cell.column_label


def _row(fmt: Format, cell):
    table = fmt.table(cell.table)
    for block in table.blocks:
        for row in block.rows:
            if row.key == cell.row:
                return row
    raise LookupError(cell.code)


def _legacy_label(fmt: Format, code: str) -> str:
    table_key, row_key, _ = code.split(".")
    for block in fmt.table(table_key).blocks:
        for legacy in block.legacy_rows:
            if legacy.key == row_key:
                return legacy.label
    return code


def _message(fmt: Format, identity: Identity, left, right, values) -> str:
    named_left = [(_name(fmt, left, c), values[c]) for c in left]
    total_left = sum(values[c] for c in left)
    if len(right) == 1:
        (total_code,) = right
        cell = fmt.cell_map.get(total_code)
        total_name = _total_name(fmt, identity, cell) if cell else "总计"
        return messages.identity_single_total(
            identity.title,
            named_left,
            total_name,
            values[total_code],
            total_left,
            compress_zeros=len(left) > 6,
        )
    named_right = [(_name(fmt, right, c), values[c]) for c in right]
    return messages.identity_two_sided(
        identity.title, named_left, total_left, named_right, sum(values[c] for c in right)
    )


def _note(left, right, values) -> str:
    """Under the last cell of the right side (the total), as table.js says it live."""
    total_left = sum(values[c] for c in left)
    if len(right) == 1:
        return messages.cell_note("total", total=total_left)
    return messages.cell_note("sides", left=total_left, right=sum(values[c] for c in right))


def _total_name(fmt: Format, identity: Identity, cell) -> str:
    if identity.rule == "H2":
        return _row(fmt, cell).label
    return cell.column_label
