"""Small httpx helpers shared by the prober, the link checker and the feed collector: one client
configuration (honest user agent, loopback-friendly, no proxies from the environment) and one
taxonomy of failures, the same words the crawl stores on snapshots."""

from __future__ import annotations

import socket

import httpx

BLOCK_MARKS = ("访问被拒绝", "安全狗", "waf", "云防护", "访问受限", "非法请求", "请求已被拦截")
BLOCK_STATUSES = (401, 403, 418, 429)


def client(user_agent: str, timeout: float, **kwargs: object) -> httpx.AsyncClient:
    # the user agent names us in Chinese; Scrapy sends it as UTF-8 bytes, and so do we
    return httpx.AsyncClient(headers={"User-Agent": user_agent.encode("utf-8")}, timeout=timeout, follow_redirects=True,
                             trust_env=False, **kwargs)  # type: ignore[arg-type]


def exception_kind(exc: Exception) -> str:
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
