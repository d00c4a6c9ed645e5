"""The public pages at 1280 and 390 px: every label and number of a chart is drawn whole,
inside its chart, over nothing else and no smaller than it was designed; on a phone table 3
scrolls inside its box while its row labels stay in view."""

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.public.conftest import publish_as_printed
from tests.reports.conftest import stored_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}

# Every <text> of every chart: outside its <svg>, overlapping another text or a bar, or
# drawn smaller than 11 px.
CHART_PROBLEMS = """() => {
  const problems = [];
  const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5
    && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
    && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  for (const svg of document.querySelectorAll('figure.chart svg')) {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
    const bars = [...svg.querySelectorAll('rect')].map(r => r.getBoundingClientRect());
    texts.forEach(([text, r], i) => {
      if (!inside(r, box)) problems.push(`${text} outside its chart`);
      if (r.height < 11) problems.push(`${text} shrunk to ${r.height}px`);
      bars.forEach(bar => { if (bar.width && overlap(r, bar)) problems.push(`${text} over a bar`); });
      texts.slice(i + 1).forEach(([other, o]) => {
        if (overlap(r, o)) problems.push(`${text} overlaps ${other}`);
      });
    });
  }
  return problems;
}"""


@pytest.fixture
def charted(people):
    """The report published with its charts, after last year's: outcomes and the years."""
    last_year = stored_report(people.agency, year=2022)
    last_year.cells["t3.new_received.total"] = "5"
    last_year.save()
    publish_as_printed(last_year, people.bob)
    people.report.include_charts = True
    people.report.cells["t3.granted.total"] = "12345"  # a long number past its bar
    people.report.save()
    return publish_as_printed(people.report, people.bob)


@pytest.mark.parametrize("size", SIZES)
def test_every_chart_label_is_visible(browser, live_server, people, charted, size):
    width, height = SIZES[size]
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="zh-CN", is_mobile=size == "phone"
    )
    page = context.new_page()
    pages = {
        "report": f"/public/agency/{people.agency.code}/2023/",
        "stats": f"/public/stats/{people.agency.region_id}/",
    }
    for name, url in pages.items():
        page.goto(live_server.url + url)
        charts = page.locator("figure.chart svg")
        assert charts.count() >= 2
        assert page.locator("figure.chart svg text").count() >= 16  # 6 outcomes, 2 years
        page.locator("figure.chart").first.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / f"public-charts-{name}-{size}.png"))
        assert page.evaluate(CHART_PROBLEMS) == []
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    context.close()


def test_table3_keeps_its_row_labels_in_view_on_a_phone(browser, live_server, people):
    publish_as_printed(people.report, people.bob)
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/public/agency/{people.agency.code}/2023/")
    table = page.locator("table.official-t3")
    box = page.locator(".table-scroll", has=table)
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # wider than the phone
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")  # to the 总计 column
    row = table.locator("tr", has=page.locator("th", has_text="1.属于国家秘密"))
    row.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "public-table3-phone-scrolled.png"))
    label = row.locator("th").last.bounding_box()
    group = table.locator("th", has_text="（三）不予公开").bounding_box()
    total = row.locator("td").last.bounding_box()
    assert 0 <= group["x"] and group["x"] + group["width"] <= label["x"] + 1
    assert label["x"] + label["width"] <= total["x"] + 1  # the labels do not cover the cells
    assert total["x"] + total["width"] <= 390
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    context.close()
