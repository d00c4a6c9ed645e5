"""Reading a PDF report through poppler's `pdftotext -raw` (text in content order).

The raw text has visual lines, not paragraphs, and table rows as “label 1 0 0 …” with single
spaces. This module turns it into the plain text the importer reads: page numbers and the
draft watermark dropped, numbers of a table row tab-separated, wrapped lines joined back.
A scanned PDF without a text layer cannot be read, and says so.
"""

import codecs
import os
import re
import selectors
import shutil
import signal
import subprocess
import tempfile
import time

from gkreport.imports.limits import DEFAULT_LIMITS, Limits
from gkreport.imports.tables import tabulate
from gkreport.imports.text import DATE_LINE, PART_LINE, ImportError_

PAGE_NUMBER = re.compile(r"^\s*[—\-－]\s*\d+\s*[—\-－]\s*$")
WATERMARK = {"草", "稿", "草稿"}
SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
SENTENCE_END = ("。", "！", "？", "；", "：", "”")
CONTINUES = ("，", "、", "（", "(", "和", "或")  # a line ending so goes on in the next
ITEM = re.compile(r"^\d+\s*[.．、]")  # “1.属于国家秘密”: a table row label starts here
SHORT_LINE = 20  # a line this short that starts like a heading is one
DATE_LENGTH = 64  # longer than this, joined lines are no date line
CHUNK = 1 << 16
BROKEN = "PDF文件已损坏或已加密，无法读取"


def pdf_to_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    if shutil.which("pdftotext") is None:
        raise ImportError_(
            "读取PDF需要 poppler-utils（apt-get install poppler-utils），或先把PDF转为文本"
        )
    # An unnamed file as pdftotext's input: nothing is left behind if this process is killed,
    # and no pipe to keep fed while reading the output.
    with tempfile.TemporaryFile() as source:
        source.write(data)
        source.seek(0)
        text = _extract(source, limits)
    if len(re.sub(r"\s", "", text)) < 50:
        raise ImportError_("PDF中没有文字层（可能是扫描件），无法读取")
    return tidy(text)


def _extract(source, limits: Limits) -> str:
    """pdftotext's output, read as it comes and cut off at the first limit passed: one page
    past the page limit is extracted (-l) so that a longer PDF shows, and pdftotext ends a
    page with a form feed."""
    command = ["pdftotext", "-q", "-raw", "-enc", "UTF-8", "-l", str(limits.pages + 1), "-", "-"]
    process = subprocess.Popen(
        command, stdin=source, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        return _read_bounded(process, limits)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stdout.close()


def _read_bounded(process: subprocess.Popen, limits: Limits) -> str:
    deadline = time.monotonic() + limits.wall_seconds
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    pieces: list[str] = []
    characters = pages = 0
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while True:
            if not selector.select(max(0.0, deadline - time.monotonic())):
                raise ImportError_(limits.too_slow())
            chunk = os.read(process.stdout.fileno(), CHUNK)
            if not chunk:
                break
            piece = decoder.decode(chunk)
            characters += len(piece)
            pages += piece.count("\f")
            if pages > limits.pages:
                raise ImportError_(limits.too_many_pages())
            if characters > limits.characters:
                raise ImportError_(limits.too_many_characters())
            pieces.append(piece)
    try:
        returncode = process.wait(max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        raise ImportError_(limits.too_slow()) from None
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL):  # the CPU limit of isolation.py
        raise ImportError_(limits.too_slow())
    if returncode == -signal.SIGABRT:  # poppler aborts when memory runs out
        raise ImportError_(limits.too_big())
    if returncode != 0:
        raise ImportError_(BROKEN)
    pieces.append(decoder.decode(b"", final=True))
    return "".join(pieces)


def tidy(text: str) -> str:
    lines = []
    for line in text.replace("\f", "\n").splitlines():
        stripped = line.strip()
        if not stripped or PAGE_NUMBER.match(stripped) or stripped in WATERMARK:
            continue
        lines.append(tabulate(stripped))
    # A blank line after every line: each line is a row of its own for the table reader,
    # whatever the share of one-cell lines (PDF text has no blank lines between rows).
    return "\n\n".join(_join_wrapped(lines))


def _is_heading(line: str) -> bool:
    return (
        len(line) <= SHORT_LINE
        and bool(PART_LINE.match(line) or SUB_HEADING.match(line))
        and not line.endswith(CONTINUES)
    )


class _Paragraph:
    """Visual lines being joined back, kept apart until the end: joining them one by one
    would copy the paragraph again for each line (a hostile PDF has thousands)."""

    def __init__(self, line: str):
        self.lines = [line]
        self.length = len(line)
        self.tail = line[-2:]  # enough for every ending looked at (“报告”)
        self.tabulated = "\t" in line

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.length += len(line)
        self.tail = (self.tail + line)[-2:]

    def endswith(self, suffixes) -> bool:
        return self.tail.endswith(suffixes)

    def is_heading(self) -> bool:
        return self.length <= SHORT_LINE and _is_heading(self.text())

    def is_date(self) -> bool:
        return self.length <= DATE_LENGTH and bool(DATE_LINE.match(self.text()))

    def text(self) -> str:
        return "".join(self.lines)


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join visual lines back into paragraphs and labels; never across tables or headings.

    In running text a line clearly shorter than a full line ends its paragraph (or heading);
    next to a table the short lines are wrapped cell labels and are joined."""
    widths = sorted(len(line) for line in lines if "\t" not in line and len(line) >= 10)
    full = widths[int(len(widths) * 0.75)] if widths else 0
    joined: list[_Paragraph] = []
    for index, line in enumerate(lines):
        previous = joined[-1] if joined else None
        near_table = any("\t" in later for later in lines[index : index + 8])
        ended = (
            previous is not None
            and len(lines[index - 1]) < 0.7 * full  # the last visual line, not the paragraph
            and not near_table
            and not previous.endswith(CONTINUES)
        )
        if (
            previous is not None
            and not previous.tabulated
            and "\t" not in line
            and not previous.endswith(SENTENCE_END)
            and not previous.endswith("报告")  # the title's last line
            and not ended
            and not previous.is_heading()
            and not _is_heading(line)
            and not ITEM.match(line)
            and not DATE_LINE.match(line)
            and not previous.is_date()
        ):
            previous.add(line)
        else:
            joined.append(_Paragraph(line))
    return [paragraph.text() for paragraph in joined]
