"""L2: an application's outcome must be placeable in one row of table 3. A category with
several rows (（三）不予公开 1–8, （四）无法提供 1–3, （五）不予处理 1–5 and, from 2021,
（六）其他处理 1–3) needs the reason, one of its own; an outcome the year's format does not
have is refused too. Such an application is counted in no result row, so the ledger's
table 3 cannot be adopted until it is fixed.
"""

from gkreport.checks import messages
from gkreport.checks.findings import ERROR, Finding
from gkreport.formats.ledger import ledger_terms


def l2_outcome_reason(ledger, ctx):
    terms = ledger_terms(ctx.fmt)
    part = ctx.fmt.part_of(ctx.fmt.key_cells.received)
    findings = []
    for entry in ledger["entries"]:
        key, reason = entry.get("outcome") or "", entry.get("reason") or ""
        if not key:
            continue
        outcome = terms.outcome(key)
        where = messages.ledger_entry(entry["number"], entry["received_on"])
        if outcome is None:
            code, message = "L2.unknown", messages.unknown_outcome(where, key)
        elif outcome.reasons and not reason:
            count = len(outcome.reasons)
            code, message = "L2.missing", messages.outcome_without_reason(where, outcome, count)
        elif reason and not outcome.reason(reason):
            code, message = "L2.other", messages.reason_not_of_outcome(where, outcome, reason)
        else:
            continue
        findings.append(Finding(code, ERROR, (), message, part, entry=entry["id"]))
    return findings
