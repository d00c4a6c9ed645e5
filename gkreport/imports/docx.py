"""Reading a report sent as a Word file (.docx) — with python-docx.

python-docx opens the package (it finds the main document part through the package's
relationships, as Word does, and parses XML without resolving entities); the body is then
walked in document order: paragraphs, tables, and the paragraphs and tables inside text
boxes. A merged cell is one cell where it starts: `w:gridSpan` spans columns, `w:vMerge`
continues a cell downwards (the continuing cells are covered, not blank). A table holding
other tables is page layout and is walked into. The text then goes through the text
importer (text.py) like any other.

The zip is checked before anything is unpacked: at most MAX_MEMBERS members and
MAX_UNPACKED bytes declared; zipfile never inflates a member past its declared size (it
stops there and reports a bad CRC), so a zip bomb is refused, not unpacked.
"""

import io
import zipfile

import docx
import lxml.etree
from docx.opc.exceptions import PackageNotFoundError

from gkreport.imports.files import read_bounded_text
from gkreport.imports.layout import Blocks, Cell, blocks_to_text, clean_line
from gkreport.imports.limits import DEFAULT_LIMITS
from gkreport.imports.text import ImportError_, ImportResult

MAX_MEMBERS = 1000
MAX_UNPACKED = 64 * 1024 * 1024
MAX_DOCUMENT = 16 * 1024 * 1024

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
P, TBL, TR, TC, T = (f"{{{W}}}{name}" for name in ("p", "tbl", "tr", "tc", "t"))
TAB, BR, CR = (f"{{{W}}}{name}" for name in ("tab", "br", "cr"))
SDT, SDT_CONTENT, CUSTOM_XML = (f"{{{W}}}{name}" for name in ("sdt", "sdtContent", "customXml"))
TXBX_CONTENT = f"{{{W}}}txbxContent"
DRAWING, PICT = f"{{{W}}}drawing", f"{{{W}}}pict"
FALLBACK = f"{{{MC}}}Fallback"
# Deleted text, field instructions and the like: not what the page shows.
UNSHOWN = {f"{{{W}}}{name}" for name in ("del", "moveFrom", "instrText", "delText", "rPr", "pPr")}
VAL = f"{{{W}}}val"


def read_docx(data: bytes, *, year: int | None = None, limits=None) -> ImportResult:
    check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, lxml.etree.XMLSyntaxError):
        raise ImportError_("Word文件（.docx）已损坏，无法读取") from None
    except ValueError:  # a macro-enabled document or a template: another content type
        raise ImportError_("不是Word文档（.docx），请另存为.docx或PDF后再检查") from None
    except Exception:  # any other inconsistency of the package: bad input, never a crash
        raise ImportError_("Word文件（.docx）已损坏，无法读取") from None
    blocks = Blocks()
    _walk(document.element.body, blocks)
    return read_bounded_text(blocks_to_text(blocks), year=year, limits=limits or DEFAULT_LIMITS)


def check_zip(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError, OSError):
        raise ImportError_(
            "文件是ZIP格式但已损坏，无法读取（Word文件请保存为.docx或PDF）"
        ) from None
    if len(members) > MAX_MEMBERS:
        raise ImportError_(f"压缩文件中的部件过多（{len(members)}个），不像Word文档，已拒绝读取")
    names = {member.filename: member for member in members}
    if "word/document.xml" not in names:
        raise ImportError_("这是压缩文件或Excel、PowerPoint文件，不是Word文档（.docx）")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED or names["word/document.xml"].file_size > MAX_DOCUMENT:
        raise ImportError_(
            f"Word文件解压后过大（{unpacked // (1024 * 1024)} MB），可能是恶意构造的文件，已拒绝读取"
        )


def _walk(container, blocks: Blocks) -> None:
    """Paragraphs and tables of a body, cell or text box, in document order."""
    for child in container:
        tag = child.tag
        if tag == P:
            _paragraph(child, blocks)
        elif tag == TBL:
            _table(child, blocks)
        elif tag in (SDT, SDT_CONTENT, CUSTOM_XML):
            _walk(child, blocks)


def _paragraph(paragraph, blocks: Blocks) -> None:
    pieces: list[str] = []
    boxes: list = []
    pictures = _runs(paragraph, pieces, boxes)
    for line in "".join(pieces).split("\n"):
        blocks.text(line)
    if pictures and not "".join(pieces).strip():
        blocks.image()
    for box in boxes:
        _walk(box, blocks)


def _runs(element, pieces: list[str], boxes: list) -> int:
    """Collect the shown text of a paragraph; text boxes are kept for later. Returns the
    number of pictures (drawings that are not text boxes)."""
    pictures = 0
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in UNSHOWN or tag == FALLBACK:
            continue
        if tag == T:
            pieces.append(child.text or "")
        elif tag == TAB:
            pieces.append(" ")
        elif tag in (BR, CR):
            pieces.append("\n")
        elif tag == TXBX_CONTENT:
            boxes.append(child)
        elif tag in (DRAWING, PICT):
            found = len(boxes)
            pictures += _runs(child, pieces, boxes)
            if len(boxes) == found:
                pictures += 1
        else:
            pictures += _runs(child, pieces, boxes)
    return pictures


def _table(table, blocks: Blocks) -> None:
    if table.find(f".//{TBL}") is not None:  # a layout table around other tables
        for row in table.iter(TR):
            for cell in row.iter(TC):
                _walk(cell, blocks)
        return
    blocks.table(_rows(table))


def _rows(table) -> list[list[Cell]]:
    """Rows of cells where they start, with the rowspan a vMerge makes."""
    rows: list[list[tuple[int, Cell | None]]] = []  # (grid column, cell or None = continued)
    for tr in table.iter(TR):
        column = _int(tr.find(f"{{{W}}}trPr/{{{W}}}gridBefore"), 0)
        placed: list[tuple[int, Cell | None]] = []
        for tc in tr.iter(TC):
            span = _int(tc.find(f"{{{W}}}tcPr/{{{W}}}gridSpan"), 1)
            merge = tc.find(f"{{{W}}}tcPr/{{{W}}}vMerge")
            continued = merge is not None and merge.get(VAL, "continue") == "continue"
            placed.append((column, None if continued else Cell(_cell_text(tc), 1, span)))
            column += span
        rows.append(placed)
    starts: dict[int, Cell] = {}  # grid column → the cell a continuation extends
    for placed in rows:
        for column, cell in placed:
            if cell is None:
                if column in starts:
                    starts[column].rowspan += 1
            else:
                starts[column] = cell
    return [[cell for _, cell in placed if cell is not None] for placed in rows]


def _cell_text(tc) -> str:
    lines = []
    for paragraph in tc.iter(P):
        pieces: list[str] = []
        _runs(paragraph, pieces, [])
        lines.append(clean_line("".join(pieces)))
    return "".join(lines)


def _int(element, default: int) -> int:
    if element is None:
        return default
    try:
        return max(0, min(int(element.get(VAL, default)), 1000))
    except ValueError:
        return default
