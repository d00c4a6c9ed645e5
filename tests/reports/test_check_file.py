"""Checking an existing report file in the browser."""

import html
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gkreport.imports.limits import Limits
from tests.hostile_files import build_pdf, corpus, page_content, report_lines, seed_with

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def upload(client, content, name="report.txt", **data):
    return client.post("/check/", {"file": SimpleUploadedFile(name, content), **data})


def test_it_shows_the_findings_of_a_seed(client, people):
    client.force_login(people.alice)
    page = upload(client, (SEEDS / "003_b59b93e2e8dda449.txt").read_bytes()).content.decode()
    assert "聊城市茌平区人民政府 2023年度报告" in page
    assert "表四 行政复议：结果维持4＋结果纠正1＋其他结果1＋尚未审结1＝7，但总计填写为6" in page
    assert "表三 6.属于四类过程性信息之后：“3”" in page


def test_bad_files_get_a_chinese_message(client, people, settings):
    client.force_login(people.alice)
    assert "PDF文件已损坏或已加密" in upload(client, b"%PDF-1.7 ...", "r.pdf").content.decode()
    assert "无法从标题中识别报告年度" in upload(client, "随便一段话".encode()).content.decode()
    settings.MAX_UPLOAD_BYTES = 2 * 1024 * 1024
    big = upload(client, b"x" * (3 * 1024 * 1024)).content.decode()
    assert "文件过大（3 MB，上限2 MB）" in big  # sizes people read, not bytes


def test_the_year_can_be_given(client, people):
    client.force_login(people.alice)
    page = upload(
        client, (SEEDS / "001_c779024abbc6666e.txt").read_bytes(), year="2020"
    ).content.decode()
    assert "2020年度报告 · 2019年格式" in page


def test_it_requires_login(client, db):
    assert client.get("/check/").status_code == 302


def test_it_reads_a_web_page_and_shows_the_unread_cells_beside_the_findings(client, people):
    from gkreport.imports.files import read_report_file
    from tests.data import published

    source = read_report_file(SEEDS / "002_e42161fe7aa08ef3.txt").report
    page = published.word_page(source, labels={"1.属于国家秘密": "1.涉密信息"})
    client.force_login(people.alice)
    response = upload(client, page, "report.html")
    html = response.content.decode()
    summary = html[
        html.index('id="check-summary"') : html.index("</p>", html.index('id="check-summary"'))
    ]
    assert "未能读取 7 格" in summary  # beside the counts of errors and warnings
    assert "共 200 格，已读取 193 格" in summary
    assert (
        "表三 （三）不予公开 1.属于国家秘密：7格（未找到这一行，附近文字：“1.涉密信息 0 0 0 0 0 0 0”）"
        in html
    )
    assert "无法核对“表三 1.属于国家秘密”的勾稽关系：有未能读取的单元格" in html
    codes = {finding.code for finding in response.context["check"].findings}
    assert "S4.format" in codes and not any(code.startswith("H5") for code in codes)


def test_a_complete_reading_says_so(client, people):
    client.force_login(people.alice)
    html = upload(client, (SEEDS / "003_b59b93e2e8dda449.txt").read_bytes()).content.decode()
    assert "已读取全部 200 格" in html and "未能读取 " not in html


def test_it_reads_a_word_file(client, people):
    from gkreport.imports.files import read_report_file
    from tests.data import published

    source = read_report_file(SEEDS / "003_b59b93e2e8dda449.txt").report
    client.force_login(people.alice)
    html = upload(client, published.word_file(source), "report.docx").content.decode()
    assert "表四 行政复议：结果维持4＋结果纠正1＋其他结果1＋尚未审结1＝7，但总计填写为6" in html


def test_the_form_lists_the_kinds_of_file_it_reads_and_its_limit_in_mb(client, people, settings):
    client.force_login(people.alice)
    page = client.get("/check/").content.decode()
    hint = "支持网页（.html、.htm）、Word文件（.docx）、PDF（.pdf）、纯文本（.txt）、本系统导出的JSON（.json），每个文件不超过10 MB"
    assert hint in page
    assert 'accept=".html,.htm,.docx,.pdf,.txt,.json"' in page
    assert ".doc和.wps文件请先另存为.docx或PDF" in page
    settings.MAX_UPLOAD_BYTES = 25 * 1024 * 1024  # the limit is the setting's, not a literal
    assert "每个文件不超过25 MB" in client.get("/check/").content.decode()


def test_an_old_word_file_gets_a_chinese_request_for_docx(client, people):
    client.force_login(people.alice)
    html = upload(
        client, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "r.doc"
    ).content.decode()
    assert "请另存为.docx或导出为PDF后再检查" in html


@pytest.mark.parametrize("hostile", corpus(), ids=lambda hostile: hostile.name)
def test_a_hostile_file_gets_a_reading_or_a_chinese_refusal(client, people, hostile):
    client.force_login(people.alice)
    response = upload(client, hostile.data, hostile.filename)
    assert response.status_code == 200
    page = response.content.decode()
    if "年度报告 · " in page:  # the reading's heading
        assert hostile.reads is not None, "a file that must be refused was read"
        assert f"{hostile.reads} 2023年度报告" in page
    else:
        assert hostile.refused is not None, "a file that must be read was refused"
        errors = re.findall(r'id="error_\d+_id_file"><strong>(.*?)</strong>', page)
        assert len(errors) == 1 and hostile.refusal_matches(html.unescape(errors[0])), errors


def test_limits_come_from_the_settings(client, people, settings):
    client.force_login(people.alice)
    settings.IMPORT_LIMITS = Limits(pages=3)
    pdf = build_pdf([page_content(report_lines())], [0] * 4)
    assert "PDF页数过多（超过3页）" in upload(client, pdf, "r.pdf").content.decode()
    settings.IMPORT_LIMITS = Limits(line_characters=100)
    page = upload(client, seed_with("一" * 101)).content.decode()
    assert "有一行文字过长（超过100字）" in page
