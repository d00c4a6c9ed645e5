"""L1: a reply later than the statutory period of the 条例 (第三十三条): 20 working days from
the day the application was received, 40 when the period was extended (延期答复).

Working days are Monday to Friday less every weekday that may have been a statutory holiday
(gkreport/lib/holidays.py): never more than the true count, so a reply warned about is late
whatever that year's schedule was. A span in a year whose festivals are not listed is not
judged. Time the 条例 does not count (补正) is for the entry's note.
"""

from gkreport.checks import messages
from gkreport.checks.findings import WARNING, Finding
from gkreport.lib.dates import working_days_between
from gkreport.lib.holidays import possible_holiday_weekdays

STATUTORY_DAYS = 20
EXTENSION_DAYS = 20


def l1_late_reply(ledger, ctx):
    findings = []
    part = ctx.fmt.part_of(ctx.fmt.key_cells.received)
    for entry in ledger["entries"]:
        replied, received = entry.get("replied_on"), entry.get("received_on")
        if replied is None or received is None:
            continue
        limit = STATUTORY_DAYS + (EXTENSION_DAYS if entry.get("extended") else 0)
        holidays = possible_holiday_weekdays(received, replied)
        if holidays is None:
            continue  # festivals of that year not known: not judged
        days = working_days_between(received, replied) - holidays
        if days <= limit:
            continue
        where = messages.ledger_entry(entry["number"], received)
        message = messages.late_reply(where, replied, days, limit, entry.get("extended"))
        findings.append(Finding("L1.late", WARNING, (), message, part, entry=entry["id"]))
    return findings
