"""The print fonts gk_fonts builds: the GB2312 characters of Noto CJK SC with the outlines and
widths of the source face, and nothing horizontal text does not use (every glyph id costs
time in each PDF's font subset)."""

from pathlib import Path

import pytest
from django.conf import settings
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTCollection, TTFont

from gkreport.reports.management.commands.gk_fonts import (
    DROPPED_TABLES,
    FACES,
    HORIZONTAL_FEATURES,
    find_source,
    repertoire,
)

# Typed in every report: quotes, dashes, brackets, the enumeration comma, digits.
PUNCTUATION = "“”‘’——（）《》、，。：；！？·…0123456789%"


def built(filename) -> TTFont:
    path = Path(settings.PDF_FONT_DIR) / filename
    if not path.exists():
        pytest.fail(f"{path} is missing: `make test` builds it (manage.py gk_fonts)")
    return TTFont(str(path))


def outline(font, glyph_set, character):
    glyph = font.getBestCmap()[ord(character)]
    pen = DecomposingRecordingPen(glyph_set)
    glyph_set[glyph].draw(pen)
    return pen.value, font["hmtx"][glyph][0]


@pytest.mark.parametrize(("filename", "family", "source_name", "face"), FACES)
def test_each_character_prints_as_in_the_source_face(filename, family, source_name, face):
    cut = built(filename)
    source_path = find_source(source_name)
    if source_path is None:
        pytest.skip(f"{source_name} is not installed (fonts-noto-cjk)")
    source = next(
        f for f in TTCollection(str(source_path)).fonts if f["name"].getDebugName(1) == face
    )
    in_source = source.getBestCmap()
    characters = [chr(p) for p in repertoire()[::40] if p in in_source] + list(PUNCTUATION)
    assert len(characters) > 180
    cut_glyphs, source_glyphs = cut.getGlyphSet(), source.getGlyphSet()
    for character in characters:
        assert outline(cut, cut_glyphs, character) == outline(source, source_glyphs, character), (
            character
        )
    assert cut["name"].getDebugName(1) == family


@pytest.mark.parametrize("filename", [face[0] for face in FACES])
def test_the_cut_keeps_only_what_horizontal_text_uses(filename):
    cut = built(filename)
    assert not set(DROPPED_TABLES) & set(cut.keys())  # no vertical metrics
    features = {record.FeatureTag for record in cut["GSUB"].table.FeatureList.FeatureRecord}
    assert features <= set(HORIZONTAL_FEATURES)
    # 7,445 GB2312 characters, ASCII, punctuation and their variation sequences: not the
    # 13,880 glyphs that every feature's alternates made
    assert cut["maxp"].numGlyphs < 8_000
