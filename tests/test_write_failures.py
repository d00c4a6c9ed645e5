"""A save the database refuses: 503, the input shown back to copy, nothing stored, logged with
the request id. Run as in production: the test client does not re-raise the exception."""

import logging
import re

import pytest
from django.db import connection
from django.test import Client
from django.urls import path

from gkreport.request_id import RequestIdFilter
from tests.database import read_only_database
from tests.reports.helpers import seen, table_post


@pytest.fixture
def alice_client(people):
    client = Client(raise_request_exception=False)
    client.force_login(people.alice)
    return client


@pytest.mark.django_db(transaction=True)
def test_a_refused_table_save_shows_the_input_and_stores_nothing(alice_client, people, caplog):
    before = dict(people.report.cells)
    url = f"/r/{people.report.code}/table/t3/"
    data = table_post(
        people.report,
        t3__granted__natural="17",
        t3__granted__commercial="四",
        **{"text-intro": "本年度申请量明显增加。"},
    )
    with read_only_database(), caplog.at_level(logging.ERROR):
        response = alice_client.post(url, data, HTTP_X_REQUEST_ID="support-case-0001")

    assert response.status_code == 503
    page = response.content.decode()
    assert "您刚才提交的内容没有保存" in page
    assert re.search(
        r"表三 （一）予以公开 自然人</label>\s*<textarea[^>]*readonly>17</textarea>", page
    )
    assert re.search(r"商业企业</label>\s*<textarea[^>]*readonly>四</textarea>", page)
    assert "说明（可选，将印在公开的年度报告中" in page
    assert ">本年度申请量明显增加。</textarea>" in page
    assert "表三 （一）予以公开 自然人：17\n" in page  # all of it in one box to copy
    assert "csrfmiddlewaretoken" not in page and data["fingerprint"] not in page
    assert "support-case-0001" in page and response["X-Request-ID"] == "support-case-0001"
    assert f'href="{url}"' in page  # back to the page

    people.report.refresh_from_db()
    assert people.report.cells == before

    [record] = [r for r in caplog.records if r.name == "gkreport.write_failures"]
    assert record.request_id == "support-case-0001"
    refusal = "readonly database" if connection.vendor == "sqlite" else "permission denied"
    assert refusal in record.getMessage() and url in record.getMessage()
    assert record.exc_info is not None  # the traceback is logged


@pytest.mark.django_db(transaction=True)
def test_a_refused_part_save_is_labelled_with_the_sub_headings(alice_client, people):
    with read_only_database():
        response = alice_client.post(
            f"/r/{people.report.code}/part/s1/",
            {"fingerprint": seen(people.report, "s1"), "1": "全年主动公开政府信息321条。"},
        )
    assert response.status_code == 503
    page = response.content.decode()
    assert "（一）主动公开</label>" in page and "全年主动公开政府信息321条。" in page


@pytest.mark.django_db(transaction=True)
def test_passwords_are_never_shown_back(people):
    client = Client(raise_request_exception=False)
    with read_only_database():
        response = client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"})
    assert response.status_code == 503
    page = response.content.decode()
    assert "pw-alice" not in page and ">alice</textarea>" in page


def test_every_response_carries_a_request_id_and_a_strange_one_is_replaced(client, people):
    first, second = client.get("/accounts/login/"), client.get("/accounts/login/")
    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]
    response = client.get("/accounts/login/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_log_records_of_a_request_carry_its_id(client, people, caplog):
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="trace-12345678")
    assert response.status_code == 404
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.request_id == "trace-12345678"


def test_error_pages_are_in_chinese(people, settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    page = client.get("/no-such-page/").content.decode()
    assert "页面不存在" in page
    client.force_login(people.charlie)
    response = client.get(f"/r/{people.report.code}/")
    assert response.status_code == 404 and "页面不存在" in response.content.decode()


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [path("broken/", broken)]
handler500 = "gkreport.request_id.server_error"


@pytest.mark.urls(__name__)
def test_the_500_page_shows_the_request_id_and_needs_no_database(caplog):
    client = Client(raise_request_exception=False)
    # no database fixture: any query on the way to the page would fail the test
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/broken/", HTTP_X_REQUEST_ID="trace-500-0001")
    assert response.status_code == 500
    page = response.content.decode()
    assert "服务器出错" in page and "trace-500-0001" in page
    [record] = caplog.records
    assert record.exc_info and record.request.request_id == "trace-500-0001"
