"""PortalSpider: each unit's home page, every list page of its columns, and the detail pages listed.

It only fetches and extracts; `crawler.pipelines.StoragePipeline` stores what it yields.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response, TextResponse
from twisted.internet import error as tx_error
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseNeverReceived

from crawler.extract.detail import extract_detail
from crawler.extract.links import page_links
from crawler.extract.listing import extract_entries, parse_html
from crawler.extract.pagers import next_link, trs_pages
from crawler.incremental import conditional_headers, load_validators
from crawler.items import Snapshot
from crawler.plan import CrawlPlan

_BLOCK_MARKS = ("访问被拒绝", "安全狗", "waf", "云防护", "访问受限", "非法请求", "请求已被拦截")


def failure_kind(failure: Failure) -> str:
    """The small taxonomy stored on snapshots (STYLE 6)."""
    if failure.check(IgnoreRequest):
        return "robots" if "robots" in str(failure.value).lower() else "ignored"
    # Scrapy 2.19 wraps Twisted's errors in its own; older paths still raise Twisted's.
    if failure.check(CannotResolveHostError, tx_error.DNSLookupError):
        return "dns"
    if failure.check(DownloadTimeoutError, tx_error.TimeoutError, tx_error.TCPTimedOutError):
        return "timeout"
    if failure.check(DownloadConnectionRefusedError, tx_error.ConnectionRefusedError):
        return "refused"
    if failure.check(DownloadFailedError, ResponseDataLossError, tx_error.ConnectError, tx_error.ConnectionLost,
                     ResponseNeverReceived):
        return "connection"
    return "other"


def response_kind(response: Response) -> str | None:
    """None for a usable page; otherwise why not."""
    if response.status == 304:  # not modified: the body stored last time is still the page
        return None
    if response.status in (401, 403, 418, 429) or (
        response.status >= 400 and any(m in response.text.lower() for m in _BLOCK_MARKS)
        if isinstance(response, TextResponse) else False
    ):
        return "blocked"
    if response.status >= 400:
        return "status"
    if not response.body.strip():
        return "empty"
    return None


class PortalSpider(scrapy.Spider):
    name = "portal"
    custom_settings = {"HTTPERROR_ALLOW_ALL": True}

    def __init__(self, plan: str, max_list_pages: int = 200, **kwargs: Any):
        super().__init__(**kwargs)
        self.plan = CrawlPlan.load(plan)
        self.max_list_pages = int(max_list_pages)
        self.validators = load_validators(plan)

    def _request(self, url: str, callback: Any, unit: Any, **meta: Any) -> scrapy.Request:
        meta["unit"] = unit.slug
        if unit.obey_robots is False:
            meta["dont_obey_robotstxt"] = True
        return scrapy.Request(url, callback=callback, errback=self.failed, meta=meta, dont_filter=meta.get("kind") != "detail")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for unit in self.plan.units:
            yield self._request(unit.portal, self.parse_home, unit, kind="home")
            for column in unit.columns:
                yield self._request(column.url, self.parse_list, unit, kind="list", column_id=column.id,
                                    page_no=1, js=column.js)

    # --- snapshots ---------------------------------------------------------------------------
    def snapshot(self, response: Response, **extra: Any) -> Snapshot:
        meta = response.meta
        headers = {k.decode("latin-1"): [v.decode("latin-1") for v in vs] for k, vs in response.headers.items()}
        redirects = meta.get("redirect_urls") or []
        return Snapshot(
            kind=meta["kind"],
            url=redirects[0] if redirects else response.url,
            final_url=response.url,
            unit=meta["unit"],
            fetched_at=datetime.now(UTC),
            status=response.status,
            headers=headers,
            body=response.body,
            encoding=response.encoding if isinstance(response, TextResponse) else None,
            error_kind=response_kind(response),
            error_detail=None if response.status < 400 else f"HTTP {response.status}",
            elapsed_ms=int(meta["download_latency"] * 1000) if "download_latency" in meta else None,
            column_id=meta.get("column_id"),
            page_no=meta.get("page_no"),
            rendered=bool(meta.get("playwright")),
            **extra,
        )

    def failed(self, failure: Failure) -> Iterator[Snapshot]:
        request = failure.request  # type: ignore[attr-defined]
        meta = request.meta
        yield Snapshot(
            kind=meta["kind"],
            url=request.url,
            unit=meta["unit"],
            fetched_at=datetime.now(UTC),
            error_kind=failure_kind(failure),
            error_detail=f"{failure.type.__name__}: {failure.getErrorMessage()}"[:500],
            column_id=meta.get("column_id"),
            page_no=meta.get("page_no"),
        )

    # --- callbacks ---------------------------------------------------------------------------
    def parse_home(self, response: Response) -> Iterator[Snapshot]:
        links = page_links(parse_html(response.text), response.url) if isinstance(response, TextResponse) else ()
        yield self.snapshot(response, links=links if not response_kind(response) else ())

    def parse_list(self, response: Response) -> Iterator[Snapshot | scrapy.Request]:
        if not isinstance(response, TextResponse) or response_kind(response):
            yield self.snapshot(response)
            return
        doc = parse_html(response.text)
        scripts = " ".join(doc.xpath("//script/text()"))
        entries = extract_entries(doc, response.url)
        yield self.snapshot(response, entries=tuple(entries))
        meta = response.meta
        page_no = meta["page_no"]
        for entry in entries:
            yield scrapy.Request(entry.url, callback=self.parse_detail, errback=self.failed,
                                 headers=conditional_headers(self.validators.get(entry.url)),
                                 meta={"kind": "detail", "unit": meta["unit"], "column_id": meta["column_id"],
                                       **({"dont_obey_robotstxt": True} if meta.get("dont_obey_robotstxt") else {})})
        if page_no == 1:
            pages = trs_pages(scripts, response.url)
            following = pages[1:] if pages else []
            if not pages:
                nxt = next_link(doc, response.url)
                following = [nxt] if nxt and nxt != response.url else []
            for n, url in enumerate(following[: self.max_list_pages - 1], start=2):
                yield self._list_page(response, url, n)
        elif page_no < self.max_list_pages and not trs_pages(scripts, response.url):
            nxt = next_link(doc, response.url)
            if nxt and nxt != response.url:
                yield self._list_page(response, nxt, page_no + 1)

    def _list_page(self, response: Response, url: str, page_no: int) -> scrapy.Request:
        meta = {k: response.meta[k] for k in ("kind", "unit", "column_id") if k in response.meta}
        if response.meta.get("dont_obey_robotstxt"):
            meta["dont_obey_robotstxt"] = True
        return scrapy.Request(url, callback=self.parse_list, errback=self.failed, meta={**meta, "page_no": page_no})

    def parse_detail(self, response: Response) -> Iterator[Snapshot | scrapy.Request]:
        if response.status == 304:
            yield self.snapshot(response, known_hash=self.validators.get(response.url, {}).get("sha256"))
            return
        if not isinstance(response, TextResponse) or response_kind(response):
            yield self.snapshot(response)
            return
        doc = parse_html(response.text)
        links = page_links(doc, response.url)
        yield self.snapshot(response, detail=extract_detail(doc), links=links)
        yield from self.attachment_requests(response, links)

    # --- attachments (text extracted after the crawl: crawler.attachment_texts) -------------------
    def attachment_requests(self, response: Response, links: Any) -> Iterator[scrapy.Request]:
        meta = response.meta
        for link in links:
            if not link.attachment:
                continue
            yield scrapy.Request(
                link.url, callback=self.parse_attachment, errback=self.failed,
                headers=conditional_headers(self.validators.get(link.url)),
                meta={"kind": "attachment", "unit": meta["unit"], "column_id": meta.get("column_id"),
                      **({"dont_obey_robotstxt": True} if meta.get("dont_obey_robotstxt") else {})})

    def parse_attachment(self, response: Response) -> Iterator[Snapshot]:
        known = self.validators.get(response.url, {}).get("sha256") if response.status == 304 else None
        yield self.snapshot(response, known_hash=known)
