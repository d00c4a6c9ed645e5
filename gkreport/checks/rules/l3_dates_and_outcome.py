"""L3: the dates and the outcome of an application tell one story: a reply has an outcome
and an outcome a reply date; the reply comes after the application and within or after the
ledger's year (a reply before it belongs to an earlier ledger); an application belongs to
the ledger of the year it was received in, or a later one (carried over).
"""

from gkreport.checks import messages
from gkreport.checks.findings import ERROR, Finding
from gkreport.checks.ledger import year_end
from gkreport.formats.ledger import ledger_terms


def l3_dates_and_outcome(ledger, ctx):
    terms = ledger_terms(ctx.fmt)
    year = ledger["year"]
    part = ctx.fmt.part_of(ctx.fmt.key_cells.received)
    findings = []
    for entry in ledger["entries"]:
        found = _problem(entry, year, terms)
        if found:
            code, message = found
            findings.append(Finding(code, ERROR, (), message, part, entry=entry["id"]))
    return findings


def _problem(entry, year, terms):
    received, replied = entry["received_on"], entry.get("replied_on")
    outcome = entry.get("outcome") or ""
    where = messages.ledger_entry(entry["number"], received)
    if entry.get("carried_answered_on"):
        answered = entry["carried_answered_on"]
        return "L3.carried_answered", messages.carried_but_answered(where, answered)
    if received > year_end(year):
        return "L3.received_late", messages.received_after_year(where, year)
    if replied is not None and replied < received:
        return "L3.reply_early", messages.reply_before_receipt(where, replied)
    if replied is not None and replied.year < year:
        return "L3.replied_before", messages.replied_before_year(where, replied, year)
    if replied is not None and not outcome:
        return "L3.no_outcome", messages.replied_without_outcome(where, replied)
    if outcome and replied is None:
        known = terms.outcome(outcome)
        name = known.label if known else outcome
        return "L3.no_reply", messages.outcome_without_reply(where, name)
    return None
