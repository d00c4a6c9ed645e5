"""Reading a published report from a plain-text extraction into the report dict.

It finds the title, the preamble, the six parts by their headings, the issuing agency and
date at the end, and the three tables inside parts 二 to 四 (see tables.py). What it cannot
place is listed in `unplaced`; decisions a reader should know about are in `notes`.
"""

import re
from dataclasses import dataclass, field

from gkreport.formats import Format, format_for_year, get_format
from gkreport.formats.narrative import split_subsections
from gkreport.imports.labels import norm_heading
from gkreport.imports.tables import read_table

MAX_HEADING_LENGTH = 40
YEAR_IN_TITLE = re.compile(r"(20\d{2})\s*年")  # the agency is what comes before
DATE_LINE = re.compile(r"^\s*(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
PART_LINE = re.compile(r"^\s*([一二三四五六])\s*[、.．]\s*(\S.*)$")


class ImportError_(ValueError):
    """The file is not a report we can read at all."""


@dataclass
class ImportResult:
    report: dict
    unplaced: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def read_text(text: str, *, year: int | None = None, version: str | None = None) -> ImportResult:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    unplaced: list = []
    notes: list = []

    starts = _part_starts(lines)
    first_part = min(starts.values()) if starts else len(lines)
    title_lines, preamble_from = _title(lines, first_part)
    title = "".join(line.strip() for line in title_lines)
    title_match = YEAR_IN_TITLE.search(title)
    if year is None:
        if not title_match:
            raise ImportError_("无法从标题中识别报告年度，请用 --year 指定")
        year = int(title_match.group(1))
    fmt: Format = get_format(version) if version else format_for_year(year)

    for part in fmt.parts:
        if part.key not in starts:
            unplaced.append(
                {"where": "全文", "text": part.heading, "reason": "未找到这一部分的标题"}
            )

    regions = _regions(lines, starts, fmt)
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
            if part.key in starts and not reading.raw:
                unplaced.append({"where": table.name, "text": "", "reason": "未能读出表格"})
            sections[part.key] = _prose(region)
        else:
            sections[part.key] = _clean_text(region)

    agency = _agency(title, title_match)
    report = {
        "year": year,
        "format": fmt.version,
        "agency": agency,
        "title": title,
        "preamble": _clean_text(lines[preamble_from:first_part]),
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
    return ImportResult(report=report, unplaced=unplaced, notes=notes)


def _part_starts(lines: list[str]) -> dict[str, int]:
    """Line index of each part heading, found in order (so table rows “一、…” never match)."""
    from gkreport.formats.common import PARTS

    starts: dict[str, int] = {}
    position = 0
    for part in PARTS:
        wanted = norm_heading(part.title)
        for index in range(position, len(lines)):
            match = PART_LINE.match(lines[index])
            if not match or match.group(1) != part.numeral:
                continue
            if len(lines[index].strip()) > MAX_HEADING_LENGTH:
                continue
            found = norm_heading(match.group(2))
            if found == wanted or (found.startswith(wanted) and len(found) - len(wanted) <= 6):
                starts[part.key] = index
                position = index + 1
                break
    return starts


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


def _clean_text(lines: list[str]) -> str:
    """Paragraphs as lines, blank lines and stray indentation removed."""
    kept = [line.strip(" \t\u00a0\u3000") for line in lines]
    return "\n".join(line for line in kept if line)


def _prose(lines: list[str]) -> str:
    """The sentences around a statistical table (most reports have none)."""
    prose = [
        line.strip()
        for line in lines
        if "\t" not in line and line.count("|") < 2 and "。" in line and len(line.strip()) > 15
    ]
    return "\n".join(prose)
