"""Requests that go through Chromium (scrapy-playwright): only lists that need JavaScript."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawler.connections import HonestKeepAliveFactory

SETTLE_MS = 10_000  # a page that keeps polling (statistics beacons, chat widgets) is read after this


async def settle(page: Any) -> None:
    """Wait until the page's scripts stop fetching, but never fail the request for a page that polls:
    whatever it has rendered by then is what a visitor sees."""
    from playwright.async_api import TimeoutError as PlaywrightTimeoutError

    try:
        await page.wait_for_load_state("networkidle", timeout=SETTLE_MS)
    except PlaywrightTimeoutError:
        pass


async def watch_requests(page: Any, request: Any) -> None:
    """Note every XHR and fetch the page makes in ``request.meta["xhr"]``: a list the browser filled by
    script often comes from a JSON API that can be paged directly, past a pager drawn by script."""
    seen: list[dict[str, str]] = request.meta.setdefault("xhr", [])

    def note(req: Any) -> None:
        if req.resource_type in ("xhr", "fetch"):
            seen.append({"method": req.method, "url": req.url, "body": req.post_data or ""})

    page.on("request", note)


def render_meta(url: str) -> dict[str, Any]:
    """Request meta that sends a request through Chromium, in a download slot of its own per host: a
    page that takes seconds to render and settle would otherwise hold one of the host's slots, and the
    static requests queued behind it (nearly all of them) would wait."""
    from scrapy_playwright.page import PageMethod

    host = urlsplit(url).hostname or ""
    return {"playwright": True, "playwright_page_methods": [PageMethod(settle)], "download_slot": f"{host}#render",
            "playwright_page_init_callback": watch_requests}


class BrowserOnDemandHandler(HTTP11DownloadHandler):
    """The http(s) download handler: Scrapy's own HTTP/1.1 client for every static request, and
    scrapy-playwright for the rendered ones, imported and started (its driver process, then Chromium)
    when the first of them comes. Most nights render nothing, and scrapy-playwright's handler would
    start its driver at the start of every crawl (about 0.35 CPU s, plus its import)."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self._pool._factory = HonestKeepAliveFactory  # no POST on a connection an HTTP/1.0 server is closing
        self.browser: Any = None  # scrapy_playwright's handler, once started
        self.starting = asyncio.Lock()

    async def download_request(self, request: Request) -> Response:
        if request.meta.get("playwright"):
            return await (await self._browser()).download_request(request)
        return await super().download_request(request)

    async def _browser(self) -> Any:
        async with self.starting:
            if self.browser is None:
                from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

                handler = ScrapyPlaywrightDownloadHandler.from_crawler(self.crawler)
                await handler._maybe_launch_in_thread()  # what it does on engine_started, long past now
                self.browser = handler
        return self.browser

    async def close(self) -> None:
        if self.browser is not None:
            await self.browser.close()
        await super().close()
