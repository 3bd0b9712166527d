"""Egress (which URLs may be fetched at all: EgressMiddleware) and politeness without stalls: back off from a
struggling server without holding anything up.

On 429 and 5xx the answer's Retry-After (seconds or an HTTP date, capped), or else a doubling pause, puts
that server on hold — for the unit that asked, not for every unit on the same 集约化 platform. Nothing
sleeps: requests for a server on hold are parked outside Scrapy (no download slot, no place in the
concurrency budget) and handed back to the engine when the hold ends. Then one request goes first as a
probe; when it succeeds the rest follow, at a spacing that halves with every good answer. A server that
keeps failing (`ZWGK_BACKOFF_GIVE_UP` answers in a row) is given up for the night: its remaining pages
are recorded as `given_up`. robots.txt fetches never change any of this.

HTTP codes are retried here (through Scrapy's `get_retry_request`); network errors by Scrapy's own
RetryMiddleware (scrapy_settings sets RETRY_HTTP_CODES = []).
"""

from __future__ import annotations

import logging
import re
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.utils.httpobj import urlparse_cached

from crawler.egress import EgressIgnored, EgressPolicy, EgressRefused

log = logging.getLogger(__name__)

BACKOFF_HTTP_CODES = (429, 500, 502, 503, 504, 522, 524, 408)
_MAX_INTERVAL = 5.0  # the spacing kept after trouble never exceeds this, and halves with each good answer
_PROBE = "zwgk_backoff_probe"


class Parked(IgnoreRequest):
    """The request waits outside Scrapy until its server's hold ends; it is not a failure."""


class HostGivenUp(IgnoreRequest):
    """The server kept failing tonight; this request was not sent (recorded as FailureKind.GIVEN_UP)."""


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


def _is_robots(request: Request) -> bool:
    return urlparse_cached(request).path == "/robots.txt"


@dataclass
class Hold:
    """Back-off state of one server for one unit (unit slug, host:port)."""

    not_before: float = 0.0  # monotonic time before which nothing is sent
    interval: float = 0.0  # spacing between requests after trouble
    failures: int = 0  # failed answers in a row (stragglers of one pause count once)
    probe_until: float = 0.0  # a probe is out until this time (its answer, or a timeout, ends it)
    given_up: bool = False
    parked: deque[Request] = field(default_factory=deque)
    timer: Any = None
    paused_seconds: float = 0.0


class BackoffMiddleware:
    def __init__(self, crawler: Crawler):
        s = crawler.settings
        self.crawler = crawler
        self.max_retries = s.getint("RETRY_TIMES", 2)
        self.base = s.getfloat("ZWGK_BACKOFF_BASE", 2.0)
        self.cap = s.getfloat("ZWGK_RETRY_AFTER_MAX", 300.0)
        self.give_up = s.getint("ZWGK_BACKOFF_GIVE_UP", 6)
        self.probe_timeout = 2 * s.getfloat("DOWNLOAD_TIMEOUT", 180.0) + 5
        self.holds: dict[tuple[str, str], Hold] = {}
        crawler.signals.connect(self._idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffMiddleware:
        return cls(crawler)

    # --- the decisions ------------------------------------------------------------------------------
    @staticmethod
    def key(request: Request) -> tuple[str, str]:
        return request.meta.get("unit") or "", urlparse_cached(request).netloc

    def wait_for(self, response: Response, failures: int) -> float:
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        return min(asked if asked is not None else self.base * 2 ** failures, self.cap)

    def process_request(self, request: Request, spider: object = None) -> None:
        if _is_robots(request):
            request.meta["autothrottle_dont_adjust_delay"] = True
            return
        hold = self.holds.get(self.key(request))
        if hold is None:  # a server that never asked us to wait: nothing to decide
            return
        if hold.given_up:
            raise HostGivenUp(f"主机持续失败，本晚放弃：{urlparse_cached(request).netloc}")
        now = time.monotonic()
        if request.meta.get(_PROBE):  # a probe coming back through a redirect
            return
        if now < hold.not_before or now < hold.probe_until:
            self._park(hold, request)
        if hold.failures:
            request.meta[_PROBE] = True
            hold.probe_until = now + self.probe_timeout
            self._schedule(hold, hold.probe_until - now)
        elif hold.interval:
            hold.not_before = now + hold.interval

    def process_response(self, request: Request, response: Response, spider: object = None) -> Request | Response:
        key = self.key(request)
        hold = self.holds.get(key)
        if response.status in BACKOFF_HTTP_CODES and not request.meta.get("dont_retry") and not _is_robots(request):
            return self._trouble(key, request, response)
        if hold is not None and response.status < 500:
            was_probe = request.meta.pop(_PROBE, False)
            if was_probe or hold.failures:
                hold.failures = 0
                hold.probe_until = 0.0
            hold.interval = hold.interval / 2 if hold.interval > 0.05 else 0.0
            self._schedule(hold, max(0.0, min(hold.not_before - time.monotonic(), hold.interval)))
        return response

    def process_exception(self, request: Request, exception: Exception, spider: object = None) -> None:
        if isinstance(exception, IgnoreRequest):
            return
        hold = self.holds.get(self.key(request))
        if hold is not None and request.meta.pop(_PROBE, False):
            # the probe timed out or was refused: the next parked request probes; Scrapy retries this one
            hold.probe_until = 0.0
            hold.failures += 1
            hold.not_before = max(hold.not_before, time.monotonic() + min(self.base * 2 ** hold.failures, self.cap))
            self._check_give_up(hold, request)
            self._schedule(hold, hold.not_before - time.monotonic())

    def _trouble(self, key: tuple[str, str], request: Request, response: Response) -> Response:
        hold = self.holds.setdefault(key, Hold())
        now = time.monotonic()
        was_probe = request.meta.pop(_PROBE, False)
        if was_probe or hold.failures == 0:  # a request sent before this pause began is no new evidence
            hold.failures += 1
        if was_probe:
            hold.probe_until = 0.0
        wait = self.wait_for(response, hold.failures - 1)
        if now + wait > hold.not_before:
            hold.paused_seconds += now + wait - max(now, hold.not_before)
            hold.not_before = now + wait
        hold.interval = max(hold.interval, min(wait, _MAX_INTERVAL))
        self._stat("backoff/pauses")
        if self._check_give_up(hold, request):
            return response
        self._schedule(hold, hold.not_before - now)
        spider = self.crawler.spider
        assert spider is not None  # responses arrive only while the spider runs
        retry = get_retry_request(request, spider=spider, reason=f"HTTP {response.status}",
                                  max_retry_times=self.max_retries)
        if retry is None:
            return response  # retries used up: the answer is recorded as the failure it is
        self._park(hold, retry)
        return response  # not reached: _park raises

    def _check_give_up(self, hold: Hold, request: Request) -> bool:
        if hold.failures < self.give_up or hold.given_up:
            return hold.given_up
        hold.given_up = True
        self._stat("backoff/given_up")
        log.warning("主机持续失败，本晚放弃：%s（单位 %s，连续失败 %s 次）", urlparse_cached(request).netloc,
                    request.meta.get("unit"), hold.failures)
        self._release(hold, len(hold.parked))  # they come back and are refused (HostGivenUp)
        return True

    # --- parking --------------------------------------------------------------------------------------
    def _park(self, hold: Hold, request: Request) -> None:
        hold.parked.append(request if request.dont_filter else request.replace(dont_filter=True))
        self._stat("backoff/parked")
        if hold.timer is None:
            self._schedule(hold, max(0.0, max(hold.not_before, hold.probe_until) - time.monotonic()))
        raise Parked("等待服务器恢复")

    def _schedule(self, hold: Hold, delay: float) -> None:
        from twisted.internet import reactor as installed

        reactor: Any = installed  # the installed reactor; its module-level name is untyped for mypy
        if hold.timer is not None and hold.timer.active():
            if hold.timer.getTime() - reactor.seconds() <= delay:
                return
            hold.timer.cancel()
        hold.timer = reactor.callLater(max(0.0, delay), self._wake, hold)

    def _wake(self, hold: Hold) -> None:
        hold.timer = None
        now = time.monotonic()
        if not hold.parked:
            return
        if hold.given_up:
            self._release(hold, len(hold.parked))
        elif now < hold.not_before or now < hold.probe_until:
            self._schedule(hold, max(hold.not_before, hold.probe_until) - now)
        elif hold.failures or hold.interval:
            self._release(hold, 1)  # the probe, or the next request at the spacing
            if hold.parked and not hold.failures:
                self._schedule(hold, hold.interval)
        else:
            self._release(hold, len(hold.parked))

    def _release(self, hold: Hold, count: int) -> None:
        engine = self.crawler.engine
        for _ in range(min(count, len(hold.parked))):
            engine.crawl(hold.parked.popleft())

    def _idle(self) -> None:
        if any(hold.parked for hold in self.holds.values()):
            raise DontCloseSpider

    def _stat(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)


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


_REFRESH = re.compile("refresh", re.IGNORECASE)


class QuickMetaRefreshMiddleware(MetaRefreshMiddleware):
    """Scrapy's <meta http-equiv="refresh"> redirects, without parsing the head of the many pages that
    do not contain the word at all (Scrapy decodes and scans the first 4,096 characters of every HTML
    answer with several regular expressions: 5% of a static crawl's CPU)."""

    def process_response(self, request: Request, response: Response, spider: object = None) -> Request | Response:
        if isinstance(response, TextResponse) and not _REFRESH.search(response.text, 0, 4096):
            return response
        return super().process_response(request, response)


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
