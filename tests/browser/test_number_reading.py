"""One reading of numbers: the browser reads a typed cell as gkreport/lib/values.py does, and
its live totals add only what the server would read."""

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils.html import json_script

from gkreport.checks.identities import _interval
from gkreport.checks.messages import CELL_NOTES
from gkreport.lib.values import KINDS, format_value, read_value, rules_for_browser
from tests.browser.test_drafting_flow import cell, log_in
from tests.number_inputs import NUMBER_INPUTS

pytestmark = pytest.mark.browser

STATIC = Path(__file__).resolve().parents[2] / "static" / "gkreport"
VALUES_JS = STATIC / "values.js"
TABLE_JS = STATIC / "table.js"


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


@pytest.mark.django_db(transaction=True)
def test_a_count_with_decimals_gives_no_live_total(page, live_server, people):
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/table/t3/")
    total = page.locator('.computed[data-for="t3.granted.total"]')
    natural = page.locator('.computed[data-for="t3.granted.natural"]')
    cell(page, "t3.granted.total").fill("7")
    assert total.inner_text() == "按各项合计应为 6"

    # the server refuses decimals in a count: no total, and the server's reason instead
    cell(page, "t3.granted.natural").fill("62,544.3758")
    assert total.inner_text() == ""
    assert natural.inner_text() == "件数应为整数，不能有小数"
    assert cell(page, "t3.granted.total").input_value() == "7"  # help only

    # a number the server reads, with a thousands separator and a unit, is added
    cell(page, "t3.granted.natural").fill("５,０００件")
    assert natural.inner_text() == ""
    assert total.inner_text() == "按各项合计应为 5001"
    assert cell(page, "t3.granted.total").input_value() == "7"


def sums_page(page, cells: dict[str, tuple[str, str]], identities: list[dict]):
    """The real values.js and table.js on a made-up table: code → (kind, typed text)."""
    inputs = "".join(
        f'<input class="cell" name="{code}" data-code="{code}" data-kind="{kind}" '
        f'data-row="{row}" data-col="0" value="{text}"><div class="computed" data-for="{code}"></div>'
        for row, (code, (kind, text)) in enumerate(cells.items())
    )
    page.set_content(
        f'<!doctype html><form id="table-form">{inputs}</form><div id="identity-status"></div>'
        f"{json_script(rules_for_browser(), 'value-rules')}{json_script(identities, 'identities')}"
        f"{json_script(CELL_NOTES, 'cell-notes')}"
    )
    page.add_script_tag(path=str(VALUES_JS))
    page.add_script_tag(path=str(TABLE_JS))


def note(page, code):
    return page.locator(f'.computed[data-for="{code}"]').inner_text()


def test_amounts_are_compared_within_their_stated_rounding(page):
    """No identity of today's formats holds 万元, but the live totals judge one as the server
    does (checks/identities.py): equal when some rounding of the stated decimals makes it so."""
    identity = {"code": "x", "title": "表", "left": ["a.x.1", "a.x.2"], "right": ["a.x.total"]}
    for total, expected in [("3.7", ""), ("3.9", "按各项合计应为 3.75"), ("3.75", "")]:
        cells = {"a.x.1": ("amount", "1.25"), "a.x.2": ("amount", "2.5万元")}
        sums_page(page, {**cells, "a.x.total": ("amount", total)}, [identity])
        low_l, high_l = _interval([Decimal("1.25"), Decimal("2.5")])
        low_r, high_r = _interval([Decimal(total)])
        assert (low_l <= high_r and low_r <= high_l) == (expected == "")
        assert note(page, "a.x.total") == expected


def test_large_counts_are_added_exactly(page):
    identity = {"code": "x", "title": "表", "left": ["a.x.1", "a.x.2"], "right": ["a.x.total"]}
    cells = {"a.x.1": ("count", "999,999,999,999"), "a.x.2": ("count", "1")}
    sums_page(page, {**cells, "a.x.total": ("count", "999999999999")}, [identity])
    assert note(page, "a.x.total") == "按各项合计应为 1000000000000"


TYPED = ["62,544.3758", "3.5万元", "35000元", "-3", "1,2345", "１２件", "/", "+7", "3.0"]


@pytest.mark.django_db(transaction=True)
def test_the_browser_refuses_what_the_server_refuses_in_each_kind_of_cell(
    page, live_server, people
):
    """On the real page of a 2019-format table 2, which has all three kinds of cell: what the
    browser says under a cell while it is typed is what the server says once it is saved."""
    from gkreport.reports.models import Report

    report = Report.objects.create(
        agency=people.agency, year=2020, title="2020年度报告", narrative={}, cells={}
    )
    cells = {"count": "t2.licensing.decisions", "delta": "t2.licensing.change"}
    cells["amount"] = "t2.procurement.amount"
    url = f"{live_server.url}/r/{report.code}/table/t2/"
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(url)
    said = {}
    for text in TYPED:
        typed = {}
        for kind, code in cells.items():
            cell(page, code).fill(text)
            typed[kind] = note(page, code)
        page.click("#save")
        page.wait_for_load_state()
        saved = server_notes(page.request.get(url).text(), cells)
        assert typed == saved, text
        assert {kind: note(page, code) for kind, code in cells.items()} == saved
        said[text] = saved
    fraction = "件数应为整数，不能有小数"
    assert said["62,544.3758"] == {"count": fraction, "delta": fraction, "amount": ""}
    negative = "不能为负数"
    assert said["-3"] == {"count": negative, "delta": "", "amount": negative}
    assert said["/"]["count"] == "应填写数字，没有发生的请填写0"


def server_notes(html: str, cells: dict[str, str]) -> dict[str, str]:
    """The notes the server writes under the cells, before any script runs."""
    found = {}
    for kind, code in cells.items():
        start = html.index('<div class="computed', html.index(f'name="{code}"'))
        found[kind] = html[html.index(">", start) + 1 : html.index("</div>", start)]
    return found
