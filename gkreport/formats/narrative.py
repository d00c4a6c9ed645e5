"""A part's narrative split into its sub-sections and joined back, losslessly.

Sub-sections are keyed by position: "intro" for text before the first marker, then "1"
for the agency's （一）, "2" for （二） and so on. The agency's own heading wording stays in
the text, so joining the pieces gives back exactly the part as written.
"""

import re

from gkreport.formats.model import Part

MARKERS = "一二三四五六七八九十"
INTRO = "intro"


def _marker_pattern(number: int) -> re.Pattern:
    numeral = MARKERS[number - 1]
    return re.compile(rf"^[ \t\u00a0\u3000]*[（(]{numeral}[）)]", re.MULTILINE)


def split_subsections(part: Part, text: str) -> dict[str, str]:
    """{"intro": …, "1": …, …}: cut before each （一）…（N） marker, in order, at a line start."""
    pieces: dict[str, str] = {}
    position = 0
    key = INTRO
    for number in range(1, len(part.subsections) + 1):
        match = _marker_pattern(number).search(text, position)
        if match is None:
            continue
        pieces[key] = text[position : match.start()]
        key, position = str(number), match.start()
    pieces[key] = text[position:]
    return {k: v for k, v in pieces.items() if v.strip() or k == INTRO}


def join_subsections(pieces: dict[str, str]) -> str:
    keys = [INTRO] + sorted((k for k in pieces if k != INTRO), key=int)
    return "".join(pieces.get(k, "") for k in keys)
