"""The pages a report is edited on, and what each page holds.

The official order: basic information (title, preamble, signature), part 一, table 2 with part
二, table 3 with part 三, table 4 with part 四, part 五, part 六.
"""

from dataclasses import dataclass

from gkreport.formats.model import Format, Part


@dataclass(frozen=True)
class Page:
    key: str  # info | s1 | t2 | t3 | t4 | s5 | s6
    title: str
    part: Part | None = None
    table: str | None = None

    @property
    def is_table(self) -> bool:
        return self.table is not None


INFO = Page("info", "基本信息")


def pages(fmt: Format) -> list[Page]:
    result = [INFO]
    for part in fmt.parts:
        if part.table:
            result.append(Page(part.table, part.heading, part, part.table))
        else:
            result.append(Page(part.key, part.heading, part))
    return result


def page(fmt: Format, key: str) -> Page | None:
    return next((p for p in pages(fmt) if p.key == key), None)


def page_for_part(fmt: Format, part_key: str) -> Page:
    return next(p for p in pages(fmt) if p.part and p.part.key == part_key)


def page_content(report, page: Page) -> dict:
    """Everything the page edits, as stored: the unit of conflict detection."""
    if page.key == "info":
        return {
            "title": report.title,
            "preamble": report.preamble,
            "signature": report.signature,
            "signed_on": str(report.signed_on or ""),
        }
    content = {"narrative": report.narrative.get(page.part.key, {})}
    if page.table:
        prefix = f"{page.table}."
        content["cells"] = {k: v for k, v in report.cells.items() if k.startswith(prefix)}
    return content


def completeness(report) -> list[dict]:
    """Per page: is it filled? Narrative parts need text; tables count their filled cells."""
    fmt = report.fmt
    sections = report.sections()
    rows = []
    for item in pages(fmt):
        if item.key == "info":
            filled, total = int(bool(report.preamble.strip())), 1
        elif item.table:
            codes = [cell.code for cell in fmt.table(item.table).cells]
            legacy = [c for c in fmt.legacy_cells if c.startswith(item.table + ".")]
            present = {c for c in codes + legacy if (report.cells.get(c) or "").strip()}
            covered = {
                code
                for leg, replaced in fmt.legacy_cells.items()
                if leg in present
                for code in replaced
            }
            filled, total = len((present & set(codes)) | covered), len(codes)
        else:
            filled, total = int(bool(sections.get(item.part.key, "").strip())), 1
        rows.append({"page": item, "filled": filled, "total": total, "done": filled == total})
    return rows
