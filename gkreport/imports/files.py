"""Opening a report file of any kind we read: a web page, a Word file, a PDF, a text
extraction or the JSON export (documents.py picks the reader for web pages and Word).

Everything here is bounded by `Limits` (characters, lines, PDF pages); an untrusted file is
read through isolation.py, which adds time and memory limits around this module.
"""

from pathlib import Path

from gkreport.imports.documents import read_document
from gkreport.imports.jsonfile import read_json
from gkreport.imports.limits import DEFAULT_LIMITS, Limits
from gkreport.imports.text import ImportError_, ImportResult, read_text

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
ENCODINGS = ("utf-8-sig", "gb18030")
MAX_LISTED = 200  # unplaced items or notes listed one by one; beyond, a count


def decode(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    if data.startswith(b"%PDF"):
        from gkreport.imports.pdftext import pdf_to_text

        return pdf_to_text(data, limits)
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise ImportError_("这是Word/Excel文件：请另存为.docx、PDF或纯文本（UTF-8）后再检查")
    if b"\x00" in data:
        raise ImportError_("不是纯文本文件（含有二进制内容），无法识别文件的文字编码")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportError_("无法识别文件的文字编码（应为UTF-8或GB18030的纯文本）")


def read_report_bytes(
    data: bytes,
    *,
    year: int | None = None,
    max_bytes=DEFAULT_MAX_BYTES,
    limits: Limits = DEFAULT_LIMITS,
    name: str = "",
):
    if len(data) > max_bytes:
        raise ImportError_(f"文件过大（{len(data)}字节，上限{max_bytes}字节）")
    document = read_document(data, name=name, year=year, limits=limits)
    if document is not None:
        return _listed(document)
    text = decode(data, limits)
    if not text.strip():
        raise ImportError_("文件是空的")
    if len(text) > limits.characters:
        raise ImportError_(limits.too_many_characters())
    if text.lstrip("\ufeff \r\n\t").startswith("{"):
        return _listed(read_json(text, year=year))
    return _listed(read_bounded_text(text, year=year, limits=limits))


def read_bounded_text(text: str, *, year: int | None, limits: Limits) -> ImportResult:
    """The text reader behind every kind of file, within the limits of characters and line
    length (the readers of web pages and Word files call it too)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    refusal = limits.refusal(text)
    if refusal:
        raise ImportError_(refusal)
    return read_text(text, year=year)


def _listed(result: ImportResult) -> ImportResult:
    """At most MAX_LISTED unplaced items and notes, then how many more: a hostile file can
    leave a hundred thousand cells unplaced, too many to send back or to show."""
    if len(result.unplaced) > MAX_LISTED:
        more = len(result.unplaced) - MAX_LISTED
        result.unplaced[MAX_LISTED:] = [
            {"where": "全文", "text": "", "reason": f"另有{more}处未能读取的内容，未逐一列出"}
        ]
    if len(result.notes) > MAX_LISTED:
        more = len(result.notes) - MAX_LISTED
        result.notes[MAX_LISTED:] = [f"另有{more}条读取说明，未逐一列出"]
    return result


def read_file_bytes(path: str | Path, max_bytes=DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, at most max_bytes: a device such as /dev/zero never ends."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportError_(f"文件过大（{size}字节，上限{max_bytes}字节）")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ImportError_(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise ImportError_(f"这是一个目录，不是文件：{path}") from None
    except PermissionError:
        raise ImportError_(f"没有权限读取文件：{path}") from None
    if len(data) > max_bytes:
        raise ImportError_(f"文件过大（超过{max_bytes}字节）")
    return data


def read_report_file(path: str | Path, *, year: int | None = None, max_bytes=DEFAULT_MAX_BYTES):
    data = read_file_bytes(path, max_bytes)
    return read_report_bytes(data, year=year, max_bytes=max_bytes, name=Path(path).name)


__all__ = ["ImportResult", "ImportError_", "read_report_file", "read_report_bytes"]
