"""The office hands over a batch: many files, a .zip (bounded, names made safe, GBK names
read), or URLs. A refused upload stores nothing and says why; a refused file is listed."""

import io
import zipfile

from django.urls import reverse

from gkreport.review.batch_storage import read_batch_file
from gkreport.review.models import Batch, BatchItem
from tests.review.batch_data import APPROVALS, CHIPING, SCIENCE, batches_url, make_zip, seed, upload


def post(client, office, files=(), urls="", name=""):
    return client.post(batches_url(office), {"files": list(files), "urls": urls, "name": name})


def items_of(batch):
    return list(batch.items.order_by("position"))


def test_several_files_make_one_batch_read_and_checked(olivia, offices):
    files = [upload("a.txt", seed(CHIPING)), upload("b.txt", seed(SCIENCE))]
    response = post(olivia, offices.office, files, name="区直部门")
    batch = Batch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("batch", args=[offices.office.code, batch.code])
    assert (batch.office, batch.creator, batch.name) == (offices.office, offices.olivia, "区直部门")
    assert batch.status == Batch.Status.DONE
    items = items_of(batch)
    assert [i.name for i in items] == ["a.txt", "b.txt"]
    assert [i.status for i in items] == [BatchItem.Status.CHECKED] * 2
    assert items[0].result["agency"] == "聊城市茌平区人民政府"
    assert items[0].result["year"] == 2023
    assert read_batch_file(items[0].file.name) == seed(CHIPING)


def test_a_zip_is_opened_in_place(olivia, offices):
    archive = make_zip({"2023/茌平.txt": seed(CHIPING), "2022/科技局.txt": seed(SCIENCE)})
    post(olivia, offices.office, [upload("年报.zip", archive, "application/zip")])
    items = items_of(Batch.objects.get())
    assert [i.name for i in items] == ["年报.zip/2023/茌平.txt", "年报.zip/2022/科技局.txt"]
    assert {i.result["agency"] for i in items} == {"聊城市茌平区人民政府", "聊城市科学技术局"}


def test_gbk_member_names_are_read_as_chinese(olivia, offices):
    archive = make_zip({"茌平区2023年报.txt": seed(CHIPING)}, gbk=True)
    assert zipfile.ZipFile(io.BytesIO(archive)).infolist()[0].flag_bits & 0x800 == 0
    post(olivia, offices.office, [upload("gbk.zip", archive)])
    assert items_of(Batch.objects.get())[0].name == "gbk.zip/茌平区2023年报.txt"


def test_member_paths_cannot_climb_out(olivia, offices):
    archive = make_zip(
        {
            "../../etc/passwd.txt": seed(CHIPING),
            "/abs/report.txt": seed(SCIENCE),
            "C:\\Windows\\..\\report.txt": seed(APPROVALS),
        }
    )
    post(olivia, offices.office, [upload("x.zip", archive)])
    names = [i.name for i in items_of(Batch.objects.get())]
    assert names == ["x.zip/etc/passwd.txt", "x.zip/abs/report.txt", "x.zip/Windows/report.txt"]


def test_folders_and_archiver_leftovers_are_skipped(olivia, offices):
    archive = make_zip(
        {
            "报告/": b"",
            "报告/a.txt": seed(CHIPING),
            "__MACOSX/报告/._a.txt": b"\x00\x05\x16\x07",
            "报告/.DS_Store": b"\x00",
            "报告/Thumbs.db": b"\x00",
        }
    )
    post(olivia, offices.office, [upload("x.zip", archive)])
    assert [i.name for i in items_of(Batch.objects.get())] == ["x.zip/报告/a.txt"]


def test_a_zip_inside_the_zip_is_refused_and_the_rest_checked(olivia, offices):
    inner = make_zip({"b.txt": seed(SCIENCE)})
    archive = make_zip({"a.txt": seed(CHIPING), "inner.zip": inner})
    post(olivia, offices.office, [upload("outer.zip", archive)])
    first, nested = items_of(Batch.objects.get())
    assert first.status == BatchItem.Status.CHECKED
    assert nested.status == BatchItem.Status.FAILED
    assert "压缩包中的压缩包不予读取" in nested.error
    assert read_batch_file(nested.file.name) == b""


def test_a_member_over_the_file_limit_is_refused_unread(olivia, offices, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    bomb = make_zip({"a.txt": seed(CHIPING), "bomb.txt": b"0" * (50 * 1024 * 1024)})
    assert len(bomb) < 200 * 1024  # a zip bomb: small on the wire
    post(olivia, offices.office, [upload("bomb.zip", bomb)])
    first, big = items_of(Batch.objects.get())
    assert first.status == BatchItem.Status.CHECKED
    assert (big.status, big.error) == (BatchItem.Status.FAILED, "文件过大（上限1 MB）")
    assert read_batch_file(big.file.name) == b""


def test_a_zip_bomb_over_the_total_is_refused_whole(olivia, offices, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    settings.BATCH_MAX_TOTAL_BYTES = 3 * 1024 * 1024
    members = {f"part{n}.txt": b"0" * (1024 * 1024 - 1) for n in range(4)}
    response = post(olivia, offices.office, [upload("bomb.zip", make_zip(members))])
    assert response.status_code == 200
    assert "解压后过大" in response.content.decode()
    assert not Batch.objects.exists()


def test_too_many_files_in_a_zip_are_refused(olivia, offices, settings):
    settings.BATCH_MAX_FILES = 3
    archive = make_zip({f"r{n}.txt": seed(CHIPING) for n in range(4)})
    response = post(olivia, offices.office, [upload("many.zip", archive)])
    assert "文件过多：一次最多检查3个文件" in response.content.decode()
    assert not Batch.objects.exists()


def test_an_archive_declaring_huge_numbers_of_members_is_refused_before_listing(
    olivia, offices, settings, monkeypatch
):
    settings.BATCH_MAX_FILES = 3
    archive = make_zip({f"d{n}/": b"" for n in range(7)})
    listed = []
    monkeypatch.setattr(zipfile.ZipFile, "infolist", lambda self: listed.append(1) or [])
    response = post(olivia, offices.office, [upload("many.zip", archive)])
    assert "“many.zip”中的文件过多" in response.content.decode()
    assert listed == []


def test_too_many_uploaded_files_are_refused(olivia, offices, settings):
    settings.BATCH_MAX_FILES = 2
    files = [upload(f"{n}.txt", seed(CHIPING)) for n in range(3)]
    response = post(olivia, offices.office, files)
    assert "文件过多：一次最多检查2个文件" in response.content.decode()
    assert not Batch.objects.exists()


def test_a_damaged_zip_is_refused(olivia, offices):
    response = post(olivia, offices.office, [upload("broken.zip", b"PK\x03\x04 not a zip")])
    assert "“broken.zip”不是有效的ZIP压缩包" in response.content.decode()
    assert not Batch.objects.exists()


def test_unsupported_and_oversize_uploads_are_listed_not_read(olivia, offices, settings):
    settings.MAX_UPLOAD_BYTES = 100_000
    files = [
        upload("photo.jpg", b"\xff\xd8\xff"),
        upload("big.txt", b"x" * 100_001),
        upload("ok.txt", seed(CHIPING)),
    ]
    post(olivia, offices.office, files)
    photo, big, ok = items_of(Batch.objects.get())
    assert photo.error.startswith("不支持的文件类型（支持.html、.htm、.docx、.pdf、.txt、.json")
    assert big.error == "文件过大（上限98 KB）"  # sizes as people read them, never bytes
    assert ok.status == BatchItem.Status.CHECKED


def test_an_unreadable_file_is_listed_with_the_reason(olivia, offices):
    post(olivia, offices.office, [upload("empty.txt", b"  \n"), upload("ok.txt", seed(CHIPING))])
    empty, ok = items_of(Batch.objects.get())
    assert (empty.status, empty.error) == (BatchItem.Status.FAILED, "文件是空的")
    assert ok.status == BatchItem.Status.CHECKED


def test_nothing_handed_over_is_refused(olivia, offices):
    response = post(olivia, offices.office)
    assert "请选择要检查的文件，或填写网址" in response.content.decode()
    assert not Batch.objects.exists()


def test_a_url_that_may_not_be_fetched_refuses_the_list_with_its_line(olivia, offices):
    response = post(
        olivia,
        offices.office,
        urls="https://www.liaocheng.gov.cn/a.pdf\n\nhttp://10.0.0.1.example.com/b.pdf",
    )
    body = response.content.decode()
    assert "网址第3行：不能从 10.0.0.1.example.com 读取" in body
    assert "https://www.liaocheng.gov.cn/a.pdf" in body  # the list is kept on the page
    assert not Batch.objects.exists()


def test_urls_are_stored_to_fetch_in_the_background(olivia, offices, settings, monkeypatch):
    from gkreport.review import batch_run

    started = []
    monkeypatch.setattr(batch_run, "start", started.append)
    urls = "https://www.liaocheng.gov.cn/art/2024/1/30/art_1.html\nhttps://www.liaocheng.gov.cn/art/2024/1/30/art_1.html\nhttp://zwzx.liaocheng.gov.cn/年报.pdf"
    post(olivia, offices.office, urls=urls)
    batch = Batch.objects.get()
    assert started == [batch]
    assert [(i.name, i.source_url, read_batch_file(i.file.name)) for i in items_of(batch)] == [
        ("art_1.html", "https://www.liaocheng.gov.cn/art/2024/1/30/art_1.html", b""),
        ("年报.pdf", "http://zwzx.liaocheng.gov.cn/年报.pdf", b""),
    ]


def test_it_checks_ownership(client, offices, people):
    url = batches_url(offices.office)
    for person in (offices.oscar, offices.lena, people.alice):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert post(client, offices.office, [upload("a.txt", seed(CHIPING))]).status_code == 404
    assert not Batch.objects.exists()


def test_a_viewer_of_the_office_may_check_a_batch(client, offices):
    client.force_login(offices.victor)
    post(client, offices.office, [upload("a.txt", seed(CHIPING))])
    assert Batch.objects.get().creator == offices.victor


def test_logged_out_goes_to_login(client, offices):
    response = client.get(batches_url(offices.office))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_form_gives_its_limits_in_mb(olivia, offices, settings):
    settings.MAX_UPLOAD_BYTES = 8 * 1024 * 1024
    settings.BATCH_MAX_TOTAL_BYTES = 300 * 1024 * 1024
    page = olivia.get(batches_url(offices.office)).content.decode()
    assert "每个不超过8 MB，解压后合计不超过300 MB" in page
    assert "PDF（.pdf）" in page


def test_the_list_shows_only_this_offices_batches(olivia, offices):
    post(olivia, offices.office, [upload("a.txt", seed(CHIPING))], name="本办的批次")
    Batch.objects.create(office=offices.other_office, name="别的办的批次")
    body = olivia.get(batches_url(offices.office)).content.decode()
    assert "本办的批次" in body and "别的办的批次" not in body
