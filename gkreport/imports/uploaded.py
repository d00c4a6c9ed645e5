"""The one door through which a file a user hands over (an upload, an archive member, a
fetched URL) is read: the office's batch check and the import of last year's report both
come through here, so bounding the reading (a child process with time and memory limits)
is a change of this one function."""

from django.conf import settings

from gkreport.imports.isolation import Checked, read_and_check_forked
from gkreport.lib.sizes import size_text

# What a user may hand over, by name (a URL is read by what it sends, whatever its name),
# and what each kind is called where a form asks for a file.
KINDS = (
    ("网页", (".html", ".htm")),
    ("Word文件", (".docx",)),
    ("PDF", (".pdf",)),
    ("纯文本", (".txt",)),
    ("本系统导出的JSON", (".json",)),
)
SUPPORTED = tuple(ext for _, extensions in KINDS for ext in extensions)
SUPPORTED_TEXT = "、".join(SUPPORTED)


def accepted_text() -> str:
    """“网页（.html、.htm）、Word文件（.docx）、PDF（.pdf）…”: what the forms accept."""
    return "、".join(f"{name}（{'、'.join(extensions)}）" for name, extensions in KINDS)


def upload_hint() -> str:
    """The hint under a form's file field: the kinds accepted, the size limit (from the
    settings, as people read sizes) and what to do with the kinds that are not."""
    return (
        f"支持{accepted_text()}，每个文件不超过{size_text(settings.MAX_UPLOAD_BYTES)}。"
        "网页在浏览器中“另存为网页”即可；.doc和.wps文件请先另存为.docx或PDF；"
        "扫描得到的PDF没有文字，无法读取。"
    )


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
