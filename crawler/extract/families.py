"""One list page (or list-API answer) of any CMS family: its entries, the further pages to fetch and
whether the page needs a browser. Pure: the spider turns `Follow`s into requests.

Order of recognition: Hanweb jpage (records in a text/xml script), a TRS platform's JSON list API,
then plain HTML lists paged by createPageHTML (TRS), the VSB pager, or a 下一页 link.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from core.urls import resolve
from crawler.extract import hanweb, trs_api
from crawler.extract.listing import extract_entries, parse_html, says_empty
from crawler.extract.pagers import next_link, trs_pages, trs_total
from crawler.extract.vsb import vsb_pages, vsb_total
from crawler.items import ListEntry

MAX_PAGES = 200  # list pages per column unless the caller says otherwise (ZWGK_MAX_LIST_PAGES)


@dataclass(frozen=True)
class Follow:
    url: str
    page_no: int
    feed: str = "html"  # html | jpage | api: how the answer is read
    form: dict[str, str] | None = None  # POST these fields
    state: dict[str, Any] = field(default_factory=dict)  # what reading the answer needs
    paged: bool = False  # one of a known set of pages: do not chase 下一页 from it


@dataclass(frozen=True)
class ListPage:
    entries: list[ListEntry]
    follow: list[Follow] = field(default_factory=list)
    needs_js: bool = False  # static HTML without items but with scripts: render it
    announced_items: int | None = None  # the total the site states (共N条, <totalrecord>, "total": N)
    announced_pages: int | None = None  # the page count it states (共N页, createPageHTML(N, …), "pages": N)
    announced: int | None = None  # set when the pager announced more pages than the cap: what it claimed


_ANNOUNCED_ITEMS = re.compile(r"共\s*(\d{1,6})\s*(?:条|篇|项|则)")
_ANNOUNCED_PAGES = re.compile(r"共\s*(\d{1,5})\s*页|第?\s*\d{1,5}\s*/\s*(\d{1,5})\s*页")


def announced(doc, scripts: str) -> tuple[int | None, int | None]:
    """What a list page says about its column's size: records and pages (either may be unknown)."""
    text = " ".join(doc.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]"))
    items = _ANNOUNCED_ITEMS.search(text)
    pages = _ANNOUNCED_PAGES.search(text)
    n_pages = int(pages.group(1) or pages.group(2)) if pages else None
    create = re.search(r"createPageHTML\s*\(([^)]*)\)", scripts)
    if create:
        numbers = [int(n) for n in re.findall(r"(?<![\w.])(\d+)(?![\w.])", create.group(1))]
        if numbers:
            n_pages = n_pages or max(numbers[0], 1)
            if items is None and len(numbers) >= 3:  # ('page_div', pages, current, 'index', 'shtml', records)
                return numbers[-1], n_pages
    vsb = doc.xpath("//*[contains(@class,'p_t')]/text()")
    for label in vsb:  # VSB: <span class="p_t">共150条</span><span class="p_t">1/8</span>
        match = re.fullmatch(r"\s*\d+\s*/\s*(\d+)\s*", label)
        if match:
            n_pages = int(match.group(1))
    return (int(items.group(1)) if items else None), n_pages


# frames that are no list: maps, players, weather and search boxes, share bars, files shown inline
_NOT_A_LIST_FRAME = re.compile(r"map|video|player|weather|search|login|share|\.(?:pdf|docx?|xlsx?|mp4|swf)(?:[?#]|$)",
                               re.I)


def list_frame(doc, url: str, encoding: str = "utf-8") -> str | None:
    """A frame of the same site that holds a column's list: older 信息公开 platforms show the list in an <iframe>
    (or <frame>) of the column page, which itself lists nothing. A browser shows the reader that list; Chromium's
    rendered page does not include a frame's content, so without this the column would be judged blank."""
    host = urlsplit(url).hostname
    for element in doc.iter("iframe", "frame"):
        src = (element.get("src") or "").strip()
        if not src or src.lower().startswith(("javascript:", "about:", "data:")):
            continue
        target = resolve(url, src, encoding).split("#")[0]
        if urlsplit(target).hostname == host and target != url and not _NOT_A_LIST_FRAME.search(target):
            return target
    return None


def analyse_list_page(text: str, url: str, page_no: int, *, rendered: bool = False,
                      paged: bool = False, requests: list[dict[str, str]] | None = None,
                      today: date | None = None, max_pages: int = MAX_PAGES, encoding: str = "utf-8") -> ListPage:
    """`requests`: the XHR/fetch requests the browser made while rendering this page (method, url, body);
    `today`: the capture date, against which relative dates (3天前, 昨天) are read; `max_pages` clamps
    every pager's total before any further page is listed; `encoding`: the page's, for its links' queries."""
    if not rendered and hanweb.is_jpage(text):
        return _jpage(text, url, page_no, max_pages, encoding)
    doc = parse_html(text)
    scripts = " ".join(doc.xpath("//script/text()"))
    has_scripts = bool(doc.xpath("//script[@src or normalize-space(text())]"))
    api = trs_api.find_list_api(scripts, url) if page_no == 1 and not rendered else None
    items_said, pages_said = announced(doc, scripts) if page_no == 1 else (None, None)
    entries = extract_entries(doc, url, today=today, encoding=encoding)
    if api is not None:
        # A list API named in the page's script. Page 1 static: the API from page 2; an empty shell
        # (the list is built by script): the API from its first page, without a browser.
        start = 2 if entries else 1
        first = [_api_follow(api, start, 1 if not entries else 0, max_pages)] if max_pages >= start else []
        return ListPage(entries, first, announced_items=items_said, announced_pages=pages_said)
    if not entries:
        frame = list_frame(doc, url, encoding) if page_no == 1 and not says_empty(doc) else None
        if frame:  # the list is the frame's page: read that as the column's first page
            return ListPage([], [Follow(frame, 1)], announced_items=items_said, announced_pages=pages_said)
        needs_js = not rendered and has_scripts and not says_empty(doc)
        return ListPage([], needs_js=needs_js, announced_items=items_said, announced_pages=pages_said)
    follow: list[Follow] = []
    capped = None
    if page_no == 1:
        pages = trs_pages(scripts, url, max_pages)
        later = pages[1:] if pages else vsb_pages(doc, url, max(max_pages - 1, 0))
        if later is not None:
            follow = [Follow(u, n, paged=True) for n, u in enumerate(later, start=2) if u != url]
            total = trs_total(scripts) if pages else vsb_total(doc, url)
            capped = total if total is not None and total > max_pages else None
    if not follow and not paged and trs_total(scripts) is None:
        nxt = next_link(doc, url, encoding)
        if nxt and nxt != url:
            follow = [Follow(nxt, page_no + 1)]
    if not follow and rendered and page_no == 1 and requests:
        # A pager drawn by script (javascript: links, buttons): page the list API the browser called.
        follow = _watched_api(requests, max_pages)
    return ListPage(entries, follow, announced_items=items_said, announced_pages=pages_said, announced=capped)


def _api_follow(api: trs_api.ListApi, page: int, offset: int, max_pages: int) -> Follow:
    """The API's page `page`, stored as list page `page + offset` (offset 1: the HTML shell is page 1)."""
    state = {"api": asdict(api), "first": True, "api_page": page, "offset": offset, "max_pages": max_pages}
    return Follow(api.page_url(page), page + offset, "api", form=api.page_form(page), state=state, paged=True)


def _watched_api(requests: list[dict[str, str]], max_pages: int) -> list[Follow]:
    for request in requests:
        api = trs_api.api_from_request(request["url"], request.get("method", "GET"), request.get("body"))
        if api is not None and max_pages >= 2:
            return [_api_follow(api, 2, 0, max_pages)]  # the rendered page showed the API's first page
    return []


def _jpage_announced(total: int | None, start: int, calls: int, max_pages: int, page_no: int) -> int | None:
    """Pages (dataproxy calls) the answer's total implies when that is more than the cap allows."""
    if total is None:
        return None
    wanted = page_no + -(-max(total - start + 1, 0) // hanweb.GROUP)
    return wanted if page_no + calls < wanted else None


def _jpage(text: str, url: str, page_no: int, max_pages: int = MAX_PAGES, encoding: str = "utf-8") -> ListPage:
    entries = hanweb.record_entries(text, url, encoding)
    config = hanweb.jpage_config(text)
    total = hanweb.total_records(text)
    if config is None or page_no != 1:
        return ListPage(entries, announced_items=total)
    if total is not None and total <= len(entries):
        return ListPage(entries, announced_items=total)
    # One group first: its answer tells the total and whether this deployment pages by record range
    # or by page number; the rest follows from it.
    calls = config.calls(url, len(entries) + 1, None, limit=max_pages - page_no)
    state = {"jpage": asdict(config), "more": True, "page_url": url, "max_pages": max_pages}
    return ListPage(entries, [Follow(call, page_no + 1, "jpage", form=config.form, state=state, paged=True)
                              for call in calls[:1]], announced_items=total)


def analyse_feed(text: str, url: str, feed: str, state: dict[str, Any], page_no: int) -> ListPage:
    """A dataproxy.jsp or list-API answer. The first answer tells the total and brings the rest, no
    more than `state["max_pages"]` pages in all."""
    max_pages = int(state.get("max_pages", MAX_PAGES))
    if feed == "jpage":
        entries = hanweb.record_entries(text, state.get("page_url", url))
        total, pages = hanweb.total_records(text), hanweb.total_pages(text)
        if not state.get("more") or total is None:
            return ListPage(entries, announced_items=total, announced_pages=pages)
        config = hanweb.JPage(**state["jpage"])
        query = _query(url)
        start, end = int(query.get("startrecord", 1)), int(query.get("endrecord", 0))
        later = {**state, "more": False}
        asked = end - start + 1
        if pages and pages > 1 and len(entries) < min(asked, total - start + 1):
            # Page mode: the answer is page 1 of `pages`, whatever range was asked.
            allowed = max(min(pages, max_pages - page_no + 1), 1)
            calls = config.page_calls(state["page_url"], range(2, allowed + 1))
            return ListPage(entries, [Follow(u, page_no + 1 + i, "jpage", state=later, paged=True)
                                      for i, u in enumerate(calls)], announced_items=total, announced_pages=pages,
                            announced=pages if allowed < pages else None)
        calls = config.calls(state["page_url"], end + 1, total, limit=max_pages - page_no) if end < total else []
        return ListPage(entries, [Follow(u, page_no + 1 + i, "jpage", form=config.form, state=later, paged=True)
                                  for i, u in enumerate(calls)], announced_items=total, announced_pages=pages,
                        announced=_jpage_announced(total, end + 1, len(calls), max_pages, page_no))
    if feed == "api":
        try:
            data = json.loads(text)
        except ValueError:
            return ListPage([])
        entries = trs_api.api_entries(data, url)
        total, pages = trs_api.api_total(data), trs_api.api_pages(data)
        if not state.get("first") or not entries:
            return ListPage(entries, announced_items=total, announced_pages=pages)
        api = trs_api.ListApi(**state["api"])
        if pages is None and total is not None:
            per = max(api.page_size, len(entries), 1)  # a server may give more than it was asked for
            pages = -(-total // per)
        if pages is None:
            return ListPage(entries, announced_items=total)
        later = {**state, "first": False}
        offset, current = state.get("offset", 0), state.get("api_page", page_no)
        last = min(pages, max_pages - offset)
        follow = [Follow(api.page_url(n), n + offset, "api", form=api.page_form(n), state=later, paged=True)
                  for n in range(current + 1, last + 1)]
        return ListPage(entries, follow, announced_items=total, announced_pages=pages,
                        announced=pages if last < pages else None)
    raise ValueError(f"unknown feed {feed!r}")


def _query(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))
