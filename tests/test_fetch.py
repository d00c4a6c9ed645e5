"""Fetching a report from a URL: allowed hosts only, public addresses only (checked again on
every redirect), bounded in size, redirects and time. Everything runs against a server on
127.0.0.1; a public host is only ever resolved by a patched resolver, never on the network."""

import time

import pytest

from gkreport.lib import fetch as fetching
from gkreport.lib.fetch import FetchPolicy, FetchRefused, fetch, host_allowed
from tests.http_server import (
    SEEDS,
    LocalServer,
    declared_huge,
    dribble,
    endless,
    file,
    redirect,
    silent,
)

SEED = (SEEDS / "003_b59b93e2e8dda449.txt").read_bytes()


def policy(**changes):
    values = {
        "allowed_hosts": ("127.0.0.1", "127.0.0.2", "localhost", "*.gov.cn"),
        "max_bytes": 1024 * 1024,
        "timeout": 1.0,
        "max_redirects": 3,
        "allowed_addresses": ("127.0.0.1",),
    }
    values.update(changes)
    return FetchPolicy(**values)


@pytest.fixture
def server():
    with LocalServer() as running:
        yield running


def test_a_file_is_fetched_with_its_name(server):
    server.routes["/reports/2023%E5%B9%B4%E6%8A%A5.txt"] = file(SEED)
    fetched = fetch(server.url("/reports/2023%E5%B9%B4%E6%8A%A5.txt"), policy())
    assert fetched.data == SEED
    assert fetched.name == "2023年报.txt"


def test_a_page_without_extension_is_named_by_its_type(server):
    server.routes["/show"] = file(b"<html></html>", "text/html; charset=utf-8")
    server.routes["/download"] = file(b"%PDF-1.4", "application/pdf")
    assert fetch(server.url("/show?id=3"), policy()).name == "show.html"
    assert fetch(server.url("/download"), policy()).name == "download.pdf"


@pytest.mark.parametrize(
    "url, reason",
    [
        ("ftp://www.gov.cn/a.txt", "http:// 或 https://"),
        ("file:///etc/passwd", "http:// 或 https://"),
        ("http://example.com/a.txt", "只允许这些网站"),
        ("http://www.gov.cn.example.com/a.txt", "只允许这些网站"),
        ("http://user:pw@www.gov.cn/a.txt", "用户名或密码"),
        ("http://[::1/", "格式不对"),
    ],
)
def test_only_http_to_allowed_hosts(url, reason):
    with pytest.raises(FetchRefused, match=reason):
        fetch(url, policy())


def test_host_patterns():
    assert host_allowed("www.gov.cn", ["*.gov.cn"])
    assert host_allowed("gov.cn", ["*.gov.cn"])
    assert host_allowed("WWW.LIAOCHENG.GOV.CN.", ["*.gov.cn"])
    assert not host_allowed("evilgov.cn", ["*.gov.cn"])
    assert not host_allowed("gov.cn.evil.com", ["*.gov.cn"])


def test_a_private_address_is_refused_before_connecting(server):
    server.routes["/a.txt"] = file(SEED)
    with pytest.raises(FetchRefused, match="内部网络地址"):
        fetch(server.url("/a.txt", host="127.0.0.2"), policy())


@pytest.mark.parametrize(
    "addresses", [["10.1.2.3"], ["192.168.0.8"], ["169.254.169.254"], ["8.8.8.8", "172.16.0.1"]]
)
def test_a_host_resolving_to_any_private_address_is_refused(monkeypatch, addresses):
    asked = []
    monkeypatch.setattr(fetching, "resolve", lambda host, port: asked.append(host) or addresses)
    monkeypatch.setattr(fetching, "_get", lambda *a: pytest.fail("must not connect"))
    with pytest.raises(FetchRefused, match="内部网络地址"):
        fetch("http://www.liaocheng.gov.cn/a.txt", policy())
    assert asked == ["www.liaocheng.gov.cn"]


def test_ipv6_loopback_and_mapped_private_addresses_are_refused(monkeypatch):
    for address in ("::1", "fe80::1", "::ffff:10.0.0.1", "fd00::5"):
        monkeypatch.setattr(fetching, "resolve", lambda host, port, a=address: [a])
        with pytest.raises(FetchRefused, match="内部网络地址"):
            fetch("http://www.gov.cn/a.txt", policy())


def test_a_redirect_to_a_private_address_is_refused(server):
    server.routes["/moved"] = redirect(server.url("/a.txt", host="127.0.0.2"))
    server.routes["/a.txt"] = file(SEED)
    with pytest.raises(FetchRefused, match="内部网络地址"):
        fetch(server.url("/moved"), policy())
    assert server.requests == ["/moved"]  # 127.0.0.2 was never asked


def test_a_redirect_to_a_host_not_allowed_is_refused(server):
    server.routes["/moved"] = redirect("http://intranet.example/secret")
    with pytest.raises(FetchRefused, match="只允许这些网站"):
        fetch(server.url("/moved"), policy())


def test_redirects_are_followed_up_to_the_limit(server):
    server.routes["/one"] = redirect("/two")
    server.routes["/two"] = redirect(server.url("/a.txt"))
    server.routes["/a.txt"] = file(SEED)
    fetched = fetch(server.url("/one"), policy())
    assert fetched.data == SEED and fetched.url.endswith("/a.txt")
    server.routes["/loop"] = redirect("/loop")
    with pytest.raises(FetchRefused, match="跳转次数过多"):
        fetch(server.url("/loop"), policy())
    assert server.requests.count("/loop") == 4  # the first request and 3 redirects


def test_a_declared_oversize_body_is_refused_without_reading_it(server):
    server.routes["/huge"] = declared_huge
    with pytest.raises(FetchRefused, match="文件过大"):
        fetch(server.url("/huge"), policy())


def test_an_endless_body_stops_at_the_size_limit(server):
    server.routes["/endless"] = endless
    with pytest.raises(FetchRefused, match="文件过大"):
        fetch(server.url("/endless"), policy(max_bytes=200_000))


def test_a_server_that_does_not_answer_times_out(server):
    server.routes["/silent"] = silent
    start = time.monotonic()
    with pytest.raises(FetchRefused, match="读取超时"):
        fetch(server.url("/silent"), policy(timeout=0.5))
    assert time.monotonic() - start < 2


def test_a_body_dribbled_byte_by_byte_stops_at_the_deadline(server):
    server.routes["/dribble"] = dribble
    start = time.monotonic()
    with pytest.raises(FetchRefused, match="读取超时"):
        fetch(server.url("/dribble"), policy(timeout=1.0))
    assert time.monotonic() - start < 2.5


def test_an_error_status_is_said(server):
    with pytest.raises(FetchRefused, match="HTTP 404"):
        fetch(server.url("/missing"), policy())


def test_a_closed_port_is_a_connection_failure(server):
    url = server.url("/a.txt")
    server.server.server_close()
    with pytest.raises(FetchRefused, match="无法连接"):
        fetch(url, policy())


def test_a_non_standard_port_is_refused_on_a_public_address(monkeypatch):
    monkeypatch.setattr(fetching, "resolve", lambda host, port: ["8.8.8.8"])
    monkeypatch.setattr(fetching, "_get", lambda *a: pytest.fail("must not connect"))
    with pytest.raises(FetchRefused, match="标准端口"):
        fetch("http://www.gov.cn:8080/a.txt", policy())
