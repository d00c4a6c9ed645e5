"""Storing what the importer read as an agency's report, without changing a figure."""

import datetime

from django.db import transaction

from gkreport.formats import get_format
from gkreport.formats.narrative import INTRO
from gkreport.imports.contact import read_contact
from gkreport.imports.text import ImportResult
from gkreport.reports.models import Agency, Region, Report


def narrative_of(result: ImportResult) -> dict:
    report = result.report
    fmt = get_format(report["format"])
    subsections = report.get("narrative", {})
    return {
        part.key: subsections.get(part.key) or {INTRO: report["sections"].get(part.key, "")}
        for part in fmt.parts
    }


def fill_contact(agency: Agency, preamble: str) -> None:
    """Fill the agency's empty contact fields from a preamble; never overwrite what is set."""
    for field, value in read_contact(preamble).items():
        if not getattr(agency, field):
            setattr(agency, field, value)


def detached_report(
    agency: Agency, data: dict, *, narrative: dict, signed_on: str, **extra
) -> Report:
    """A report model instance that is never saved, for rendering an import without a
    database. `data` holds year, format, title, preamble, raw, signature."""
    return Report(
        agency=agency,
        year=data["year"],
        format_version=data["format"],
        title=data.get("title", ""),
        preamble=data.get("preamble", ""),
        narrative=narrative,
        cells=dict(data.get("raw", {})),
        signature=data.get("signature", ""),
        signed_on=datetime.date.fromisoformat(signed_on) if signed_on else None,
        **extra,
    )


def unsaved_report(result: ImportResult) -> Report:
    """An imported report, to render without the database (gk_render)."""
    report = result.report
    agency = Agency(name=report.get("agency") or report.get("signature") or "")
    fill_contact(agency, report.get("preamble", ""))
    return detached_report(
        agency, report, narrative=narrative_of(result), signed_on=report.get("date", "")
    )


def imported_values(result: ImportResult, source_name: str = "") -> dict:
    """The report fields as the importer read them: every cell as printed, never repaired."""
    report = result.report
    signed_on = datetime.date.fromisoformat(report["date"]) if report.get("date") else None
    return {
        "format_version": report["format"],
        "title": report.get("title", ""),
        "preamble": report.get("preamble", ""),
        "narrative": narrative_of(result),
        "cells": dict(report.get("raw", {})),
        "signature": report.get("signature", ""),
        "signed_on": signed_on,
        "source_name": source_name[:200],
        "import_log": {"unplaced": result.unplaced, "notes": result.notes, "unread": result.unread},
    }


@transaction.atomic
def save_import(result: ImportResult, agency: Agency, source_name: str = "") -> Report:
    report = result.report
    values = imported_values(result, source_name)
    obj, created = Report.objects.get_or_create(agency=agency, year=report["year"], defaults=values)
    if not created:
        for field, value in values.items():
            setattr(obj, field, value)
        obj.version += 1
        obj.save()
    from gkreport.reports.checking import refresh_counts

    refresh_counts(obj)
    return obj


def region_path(names: list[str]) -> Region:
    parent = None
    for name in names:
        parent, _ = Region.objects.get_or_create(name=name, parent=parent)
    return parent
