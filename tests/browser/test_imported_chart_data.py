"""An imported report prints cleanly: the agency sees the chart data the importer kept, with
a note, deletes it in one click, and the preview shows neither the data nor the note; cut
sentences and bracketed links from the import are gone from the print."""

from pathlib import Path

import pytest

from gkreport.imports.files import read_report_file
from gkreport.reports.importing import narrative_of
from gkreport.reports.models import Report
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_drafting_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEDS = Path(__file__).resolve().parent.parent.parent / "fixtures" / "seeds"
NOTE = "以下内容可能来自原报告中的图表数据，请确认后保留或删除"


def imported(people, prefix):
    """The people's report with the narrative and preamble of a seed as the importer reads it."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    result = read_report_file(path)
    people.report.narrative = narrative_of(result)
    people.report.preamble = result.report["preamble"]
    people.report.save()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_agency_deletes_imported_chart_data_in_one_click(page, live_server, people, width):
    imported(people, "003")
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/part/s1/")
    note = page.locator(".chart-note")
    assert note.count() == 1 and NOTE in note.inner_text()
    assert "依申请公开数 23 30 63 56 125" in note.inner_text()
    note.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"chart-note-{width}.png"))
    box = note.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # no sideways scrolling

    page.click("text=删除这段图表数据")
    page.wait_for_load_state()
    assert "已保存" in page.content()
    assert page.locator(".chart-note").count() == 0
    stored = Report.objects.get(pk=people.report.pk).narrative["s1"]["2"]
    assert "依申请公开数" not in stored and "〔图表数据〕" not in stored
    assert stored.rstrip().endswith("行政诉讼案件8件。全年无收费。")  # the text before it stays

    page.goto(f"{live_server.url}/r/{people.report.code}/preview/")
    printed = page.locator("#part-s1").inner_text()
    assert "依申请公开数" not in printed and "图表数据" not in printed


def test_kept_chart_data_prints_without_the_note(page, live_server, people):
    imported(people, "003")
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/preview/")
    printed = page.locator("#part-s1").inner_text()
    assert "依申请公开数 23 30 63 56 125" in printed
    assert "图表数据" not in printed and "请确认" not in printed
    page.locator(".chart-data").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "chart-printed.png"))


def test_an_imported_report_prints_whole_sentences_and_bare_links(page, live_server, people):
    imported(people, "004")
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/preview/")
    printed = page.locator("article.document").inner_text()
    assert "加强了对公众关注热点的主动公开力度" in printed
    assert "<http" not in printed and "门户网(http://kjj.liaocheng.gov.cn/)查阅" in printed
    page.get_by_text("关注热点").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "joined-sentence-printed.png"))
