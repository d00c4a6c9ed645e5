"""从Excel导入, step 1: the file, read at once within its bounds; refusals in Chinese."""

from django.core.files.uploadedfile import SimpleUploadedFile

from gkreport.ledger.models import Upload
from tests.ledger.conftest import workbook
from tests.review.conftest import set_status


def url(people, year=2023):
    return f"/a/{people.agency.code}/ledger/{year}/import/"


def upload(data, name="台账.xlsx"):
    return {"file": SimpleUploadedFile(name, data)}


GOOD = workbook(
    ["受理日期", "申请人", "申请人类别", "答复结果"], ["2023-03-01", "张三", "自然人", "予以公开"]
)


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404
    assert client.post(url(people), upload(GOOD)).status_code == 404


def test_it_requires_rw_access(client, people):
    client.force_login(people.rita)
    assert client.get(url(people)).status_code == 403
    assert client.post(url(people), upload(GOOD)).status_code == 403


def test_a_readable_file_goes_on_to_the_mapping(client, people):
    client.force_login(people.alice)
    response = client.post(url(people), upload(GOOD))
    stored = Upload.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{url(people)}{stored.code}/"
    assert stored.header == ["受理日期", "申请人", "申请人类别", "答复结果"]
    assert stored.rows == [["2023-03-01", "张三", "自然人", "予以公开"]]


def test_a_file_that_cannot_be_read_is_refused_on_the_page(client, people, settings):
    client.force_login(people.alice)
    page = client.post(url(people), upload(b"%PDF-1.4", "台账.pdf")).content.decode()
    assert "没有导入：不是Excel（.xlsx）或CSV文件，无法读取" in page
    page = client.post(url(people), upload(workbook(["收到日期", "申请人"]))).content.decode()
    assert "没有导入：表头下面没有数据行" in page
    settings.MAX_UPLOAD_BYTES = 1000
    page = client.post(url(people), upload(GOOD)).content.decode()
    assert "文件过大（" in page and "上限1 KB）" in page
    assert not Upload.objects.exists()


def test_a_locked_ledger_takes_no_import(client, people):
    set_status(people.report, "submitted")
    client.force_login(people.alice)
    page = client.post(url(people), upload(GOOD), follow=True).content.decode()
    assert "台账随报告只读" in page and not Upload.objects.exists()
