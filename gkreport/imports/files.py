"""Opening a report file of any kind we read: a web page, a Word file, a PDF, a text
extraction or the JSON export (documents.py picks the reader for web pages and Word)."""

from pathlib import Path

from gkreport.imports.documents import read_document
from gkreport.imports.jsonfile import read_json
from gkreport.imports.text import ImportError_, ImportResult, read_text

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
ENCODINGS = ("utf-8-sig", "gb18030")


def decode(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        from gkreport.imports.pdftext import pdf_to_text

        return pdf_to_text(data)
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise ImportError_("这是Word/Excel文件：请先另存为纯文本（UTF-8）后再检查")
    if b"\x00" in data:
        raise ImportError_("不是纯文本文件（含有二进制内容），无法识别文件的文字编码")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportError_("无法识别文件的文字编码（应为UTF-8或GB18030的纯文本）")


def read_report_bytes(
    data: bytes, *, year: int | None = None, max_bytes=DEFAULT_MAX_BYTES, name: str = ""
):
    if len(data) > max_bytes:
        raise ImportError_(f"文件过大（{len(data)}字节，上限{max_bytes}字节）")
    document = read_document(data, name=name, year=year)
    if document is not None:
        return document
    text = decode(data)
    if not text.strip():
        raise ImportError_("文件是空的")
    if text.lstrip("\ufeff \r\n\t").startswith("{"):
        return read_json(text, year=year)
    return read_text(text, year=year)


def read_report_file(path: str | Path, *, year: int | None = None, max_bytes=DEFAULT_MAX_BYTES):
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportError_(f"文件过大（{size}字节，上限{max_bytes}字节）")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportError_(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise ImportError_(f"这是一个目录，不是文件：{path}") from None
    except PermissionError:
        raise ImportError_(f"没有权限读取文件：{path}") from None
    return read_report_bytes(data, year=year, max_bytes=max_bytes, name=path.name)


__all__ = ["ImportResult", "ImportError_", "read_report_file", "read_report_bytes"]
