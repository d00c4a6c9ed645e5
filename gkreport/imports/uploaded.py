"""The one door through which a file a user hands over (an upload, an archive member, a
fetched URL) is read: the office's batch check and the import of last year's report both
come through here, so bounding the reading (a child process with time and memory limits)
is a change of this one function."""

from django.conf import settings

from gkreport.imports.isolation import Checked, read_and_check_forked

# What a user may hand over, by name (a URL is read by what it sends, whatever its name).
SUPPORTED = (".html", ".htm", ".docx", ".pdf", ".txt", ".json")
SUPPORTED_TEXT = "、".join(SUPPORTED)


def supported(name: str) -> bool:
    return name.lower().endswith(SUPPORTED)


def read_uploaded(name: str, data: bytes, *, year: int | None = None) -> Checked:
    """The reading of one file and its check, or ImportError_ with the reason in Chinese.

    In a child process within settings.IMPORT_LIMITS: forked where the caller has one
    thread (the task worker: milliseconds a file), a fresh interpreter otherwise."""
    return read_and_check_forked(
        data,
        year=year,
        limits=settings.IMPORT_LIMITS,
        max_bytes=settings.MAX_UPLOAD_BYTES,
        name=name,
    )
