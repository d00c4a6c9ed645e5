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
