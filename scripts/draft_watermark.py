"""Writes static/print/draft-watermark.svg: the word 草稿 as outlines, not text.

The draft PDF's watermark is drawn from this picture so that it never enters the PDF's text
layer: copying a draft's text, or reading it back with pdftotext, yields the report's words
only. Run once when the wording or the look changes, and commit the file:

    .venv/bin/python scripts/draft_watermark.py [font.ttc]
"""

import math
import sys
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTCollection

WORD = "草稿"
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
FAMILY = "Noto Serif CJK SC"
ANGLE = 30  # degrees, rising to the right, as the watermark always looked
COLOUR, OPACITY = "#b40000", 0.12
OUT = Path(__file__).resolve().parents[1] / "static" / "print" / "draft-watermark.svg"


def simplified_chinese_face(path: str):
    for font in TTCollection(path).fonts:
        if font["name"].getDebugName(1) == FAMILY:
            return font
    raise SystemExit(f"{FAMILY} is not in {path}")


def outline(font) -> tuple[str, float, float]:
    """The word's glyphs as one SVG path, in font units, y downwards; its width and height."""
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    em = font["head"].unitsPerEm
    ascent = font["OS/2"].sTypoAscender  # the em box's top: CJK glyphs fill the em box
    pen = SVGPathPen(glyphs, ntos=lambda n: f"{n:.0f}")
    x = 0
    for char in WORD:
        name = cmap[ord(char)]
        # font units have y upwards; SVG has it downwards from the top of the line
        glyphs[name].draw(TransformPen(pen, (1, 0, 0, -1, x, ascent)))
        x += glyphs[name].width
    return pen.getCommands(), x, em * 1.0


def svg(path: str, width: float, height: float) -> str:
    angle = math.radians(ANGLE)
    box_w = width * math.cos(angle) + height * math.sin(angle)
    box_h = width * math.sin(angle) + height * math.cos(angle)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {box_w:.0f} {box_h:.0f}">'
        f'<g transform="translate({box_w / 2:.0f} {box_h / 2:.0f}) rotate(-{ANGLE}) '
        f'translate({-width / 2:.0f} {-height / 2:.0f})">'
        f'<path fill="{COLOUR}" fill-opacity="{OPACITY}" d="{path}"/></g></svg>\n'
    )


if __name__ == "__main__":
    face = simplified_chinese_face(sys.argv[1] if len(sys.argv) > 1 else FONT)
    OUT.write_text(svg(*outline(face)), encoding="utf-8")
    print(f"{OUT} ({OUT.stat().st_size} bytes)")
