"""The results of a batch: per report what was read and found, a page at a time, and the
Excel export."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from tests.review.batch_data import (
    CHIPING,
    assert_only_its_office_sees,
    item,
    run_batch,
    seed,
    upload,
    variant,
)
from tests.visible_text import codes_in


def test_it_checks_ownership(client, offices, people):
    assert_only_its_office_sees(client, offices, people, "batch")


def test_the_results_page_lists_each_report(olivia, offices):
    files = [upload("茌平.txt", seed(CHIPING)), upload("empty.txt", b"")]
    batch = run_batch(olivia, offices.office, files)
    page = olivia.get(reverse("batch", args=[offices.office.code, batch.code]))
    body = page.content.decode()
    checked = item(batch, "茌平.txt")
    result = checked.result
    assert "茌平.txt" in body and "聊城市茌平区人民政府" in body and ">2023<" in body
    assert "2021年格式" in body
    assert f"{result['cells_read']}/{result['cells_total']}" in body
    for finding in result["findings"]:
        assert finding["message"] in body  # inside the expandable <details>
    assert "<details" in body
    assert "文件是空的" in body and "无法读取" in body
    assert "已完成" in body and 'data-finished="1"' in body
    assert 'http-equiv="refresh"' not in body
    assert "H5." not in body and "t3." not in body  # no internal codes


def test_cells_not_read_are_listed_by_name(olivia, offices):
    text = seed(CHIPING).decode("utf-8")
    start = text.index("四、政府信息公开行政复议")
    end = text.index("五、存在的主要问题", start)
    cut = (text[:start] + text[end:]).encode("utf-8")  # part 四 and its table are gone
    batch = run_batch(olivia, offices.office, [upload("cut.txt", cut)])
    result = item(batch, "cut.txt").result
    assert result["cells_total"] - result["cells_read"] == len(result["unread"]) > 0
    assert all(label.startswith("表四") for label in result["unread"])
    page = olivia.get(reverse("batch", args=[offices.office.code, batch.code]))
    assert "未读取的单元格" in page.content.decode()


def test_excel_export(olivia, offices):
    files = [upload("=HYPERLINK(1).txt", seed(CHIPING)), upload("empty.txt", b"")]
    batch = run_batch(olivia, offices.office, files)
    response = olivia.get(
        reverse("batch", args=[offices.office.code, batch.code]), {"format": "xlsx"}
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    reports = list(book["报告"].iter_rows(min_row=3, values_only=True))
    checked = item(batch, "=HYPERLINK(1).txt").result
    assert reports[0][:9] == (
        1,
        "'=HYPERLINK(1).txt",
        "聊城市茌平区人民政府",
        2023,
        "2021年格式",
        checked["cells_read"],
        checked["cells_total"],
        checked["errors"],
        checked["warnings"],
    )
    assert reports[1][1] == "empty.txt" and reports[1][-2:] == ("无法读取", "文件是空的")
    findings = list(book["问题"].iter_rows(min_row=2, values_only=True))
    assert [row[5] for row in findings] == [f["message"] for f in checked["findings"]]
    assert {row[4] for row in findings} <= {"错误", "警告"}


def test_a_large_batch_is_shown_a_page_at_a_time(olivia, offices, monkeypatch):
    from gkreport.review import batch_views

    monkeypatch.setattr(batch_views, "PER_PAGE", 2)
    files = [upload(f"{n}.txt", seed(CHIPING)) for n in range(1, 4)] + [upload("x.txt", b"")]
    batch = run_batch(olivia, offices.office, files)
    url = reverse("batch", args=[offices.office.code, batch.code])
    first = olivia.get(url).content.decode()
    second = olivia.get(url, {"page": 2}).content.decode()
    assert "1.txt" in first and "2.txt" in first and "3.txt" not in first
    assert "3.txt" in second and "x.txt" in second and "1.txt" not in second
    for page in (first, second):  # the totals are the batch's, not the page's
        assert "共4个文件（每页2个" in page and "已检查3个" in page and "无法读取1个" in page
    assert 'href="?page=2"' in first
    assert olivia.get(url, {"page": "junk"}).status_code == 200
    export = load_workbook(io.BytesIO(olivia.get(url, {"format": "xlsx"}).content))
    assert export["报告"].max_row == 2 + 4  # the export has every file


def test_findings_and_unread_cells_are_named_in_words(olivia, offices):
    files = [upload("茌平.txt", variant(CHIPING, {"1.属于国家秘密": "1.涉密信息"}))]
    batch = run_batch(olivia, offices.office, files)
    body = olivia.get(reverse("batch", args=[offices.office.code, batch.code])).content.decode()
    assert "未读取的单元格" in body and "警告" in body
    assert not codes_in(body)
