"""Saving a page of a report: never loses input, refuses stale saves, records what changed.

A save is based on what the person saw: the page's stored content when the form was drawn
(its fingerprint). If someone else saved the same page since, the save is refused as a
conflict and the view shows the person's own input again. Saves of different pages merge.
The write itself is a conditional update on the report's version, so two saves racing on
different pages cannot overwrite each other either.
"""

import hashlib
import json

from django.db import transaction

from gkreport.reports.checking import refresh_counts
from gkreport.reports.models import Event, Report
from gkreport.reports.pages import Page, page_content

MAX_ATTEMPTS = 5


class Locked(Exception):
    """The report is not in draft or returned: its content is read-only."""


class Conflict(Exception):
    def __init__(self, event: Event | None):
        super().__init__("conflict")
        self.event = event


def fingerprint(report: Report, page: Page) -> str:
    content = json.dumps(page_content(report, page), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(content.encode()).hexdigest()[:32]


def save_page(
    report: Report, page: Page, user, seen: str, changes: dict, comment: str = ""
) -> Report:
    """Apply `changes` ({"cells": {...}, "narrative": {...}, "title": …}) to one page.
    `comment`: what the history says of the save (“采用依申请公开台账的数字”).

    Returns the fresh report. Raises Locked or Conflict; nothing is written then.
    """
    for _ in range(MAX_ATTEMPTS):
        fresh = Report.objects.select_related("agency").get(pk=report.pk)
        if not fresh.is_editable:
            raise Locked()
        if fingerprint(fresh, page) != seen:
            # Who saved the page last (a reply to a comment on it changed nothing there).
            last_save = fresh.events.filter(kind=Event.Kind.EDIT, page=page.key)
            raise Conflict(last_save.select_related("user").first())
        values, diff = _apply(fresh, page, changes)
        if not diff:
            return fresh
        with transaction.atomic():
            updated = Report.objects.filter(
                pk=fresh.pk, version=fresh.version, status__in=Report.EDITABLE
            ).update(version=fresh.version + 1, **values)
            if updated == 1:
                Event.objects.create(
                    report=fresh,
                    kind=Event.Kind.EDIT,
                    user=user,
                    page=page.key,
                    changes=diff,
                    comment=comment,
                )
                for field, value in values.items():
                    setattr(fresh, field, value)
                fresh.version += 1
                refresh_counts(fresh)
                return fresh
    raise Conflict(None)


def _apply(report: Report, page: Page, changes: dict) -> tuple[dict, dict]:
    values: dict = {}
    diff: dict = {}
    if "cells" in changes:
        cells = dict(report.cells)
        prefilled = list(report.prefilled)
        for code, text in changes["cells"].items():
            old = cells.get(code, "")
            if text != old:
                diff[code] = [old, text]
                cells[code] = text
                if code in prefilled:
                    prefilled.remove(code)
        if diff:
            values["cells"] = cells
            values["prefilled"] = prefilled
    if "narrative" in changes and page.part is not None:
        old_pieces = report.narrative.get(page.part.key, {})
        new_pieces = {k: v for k, v in changes["narrative"].items() if v or k == "intro"}
        for key in sorted(set(old_pieces) | set(new_pieces)):
            old, new = old_pieces.get(key, ""), new_pieces.get(key, "")
            if old != new:
                diff[f"{page.part.key}.{key}"] = [old, new]
        if any(k.startswith(page.part.key + ".") for k in diff):
            values["narrative"] = {**report.narrative, page.part.key: new_pieces}
    for field in ("title", "preamble", "signature", "signed_on"):
        if field in changes:
            old, new = getattr(report, field), changes[field]
            if (old or "") != (new or ""):
                diff[field] = [str(old or ""), str(new or "")]
                values[field] = new
    return values, diff
