"""Checking an existing report file in the browser."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

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
