"""The print document is read by expat when it is well formed: the same tree as WeasyPrint's
HTML5 parser, the same PDF, and a fallback to that parser for anything expat refuses."""

from xml.etree import ElementTree

import pytest
import tinyhtml5

from gkreport.pdf import html_to_pdf, parsed_document
from gkreport.printing.rendering import report_html
from tests.pdf.conftest import SEED_NAMES, pdftotext, seed_report

SVG_NS = "{http://www.w3.org/2000/svg}"


def shape(element) -> tuple:
    """An element as the layout sees it: tag, attributes, text, tail and children.

    Namespace declarations are left out: expat turns `xmlns` into the namespace of the tags,
    the HTML5 parser also keeps it as an attribute of <svg>."""
    attributes = {
        name: value
        for name, value in element.attrib.items()
        if name != "xmlns" and not name.startswith("{http://www.w3.org/2000/xmlns/}")
    }
    return (
        element.tag,
        attributes,
        element.text or "",
        element.tail or "",
        [shape(child) for child in element],
    )


def html5_tree(html):
    return tinyhtml5.parse(html, namespace_html_elements=False)


def with_charts(name, final):
    report = seed_report(name)
    report.include_charts = True
    return report_html(report, final=final)


@pytest.mark.parametrize("final", [True, False], ids=["final", "draft"])
@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_print_document_is_well_formed_and_reads_as_html5_does(name, final):
    html = with_charts(name, final)
    assert f"<{SVG_NS[1:-1]}" not in html and "<svg" in html  # the charts are in it
    fast = ElementTree.fromstring(html)  # raises if a template stops being well formed
    assert shape(fast) == shape(html5_tree(html))
    assert parsed_document(html).etree_element is not None


def test_both_readings_give_the_same_pdf_byte_for_byte():
    html = with_charts("003_b59b93e2e8dda449.txt", final=False)
    # A lowercase doctype is HTML but not XML: this copy goes through the HTML5 parser.
    not_xml = html.replace("<!DOCTYPE html>", "<!doctype html>", 1)
    with pytest.raises(ElementTree.ParseError):
        ElementTree.fromstring(not_xml)
    assert html_to_pdf(html) == html_to_pdf(not_xml)


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("办理时限\x0b压缩至5个工作日", "压缩至5个工作日"),  # a control character from Word
        ("全年受理&nbsp;120件<script>x</script>", "全年受理&nbsp;120件<script>x</script>"),
        ("第一行\r\n第二行", "第二行"),
    ],
)
def test_text_expat_refuses_still_prints(typed, printed, tmp_path):
    report = seed_report("001_c779024abbc6666e.txt")
    report.narrative["s1"] = {"intro": typed}
    html = report_html(report, final=True)
    path = tmp_path / "report.pdf"
    path.write_bytes(html_to_pdf(html))
    assert printed in "".join(pdftotext(path).split())
