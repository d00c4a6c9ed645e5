"""Rendered PDFs kept under a key of everything that decides their bytes, so a report that
has not changed is never rendered twice.

The key hashes the report's printed content (text, cells, charts' history, agency name,
status: the 草稿 watermark), final or draft, and the print layout: templates/print/,
static/print/, the chart geometry (printing/charts.py), the print fonts and the font
settings, the WeasyPrint version. Anything that changes the document changes the key, so a
stored PDF is never stale; old keys are simply never asked for again.

Bytes go through Django's storage API: STORAGES["pdfs"] when configured (an object store
later), else a folder (settings.PDF_CACHE_DIR).

A PDF nobody has rendered yet is rendered once even when several requests want it together:
an in-process lock per key serialises the threads of one server process, and a marker added
to the cache (cache.add is atomic: Redis in production, so shared by every server process)
makes the other processes wait for the bytes instead of rendering them too. A marker left
by a process that died expires after RENDER_MARKER_SECONDS; a waiter that sees no PDF by
then renders it itself, so nothing waits for ever.
"""

import hashlib
import json
import threading
import time
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages

from gkreport.printing import rendering
from gkreport.reports.models import Report

RENDER_MARKER_SECONDS = 60
WAIT_STEP_SECONDS = 0.05

_key_locks: dict[str, threading.Lock] = {}
_key_locks_guard = threading.Lock()


def storage():
    if "pdfs" in settings.STORAGES:
        return storages["pdfs"]
    return _folder_storage(str(settings.PDF_CACHE_DIR))


@cache
def _folder_storage(location: str):
    return FileSystemStorage(location=location)


def _layout_files() -> list[Path]:
    base = Path(settings.BASE_DIR)
    files = [*(base / "templates" / "print").glob("*"), *(base / "static" / "print").glob("*")]
    files.append(Path(__file__).with_name("charts.py"))  # where every chart's text is placed
    files += Path(settings.PDF_FONT_DIR).glob("*")
    return sorted(path for path in files if path.is_file())


@cache
def _hash_files(signature: tuple) -> str:
    digest = hashlib.sha256()
    for name, _, _ in signature:
        digest.update(name.encode() + b"\0" + Path(name).read_bytes())
    return digest.hexdigest()


def layout_fingerprint() -> str:
    """A hash of the print templates, CSS, fonts and font settings. Files are read again
    only when one's size or modification time changes (a deploy, an edit)."""
    import weasyprint

    signature = tuple(
        (str(path), stat.st_size, stat.st_mtime_ns)
        for path in _layout_files()
        for stat in [path.stat()]
    )
    extra = json.dumps([settings.PDF_FONTS, weasyprint.__version__], ensure_ascii=False)
    return hashlib.sha256((_hash_files(signature) + extra).encode()).hexdigest()


def pdf_key(report: Report, *, final: bool = False) -> str:
    content = {
        "report": report.pk,
        "version": report.version,
        "year": report.year,
        "format": report.format_version,
        "agency": report.agency.name,
        "title": report.title,
        "preamble": report.preamble,
        "narrative": report.narrative,
        "cells": report.cells,
        "charts": report.include_charts,
        "history": rendering.received_history(report) if report.include_charts else [],
        "signature": report.signature,
        "signed_on": str(report.signed_on or ""),
        # The status only decides the draft's watermark: a final PDF rendered when the report
        # was approved is the one publishing freezes.
        "status": None if final else report.status,
        "final": final,
        "layout": layout_fingerprint(),
    }
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _name(key: str) -> str:
    return f"pdf-cache/{key[:2]}/{key}.pdf"


def _read(name: str) -> bytes | None:
    try:
        with storage().open(name, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, OSError):
        return None


def _key_lock(key: str) -> threading.Lock:
    with _key_locks_guard:
        return _key_locks.setdefault(key, threading.Lock())


def _render(report: Report, final: bool) -> bytes:
    return rendering.final_pdf(report) if final else rendering.report_pdf(report)


def report_pdf(report: Report, *, final: bool = False) -> bytes:
    """The report's PDF: the stored bytes when they exist, else rendered once and stored.
    Raises PdfError like rendering does."""
    key = pdf_key(report, final=final)
    name = _name(key)
    pdf = _read(name)
    if pdf is not None:
        return pdf
    with _key_lock(key):
        pdf = _read(name)  # another thread of this process may have just stored it
        if pdf is not None:
            return pdf
        marker = f"pdf-rendering:{key}"
        deadline = time.monotonic() + RENDER_MARKER_SECONDS
        while not shared_cache.add(marker, 1, RENDER_MARKER_SECONDS):
            time.sleep(WAIT_STEP_SECONDS)  # another process is rendering it
            pdf = _read(name)
            if pdf is not None:
                return pdf
            if time.monotonic() > deadline:
                break
        try:
            pdf = _render(report, final)
            if _read(name) is None:
                storage().save(name, ContentFile(pdf))
        finally:
            shared_cache.delete(marker)
    with _key_locks_guard:
        _key_locks.pop(key, None)
    return pdf
