"""One reading of numbers: the browser reads a typed cell as gkreport/lib/values.py does, and
its live totals add only what the server would read."""

import unicodedata
from pathlib import Path

import pytest
from django.utils.html import json_script

from gkreport.lib.values import KINDS, format_value, read_value, rules_for_browser
from tests.browser.test_drafting_flow import cell, log_in
from tests.number_inputs import NUMBER_INPUTS

pytestmark = pytest.mark.browser

VALUES_JS = Path(__file__).resolve().parents[2] / "static" / "gkreport" / "values.js"


@pytest.fixture
def reader(page):
    """A page with the real values.js and the rules the table page sends it."""
    page.set_content(f"<!doctype html>{json_script(rules_for_browser(), 'value-rules')}")
    page.add_script_tag(path=str(VALUES_JS))
    return page


def python_reading(text: str, kind: str) -> dict:
    """read_value's outcome in the shape values.js gives it."""
    reading = read_value(text, kind)
    if reading.error:
        return {"status": "error", "code": reading.error_code, "error": reading.error}
    if reading.not_applicable:
        return {"status": "not_applicable"}
    if reading.blank:
        return {"status": "blank"}
    return {"status": "value", "value": format_value(reading.value)}


def js_readings(page, texts: list[str], kind: str) -> list[dict]:
    return page.evaluate(
        "([texts, kind]) => texts.map((text) => window.gkValues.read(text, kind))", [texts, kind]
    )


def disagreements(page, texts: list[str]) -> list[tuple]:
    found = []
    for kind in KINDS:
        for text, js in zip(texts, js_readings(page, texts, kind), strict=True):
            python = python_reading(text, kind)
            if js != python:
                found.append((kind, text, python, js))
    return found


def test_both_readers_agree_on_the_guides_inputs(reader):
    assert disagreements(reader, NUMBER_INPUTS) == []


def telling_characters() -> list[str]:
    """Every character Python's Unicode data knows, but for plain letters and marks: a letter
    that is no number and that NFKC leaves alone is refused by both readers alike, and the
    CJK and Hangul blocks alone would make the test last minutes."""
    chars = []
    for point in range(0x110000):
        char = chr(point)
        category = unicodedata.category(char)
        if category in ("Cn", "Co", "Cs"):
            continue
        if category[0] in "LM" and not char.isnumeric():
            if unicodedata.normalize("NFKC", char) == char:
                continue
        chars.append(char)
    return chars


def test_both_readers_agree_on_every_telling_character(reader):
    """Alone and between digits: odd digits, spaces, signs and normalisation are decided
    alike (values.js spells some of these out, as JavaScript has no way to ask)."""
    chars = telling_characters()
    texts = chars + ["1" + char + "234" for char in chars]
    assert disagreements(reader, texts)[:20] == []


def test_the_list_covers_the_guides_bad_inputs():
    for text in ["１２３", "1 234", "1，234", "12件", "3.5万元", "35000元", "/", "—", "无"]:
        assert text in NUMBER_INPUTS
    for text in ["-3", "9" * 30, "十二", "abc", "\x00", "\u200b12", "²3", "①", "١٢"]:
        assert text in NUMBER_INPUTS
    assert "62,544.3758" in NUMBER_INPUTS and "+7" in NUMBER_INPUTS and " 7 " in NUMBER_INPUTS
