"""PDF downloads come from the stored bytes with proper HTTP caching and ranges."""

import hashlib
from urllib.parse import quote

import pytest
from django.utils.http import http_date

from tests.review.conftest import set_status


def url(people, suffix="report.pdf"):
    return f"/public/agency/{people.agency.code}/2023/{suffix}"


def test_it_serves_the_frozen_bytes_with_etag_and_file_name(client, people, published):
    version = published.versions.get()
    response = client.get(url(people))
    assert response.status_code == 200
    assert response.content == version.pdf_bytes()
    assert response["ETag"] == f'"{hashlib.sha256(response.content).hexdigest()}"'
    assert response["Last-Modified"] == http_date(int(version.published_at.timestamp()))
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response["Accept-Ranges"] == "bytes"
    name = "测试市行政审批服务局2023年政府信息公开工作年度报告.pdf"
    assert f"filename*=UTF-8''{quote(name)}" in response["Content-Disposition"]


def test_it_is_not_re_rendered(client, people, published, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("rendered on request")

    monkeypatch.setattr("gkreport.pdf.html_to_pdf", refuse)
    assert client.get(url(people)).status_code == 200


def test_conditional_requests_get_304(client, people, published):
    etag = client.get(url(people))["ETag"]
    response = client.get(url(people), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response.content == b""
    last = client.get(url(people))["Last-Modified"]
    assert client.get(url(people), HTTP_IF_MODIFIED_SINCE=last).status_code == 304
    assert client.get(url(people), HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_head_gives_headers_without_the_body(client, people, published):
    response = client.head(url(people))
    assert response.status_code == 200
    assert response.content == b""
    assert int(response["Content-Length"]) == len(published.versions.get().pdf_bytes())


def test_byte_ranges(client, people, published):
    pdf = published.versions.get().pdf_bytes()
    response = client.get(url(people), HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206
    assert response.content == pdf[:100]
    assert response["Content-Range"] == f"bytes 0-99/{len(pdf)}"
    response = client.get(url(people), HTTP_RANGE="bytes=-10")
    assert response.content == pdf[-10:]
    response = client.get(url(people), HTTP_RANGE=f"bytes={len(pdf)}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(pdf)}"
    stale = client.get(url(people), HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"stale"')
    assert stale.status_code == 200 and stale.content == pdf  # the whole file when it changed


def test_a_numbered_version_is_immutable(client, people, published):
    assert "immutable" in client.get(url(people, "v1/report.pdf"))["Cache-Control"]


@pytest.mark.parametrize("state", ["draft", "submitted", "returned", "approved"])
def test_an_unpublished_report_is_404(client, people, state):
    set_status(people.report, state)
    for suffix in ("report.pdf", "v1/report.pdf"):
        assert client.get(url(people, suffix)).status_code == 404, suffix
