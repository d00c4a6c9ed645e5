"""Reading a PDF report through poppler's `pdftotext -raw` (text in content order).

The raw text has visual lines, not paragraphs, and table rows as “label 1 0 0 …” with single
spaces. This module turns it into the plain text the importer reads: page numbers and the
draft watermark dropped, numbers of a table row tab-separated, wrapped lines joined back.
A scanned PDF without a text layer cannot be read, and says so.
"""

import re
import shutil
import subprocess

from gkreport.imports.text import DATE_LINE, PART_LINE, ImportError_

PAGE_NUMBER = re.compile(r"^\s*[—\-－]\s*\d+\s*[—\-－]\s*$")
WATERMARK = {"草", "稿", "草稿"}
NUMBER = r"[+\-]?[\d０-９][\d０-９,，.．]*(?:万元|件)?|[/／—－-]"
NUMERIC_TAIL = re.compile(rf"^(.*?\S)?((?:\s+(?:{NUMBER}))+)\s*$")
ONLY_NUMBERS = re.compile(rf"^\s*(?:{NUMBER})(?:\s+(?:{NUMBER}))*\s*$")
SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
SENTENCE_END = ("。", "！", "？", "；", "：", "”")
CONTINUES = ("，", "、", "（", "(", "和", "或")  # a line ending so goes on in the next
ITEM = re.compile(r"^\d+\s*[.．、]")  # “1.属于国家秘密”: a table row label starts here
SHORT_LINE = 20  # a line this short that starts like a heading is one


def pdf_to_text(data: bytes, timeout: int = 60) -> str:
    if shutil.which("pdftotext") is None:
        raise ImportError_(
            "读取PDF需要 poppler-utils（apt-get install poppler-utils），或先把PDF转为文本"
        )
    try:
        completed = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"],
            input=data,
            capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise ImportError_("PDF读取超时") from None
    if completed.returncode != 0:
        raise ImportError_("PDF文件已损坏或已加密，无法读取")
    text = completed.stdout.decode("utf-8", errors="replace")
    if len(re.sub(r"\s", "", text)) < 50:
        raise ImportError_("PDF中没有文字层（可能是扫描件），无法读取")
    return tidy(text)


def tidy(text: str) -> str:
    lines = []
    for line in text.replace("\f", "\n").splitlines():
        stripped = line.strip()
        if not stripped or PAGE_NUMBER.match(stripped) or stripped in WATERMARK:
            continue
        lines.append(_tabulate(stripped))
    # A blank line after every line: each line is a row of its own for the table reader,
    # whatever the share of one-cell lines (PDF text has no blank lines between rows).
    return "\n\n".join(_join_wrapped(lines))


def _tabulate(line: str) -> str:
    """“一、本年新收… 49 0 0” → “一、本年新收…\\t49\\t0\\t0”; a row of numbers likewise."""
    if ONLY_NUMBERS.match(line):
        return "\t".join(line.split())
    match = NUMERIC_TAIL.match(line)
    if match and match.group(1) and len(match.group(2).split()) >= 1 and " " in line:
        return "\t".join([match.group(1).strip(), *match.group(2).split()])
    return line


def _is_heading(line: str) -> bool:
    return (
        bool(PART_LINE.match(line) or SUB_HEADING.match(line))
        and len(line) <= SHORT_LINE
        and not line.endswith(CONTINUES)
    )


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join visual lines back into paragraphs and labels; never across tables or headings.

    In running text a line clearly shorter than a full line ends its paragraph (or heading);
    next to a table the short lines are wrapped cell labels and are joined."""
    widths = sorted(len(line) for line in lines if "\t" not in line and len(line) >= 10)
    full = widths[int(len(widths) * 0.75)] if widths else 0
    joined: list[str] = []
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
            and "\t" not in previous
            and "\t" not in line
            and not previous.endswith(SENTENCE_END)
            and not previous.endswith("报告")  # the title's last line
            and not ended
            and not _is_heading(previous)
            and not _is_heading(line)
            and not ITEM.match(line)
            and not DATE_LINE.match(line)
            and not DATE_LINE.match(previous)
        ):
            joined[-1] = previous + line
        else:
            joined.append(line)
    return joined
