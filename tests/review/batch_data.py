"""Files for the batch-check tests: the seed reports, variants of them, and archives."""

import io
import json
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gkreport.review.models import Batch, BatchItem
from tests.http_server import SEEDS

CHIPING = "003_b59b93e2e8dda449.txt"  # 聊城市茌平区人民政府 2023
APPROVALS = "002_e42161fe7aa08ef3.txt"  # 聊城市行政审批服务局 2022
SCIENCE = "004_0b3756e79a1f4c29.txt"  # 聊城市科学技术局 2022


def seed(name: str) -> bytes:
    return (SEEDS / name).read_bytes()


def variant(name: str, replace: dict) -> bytes:
    """A seed with some text replaced (another agency, another year)."""
    text = seed(name).decode("utf-8")
    for old, new in replace.items():
        text = text.replace(old, new)
    return text.encode("utf-8")


def upload(name: str, data: bytes, content_type="text/plain") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


class _RawNameInfo(zipfile.ZipInfo):
    """A member whose name is stored as given bytes, without the UTF-8 flag: what archivers
    on Chinese Windows write (GBK)."""

    raw_name = b""

    def _encodeFilenameFlags(self):
        return self.raw_name, self.flag_bits


def make_zip(members: dict, *, gbk: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if gbk:
                info = _RawNameInfo(name.encode("gb18030").decode("cp437"))
                info.raw_name = name.encode("gb18030")
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
            else:
                archive.writestr(name, data)
    return buffer.getvalue()


def report_json(report: dict, agency: str) -> bytes:
    """A report dict (tests/factories.py) as the project's JSON export of `agency`."""
    document = {
        "year": report["year"],
        "format": report["format"],
        "agency": agency,
        "raw": report["raw"],
        "figures": {},
        "sections": report["sections"],
    }
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def batches_url(office):
    return reverse("batches", args=[office.code])


def run_batch(client, office, files):
    client.post(reverse("batches", args=[office.code]), {"files": files, "urls": ""})
    return Batch.objects.latest("id")


def item(batch, name) -> BatchItem:
    return batch.items.get(name=name)


def rerun_url(batch):
    return reverse("batch_rerun", args=[batch.office.code, batch.code])


def assert_only_its_office_sees(client, offices, people, name):
    """Another office, an upper office and agency staff get 404 for a batch's page `name`,
    also through the other office's own address."""
    from django.urls import reverse

    from gkreport.review.models import Batch

    batch = Batch.objects.create(office=offices.office)
    url = reverse(name, args=[offices.office.code, batch.code])
    for person in (offices.oscar, offices.lena, people.alice):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.get(url, {"format": "xlsx"}).status_code == 404
    client.force_login(offices.oscar)
    assert (
        client.get(reverse(name, args=[offices.other_office.code, batch.code])).status_code == 404
    )
