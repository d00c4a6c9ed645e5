"""Users never see our internal codes: the staff pages name things as the template does."""

import re
from html.parser import HTMLParser

from tests.reports.helpers import table_post

CODE = re.compile(r"\b[HS]\d+\.\w+|\bt[234]\.\w+\.\w+|\[t[234]\]|\bt[234]：")


class VisibleText(HTMLParser):
    """The text a user reads: no tags, attributes (tooltips), scripts or styles."""

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def test_no_code_on_the_staff_pages_of_a_report_with_findings_and_edits(client, people):
    report = people.report
    report.cells["t2.fees.amount"] = "15.5 万元"  # a warning
    report.save()
    client.force_login(people.alice)
    # An edit that breaks a total (an error) and leaves a cell blank, saved with a message.
    edited = client.post(
        f"/r/{report.code}/table/t3/",
        table_post(report, t3__granted__natural="6", t3__granted__commercial=""),
        follow=True,
    )
    code = report.code
    pages = [
        edited,
        client.get(f"/a/{people.agency.code}/"),
        client.get(f"/r/{code}/"),
        client.get(f"/r/{code}/info/"),
        client.get(f"/r/{code}/part/s1/"),
        client.get(f"/r/{code}/table/t2/"),
        client.get(f"/r/{code}/table/t3/"),
        client.get(f"/r/{code}/table/t4/"),
        client.get(f"/r/{code}/checks/"),
    ]
    texts = [visible(page.content.decode()) for page in pages]
    assert all(page.status_code == 200 for page in pages)
    assert any("错误" in text for text in texts)  # the findings are there, named in words
    for page, text in zip(pages, texts, strict=True):
        assert not CODE.findall(text), page.request["PATH_INFO"]
