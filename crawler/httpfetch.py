"""The httpx client shared by the prober, the link checker and the feed collector: one configuration
(honest user agent, loopback-friendly, no proxies from the environment). Failures: crawler.failures."""

from __future__ import annotations

from typing import Any

import httpx


def client(user_agent: str, timeout: float, **kwargs: Any) -> httpx.AsyncClient:
    # the user agent names us in Chinese; Scrapy sends it as UTF-8 bytes, and so do we
    headers = {b"User-Agent": user_agent.encode("utf-8")}
    return httpx.AsyncClient(headers=headers, timeout=timeout, follow_redirects=True, trust_env=False, **kwargs)
