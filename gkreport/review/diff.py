"""What changed between the last two submissions of a report, for the reviewer."""

from gkreport.formats import get_format
from gkreport.formats.narrative import INTRO
from gkreport.reports.labels import INFO_FIELDS, place_label
from gkreport.reports.models import Event
from gkreport.vocabulary import Status


def submission_diff(report) -> dict | None:
    """None before the second submission; else {"when": …, "changes": [{where, code, old,
    new}]}: `where` in the template's words, `code` the place's key (for a tooltip)."""
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
    places = []
    for code in sorted(set(old["cells"]) | set(new["cells"]), key=_cell_order(fmt)):
        places.append((code, old["cells"].get(code, ""), new["cells"].get(code, "")))
    for part in fmt.parts:
        a = old["narrative"].get(part.key, {})
        b = new["narrative"].get(part.key, {})
        for key in sorted(set(a) | set(b), key=_piece_order):
            places.append((f"{part.key}.{key}", a.get(key, ""), b.get(key, "")))
    for field in INFO_FIELDS:
        places.append((field, old.get(field, ""), new.get(field, "")))
    changes = [
        {"where": place_label(fmt, code), "code": code, "old": a, "new": b}
        for code, a, b in places
        if a != b
    ]
    return {"when": when, "before": before, "changes": changes}


def _cell_order(fmt):
    order = {cell.code: index for index, cell in enumerate(fmt.cells)}
    return lambda code: order.get(code, len(order))


def _piece_order(key: str):
    """A part's opening first, then its sub-sections by number."""
    return (key != INTRO, int(key) if key.isdigit() else 0, key)
