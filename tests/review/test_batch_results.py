"""The results of a batch: per report what was read and found, the cross-report rules fed
by the other files of the batch (S1/S2 last year, S5 the same year), the progress endpoint,
the Excel export, and 404 for everyone outside the office."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gkreport.checks import check_report
from gkreport.imports.files import read_report_bytes
from gkreport.review.models import Batch, BatchItem
from tests.factories import build_report
from tests.review.batch_data import CHIPING, SCIENCE, report_json, seed, upload, variant

AGENCY = "测试市某某局"
LAST_YEAR = report_json(build_report(year=2022, carried_forward={"natural": 2}), AGENCY)
THIS_YEAR = report_json(
    build_report(
        year=2023,
        carried_over={"natural": 5},  # last year carried 2 forward: S1
        t2={
            "t2.normative_documents.issued": 3,
            "t2.normative_documents.repealed": 1,
            "t2.normative_documents.in_force": 40,  # last year 20 + 3 − 1 = 22: S2
        },
    ),
    AGENCY,
)
RENAMED_SCIENCE = variant(SCIENCE, {"聊城市科学技术局": "聊城市测试局"})


@pytest.fixture
def olivia(client, offices):
    client.force_login(offices.olivia)
    return client


def run_batch(client, office, files):
    client.post(reverse("batches", args=[office.code]), {"files": files, "urls": ""})
    return Batch.objects.latest("id")


def item(batch, name) -> BatchItem:
    return batch.items.get(name=name)


def messages_of(batch_item) -> set[str]:
    return {f["message"] for f in batch_item.result["findings"]}


def cross_messages(data: bytes, rules, **context) -> set[str]:
    report = read_report_bytes(data).report
    found = check_report(report, **context).findings
    return {f.message for f in found if f.rule in rules}


def test_last_years_report_in_the_batch_feeds_s1_and_s2(olivia, offices):
    expected = cross_messages(THIS_YEAR, ("S1", "S2"), previous=read_report_bytes(LAST_YEAR).report)
    assert any("上年结转" in m for m in expected) and any("现行有效件数" in m for m in expected)
    batch = run_batch(
        olivia, offices.office, [upload("2023.json", THIS_YEAR), upload("2022.json", LAST_YEAR)]
    )
    this_year = item(batch, "2023.json")
    assert expected <= messages_of(this_year)
    assert this_year.result["compared_with_previous"] is True
    assert item(batch, "2022.json").result["compared_with_previous"] is False


def test_without_last_year_in_the_batch_there_is_nothing_to_compare(olivia, offices):
    expected = cross_messages(THIS_YEAR, ("S1", "S2"), previous=read_report_bytes(LAST_YEAR).report)
    batch = run_batch(olivia, offices.office, [upload("2023.json", THIS_YEAR)])
    found = messages_of(item(batch, "2023.json"))
    assert not expected & found
    assert item(batch, "2023.json").result["compared_with_previous"] is False


def test_another_agencys_report_of_last_year_is_not_last_year(olivia, offices):
    other = report_json(build_report(year=2022), "测试市另一个局")
    batch = run_batch(
        olivia, offices.office, [upload("2023.json", THIS_YEAR), upload("other.json", other)]
    )
    assert item(batch, "2023.json").result["compared_with_previous"] is False


def test_same_year_reports_in_the_batch_feed_s5(olivia, offices):
    batch = run_batch(
        olivia,
        offices.office,
        [upload("science.txt", seed(SCIENCE)), upload("renamed.txt", RENAMED_SCIENCE)],
    )
    expected = cross_messages(
        RENAMED_SCIENCE, ("S5",), peers=[read_report_bytes(seed(SCIENCE)).report]
    )
    assert expected and all("聊城市科学技术局同年报告" in m for m in expected)
    assert expected <= messages_of(item(batch, "renamed.txt"))
    assert any("聊城市测试局同年报告" in m for m in messages_of(item(batch, "science.txt")))


def test_reports_of_other_years_do_not_feed_s5(olivia, offices):
    other_year = variant(SCIENCE, {"2022": "2023", "聊城市科学技术局": "聊城市测试局"})
    batch = run_batch(
        olivia,
        offices.office,
        [upload("science.txt", seed(SCIENCE)), upload("other.txt", other_year)],
    )
    assert not any("同年报告" in m for m in messages_of(item(batch, "science.txt")))


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


def test_progress_of_a_finished_batch(olivia, offices):
    batch = run_batch(olivia, offices.office, [upload("a.txt", seed(CHIPING))])
    url = reverse("batch_progress", args=[offices.office.code, batch.code])
    state = olivia.get(url).json()
    assert state["percent"] == 100 and state["finished"] is True and state["label"] == "已完成"


def test_progress_while_reading(olivia, offices):
    batch = Batch.objects.create(office=offices.office, status=Batch.Status.RUNNING, progress=1)
    for position in (1, 2):
        BatchItem.objects.create(batch=batch, position=position, name=f"{position}.txt")
    state = olivia.get(reverse("batch_progress", args=[offices.office.code, batch.code])).json()
    assert state == {
        "status": "running",
        "label": "正在读取：1/2个文件",
        "done": 1,
        "total": 3,
        "percent": 33,
        "finished": False,
        "stalled": False,
    }
    page = olivia.get(reverse("batch", args=[offices.office.code, batch.code])).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert 'value="33"' in page and "gkreport/batch.js" in page
    assert "<script>" not in page  # no inline script: the page works under a strict CSP


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


@pytest.mark.parametrize("name", ["batch", "batch_progress"])
def test_another_office_gets_404(client, offices, people, name):
    batch = Batch.objects.create(office=offices.office)
    url = reverse(name, args=[offices.office.code, batch.code])
    for person in (offices.oscar, offices.lena, people.alice):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.get(url, {"format": "xlsx"}).status_code == 404
    # nor through its own office's address
    client.force_login(offices.oscar)
    assert (
        client.get(reverse(name, args=[offices.other_office.code, batch.code])).status_code == 404
    )
