"""Hostile values posted to the table, narrative and info pages: never a 500, nothing stored
is lost when a value is refused, and what was typed comes back on the page."""

from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkreport.lib.text import normalise_text
from gkreport.reports.forms import MAX_CELL_CHARS, MAX_TEXT_CHARS
from gkreport.reports.models import Report
from tests.reports.helpers import seen

# What people paste and what attackers send: numbers in every dress, units, blanks, "/",
# negatives, huge numbers, text, control characters, superscripts, markup, formulas.
HOSTILE = [
    "１２３",
    "1,234",
    "12件",
    "12 万元",
    "",
    " \u3000",
    "/",
    "—",
    "-5",
    "10²",
    "①",
    "١٢",
    "1e999",
    "9" * 50,
    "\x00",
    "a\x00b",
    "\x0b\x0c\x07",
    "第一行\r\n第二行\r第三行",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "𠮷\u202e\ufeff12",
    "\u2028\u2029\x85",
]


@st.composite
def near_a_limit(draw):
    """Text around a field's length limit, with CRLF line breaks the browser counts as 1."""
    piece = draw(st.sampled_from(["字", "ab", "行\r\n", "\x00x", "1\x0b"]))
    limit = draw(st.sampled_from([MAX_CELL_CHARS, 300, MAX_TEXT_CHARS]))
    length = limit + draw(st.integers(-2, 2))
    return (piece * (length // len(piece) + 1))[:length]


hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    near_a_limit(),
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def fresh(people) -> Report:
    return Report.objects.get(pk=people.report.pk)


def assert_kept_and_shown(response, typed, before, after):
    """A refused value: the page says so, shows the typed text, and the store is unchanged."""
    assert response.status_code == 200
    page = response.content.decode()
    assert escape(typed) in page
    assert "没有保存" in page
    assert after == before


@FUZZ
@given(hostile_text)
def test_a_table_cell_never_loses_what_is_stored(client, people, typed):
    client.force_login(people.alice)
    code = "t3.granted.natural"
    before = fresh(people).cells.get(code, "")
    data = {"fingerprint": seen(people.report, "t3"), code: typed}
    response = client.post(f"/r/{people.report.code}/table/t3/", data)
    after = fresh(people).cells.get(code, "")
    if response.status_code == 302:
        assert after == typed.strip(" \t\r\n\u00a0\u3000")
    else:
        assert_kept_and_shown(response, typed, before, after)


@FUZZ
@given(hostile_text)
def test_a_narrative_never_loses_what_is_stored(client, people, typed):
    client.force_login(people.alice)
    before = fresh(people).narrative["s1"].get("1", "")
    data = {"fingerprint": seen(people.report, "s1"), "intro": "开头。", "1": typed}
    response = client.post(f"/r/{people.report.code}/part/s1/", data)
    after = fresh(people).narrative["s1"].get("1", "")
    if response.status_code == 302:
        assert after == normalise_text(typed)[0]
    else:
        assert_kept_and_shown(response, typed, before, after)


@FUZZ
@given(hostile_text)
def test_the_report_title_never_loses_what_is_stored(client, people, typed):
    client.force_login(people.alice)
    before = fresh(people).title
    data = {
        "fingerprint": seen(people.report, "info"),
        "title": typed,
        "preamble": fresh(people).preamble,
    }
    response = client.post(f"/r/{people.report.code}/info/", data)
    after = fresh(people).title
    if response.status_code == 302:
        assert after == normalise_text(typed)[0].strip()
    else:
        assert_kept_and_shown(response, typed, before, after)
