"""What the web page and Word readers share: tables laid out as grids, and the text they feed
to the text importer.

Both readers turn a document into blocks — paragraphs (one line each), tables (rows of
cells with their spans) and images — and `blocks_to_text` writes them as the plain text
that `text.read_text` reads: one line per paragraph, one tab-separated line per table row,
a blank line after each so every line is a row of its own. The table reader of the text
importer (tables.py) then places the cells, as for any other text.

A table row is written with the cells printed in it, each once, where it starts: a span's
covered positions add no cell (so a label spanning three columns is still one cell, and the
rows under a group label spanning them start with their own label). An empty cell is
written as an empty cell: it is a printed blank, not a missing one.
"""

import re
from dataclasses import dataclass, field

from gkreport.imports.text import IMAGE_LINE, ImportError_

# Bounds on what a page or document may hold; the upload size limit bounds the bytes,
# these bound the work (a table of 1000 × 1000 spans fits in a few kilobytes).
MAX_TABLES = 300
MAX_ROWS = 2000  # per table
MAX_COLUMNS = 200  # per table, after spans
MAX_GRID_CELLS = 300_000  # over the whole document, after spans
MAX_BLOCKS = 100_000

_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")
_SPLIT_DIGITS = re.compile(r"^\d+(?: \d+)+$")
_GROUPED = re.compile(r"^\d{1,3}(?: \d{3})+$")


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Blocks:
    """The document as read: ("text", line) | ("table", rows of Cell) | ("image", "")."""

    items: list = field(default_factory=list)
    tables: int = 0
    grid_cells: int = 0

    def text(self, line: str) -> None:
        if not line:
            return
        line = clean_line(line)
        if line:
            self._add(("text", line))

    def image(self) -> None:
        self._add(("image", ""))

    def table(self, rows: list[list[Cell]]) -> None:
        self.tables += 1
        if self.tables > MAX_TABLES:
            raise ImportError_(f"文件中的表格过多（超过{MAX_TABLES}个），无法读取")
        grid = expand(rows)
        self.grid_cells += sum(len(row) for row in grid)
        if self.grid_cells > MAX_GRID_CELLS:
            raise ImportError_("文件中的表格过大，无法读取")
        self._add(("table", grid))

    def _add(self, item) -> None:
        if len(self.items) >= MAX_BLOCKS:
            raise ImportError_("文件内容过多，无法读取")
        self.items.append(item)


def clean_line(text: str) -> str:
    """Whitespace as a browser shows it: runs collapsed to one space, none between two
    Chinese characters (source line breaks inside a sentence), none at the ends."""
    text = _SPACES.sub(" ", text.replace("\u00a0", " "))
    return _SPACE_IN_CJK.sub("", text).strip(" \u3000")


def clean_cell(text: str) -> str:
    """A cell's text on one line; a number split over several runs (“2” “0”) joined back,
    unless the pieces read as thousands groups (“62 544”, which S4 should see)."""
    text = clean_line(text)
    if _SPLIT_DIGITS.match(text) and not _GROUPED.match(text):
        return text.replace(" ", "")
    return text


def expand(rows: list[list[Cell]]) -> list[list[tuple[Cell, bool]]]:
    """The rows laid out on a grid: each position holds (cell, starts_here). A rowspan
    reaching past the table's end stops at its last row, a colspan at MAX_COLUMNS."""
    if len(rows) > MAX_ROWS:
        raise ImportError_(f"文件中有表格超过{MAX_ROWS}行，无法读取")
    grid: list[list[tuple[Cell, bool] | None]] = [[] for _ in rows]
    for r, row in enumerate(rows):
        column = 0
        for cell in row:
            line = grid[r]
            while column < len(line) and line[column] is not None:
                column += 1
            if column >= MAX_COLUMNS:
                raise ImportError_(f"文件中有表格超过{MAX_COLUMNS}列，无法读取")
            rowspan = max(1, min(cell.rowspan, len(rows) - r))
            colspan = max(1, min(cell.colspan, MAX_COLUMNS - column))
            for dr in range(rowspan):
                target = grid[r + dr]
                if len(target) < column + colspan:
                    target.extend([None] * (column + colspan - len(target)))
                for dc in range(colspan):
                    if target[column + dc] is None:
                        target[column + dc] = (cell, dr == 0 and dc == 0)
            column += colspan
    return [[slot for slot in line if slot is not None] for line in grid]


def blocks_to_text(blocks: Blocks, title: str = "") -> str:
    lines = [title] if title else []
    for kind, content in blocks.items:
        if kind == "text":
            lines.append(content)
        elif kind == "image":
            lines.append(IMAGE_LINE)
        else:
            for row in content:
                cells = [clean_cell(cell.text) for cell, starts in row if starts]
                if any(cells):
                    lines.append("\t".join(cells))
    # A blank line after each line: every line is a row of its own for the table reader.
    return "\n\n".join(lines)
