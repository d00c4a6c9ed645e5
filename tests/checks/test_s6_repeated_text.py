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


def long_part(seed: int) -> str:
    """About 9,000 characters of distinct sentences (too long for difflib's exact ratio)."""
    import random

    rng = random.Random(seed)
    words = "本机关依法主动公开政府信息规范性文件行政许可处罚强制收费办理答复申请复议诉讼"
    return "".join("".join(rng.choice(words) for _ in range(29)) + "。" for _ in range(300))


def test_a_long_copy_with_a_sentence_changed_is_nearly_identical():
    from gkreport.checks.rules import s6_repeated_text

    last_year = long_part(1)
    this_year = last_year.replace(last_year[:30], "本年度我们新增了政务公开专区并完善了目录。", 1)
    assert s6_repeated_text._exact_work(this_year, last_year) > s6_repeated_text.EXACT_WORK
    s6_repeated_text.nearly_identical.cache_clear()
    assert s6_repeated_text.nearly_identical(this_year, last_year) > 0.99


def test_a_long_part_with_its_sentences_reordered_is_not_called_identical():
    import random

    from gkreport.checks.rules import s6_repeated_text

    last_year = long_part(2)
    sentences = last_year.split("。")[:-1]
    random.Random(3).shuffle(sentences)
    this_year = "。".join(sentences) + "。"
    s6_repeated_text.nearly_identical.cache_clear()
    assert s6_repeated_text.nearly_identical(this_year, last_year) is None
