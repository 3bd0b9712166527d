"""The httpx client shared by the prober, the link checker and the feed collector: one configuration
(honest user agent, loopback-friendly, no proxies from the environment, the egress policy on every
hop). Failures: crawler.failures."""

from __future__ import annotations

from typing import Any

import httpx

from crawler.egress import EgressPolicy


def client(user_agent: str, timeout: float, policy: EgressPolicy | None = None, **kwargs: Any) -> httpx.AsyncClient:
    """`timeout` is httpx's per-read timeout; callers put a total deadline around each request
    (`asyncio.timeout`), since a server dripping a byte a second never trips a per-read one.
    `policy` is checked before every request, redirects included (httpx runs request hooks per hop)."""
    hooks: dict[str, list[Any]] = {}
    if policy is not None:
        async def egress(request: httpx.Request) -> None:
            await policy.check(str(request.url))

        hooks["request"] = [egress]
    # the user agent names us in Chinese; Scrapy sends it as UTF-8 bytes, and so do we
    headers = {b"User-Agent": user_agent.encode("utf-8")}
    # Certificates are not verified, as the crawl (Scrapy) does not: many portals serve an expired certificate
    # or leave out the intermediate one (browsers fetch it, Python does not). Such a site answers its readers;
    # judging it unreachable, or each link to it broken, would be a wrong deduction.
    kwargs.setdefault("verify", False)
    return httpx.AsyncClient(headers=headers, timeout=timeout, follow_redirects=True, trust_env=False,
                             event_hooks=hooks, max_redirects=10, **kwargs)


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
