"""The narrative as the agency wrote it, out of the lines a reader extracted.

Three things in extracted texts are not the agency's writing, and would print so:

- a sentence cut where the original page or line ended (“…加强了对公众关注热” / “点的主动
  公开力度。”): the two lines are joined back;
- a link the converter wrapped in angle brackets (“(<http://kjj.liaocheng.gov.cn/>)”): the
  brackets go, the address stays;
- a chart's data printed one figure per line (“年 份” “2019” “2020” …): kept, but marked as a
  block (formats/chart_blocks.py) that the agency confirms or deletes in the part editor.

Every step takes time in proportion to the text: no regular expression that can backtrack
over a long line, no paragraph copied once per line joined to it.
"""

import re

from gkreport.formats import chart_blocks

SPACE = " \t\u00a0\u3000"
# A line ending with one of these ended its sentence (a closing quote or bracket after it too).
SENTENCE_END = frozenset("。！？；：!?;:…")
CLOSERS = frozenset("”’」』）)】》")
# A line holding one of these is prose; a line without is a heading, a caption, a label —
# unless it is a long line with commas, a sentence that has not ended yet.
SENTENCE_MARK = re.compile("[。！？；]")
COMMA = re.compile("[，,]")
LONG_SENTENCE = 40
# A line ending with one of these goes on in the next, whatever it holds.
CONTINUES = frozenset("，、,")
# How an item or a heading starts: （一） (1) 一、 1. 1． 1、 一是 ① — never joined to the line
# before. Bounded repetitions, matched at the start of a short prefix only.
ITEM = re.compile(
    r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是]"
    r"|\d{1,3}\s?[.．、]|[①-⑳])"
)
ITEM_PREFIX = 12
# Joined lines stop growing here: a real paragraph is far shorter, and no paragraph of an
# import grows past the line limit the reading was held to (limits.py).
MAX_PARAGRAPH = 5000

# A chart's data: a run of short lines, at least this many of them figures and at least half.
MAX_CHART_LINE = 16
MIN_CHART_FIGURES = 4
NOT_IN_CHART = re.compile("[。，；：！？,;:]")

# A link wrapped in brackets: “<http://…>”, “〈www.…〉”, “<mailto:…>”, “<someone@example.cn>”.
# A link is printable ASCII but the brackets, of bounded length, taken possessively (`{…}+`):
# the regular expression never gives characters back, so a bracket followed by anything
# else (“〈中华人民共和国…〉”) or a link left open fails where it stops, at once.
CLOSING = {"<": ">", "＜": "＞", "〈": "〉", "⟨": "⟩"}
_LINK = (
    r"(?:(?i:https?://|www\.|mailto:)[!-;=?-~]{1,2000}+"
    r"|[!-;=?A-~]{1,64}+@[!-;=?-~]{1,2000}+)"
)
BRACKETED_LINK = re.compile(
    "|".join(
        f"{re.escape(opener)}({_LINK}){re.escape(closer)}" for opener, closer in CLOSING.items()
    )
)


def narrative_lines(lines: list[str], *, charts: bool = True) -> list[str]:
    """The lines of a narrative part, cleaned as above: blank lines and stray indentation
    removed, links unwrapped, chart data marked (unless `charts` is false: the preamble,
    which no editor shows with the note), broken sentences joined."""
    # Links never span lines: the whole part is unwrapped at once, not line by line.
    text = unwrap_links("\n".join(line.strip(SPACE) for line in lines))
    # Markers in the text read (gkreport's own text, read back) go: the runs are found again.
    kept = [line for line in text.split("\n") if line and not chart_blocks.is_marker(line)]
    items = _mark_charts(kept) if charts else kept
    return _flatten(join_broken(items))


def prose_lines(lines: list[str], is_prose) -> list[str]:
    """The sentences around a statistical table: the lines `is_prose` keeps, links unwrapped,
    a sentence broken over two of them joined; any other line between them (a table row)
    keeps them apart."""
    items: list = []
    for line in lines:
        if not line.strip(SPACE):
            continue
        items.append(unwrap_links(line.strip(SPACE)) if is_prose(line) else None)
    return [line for line in join_broken(items) if line is not None]


def unwrap_links(line: str) -> str:
    """“(<http://a.gov.cn/>)” → “(http://a.gov.cn/)”; brackets around anything else stay
    (“〈中华人民共和国政府信息公开工作年度报告格式〉” is a title inside a title)."""
    if "://" not in line and "www." not in line and "WWW." not in line and "@" not in line:
        return line
    # One group per kind of bracket: the one that matched is the last.
    return BRACKETED_LINK.sub(lambda match: match.group(match.lastindex), line)


def is_item(line: str) -> bool:
    """Whether a line starts like a list item or a heading (（一）, 1., 一、, 一是 …)."""
    return ITEM.match(line[:ITEM_PREFIX]) is not None


def _mark_charts(lines: list[str]) -> list:
    """The lines, with each run of chart data replaced by a list of its lines."""
    items: list = []
    run: list[str] = []
    for line in lines:
        if _chart_shaped(line):
            run.append(line)
            continue
        items.extend(_close_run(run))
        run = []
        items.append(line)
    items.extend(_close_run(run))
    return items


def _chart_shaped(line: str) -> bool:
    return len(line) <= MAX_CHART_LINE and not NOT_IN_CHART.search(line) and not is_item(line)


def _close_run(run: list[str]) -> list:
    """A run of short lines: chart data (one list) when enough of it is figures, otherwise
    the lines as they are. Labels after the last figure are not the chart's."""
    figures = sum(1 for line in run if chart_blocks.is_figure(line))
    if figures < MIN_CHART_FIGURES or figures * 2 < len(run):
        return run
    last = max(i for i, line in enumerate(run) if chart_blocks.is_figure(line))
    return [run[: last + 1], *run[last + 1 :]]


def join_broken(items: list) -> list:
    """Lines (str) joined where a sentence was cut; any other item (a chart block, None for
    a line that is not prose) ends the paragraph before it and passes unchanged."""
    out: list = []
    pieces: list[str] = []  # the paragraph being built, not yet joined
    length = 0
    prose = False  # whether the paragraph is prose (not a heading, a caption, a label)
    for item in items:
        if isinstance(item, str) and pieces and _goes_on(pieces[-1], prose, length, item):
            if _is_word(pieces[-1][-1]) and _is_word(item[0]):
                pieces.append(" ")  # “data” / “sets” wrapped: two words, not one
            pieces.append(item)
            length += len(item)
            prose = prose or _is_prose(item)
            continue
        if pieces:
            out.append("".join(pieces))
            pieces = []
        if isinstance(item, str):
            pieces, length, prose = [item], len(item), _is_prose(item)
        else:
            out.append(item)
    if pieces:
        out.append("".join(pieces))
    return out


def _is_word(character: str) -> bool:
    return character.isascii() and character.isalpha()


def _is_prose(line: str) -> bool:
    if SENTENCE_MARK.search(line):
        return True
    return len(line) >= LONG_SENTENCE and COMMA.search(line) is not None


def _goes_on(last: str, prose: bool, length: int, line: str) -> bool:
    """Whether `line` continues the paragraph ending with `last`: the paragraph stops in the
    middle of a sentence — prose (not a heading or a caption), ending without a sentence
    mark, or ending with a comma — and the line does not start an item or a heading."""
    if length + len(line) > MAX_PARAGRAPH or is_item(line):
        return False
    end = last[-1]
    if end in CONTINUES:
        return True
    if end in SENTENCE_END or (end in CLOSERS and len(last) > 1 and last[-2] in SENTENCE_END):
        return False
    return prose


def _flatten(items: list) -> list[str]:
    lines: list[str] = []
    for item in items:
        if isinstance(item, list):
            lines.extend(chart_blocks.mark(item))
        else:
            lines.append(item)
    return lines
