"""What changed between the last two submissions of a report, for the reviewer."""

from gkreport.formats import get_format
from gkreport.reports.models import Event
from gkreport.vocabulary import Status


def submission_diff(report) -> dict | None:
    """None before the second submission; else {"when": …, "changes": [{where, old, new}]}."""
    snapshots = list(
        report.events.filter(kind=Event.Kind.TRANSITION, to_status=Status.SUBMITTED)
        .exclude(snapshot=None)
        .order_by("-created", "-id")
        .values_list("snapshot", "created")[:2]
    )
    if len(snapshots) < 2:
        return None
    (new, when), (old, before) = snapshots
    fmt = get_format(report.format_version)
    labels = {cell.code: cell.label for cell in fmt.cells}
    changes = []
    for code in sorted(set(old["cells"]) | set(new["cells"]), key=_cell_order(fmt)):
        a, b = old["cells"].get(code, ""), new["cells"].get(code, "")
        if a != b:
            changes.append({"where": labels.get(code, code), "code": code, "old": a, "new": b})
    for part in fmt.parts:
        a = old["narrative"].get(part.key, {})
        b = new["narrative"].get(part.key, {})
        for key in sorted(set(a) | set(b)):
            if a.get(key, "") != b.get(key, ""):
                where = part.heading if key == "intro" else f"{part.heading} 第{key}小节"
                changes.append(
                    {"where": where, "code": "", "old": a.get(key, ""), "new": b.get(key, "")}
                )
    for field, name in (
        ("title", "标题"),
        ("preamble", "引言"),
        ("signature", "落款"),
        ("signed_on", "成文日期"),
    ):
        if old.get(field, "") != new.get(field, ""):
            changes.append(
                {"where": name, "code": "", "old": old.get(field, ""), "new": new.get(field, "")}
            )
    return {"when": when, "before": before, "changes": changes}


def _cell_order(fmt):
    order = {cell.code: index for index, cell in enumerate(fmt.cells)}
    return lambda code: order.get(code, len(order))
