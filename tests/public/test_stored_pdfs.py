"""Published PDFs live in the default storage under their hash and are checked when served."""

import hashlib
import logging

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from gkreport.public.models import FrozenError
from gkreport.storage import AtomicFileSystemStorage


def pdf_url(people):
    return f"/public/agency/{people.agency.code}/2023/report.pdf"


def test_publishing_stores_the_pdf_under_its_hash(people, published):
    version = published.versions.get()
    assert version.pdf_file.name == f"published/{version.sha256[:2]}/{version.sha256}.pdf"
    with default_storage.open(version.pdf_file.name, "rb") as stored:
        data = stored.read()
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == version.sha256


def test_a_tampered_file_is_not_served_and_is_logged(client, people, published, caplog):
    version = published.versions.get()
    path = default_storage.path(version.pdf_file.name)
    with open(path, "r+b") as stored:
        stored.seek(100)
        stored.write(b"TAMPERED")
    with caplog.at_level(logging.ERROR, logger="gkreport"):
        response = client.get(pdf_url(people))
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert b"TAMPERED" not in response.content
    assert "报告文件暂时无法提供" in response.content.decode()
    assert any(version.sha256 in record.getMessage() for record in caplog.records)


def test_a_missing_file_is_a_clear_page_not_a_crash(client, people, published):
    default_storage.delete(published.versions.get().pdf_file.name)
    response = client.get(pdf_url(people))
    assert response.status_code == 503
    assert "报告文件暂时无法提供" in response.content.decode()


def test_the_stored_file_name_of_a_version_cannot_be_changed(published):
    version = published.versions.get()
    version.pdf_file.name = "published/elsewhere.pdf"
    with pytest.raises(FrozenError):
        version.save()


def test_publishing_the_same_bytes_again_repairs_a_damaged_file(people, published):
    from gkreport.public.published_files import read_pdf, store_pdf

    version = published.versions.get()
    good = version.pdf_bytes()
    with open(default_storage.path(version.pdf_file.name), "wb") as stored:
        stored.write(good[:1000])  # as if an earlier writer had died half-way
    assert store_pdf(good) == (version.pdf_file.name, version.sha256)
    assert read_pdf(version.pdf_file.name, version.sha256) == good


class DiesHalfway(ContentFile):
    def chunks(self, chunk_size=None):
        yield b"%PDF-1.7 first half"
        raise OSError("the process died while writing")


def test_a_write_that_dies_halfway_leaves_no_file_under_the_name(tmp_path):
    storage = AtomicFileSystemStorage(location=str(tmp_path))
    with pytest.raises(OSError):
        storage.save("published/ab/abc.pdf", DiesHalfway(b""))
    assert not storage.exists("published/ab/abc.pdf")
    assert list((tmp_path / "published" / "ab").iterdir()) == []  # no stray partial file


def test_with_an_s3_object_store_the_published_pdf_is_stored_there_and_served(
    client, people, s3_storage
):
    from tests.public.conftest import publish

    s3, bucket = s3_storage
    version = publish(people.report, people.bob).versions.get()
    stored = s3.get_object(Bucket=bucket, Key=version.pdf_file.name)["Body"].read()
    assert hashlib.sha256(stored).hexdigest() == version.sha256
    response = client.get(pdf_url(people))
    assert response.status_code == 200
    assert response.content == stored


def test_a_replaced_object_in_the_store_is_not_served(client, people, s3_storage):
    from tests.public.conftest import publish

    s3, bucket = s3_storage
    version = publish(people.report, people.bob).versions.get()
    s3.put_object(Bucket=bucket, Key=version.pdf_file.name, Body=b"%PDF-1.7 forged")
    response = client.get(pdf_url(people))
    assert response.status_code == 503
    assert b"forged" not in response.content


@pytest.mark.parametrize(
    "environment, message",
    [
        ({"STORAGE_BACKEND": "s3"}, "S3_BUCKET"),
        ({"STORAGE_BACKEND": "ftp"}, "neither 'local' nor 's3'"),
    ],
)
def test_a_storage_configuration_that_cannot_work_is_refused_at_start(
    monkeypatch, environment, message
):
    from django.core.exceptions import ImproperlyConfigured

    from gkreport.storage import default_storage_settings

    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("S3_BUCKET", raising=False)
    with pytest.raises(ImproperlyConfigured, match=message):
        default_storage_settings("/tmp/media")
