"""PortalSpider: each unit's home page, every list page of its columns, and the detail pages listed.

It only fetches and extracts; `crawler.pipelines.StoragePipeline` stores what it yields.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Iterable, Iterator, Sequence
from dataclasses import asdict, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode
from zoneinfo import ZoneInfo

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure
from w3lib.url import add_or_replace_parameters

from core.vocab import FailureKind
from crawler import failures
from crawler.extract.detail import extract_detail
from crawler.extract.discovery import FoundColumn, discover_columns
from crawler.extract.families import ListPage, analyse_feed, analyse_list_page
from crawler.extract.links import page_links
from crawler.extract.listing import parse_html
from crawler.incremental import (
    LISTED_FILE,
    PAGED_FILE,
    RESTED_FILE,
    VALIDATORS_FILE,
    conditional_headers,
    load_beside,
)
from crawler.items import CapHit, Capture, Carried, DiscoveredColumn, Unchanged
from crawler.middlewares import Parked
from crawler.plan import CrawlPlan
from crawler.rendering import render_meta
from crawler.signals import request_handled
from storage.blobs import sha256

_CHINA = ZoneInfo("Asia/Shanghai")  # relative list dates (3天前) count from the capture day there
_MAX_TREE_DEPTH = 3  # disclosure page › group page › group page: deeper trees are not seen in practice
_FORM = {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}


def response_kind(response: Response) -> FailureKind | None:
    """None for a usable page; otherwise why not (crawler.failures.from_page). The text is read for error
    pages and small 200 pages (a WAF challenge), the Location of a redirect Scrapy did not follow."""
    small = response.status == 200 and len(response.body) <= 8192
    text = response.text if isinstance(response, TextResponse) and (response.status >= 400 or small) else ""
    location = response.headers.get("Location") if 300 <= response.status < 400 else None
    # the address asked for: before Scrapy's redirects, or the browser's
    asked = (response.meta.get("redirect_urls") or [response.request.url])[0] if response.request is not None else None
    head = response.text[:4096] if isinstance(response, TextResponse) and response.status == 200 else ""
    return failures.from_page(response.status, response.body, text, location.decode("latin-1") if location else None,
                              asked=asked, final=response.url, head=head)


def _inherited(meta: dict[str, Any]) -> dict[str, Any]:
    """What a page's follow-up requests (detail pages, further list pages, attachments) carry over."""
    return {k: meta[k] for k in ("kind", "unit", "column_id", "column_url", "dont_obey_robotstxt")
            if meta.get(k) is not None}


class PortalSpider(scrapy.Spider):
    name = "portal"
    custom_settings = {"HTTPERROR_ALLOW_ALL": True}

    def __init__(self, plan: str, max_list_pages: int = 200, max_unit_pages: int = 20000, **kwargs: Any):
        super().__init__(**kwargs)
        self.plan = CrawlPlan.load(plan)
        self.max_list_pages = int(max_list_pages)
        self.max_unit_pages = int(max_unit_pages)
        self.unit_requests: dict[str, int] = {}  # requests made per unit (the per-unit page cap)
        self.capped: set[tuple[str, str, str]] = set()  # (unit, kind, column) already reported
        self.units = {unit.slug: unit for unit in self.plan.units}
        self.known_columns: dict[str, set[str]] = {}  # unit -> column URLs planned or discovered so far
        self.validators = load_beside(plan, VALIDATORS_FILE)
        self.listed = load_beside(plan, LISTED_FILE)  # entries whose detail page needs no request tonight
        self.paged = load_beside(plan, PAGED_FILE)  # columns whose later list pages need no request if page 1 is unchanged
        self.rested = load_beside(plan, RESTED_FILE)  # columns not looked at tonight: far from every deadline

    def _request(self, url: str, callback: Any, unit: Any, **meta: Any) -> scrapy.Request:
        meta["unit"] = unit.slug
        if unit.obey_robots is False:
            meta["dont_obey_robotstxt"] = True
        if meta.get("js"):
            meta.update(render_meta(url))
        return scrapy.Request(url, callback=callback, errback=self.failed, meta=meta, dont_filter=meta.get("kind") != "detail")

    async def start(self) -> AsyncIterator[scrapy.Request | Carried | Unchanged]:
        for unit in self.plan.units:
            yield self._request(unit.portal, self.parse_home, unit, kind="home")
            for column in unit.columns:
                if str(column.id) in self.rested:
                    for out in self._rest(unit, column.id, self.rested[str(column.id)]):
                        yield out
                    continue
                yield self._request(column.url, self.parse_list, unit, kind="list", column_id=column.id,
                                    page_no=1, js=column.js)
            if unit.disclosure:
                yield self._request(unit.disclosure, self.parse_disclosure, unit, kind="disclosure")

    # --- snapshots ---------------------------------------------------------------------------
    def snapshot(self, response: Response, **extra: Any) -> Capture:
        meta = response.meta
        headers = {k.decode("latin-1"): [v.decode("latin-1") for v in vs] for k, vs in response.headers.items()}
        redirects = meta.get("redirect_urls") or []
        url = redirects[0] if redirects else response.url
        request = response.request
        if meta.get("feed") == "api" and request is not None and request.method == "POST" and request.body:
            url = f"{url}#{request.body.decode('utf-8', 'replace')}"  # each posted page is its own evidence
        fields: dict[str, Any] = dict(
            kind=meta["kind"],
            url=url,
            final_url=response.url,
            unit=meta["unit"],
            fetched_at=datetime.now(UTC),
            status=response.status,
            headers=headers,
            body=response.body,
            encoding=response.encoding if isinstance(response, TextResponse) else None,
            error_kind=extra.pop("error_kind") if "error_kind" in extra else response_kind(response),
            error_detail=None if response.status < 400 else f"HTTP {response.status}",
            elapsed_ms=int(meta["download_latency"] * 1000) if "download_latency" in meta else None,
            column_id=meta.get("column_id"),
            page_no=meta.get("page_no"),
            rendered=bool(meta.get("playwright")),
            column_url=meta.get("column_url"),
        )
        sent = response.request
        if sent is not None:
            fields.update(
                request_method=sent.method,
                request_headers={k.decode("latin-1"): [v.decode("latin-1") for v in vs]
                                 for k, vs in sent.headers.items()},
                request_body=sent.body or None,
                wire_body=meta.get("wire_body"), wire_headers=meta.get("wire_headers"))
        if response.status == 304:  # not modified: the snapshot points at the body stored last time
            fields["known_hash"] = self.validators.get(fields["url"], {}).get("sha256")
        return Capture(**{**fields, **extra})

    @staticmethod
    def _request_of(response: Response) -> scrapy.Request:
        assert response.request is not None  # every response the engine hands a callback has its request
        return response.request

    def failed(self, failure: Failure) -> Iterator[Capture]:
        if failure.check(Parked):  # waiting for its server to recover; it comes back later
            return
        request = failure.request  # type: ignore[attr-defined]
        meta = request.meta
        redirects = meta.get("redirect_urls") or []  # a redirect that failed (or was refused) is the first URL's
        yield Capture(
            kind=meta["kind"],
            url=redirects[0] if redirects else request.url,
            final_url=request.url,
            unit=meta["unit"],
            fetched_at=datetime.now(UTC),
            error_kind=failures.from_exception(failure.value),
            error_detail=f"{failure.type.__name__}: {failure.getErrorMessage()}"[:500],
            column_id=meta.get("column_id"),
            page_no=meta.get("page_no"),
            column_url=meta.get("column_url"),
        )
        if "zwgk_held" in meta:  # a shared night: the request is done once this capture is committed
            self.crawler.signals.send_catch_log(request_handled, request=request)

    # --- callbacks ---------------------------------------------------------------------------
    def parse_home(self, response: Response) -> Iterator[Capture]:
        links = page_links(parse_html(response.text), response.url, response.encoding) \
            if isinstance(response, TextResponse) else ()
        yield self.snapshot(response, links=links if not response_kind(response) else ())

    def parse_disclosure(self, response: Response) -> Iterator[Capture | scrapy.Request]:
        """Columns found on the disclosure page that the plan does not have yet; their lists are
        crawled in this run, keyed by URL until the pipeline has made them Column rows."""
        yield self.snapshot(response)
        if not isinstance(response, TextResponse) or response_kind(response):
            return
        found = discover_columns(parse_html(response.text), response.url, response.encoding)
        yield from self._discovered(response, found)

    def _discovered(self, response: Response, found: list[FoundColumn]) -> Iterator[scrapy.Request]:
        unit = self.units[response.meta["unit"]]
        known = self.known_columns.setdefault(unit.slug, {c.url for c in unit.columns})
        depth = response.meta.get("depth_in_tree", 0) + 1
        for column in found:
            if column.url in known:
                continue  # the registry (or an earlier run) has it: its entry wins
            known.add(column.url)
            yield self._request(column.url, self.parse_list, unit, kind="list", column_url=column.url, page_no=1,
                                discovered=asdict(column), found_on=response.url, depth_in_tree=depth)

    def parse_list(
        self, response: Response,
    ) -> Iterator[Capture | CapHit | Carried | DiscoveredColumn | Unchanged | scrapy.Request]:
        kind = response_kind(response)
        if not isinstance(response, TextResponse) or kind:
            yield self.snapshot(response, error_kind=kind)
            return
        meta = response.meta
        rendered = bool(meta.get("playwright"))
        page = analyse_list_page(response.text, response.url, meta["page_no"], rendered=rendered,
                                 paged=bool(meta.get("paged")), requests=meta.get("xhr"),
                                 today=datetime.now(_CHINA).date(), max_pages=self.max_list_pages,
                                 encoding=response.encoding)
        if page.needs_js:
            # Static HTML with scripts and no items: the list is built in the browser. The rendered
            # page is the evidence; later pages of the column are rendered too.
            # download_*: Scrapy's own, per download; xhr: what the last rendering watched
            fresh = {k: v for k, v in meta.items() if not k.startswith("download_") and k != "xhr"}
            request = self._request_of(response)
            yield request.replace(meta={**fresh, "js": True, **render_meta(request.url)}, dont_filter=True)
            return
        if found := meta.get("discovered"):
            if not page.entries and meta["depth_in_tree"] < _MAX_TREE_DEPTH:
                subs = discover_columns(parse_html(response.text), response.url, response.encoding)
                subs = [c if c.category != "other" else replace(c, category=found["category"]) for c in subs]
                if subs:  # a page of sub-columns (栏目组), not a column: nothing to judge on it
                    yield self.snapshot(response, kind="disclosure", column_url=None, page_no=None)
                    yield from self._discovered(response, [replace(c, parent=found["name"]) for c in subs])
                    return
            yield DiscoveredColumn(meta["unit"], found["url"], found["name"], found["category"], found["parent"],
                                   meta["found_on"])
        yield from self._list_output(response, page)

    def parse_feed(self, response: Response) -> Iterator[Capture | CapHit | Carried | Unchanged | scrapy.Request]:
        """A Hanweb dataproxy.jsp or list-API answer: more entries of the column."""
        if not isinstance(response, TextResponse) or response_kind(response):
            yield self.snapshot(response)
            request = self._request_of(response)
            if request.method == "POST" and response.status in (403, 404, 405, 500, 501):
                # Some deployments (or the WAF before them) refuse the form POST; the JSP reads the same
                # parameters from the query string.
                form = dict(parse_qsl(request.body.decode("utf-8")))
                url = add_or_replace_parameters(request.url, form)
                yield request.replace(url=url, method="GET", body=b"", headers={})
            return
        meta = response.meta
        page = analyse_feed(response.text, response.url, meta["feed"], meta["feed_state"], meta["page_no"])
        yield from self._list_output(response, page)

    # --- caps ------------------------------------------------------------------------------------
    def _cap(self, response: Response, kind: str, limit: int, announced: int | None = None) -> Iterator[CapHit]:
        meta = response.meta
        column = str(meta.get("column_id") or meta.get("column_url") or "")
        if (meta["unit"], kind, column) not in self.capped:
            self.capped.add((meta["unit"], kind, column))
            yield CapHit(meta["unit"], kind, limit, response.url, meta.get("column_id"), meta.get("column_url"),
                         announced)

    def _spend(self, unit: str) -> bool:
        """One more request for this unit, unless its page cap is spent."""
        used = self.unit_requests.get(unit, 0)
        if used >= self.max_unit_pages:
            return False
        self.unit_requests[unit] = used + 1
        return True

    def _rest(self, unit: Any, column_id: int, info: dict[str, Any]) -> Iterator[Carried | Unchanged | scrapy.Request]:
        """A column not looked at tonight (crawler.incremental.resting_columns): everything the night that
        last looked at it listed counts as listed tonight, and its detail pages go through the same rotation
        as if they had been listed."""
        yield Carried(unit.slug, column_id, info["run"], info["pages"], tuple(url for url, _, _ in info["entries"]),
                      rested=True)
        meta: dict[str, Any] = {"kind": "detail", "unit": unit.slug, "column_id": column_id}
        if unit.obey_robots is False:
            meta["dont_obey_robotstxt"] = True
        yield from self._detail_requests(unit.slug, info["entries"], meta)

    def _detail_requests(self, unit: str, entries: Iterable[Sequence[Any]],
                         meta: dict[str, Any]) -> Generator[Unchanged | scrapy.Request, None, bool]:
        """A detail request for each listed entry, except those a previous night read under the same title
        and date (crawler.incremental); False when the unit's page budget ran out."""
        for url, title, date_text in entries:
            if [title, date_text] in self.listed.get(url, ()):
                yield Unchanged(unit, url)
                continue
            if not self._spend(unit):
                return False
            yield scrapy.Request(url, callback=self.parse_detail, errback=self.failed,
                                 headers=conditional_headers(self.validators.get(url)), meta=dict(meta))
        return True

    def _carried(self, response: Response, page: ListPage) -> dict[str, Any] | None:
        """What an earlier night listed on this column's later pages, when this first page is as that
        night saw it (the same body, or the same entries and announced totals): then they are not paged."""
        meta = response.meta
        info = self.paged.get(str(meta.get("column_id"))) if meta.get("page_no") == 1 else None
        if info is None:
            return None
        if sha256(response.body) == info["hash"]:
            return info
        same = ({(e.url, e.title, e.date_text) for e in page.entries} == {tuple(x) for x in info["first"]}
                and [page.announced_items, page.announced_pages] == info["announced"])
        return info if same else None

    def _list_output(self, response: Response,
                     page: ListPage) -> Iterator[Capture | CapHit | Carried | Unchanged | scrapy.Request]:
        meta = response.meta
        yield self.snapshot(response, entries=tuple(page.entries), announced_items=page.announced_items,
                            announced_pages=page.announced_pages, error_kind=None)  # callers checked it
        if page.announced is not None:
            yield from self._cap(response, "list_pages", self.max_list_pages, page.announced)
        inherit = _inherited(meta)
        entries = [(e.url, e.title, e.date_text) for e in page.entries]
        carried = self._carried(response, page)
        if carried is not None:
            yield Carried(meta["unit"], meta["column_id"], carried["run"], carried["pages"],
                          tuple(url for url, _, _ in carried["entries"]))
            entries += [(url, title, date_text) for url, title, date_text in carried["entries"]]
        if not (yield from self._detail_requests(meta["unit"], entries, {**inherit, "kind": "detail"})):
            yield from self._cap(response, "unit_pages", self.max_unit_pages)
            return
        for follow in () if carried is not None else page.follow:
            if follow.page_no > self.max_list_pages:  # a 下一页 chain (endless pagination, a calendar trap)
                yield from self._cap(response, "list_pages", self.max_list_pages)
                break
            if not self._spend(meta["unit"]):
                yield from self._cap(response, "unit_pages", self.max_unit_pages)
                return
            follow_meta = {**inherit, "page_no": follow.page_no, "paged": follow.paged}
            if follow.feed != "html":
                follow_meta.update(feed=follow.feed, feed_state=follow.state)
                method, body = ("POST", urlencode(follow.form)) if follow.form is not None else ("GET", None)
                yield scrapy.Request(follow.url, method=method, body=body, callback=self.parse_feed,
                                     errback=self.failed, meta=follow_meta, headers=_FORM if body else None)
            else:
                if meta.get("js"):
                    follow_meta.update(js=True, **render_meta(follow.url))
                yield scrapy.Request(follow.url, callback=self.parse_list, errback=self.failed, meta=follow_meta)

    def parse_detail(self, response: Response) -> Iterator[Capture | CapHit | scrapy.Request]:
        kind = response_kind(response)
        if response.status == 304 or not isinstance(response, TextResponse) or kind:
            yield self.snapshot(response, error_kind=kind)
            return
        doc = parse_html(response.text)
        links = page_links(doc, response.url, response.encoding)
        yield self.snapshot(response, detail=extract_detail(doc, response.url), links=links, error_kind=None)
        yield from self.attachment_requests(response, links)

    # --- attachments (text extracted after the crawl: crawler.attachment_texts) -------------------
    def attachment_requests(self, response: Response, links: Any) -> Iterator[scrapy.Request | CapHit]:
        inherit = _inherited(response.meta)
        for link in links:
            if link.attachment and not self._spend(response.meta["unit"]):
                yield from self._cap(response, "unit_pages", self.max_unit_pages)
                return
            if link.attachment:
                yield scrapy.Request(link.url, callback=self.parse_attachment, errback=self.failed,
                                     headers=conditional_headers(self.validators.get(link.url)),
                                     meta={**inherit, "kind": "attachment"})

    def parse_attachment(self, response: Response) -> Iterator[Capture]:
        yield self.snapshot(response)
