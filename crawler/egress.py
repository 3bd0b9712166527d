"""Egress policy: what the crawler, the link checker, the prober and the new-media collectors may fetch.

Only http and https. A host that resolves to a private, loopback, link-local, shared (CGNAT), reserved
or cloud-metadata address is refused unless the registry names that very origin (host and port) for a
unit, or `ZWGK_ALLOW_INTERNAL` lists it: that is how the fixture farm on 127.0.0.1 stays crawlable
without opening every port of the machine. The check runs before every request, so every redirect hop
is checked again, after DNS resolution. A refusal is recorded (failure kind `egress`) and never fetched.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest

ALLOWED_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Cloud metadata services answer on these; most are link-local or private anyway, 100.100.100.200
# (Alibaba Cloud) sits in the shared address space, which `is_global` also excludes.
METADATA_ADDRESSES = frozenset({"169.254.169.254", "100.100.100.200", "fd00:ec2::254", "169.254.170.2"})


class EgressRefused(Exception):
    """A request the policy does not allow; `reason` is the Chinese text recorded on the snapshot."""

    def __init__(self, url: str, reason: str):
        super().__init__(reason)
        self.url = url
        self.reason = reason


def _origin(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an URL, host lower-cased without brackets; None when unreadable."""
    try:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        port = parts.port or _DEFAULT_PORTS.get(scheme, 0)
    except ValueError:  # a port that is not a number, a bad IPv6 literal
        return None
    return (scheme, host, port) if host else None


def internal_address(address: str) -> str | None:
    """Why an address must not be fetched ('内网地址' …), or None for a public one."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "无法识别的地址"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if str(ip) in METADATA_ADDRESSES:
        return "云平台元数据地址"
    if ip.is_loopback:
        return "本机回环地址"
    if ip.is_link_local:
        return "链路本地地址"
    if ip.is_multicast or ip.is_unspecified or ip.is_reserved:
        return "保留地址"
    if not ip.is_global:
        return "内网地址"
    return None


def _allow_key(entry: str) -> tuple[str, int] | None:
    """`host`, `host:port` or an URL from the setting or the registry -> (host, port); port 0 = any."""
    entry = entry.strip()
    if not entry:
        return None
    if "//" not in entry:
        entry = "//" + entry
    try:
        parts = urlsplit(entry)
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        return None
    if not host:
        return None
    if port is None:
        port = _DEFAULT_PORTS.get(parts.scheme.lower(), 0) if parts.scheme else 0
    return host, port


class EgressIgnored(IgnoreRequest):
    """The crawler's form of a refusal: an IgnoreRequest, so Scrapy calls the request's errback, which
    records it (crawler.middlewares.EgressMiddleware raises it)."""


@dataclass(frozen=True)
class EgressPolicy:
    internal_ok: frozenset[tuple[str, int]] = frozenset()

    @classmethod
    def from_entries(cls, registry_urls: Iterable[str | None], extra: Iterable[str] = ()) -> EgressPolicy:
        """The origins the registry names (portals, disclosure pages, columns, feeds) plus the setting's."""
        keys = {_allow_key(u) for u in registry_urls if u}
        keys |= {_allow_key(e) for e in extra}
        return cls(frozenset(k for k in keys if k is not None))

    def entries(self) -> list[str]:
        return sorted(f"{h}:{p}" for h, p in self.internal_ok)

    def _named(self, host: str, port: int) -> bool:
        return (host, port) in self.internal_ok or (host, 0) in self.internal_ok

    def precheck(self, url: str) -> tuple[str, int] | None:
        """The scheme and literal-address part of the check (no DNS); raises EgressRefused."""
        origin = _origin(url)
        scheme = urlsplit(url.strip()).scheme.lower() if origin is None else origin[0]
        if scheme not in ALLOWED_SCHEMES:
            raise EgressRefused(url, f"不允许的协议 {scheme or '(无)'}:（只抓取 http/https）")
        if origin is None:
            raise EgressRefused(url, "网址无法解析")
        _, host, port = origin
        if self._named(host, port):
            return None  # the registry (or the setting) names this origin: allowed whatever it resolves to
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            if host == "localhost" or host.endswith(".localhost"):
                raise EgressRefused(url, f"{host} 为本机回环地址（未在单位名录中登记）") from None
            return host, port  # a name: resolve it
        if why := internal_address(host):
            raise EgressRefused(url, f"{host} 为{why}（未在单位名录中登记）")
        return None

    async def check(self, url: str) -> None:
        """Raises EgressRefused unless the URL may be fetched. Resolution failures are let through: the
        fetch itself then fails as `dns`, which is what it is."""
        pending = self.precheck(url)
        if pending is None:
            return
        host, port = pending
        addresses = _RESOLVED.get(host, port)
        if addresses is None:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (OSError, UnicodeError):
                return
            addresses = _RESOLVED.put(host, port, infos)
        _judge(url, host, addresses)

    def check_sync(self, url: str) -> None:
        """`check` for synchronous callers (the new-media page collector's browser routes)."""
        pending = self.precheck(url)
        if pending is None:
            return
        host, port = pending
        addresses = _RESOLVED.get(host, port)
        if addresses is None:
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (OSError, UnicodeError):
                return
            addresses = _RESOLVED.put(host, port, infos)
        _judge(url, host, addresses)

    def allows(self, url: str) -> bool:
        try:
            self.check_sync(url)
        except EgressRefused:
            return False
        return True


class _Resolved:
    """Addresses of the names checked lately: one lookup per host a minute, not one per request (a
    night asks the same county host for thousands of pages). Short, so a name moved into an intranet
    is seen again soon; the fetcher resolves on its own as well."""

    TTL = 60.0
    SIZE = 4096

    def __init__(self) -> None:
        self.entries: dict[tuple[str, int], tuple[float, tuple[str, ...]]] = {}

    def get(self, host: str, port: int) -> tuple[str, ...] | None:
        hit = self.entries.get((host, port))
        return hit[1] if hit and time.monotonic() - hit[0] < self.TTL else None

    def put(self, host: str, port: int, infos: list) -> tuple[str, ...]:
        if len(self.entries) >= self.SIZE:
            self.entries.clear()
        addresses = tuple(str(info[4][0]) for info in infos)
        self.entries[(host, port)] = (time.monotonic(), addresses)
        return addresses


_RESOLVED = _Resolved()


def _judge(url: str, host: str, addresses: tuple[str, ...]) -> None:
    for address in addresses:
        if why := internal_address(address):
            raise EgressRefused(url, f"{host} 解析为{why} {address}（未在单位名录中登记）")
