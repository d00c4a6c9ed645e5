"""A chart's data kept in a narrative as a marked block.

A published report often shows a chart (applications per year, visits per month) whose
figures a text extraction prints one per line in the middle of the narrative: “年 份”,
“2019”, “2020”, … The importer cannot tell whether the agency wants them in its report, so
it keeps them between two marker lines; the part editor shows the block with a note and
lets the agency delete it, or keep it as ordinary text, in one action. Printed, the markers
vanish and each label with its figures is one line (“依申请公开数 23 30 63 56 125”).

The markers are plain lines of the stored text, so splitting a part into its sub-sections
and joining it back (narrative.py) keeps them, and an agency that deletes them by hand
simply turns the block into ordinary text.
"""

START = "〔图表数据〕"
END = "〔图表数据完〕"
MARKERS = (START, END)


def is_marker(line: str) -> bool:
    return line.strip() in MARKERS


def mark(lines: list[str]) -> list[str]:
    """The lines of one block, between the markers."""
    return [START, *lines, END]


def pieces(text: str) -> list:
    """The text's lines (str) and its complete blocks (a list of their non-blank lines), in
    order, without markers. A marker left alone (its pair deleted by hand) is dropped, and
    the lines after it are ordinary text: no marker ever reaches the print."""
    out: list = []
    pending: list[str] | None = None  # lines after a START, until its END
    for line in (text or "").splitlines():
        stripped = line.strip()
        if stripped == START:
            if pending is not None:
                out.extend(pending)
            pending = []
        elif stripped == END:
            if pending is not None:
                out.append([kept.strip() for kept in pending if kept.strip()])
            pending = None
        elif pending is not None:
            pending.append(line)
        else:
            out.append(line)
    if pending is not None:
        out.extend(pending)
    return out


def blocks(text: str) -> list[list[str]]:
    """The lines inside each complete block of a text, in order."""
    return [piece for piece in pieces(text) if isinstance(piece, list)]


def drop(text: str) -> str:
    """The text without its blocks: markers and data alike."""
    return "\n".join(piece for piece in pieces(text) if isinstance(piece, str))


def keep(text: str) -> str:
    """The text with its blocks as ordinary lines, as they print: the markers removed, each
    label with its figures on one line."""
    lines: list[str] = []
    for piece in pieces(text):
        lines.extend(rows(piece) if isinstance(piece, list) else [piece])
    return "\n".join(lines)


def rows(lines: list[str]) -> list[str]:
    """A block's lines as printed rows: a label with the figures under it on one line."""
    result: list[str] = []
    for line in lines:
        if result and is_figure(line):
            result[-1] = f"{result[-1]} {line}"
        else:
            result.append(line)
    return result


MAX_FIGURE = 16  # “12,345,678.90%” fits; a longer line is not one figure of a chart
DIGITS = frozenset("0123456789０１２３４５６７８９")
FIGURE_CHARACTERS = DIGITS | frozenset(".．,，%％")
UNITS = frozenset("件条次个人年月万元")


def is_figure(line: str) -> bool:
    """One number as a chart's data prints it: “125”, “11.7”, “45%”, “1,200”, “2019年”."""
    text = line.strip()
    if not text or len(text) > MAX_FIGURE:
        return False
    if text[-1] in UNITS:
        text = text[:-1]
    return bool(text) and text[0] in DIGITS and all(c in FIGURE_CHARACTERS for c in text)
