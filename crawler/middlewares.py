"""Egress (which URLs may be fetched at all) and politeness. Politeness: back off when a server says it is overloaded.

On 429 and 5xx the request waits — as long as the server's Retry-After asks (seconds or an HTTP date,
capped), otherwise a doubling pause — and is retried; the host's download delay is raised too, so the
rest of the night treats a struggling county server more gently. Scrapy's own RetryMiddleware keeps
retrying network errors; HTTP codes are left to this one (scrapy_settings sets RETRY_HTTP_CODES = []).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.http import Response

from crawler.egress import EgressIgnored, EgressPolicy, EgressRefused

BACKOFF_HTTP_CODES = (429, 500, 502, 503, 504, 522, 524, 408)
_MAX_HOST_DELAY = 5.0  # a host that asked us to wait keeps at most this delay for the rest of the night


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header; None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffMiddleware:
    def __init__(self, crawler: Crawler):
        s = crawler.settings
        self.crawler = crawler
        self.max_retries = s.getint("RETRY_TIMES", 2)
        self.base = s.getfloat("ZWGK_BACKOFF_BASE", 2.0)
        self.cap = s.getfloat("ZWGK_RETRY_AFTER_MAX", 300.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffMiddleware:
        return cls(crawler)

    def wait_for(self, response: Response, tries: int) -> float:
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        return min(asked if asked is not None else self.base * 2 ** tries, self.cap)

    def _slow_host(self, request: Request, wait: float) -> None:
        downloader = self.crawler.engine.downloader if self.crawler.engine else None
        if downloader is None:
            return
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None:
            slot.delay = max(slot.delay, min(wait, _MAX_HOST_DELAY))

    async def process_response(self, request: Request, response: Response, spider: object = None) -> Request | Response:
        if response.status not in BACKOFF_HTTP_CODES or request.meta.get("dont_retry"):
            return response
        tries = request.meta.get("backoff_times", 0)
        if tries >= self.max_retries:
            return response
        wait = self.wait_for(response, tries)
        self._slow_host(request, wait)
        await asyncio.sleep(wait)
        retry = request.replace(dont_filter=True)
        retry.meta["backoff_times"] = tries + 1
        return retry


class EgressMiddleware:
    """Refuses, before anything is sent (robots.txt included), every request the egress policy does not
    allow: runs first in the chain, and again for every redirect, since a redirect is a new request."""

    def __init__(self, policy: EgressPolicy):
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> EgressMiddleware:
        policy = EgressPolicy.from_entries(crawler.settings.getlist("ZWGK_EGRESS_ALLOW"))
        set_browser_policy(policy)
        return cls(policy)

    async def process_request(self, request: Request, spider: object = None) -> None:
        try:
            await self.policy.check(request.url)
        except EgressRefused as refused:
            raise EgressIgnored(refused.reason) from None


class LoopSafeRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirects, except that every hop passes the duplicate filter: a loop (a → b → a) then
    runs into REDIRECT_MAX_TIMES and is recorded as a failure, instead of vanishing in the filter."""

    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        out = super()._redirect(redirected, request, reason)
        out.dont_filter = True
        return out


_BROWSER_POLICY: list[EgressPolicy] = []


def set_browser_policy(policy: EgressPolicy) -> None:
    _BROWSER_POLICY[:] = [policy]


async def browser_abort(request: object) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: a rendered page's own sub-requests (scripts, frames, XHR) obey the policy."""
    if not _BROWSER_POLICY:
        return True
    try:
        await _BROWSER_POLICY[0].check(request.url)  # type: ignore[attr-defined]
    except EgressRefused:
        return True
    return False
