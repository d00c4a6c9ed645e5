"""The text a user reads on a page: no tags, attributes (tooltips, data-*), scripts, styles,
or the values of form fields (what is being edited is data, not the page's words)."""

import re
from html.parser import HTMLParser

# Our codes: rule codes with their variant (H5.blank, S3.received, L1.late), cell codes
# (t3.total_processed.natural), a page key in brackets ([t3]) or before a colon (t3：).
CODE = re.compile(r"\b[HSL]\d+\.\w+|\bt[1-4]\.\w|\[t[1-4]\]|\bt[1-4]：")
HIDDEN = ("script", "style", "textarea")


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def codes_in(html: str) -> list[str]:
    """The codes a user would read on this page, with a little context each."""
    text = " ".join(visible(html).split())
    return [text[max(0, m.start() - 30) : m.end() + 10] for m in CODE.finditer(text)]
