"""Fetching a report from a URL a user gave, without letting the URL reach inside.

The server fetches only from allowed hosts (settings.FETCH_ALLOWED_HOSTS, `*.gov.cn` by
default) and never from a private, loopback, link-local or otherwise non-public address:
every address the host resolves to is checked, the connection goes to the checked address
(a second lookup could answer differently), and each redirect is checked again. The body is
read in chunks up to a size limit, and the whole fetch has one deadline.
"""

import http.client
import ipaddress
import mimetypes
import socket
import ssl
import time
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

REDIRECTS = (301, 302, 303, 307, 308)
DEFAULT_PORTS = {"http": 80, "https": 443}
CHUNK = 64 * 1024
# A name for what the server says it sends, when the URL's path has no extension.
TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "application/json": ".json",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


class FetchRefused(ValueError):
    """The URL may not be fetched, or fetching it failed: the message says why, in Chinese."""


@dataclass(frozen=True)
class FetchPolicy:
    allowed_hosts: tuple[str, ...]
    max_bytes: int
    timeout: float
    max_redirects: int = 5
    # Addresses exempt from the public-address rule (tests serve from 127.0.0.1).
    allowed_addresses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    name: str  # a file name for the result list, with an extension when one is known
    data: bytes


def policy_from_settings() -> FetchPolicy:
    from django.conf import settings

    return FetchPolicy(
        allowed_hosts=tuple(settings.FETCH_ALLOWED_HOSTS),
        max_bytes=settings.MAX_UPLOAD_BYTES,
        timeout=settings.FETCH_TIMEOUT_SECONDS,
        max_redirects=settings.FETCH_MAX_REDIRECTS,
        allowed_addresses=tuple(settings.FETCH_ALLOWED_ADDRESSES),
    )


def host_allowed(host: str, patterns) -> bool:
    host = host.lower().rstrip(".")
    for pattern in patterns:
        pattern = pattern.lower().rstrip(".")
        if pattern.startswith("*."):
            if host == pattern[2:] or host.endswith(pattern[1:]):
                return True
        elif host == pattern:
            return True
    return False


def check_url(url: str, policy: FetchPolicy):
    """The URL split into its parts, or FetchRefused: http(s) to an allowed host only."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchRefused("网址格式不对") from None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise FetchRefused("只能读取以 http:// 或 https:// 开头的网址")
    if parts.username or parts.password:
        raise FetchRefused("网址中不能含有用户名或密码")
    if not host_allowed(parts.hostname, policy.allowed_hosts):
        allowed = "、".join(policy.allowed_hosts) or "（未设置）"
        raise FetchRefused(f"不能从 {parts.hostname} 读取：只允许这些网站：{allowed}")
    return parts, port or DEFAULT_PORTS[parts.scheme]


def resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to (patched in tests: they never resolve a name)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def _public(address: str, policy: FetchPolicy) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if address in policy.allowed_addresses:
        return True
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_global and not (mapped or ip).is_multicast


def vetted_address(host: str, port: int, policy: FetchPolicy) -> str:
    """The address to connect to; refused unless every address of the host is public."""
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError):
        raise FetchRefused(f"找不到网站 {host}（域名无法解析）") from None
    if not addresses:
        raise FetchRefused(f"找不到网站 {host}（域名无法解析）")
    for address in addresses:
        if not _public(address, policy):
            raise FetchRefused(f"不能读取内部网络地址（{host} 指向 {address}）")
    if port not in DEFAULT_PORTS.values() and not all(
        a in policy.allowed_addresses for a in addresses
    ):
        raise FetchRefused(f"只能读取标准端口（80、443）上的网址，不能读取端口 {port}")
    return addresses[0]


def _connection(parts, port: int, address: str, timeout: float):
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname, port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, port, timeout=timeout)

    # Connect to the address that was checked, not to whatever a new lookup returns; TLS
    # still verifies the certificate against the host name.
    def create_connection(_, timeout=None, source_address=None):
        return socket.create_connection((address, port), timeout, source_address)

    connection._create_connection = create_connection
    return connection


def _file_name(url: str, content_type: str) -> str:
    parts = urlsplit(url)
    name = unquote(PurePosixPath(parts.path).name) or parts.hostname or "download"
    if not PurePosixPath(name).suffix:
        kind = content_type.split(";", 1)[0].strip().lower()
        name += TYPES.get(kind) or mimetypes.guess_extension(kind) or ""
    return name[-200:]


def fetch(url: str, policy: FetchPolicy) -> Fetched:
    deadline = time.monotonic() + policy.timeout
    for _ in range(policy.max_redirects + 1):
        parts, port = check_url(url, policy)
        address = vetted_address(parts.hostname, port, policy)
        response = _get(parts, port, address, deadline, policy)
        if response is None:
            raise FetchRefused(f"读取超时（超过{policy.timeout:g}秒）")
        status, location, content_type, data = response
        if status in REDIRECTS:
            if not location:
                raise FetchRefused(f"网站返回了跳转（HTTP {status}）但没有给出新地址")
            url = urljoin(url, location)
            continue
        if status != 200:
            raise FetchRefused(f"网站返回错误（HTTP {status}），没有得到文件")
        return Fetched(url=url, name=_file_name(url, content_type), data=data)
    raise FetchRefused(f"跳转次数过多（超过{policy.max_redirects}次）")


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _get(parts, port, address, deadline, policy):
    """(status, Location, Content-Type, body) or None when the deadline passed."""
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    connection = None
    try:
        connection = _connection(parts, port, address, _remaining(deadline))
        connection.connect()
        # Kept: the connection lets go of its socket once a closing response is under way.
        sock = connection.sock
        connection.request(
            "GET",
            path,
            headers={"User-Agent": "gkreport", "Accept": "*/*", "Accept-Encoding": "identity"},
        )
        response = connection.getresponse()
        if response.status in REDIRECTS:
            return response.status, response.getheader("Location", ""), "", b""
        if response.status != 200:
            return response.status, "", "", b""
        declared = response.getheader("Content-Length", "")
        if declared.isdigit() and int(declared) > policy.max_bytes:
            raise FetchRefused(f"文件过大（{int(declared)}字节，上限{policy.max_bytes}字节）")
        chunks, size = [], 0
        while True:
            sock.settimeout(_remaining(deadline))
            chunk = response.read1(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchRefused(f"文件过大（超过上限{policy.max_bytes}字节）")
            chunks.append(chunk)
        _remaining(deadline)  # a body that ended after the deadline is still too slow
        return 200, "", response.getheader("Content-Type", ""), b"".join(chunks)
    except TimeoutError:
        return None
    except ssl.SSLError:
        raise FetchRefused("无法建立安全连接（证书或加密协议有问题）") from None
    except (OSError, http.client.HTTPException):
        raise FetchRefused(f"无法连接网站 {parts.hostname}") from None
    finally:
        if connection is not None:
            connection.close()
