"""What an office hands over for a batch check, turned into entries: uploaded files, the
members of a .zip, and URLs to fetch later. Everything is bounded.

A problem with the whole upload (too many files, too many bytes, a damaged archive, a URL
that may not be fetched) refuses it with a message and stores nothing. A problem with one
file (too large, an archive inside the archive, a type we do not read, encrypted) makes an
entry that says so, and the others go ahead.
"""

import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings

from gkreport.imports.uploaded import SUPPORTED_TEXT, supported
from gkreport.lib.fetch import FetchPolicy, FetchRefused, check_url
from gkreport.lib.sizes import size_text

ARCHIVES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz")
# What archiving tools add beside the files: never a report, never worth a line.
JUNK_NAMES = {"thumbs.db", "desktop.ini"}
EOCD = b"PK\x05\x06"
EOCD_SIZE = 22
MAX_COMMENT = 65535


class BatchRefused(ValueError):
    """The upload as a whole is refused: the message says why, in Chinese."""


@dataclass(frozen=True)
class BatchLimits:
    max_files: int
    max_total_bytes: int
    max_file_bytes: int


def limits_from_settings() -> BatchLimits:
    return BatchLimits(
        max_files=settings.BATCH_MAX_FILES,
        max_total_bytes=settings.BATCH_MAX_TOTAL_BYTES,
        max_file_bytes=settings.MAX_UPLOAD_BYTES,
    )


@dataclass
class Entry:
    name: str
    data: bytes = b""
    source_url: str = ""
    error: str = ""  # why this one file is not read (the batch goes on without it)


class _Collector:
    def __init__(self, limits: BatchLimits):
        self.limits = limits
        self.entries: list[Entry] = []
        self.total_bytes = 0

    def add(self, entry: Entry) -> None:
        if len(self.entries) >= self.limits.max_files:
            raise BatchRefused(f"文件过多：一次最多检查{self.limits.max_files}个文件")
        self.total_bytes += len(entry.data)
        if self.total_bytes > self.limits.max_total_bytes:
            raise BatchRefused(
                f"文件总量过大：解压后超过{size_text(self.limits.max_total_bytes)}，请分批检查"
            )
        self.entries.append(entry)

    def add_file(self, name: str, read, size: int) -> None:
        """A file known by its name and size; `read(n)` gives at most n bytes of it."""
        if not supported(name):
            self.add(Entry(name, error=f"不支持的文件类型（支持{SUPPORTED_TEXT}）"))
        elif size > self.limits.max_file_bytes:
            self.add(Entry(name, error=_too_large(self.limits)))
        else:
            data = read(self.limits.max_file_bytes + 1)
            if len(data) > self.limits.max_file_bytes:  # the size it declared was false
                self.add(Entry(name, error=_too_large(self.limits)))
            else:
                self.add(Entry(name, data))


def collect(uploads, urls_text: str, limits: BatchLimits, policy: FetchPolicy) -> list[Entry]:
    """The entries of a batch, in the order given: files (a .zip opened in place), then URLs."""
    collector = _Collector(limits)
    for upload in uploads:
        name = safe_name(upload.name)
        if name.lower().endswith(".zip"):
            _add_zip(collector, upload, name)
        else:
            collector.add_file(name, upload.read, upload.size)
    for url in urls(urls_text, policy):
        collector.add(Entry(_url_name(url), source_url=url))
    if not collector.entries:
        raise BatchRefused("请选择要检查的文件，或填写网址")
    return collector.entries


def urls(text: str, policy: FetchPolicy) -> list[str]:
    """The URLs, one a line (blank lines and repeats dropped), each checked before anything
    is stored: a URL that may never be fetched refuses the list, with its line number."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        url = line.strip()
        if not url or url in found:
            continue
        try:
            check_url(url, policy)
        except FetchRefused as refused:
            raise BatchRefused(f"网址第{number}行：{refused}") from None
        if len(url) > 2000:
            raise BatchRefused(f"网址第{number}行：网址过长")
        found.append(url)
    return found


def _url_name(url: str) -> str:
    return (url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or url)[-200:]


def safe_name(name: str) -> str:
    """A name to show and to store: a relative path without “..”, drive letters, leading
    slashes or control characters. Nothing is ever written to disk under it."""
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf"))
    parts = [p.strip() for p in name.replace("\\", "/").split("/")]
    parts = [p for p in parts if p not in ("", ".", "..")]
    if parts and len(parts[0]) == 2 and parts[0][1] == ":":  # C:
        parts = parts[1:]
    return "/".join(parts)[-300:] or "未命名文件"


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker meant it. Without the UTF-8 flag, zipfile decodes a
    name as CP437; archives made on Chinese Windows hold GBK there (and some tools write
    UTF-8 without setting the flag), so the original bytes are decoded again."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _entry_count(stream) -> int | None:
    """The member count the archive declares in its end record, read before zipfile builds
    its list of members (a crafted central directory of millions of entries would fill the
    memory first). None when there is no end record: not a zip."""
    stream.seek(0, 2)
    size = stream.tell()
    tail = min(size, EOCD_SIZE + MAX_COMMENT)
    stream.seek(size - tail)
    data = stream.read(tail)
    at = data.rfind(EOCD)
    if at < 0 or len(data) - at < EOCD_SIZE:
        return None
    (count,) = struct.unpack("<H", data[at + 10 : at + 12])
    return count  # 0xFFFF means a ZIP64 archive: more members than any limit here


def _add_zip(collector: _Collector, upload, name: str) -> None:
    limits = collector.limits
    count = _entry_count(upload)
    if count is None:
        raise BatchRefused(f"“{name}”不是有效的ZIP压缩包")
    # Folders are entries too: twice the file limit leaves room for them.
    if count > 2 * limits.max_files:
        raise BatchRefused(f"“{name}”中的文件过多：一次最多检查{limits.max_files}个文件")
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        raise BatchRefused(f"“{name}”不是有效的ZIP压缩包，或已损坏") from None
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        declared = sum(
            info.file_size for info in members if info.file_size <= limits.max_file_bytes
        )
        if declared > limits.max_total_bytes:
            raise BatchRefused(
                f"“{name}”解压后过大（{size_text(declared)}，上限{size_text(limits.max_total_bytes)}），"
                "请分批检查"
            )
        for info in members:
            inner = safe_name(member_name(info))
            if _junk(inner):
                continue
            shown = f"{name}/{inner}"
            if inner.lower().endswith(ARCHIVES):
                collector.add(Entry(shown, error="压缩包中的压缩包不予读取，请解压后再上传"))
            elif info.flag_bits & 0x1 and supported(inner):
                collector.add(Entry(shown, error="文件已加密，无法读取"))
            else:
                _add_member(collector, archive, info, shown)


def _add_member(collector, archive, info, shown) -> None:
    try:
        with archive.open(info) as member:
            collector.add_file(shown, member.read, info.file_size)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError):
        collector.add(Entry(shown, error="压缩包中的这个文件已损坏或压缩方式不受支持"))


def _junk(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        path.parts[0] == "__MACOSX"
        or path.name.startswith((".", "~$"))
        or path.name.lower() in JUNK_NAMES
    )


def _too_large(limits: BatchLimits) -> str:
    return f"文件过大（上限{size_text(limits.max_file_bytes)}）"
