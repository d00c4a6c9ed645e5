"""Reading a published report from a plain-text extraction into the report dict.

It finds the title, the preamble, the six parts by their headings, the issuing agency and
date at the end, and the three tables inside parts 二 to 四 (see tables.py). What it cannot
place is listed in `unplaced`; decisions a reader should know about are in `notes`; cells it
never read are listed in `unread` (and `report["unread"]`), never taken for blanks.

The web page and Word readers (html.py, docx.py) produce this same text, with IMAGE_LINE on
a line of its own where the page shows a picture (a table published as an image).
"""

import re
from dataclasses import dataclass, field

from gkreport.checks.report import report_cells, report_format, unread_cells
from gkreport.formats import Format, format_for_year, get_format
from gkreport.formats.narrative import split_subsections
from gkreport.imports.labels import norm_heading, norm_label
from gkreport.imports.prose import narrative_lines, prose_lines
from gkreport.imports.tables import NO_TABLE, read_table, split_cells

MAX_HEADING_LENGTH = 40
YEAR_IN_TITLE = re.compile(r"(20\d{2})\s*年")  # the agency is what comes before
DATE_LINE = re.compile(r"^\s*(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
PART_LINE = re.compile(r"^\s*([一二三四五六七八九十])\s*[、.．]\s*(\S.*)$")
# Titles that reports print for a part instead of the template's (docs/importing.md).
TITLE_VARIANTS = {
    "s5": ("存在的主要问题及整改措施", "存在的主要问题及整改情况", "存在的主要问题及改进措施"),
}
MIN_TYPO_TITLE = 8  # a title this long may carry one wrong, extra or missing character
IMAGE_LINE = "〔图片〕"


class ImportError_(ValueError):
    """The file is not a report we can read at all."""


@dataclass
class ImportResult:
    report: dict
    unplaced: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    # rows whose cells were not read: {where, cells, reason, near (the text seen there)}
    unread: list = field(default_factory=list)

    @property
    def cells_total(self) -> int:
        return len(report_cells(self.report, report_format(self.report)))

    @property
    def cells_read(self) -> int:
        return self.cells_total - len(unread_cells(self.report))

    @property
    def complete(self) -> bool:
        return not self.report.get("unread")


def read_text(text: str, *, year: int | None = None, version: str | None = None) -> ImportResult:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    images = {index for index, line in enumerate(lines) if line.strip() == IMAGE_LINE}
    for index in images:
        lines[index] = ""
    unplaced: list = []
    notes: list = []
    unread_rows: list = []

    starts, heading_notes = _part_starts(lines)
    notes.extend(heading_notes)
    first_part = min(starts.values()) if starts else len(lines)
    title_lines, preamble_from = _title(lines, first_part)
    title = "".join(line.strip() for line in title_lines)
    title_match = YEAR_IN_TITLE.search(title)
    if year is None:
        if not title_match:
            raise ImportError_("无法从标题中识别报告年度，请用 --year 指定")
        year = int(title_match.group(1))
    fmt: Format = get_format(version) if version else format_for_year(year)

    regions = _regions(lines, starts, fmt)
    headless = _headless_tables(regions, starts, fmt)
    for part in fmt.parts:
        if part.key in headless:
            notes.append(f"未找到“{part.heading}”的标题，{fmt.table(part.table).name}按表头读取")
        elif part.key not in starts:
            unplaced.append(
                {"where": "全文", "text": part.heading, "reason": "未找到这一部分的标题"}
            )
    s6_lines = regions.get("s6", [])
    signature, date, trailing, start = _signature(s6_lines)
    if start is not None:
        regions["s6"] = s6_lines[:start]
    if trailing:
        snippet = " ".join(line.strip() for line in trailing if line.strip())
        unplaced.append(
            {
                "where": "落款之后",
                "text": snippet[:120],
                "reason": "落款日期之后的内容不属于报告正文",
            }
        )

    figures: dict = {}
    raw: dict = {}
    sections: dict = {}
    for part in fmt.parts:
        region = regions.get(part.key, [])
        if part.table:
            table = fmt.table(part.table)
            reading = read_table(table, fmt, region)
            figures.update(reading.figures)
            raw.update(reading.raw)
            unplaced.extend(reading.unplaced)
            notes.extend(reading.notes)
            for row in reading.missing:
                if row["reason"] == NO_TABLE:
                    row["reason"] = _why_no_table(part.key, starts, regions, images)
            unread_rows.extend(reading.missing)
            sections[part.key] = _prose(region)
        else:
            sections[part.key] = _clean_text(region)

    notes.extend(_zero_legacy_rows(fmt, figures, raw))
    agency = _agency(title, title_match)
    report = {
        "year": year,
        "format": fmt.version,
        "agency": agency,
        "title": title,
        "preamble": _clean_text(lines[preamble_from:first_part], charts=False),
        "sections": sections,
        "narrative": {
            part.key: split_subsections(part, sections[part.key])
            for part in fmt.parts
            if part.subsections
        },
        "signature": signature,
        "date": date,
        "figures": figures,
        "raw": raw,
    }
    expected = report_cells(report, fmt)
    report["unread"] = [code for code in expected if code not in raw]
    missing = set(report["unread"])
    unread = []
    for row in unread_rows:  # a legacy row read in place of three rows leaves those out
        cells = [code for code in row["cells"] if code in missing]
        if cells:
            unread.append({**row, "cells": cells})
    return ImportResult(report=report, unplaced=unplaced, notes=notes, unread=unread)


def _zero_legacy_rows(fmt: Format, figures: dict, raw: dict) -> list[str]:
    """A 2019 row printed in a 2021 report (（六）其他处理) in place of its three rows: when
    every cell of it is 0, each of the three rows can only be 0, and is read so (a deduction,
    said in a note; S9 still warns about the old row). Any other value is never split."""
    notes = []
    for table in fmt.tables:
        for block in table.blocks:
            for legacy in block.legacy_rows:
                codes = [f"{table.key}.{legacy.key}.{leaf.key}" for leaf in block.leaves]
                if not all(code in raw and figures.get(code) == 0 for code in codes):
                    continue
                rows = [
                    f"{table.key}.{row}.{leaf.key}"
                    for row in legacy.replaces
                    for leaf in block.leaves
                ]
                if any(code in raw for code in rows):
                    continue
                for code in rows:
                    raw[code], figures[code] = "0", 0
                labels = "、".join(r.label for r in block.rows if r.key in legacy.replaces)
                notes.append(
                    f"{table.name}{legacy.label}按2019年版印为一行且全部为0，"
                    f"据此推定2021年版的{len(legacy.replaces)}行（{labels}）全部为0"
                )
    return notes


def _why_no_table(key, starts, regions, images) -> str:
    if key not in starts:
        return "未找到这一部分的标题"
    start = starts[key]
    end = start + 1 + len(regions.get(key, []))
    if any(start < index < end for index in images):
        return "表格是图片，无法读取其中的数字"
    return NO_TABLE


def _part_starts(lines: list[str]) -> tuple[dict[str, int], list[str]]:
    """Line index of each part heading, found in order (so table rows “一、…” never match),
    and a note for each heading read with a tolerance: a known variant of its title, one
    character wrong, extra or missing (“行政法复议”), or another number than the template's
    (parts merged or renumbered). A typo is tolerated only under the template's number."""
    from gkreport.formats.common import PARTS

    starts: dict[str, int] = {}
    notes: list[str] = []
    position = 0
    for part in PARTS:
        for index in range(position, len(lines)):
            match = PART_LINE.match(lines[index])
            if not match or len(lines[index].strip()) > MAX_HEADING_LENGTH:
                continue
            tolerance = _heading_tolerance(part, match.group(1), norm_heading(match.group(2)))
            if tolerance is None:
                continue
            starts[part.key] = index
            position = index + 1
            if tolerance:
                notes.append(f"标题“{lines[index].strip()}”按“{part.heading}”读取（{tolerance}）")
            break
    return starts, notes


def _heading_tolerance(part, numeral: str, found: str) -> str | None:
    """None when the heading is not this part's; "" when it is the template's; otherwise
    the tolerance it was read with, for the note."""
    wanted = norm_heading(part.title)

    def same(title: str) -> bool:
        return found == title or (found.startswith(title) and len(found) - len(title) <= 6)

    variant = next((v for v in TITLE_VARIANTS.get(part.key, ()) if same(v)), None)
    if same(wanted) or variant:
        if numeral != part.numeral:
            return "编号与模板不同"
        return "标题用语与模板不同" if variant else ""
    if numeral == part.numeral and len(wanted) >= MIN_TYPO_TITLE and _one_edit(found, wanted):
        return "标题有一处错字"
    return None


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one character replaced, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    first = next(
        (i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short)
    )
    return short[first:] == long[first + 1 :]


def _title(lines: list[str], first_part: int) -> tuple[list[str], int]:
    """The title: the first lines up to the one that names the 报告."""
    taken: list[str] = []
    for index in range(min(first_part, len(lines))):
        line = lines[index].strip(" \t\u00a0\u3000")
        if not line:
            continue
        taken.append(line)
        if "报告" in line or len(taken) >= 4:
            return (taken if "报告" in line else []), index + 1
    return [], 0


def _agency(title: str, match: re.Match | None) -> str:
    """The title up to its year, spaces removed: “聊城市茌平区人民政府 2023年…” → the agency.

    Cut at the year found by `search` rather than matched by a lazy “(.*?)\\s*” prefix, whose
    time grows with the square of a long run of spaces."""
    if match is None:
        return ""
    return title[: match.start()].replace("\u00a0", " ").rstrip().replace(" ", "")


def _regions(lines, starts, fmt) -> dict[str, list[str]]:
    ordered = sorted(starts.items(), key=lambda item: item[1])
    regions = {}
    for position, (key, start) in enumerate(ordered):
        end = ordered[position + 1][1] if position + 1 < len(ordered) else len(lines)
        regions[key] = lines[start + 1 : end]
    return regions


def _headless_tables(regions: dict, starts: dict, fmt: Format) -> set[str]:
    """Tables printed without their part heading (tables 3 and 4 often follow each other
    so): the table starts at its own header row inside the part found before it. Returns
    the keys of the parts so found."""
    found = set()
    keys = [part.key for part in fmt.parts]
    for position, part in enumerate(fmt.parts):
        if not part.table or part.key in starts or position == 0:
            continue
        before = next((k for k in reversed(keys[:position]) if k in regions), None)
        if before is None:
            continue
        cue = _header_cue(fmt.table(part.table))
        region = regions[before]
        for index, line in enumerate(region):
            cells = {norm_label(cell) for cell in split_cells(line) if cell}
            if cue <= cells and (len(cells) >= 2 or len(cue) == 1):
                regions[before], regions[part.key] = region[:index], region[index:]
                found.add(part.key)
                break
    return found


def _header_cue(table) -> set[str]:
    """What the first row of a table's header holds: its block heading (table 2), or the
    labels over its columns (申请人情况; 行政复议 and 行政诉讼)."""
    block = table.blocks[0]
    if block.heading:
        return {norm_label(block.heading)}
    return {norm_label(node.label) for node in block.columns}


def _signature(s6_lines: list[str]):
    """(signature, ISO date, lines after the date, index where the signature starts)."""
    for index in range(len(s6_lines) - 1, -1, -1):
        match = DATE_LINE.match(s6_lines[index].replace("\u00a0", " "))
        if not match:
            continue
        year, month, day = (int(g) for g in match.groups())
        names, start = [], index
        for previous in range(index - 1, max(index - 6, -1), -1):
            line = s6_lines[previous].strip(" \t\u00a0\u3000")
            if not line:
                continue
            if len(line) > 30 or line.endswith(("。", "；", "：")) or line.startswith(("（", "(")):
                break
            names.insert(0, line)
            start = previous
            if len(names) == 3:
                break
        trailing = s6_lines[index + 1 :]
        trailing = trailing if any(t.strip() for t in trailing) else []
        return "".join(names), f"{year:04d}-{month:02d}-{day:02d}", trailing, start
    return "", "", [], None


def _clean_text(lines: list[str], *, charts: bool = True) -> str:
    """Paragraphs as lines: blank lines and stray indentation removed, links unwrapped,
    sentences cut by the extraction joined, a chart's data marked as a block (prose.py)."""
    return "\n".join(narrative_lines(lines, charts=charts))


def _is_prose(line: str) -> bool:
    return "\t" not in line and line.count("|") < 2 and "。" in line and len(line.strip()) > 15


def _prose(lines: list[str]) -> str:
    """The sentences around a statistical table (most reports have none)."""
    return "\n".join(prose_lines(lines, _is_prose))
