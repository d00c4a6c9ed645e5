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
    settings.MAX_UPLOAD_BYTES = 100
    assert "文件过大" in upload(client, b"x" * 101).content.decode()


def test_the_year_can_be_given(client, people):
    client.force_login(people.alice)
    page = upload(
        client, (SEEDS / "001_c779024abbc6666e.txt").read_bytes(), year="2020"
    ).content.decode()
    assert "2020年度报告 · 2019年格式" in page


def test_it_requires_login(client, db):
    assert client.get("/check/").status_code == 302


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
