"""Small httpx helpers shared by the prober, the link checker and the feed collector: one client
configuration (honest user agent, loopback-friendly, no proxies from the environment) and one
taxonomy of failures, the same words the crawl stores on snapshots."""

from __future__ import annotations

import socket

import httpx

from crawler.egress import EGRESS_KIND, EgressPolicy, EgressRefused

BLOCK_MARKS = ("访问被拒绝", "安全狗", "waf", "云防护", "访问受限", "非法请求", "请求已被拦截")
BLOCK_STATUSES = (401, 403, 418, 429)


def client(user_agent: str, timeout: float, policy: EgressPolicy | None = None,
           **kwargs: object) -> httpx.AsyncClient:
    """`timeout` is httpx's per-read timeout; callers put a total deadline around each request
    (`asyncio.timeout`), since a server dripping a byte a second never trips a per-read one.
    `policy` is checked before every request, redirects included (httpx runs request hooks per hop)."""
    hooks = {}
    if policy is not None:
        async def egress(request: httpx.Request) -> None:
            await policy.check(str(request.url))

        hooks["request"] = [egress]
    # the user agent names us in Chinese; Scrapy sends it as UTF-8 bytes, and so do we
    return httpx.AsyncClient(headers={"User-Agent": user_agent.encode("utf-8")}, timeout=timeout, follow_redirects=True,
                             trust_env=False, event_hooks=hooks, max_redirects=10, **kwargs)  # type: ignore[arg-type]


async def read_capped(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """At most `limit` bytes of the (decoded) body, and whether there was more: a gzip bomb or a
    30 MB page costs `limit` bytes of memory, not its size."""
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit:
            return b"".join(chunks)[:limit], True
    return b"".join(chunks), False


def exception_kind(exc: BaseException) -> str:
    if isinstance(exc, EgressRefused | httpx.UnsupportedProtocol):  # the latter: a redirect to file: or ftp:
        return EGRESS_KIND
    if isinstance(exc, httpx.TooManyRedirects):
        return "redirects"
    if isinstance(exc, TimeoutError):  # asyncio.timeout: the request's total deadline
        return "timeout"
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    if isinstance(exc, httpx.ConnectError):
        # the async transport says only "All connection attempts failed": look down the cause chain
        chain, cause = [], exc
        while cause is not None and len(chain) < 8:
            chain.append(cause)
            cause = cause.__cause__ or cause.__context__
        if any(isinstance(c, socket.gaierror) for c in chain):
            return "dns"
        if any(isinstance(c, ConnectionRefusedError) for c in chain):
            return "refused"
        text = " ".join(str(c).lower() for c in chain)
        return "refused" if "refused" in text else "dns" if "name or service" in text else "connection"
    if isinstance(exc, httpx.TransportError):
        return "connection"
    return "other"


def status_kind(status: int, text: str = "") -> str | None:
    """None for a usable answer; blocked for 401/403/418/429 and WAF pages; status for other errors."""
    if status in BLOCK_STATUSES or (status >= 400 and any(m in text.lower() for m in BLOCK_MARKS)):
        return "blocked"
    if status >= 400:
        return "status"
    return None
