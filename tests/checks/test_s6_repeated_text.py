"""S6: a part copied word for word from last year's report."""

from tests.checks.helpers import findings
from tests.factories import build_report, with_sections

LONG_TEXT = "本机关认真贯彻落实政府信息公开条例，" * 10


def test_s6_passes_on_new_text():
    last_year = with_sections(build_report(year=2022), s5=LONG_TEXT)
    report = with_sections(build_report(), s5="今年重点解决了政策解读形式单一的问题，" * 10)
    assert findings(report, "S6", previous=last_year) == []


def test_s6_warns_on_copied_text():
    last_year = with_sections(build_report(year=2022), s5=LONG_TEXT)
    report = with_sections(build_report(), s5=LONG_TEXT)
    (finding,) = findings(report, "S6", previous=last_year)
    assert finding.code == "S6.s5"
    assert (
        finding.message
        == "五、存在的主要问题及改进情况：与上一年度报告的文字100%相同，请结合本年度实际情况撰写"
    )


def test_a_long_repetitive_part_is_judged_without_difflibs_quadratic_search(monkeypatch):
    """30,000 characters of one phrase over and over took minutes through difflib; such a
    pair is compared by its shared runs, and still found nearly identical."""
    import difflib

    from gkreport.checks.rules import s6_repeated_text

    def refuse(self):
        raise AssertionError("the quadratic comparison ran")

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", refuse)
    s6_repeated_text.nearly_identical.cache_clear()
    this_year = "本机关依法公开政府信息。" * 2500
    last_year = "本机关依法公开政府信息。" * 2490 + "本年度新增十项工作内容。" * 10
    ratio = s6_repeated_text.nearly_identical(this_year, last_year)
    assert ratio is not None and ratio > 0.99


def test_the_shared_runs_measure_agrees_with_difflib_on_an_edited_copy():
    from difflib import SequenceMatcher

    from gkreport.checks.rules.s6_repeated_text import _shared_runs

    text = "".join(chr(0x4E00 + (i * 7919) % 3000) for i in range(2000))
    edited = "".join("改" if i % 40 == 0 else char for i, char in enumerate(text))
    exact = SequenceMatcher(None, text, edited, autojunk=False).ratio()
    assert abs(_shared_runs(text, edited) - exact) < 0.03
