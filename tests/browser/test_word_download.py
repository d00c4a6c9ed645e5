"""An editor downloads the draft as Word from the report page and from the preview, on a
desktop and on a phone; the preview's 草稿 watermark is a picture, no words to copy."""

import io
import os
from pathlib import Path

import docx
import pytest

from tests.browser.conftest import SCREENSHOTS  # noqa: E402
from tests.browser.test_drafting_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
SHOTS = Path(os.environ.get("GK_DOCX_SHOTS") or SCREENSHOTS)


@pytest.mark.parametrize("size", SIZES)
def test_download_word_from_the_report_page_and_the_preview(browser, live_server, people, size):
    width, height = SIZES[size]
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale="zh-CN",
        accept_downloads=True,
        is_mobile=size == "phone",
    )
    page = context.new_page()
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/table/t3/")
    button = page.locator("a:has-text('下载Word')")
    pdf_box = page.locator("a:has-text('下载PDF')").bounding_box()
    box = button.bounding_box()
    # next to 下载PDF, fully on screen, the page not scrolling sideways
    assert abs(box["y"] - pdf_box["y"]) < 2 and box["x"] > pdf_box["x"]
    assert box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(SHOTS / f"word-button-{size}.png"))
    with page.expect_download() as download:
        button.click()
    assert (
        download.value.suggested_filename
        == "测试市行政审批服务局2023年政府信息公开工作年度报告.docx"
    )
    document = docx.Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert document.paragraphs[0].text == people.report.title
    assert len(document.tables) == 3

    page.goto(f"{live_server.url}/r/{people.report.code}/preview/")
    watermark = page.locator(".watermark")
    assert watermark.inner_text() == ""  # a picture, not words to copy
    assert "draft-watermark" in watermark.evaluate("e => getComputedStyle(e).backgroundImage")
    links = page.locator(".screen-bar .pdf-link")
    assert links.all_inner_texts() == ["下载PDF", "下载Word"]
    first, second = (link.bounding_box() for link in links.all())
    # the print preview has no phone layout: a phone shows the A4 page zoomed out
    layout_width = page.evaluate("document.documentElement.clientWidth")
    assert first["x"] < second["x"] and second["x"] + second["width"] <= layout_width
    page.screenshot(path=str(SHOTS / f"preview-bar-{size}.png"))
    with page.expect_download() as download:
        page.click(".screen-bar a:has-text('下载Word')")
    assert download.value.suggested_filename.endswith(".docx")
    context.close()
