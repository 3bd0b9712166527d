"""One list page (or list-API answer) of any CMS family: its entries, the further pages to fetch and
whether the page needs a browser. Pure: the spider turns `Follow`s into requests.

Order of recognition: Hanweb jpage (records in a text/xml script), a TRS platform's JSON list API,
then plain HTML lists paged by createPageHTML (TRS), the VSB pager, or a 下一页 link.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

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
    announced: int | None = None  # set when the pager announced more pages than the cap: what it claimed


def analyse_list_page(text: str, url: str, page_no: int, *, rendered: bool = False,
                      paged: bool = False, max_pages: int = MAX_PAGES) -> ListPage:
    """`max_pages` clamps every pager's total before any further page is listed."""
    if not rendered and hanweb.is_jpage(text):
        return _jpage(text, url, page_no, max_pages)
    doc = parse_html(text)
    scripts = " ".join(doc.xpath("//script/text()"))
    has_scripts = bool(doc.xpath("//script[@src or normalize-space(text())]"))
    api = trs_api.find_list_api(scripts, url) if page_no == 1 and not rendered else None
    entries = extract_entries(doc, url)
    if api is not None and entries:
        state = {"api": asdict(api), "first": True, "max_pages": max_pages}
        return ListPage(entries, [Follow(api.page_url(2), 2, "api", state=state)] if max_pages > 1 else [])
    if not entries:
        needs_js = not rendered and has_scripts and not says_empty(doc)
        return ListPage([], needs_js=needs_js)
    follow: list[Follow] = []
    announced = None
    if page_no == 1:
        pages = trs_pages(scripts, url, max_pages)
        later = pages[1:] if pages else vsb_pages(doc, url, max(max_pages - 1, 0))
        if later is not None:
            follow = [Follow(u, n, paged=True) for n, u in enumerate(later, start=2) if u != url]
            total = trs_total(scripts) if pages else vsb_total(doc, url)
            announced = total if total is not None and total > max_pages else None
    if not follow and not paged and trs_total(scripts) is None:
        nxt = next_link(doc, url)
        if nxt and nxt != url:
            follow = [Follow(nxt, page_no + 1)]
    return ListPage(entries, follow, announced=announced)


def _jpage_announced(total: int | None, start: int, calls: int, max_pages: int, page_no: int) -> int | None:
    """Pages (dataproxy calls) the answer's total implies when that is more than the cap allows."""
    if total is None:
        return None
    wanted = page_no + -(-max(total - start + 1, 0) // hanweb.GROUP)
    return wanted if page_no + calls < wanted else None


def _jpage(text: str, url: str, page_no: int, max_pages: int = MAX_PAGES) -> ListPage:
    entries = hanweb.record_entries(text, url)
    config = hanweb.jpage_config(text)
    if config is None or page_no != 1:
        return ListPage(entries)
    total = hanweb.total_records(text)
    if total is not None and total <= len(entries):
        return ListPage(entries)
    calls = config.calls(url, len(entries) + 1, total, limit=max_pages - page_no)
    state = {"jpage": asdict(config), "more": total is None, "page_url": url, "max_pages": max_pages}
    return ListPage(entries, [Follow(u, page_no + 1 + i, "jpage", form=config.form, state=state, paged=True)
                              for i, u in enumerate(calls)],
                    announced=_jpage_announced(total, len(entries) + 1, len(calls), max_pages, page_no))


def analyse_feed(text: str, url: str, feed: str, state: dict[str, Any], page_no: int) -> ListPage:
    """A dataproxy.jsp or list-API answer. The first answer tells the total and brings the rest, no
    more than `state["max_pages"]` pages in all."""
    max_pages = int(state.get("max_pages", MAX_PAGES))
    if feed == "jpage":
        entries = hanweb.record_entries(text, state.get("page_url", url))
        total = hanweb.total_records(text)
        if not state.get("more") or total is None:
            return ListPage(entries)
        config = hanweb.JPage(**state["jpage"])
        end = int(_query(url).get("endrecord", 0))
        calls = config.calls(state["page_url"], end + 1, total, limit=max_pages - page_no) if end < total else []
        later = {**state, "more": False}
        return ListPage(entries, [Follow(u, page_no + 1 + i, "jpage", form=config.form, state=later, paged=True)
                                  for i, u in enumerate(calls)],
                        announced=_jpage_announced(total, end + 1, len(calls), max_pages, page_no))
    if feed == "api":
        try:
            data = json.loads(text)
        except ValueError:
            return ListPage([])
        entries = trs_api.api_entries(data, url)
        total = trs_api.api_total(data)
        if not state.get("first") or total is None or not entries:
            return ListPage(entries)
        api = trs_api.ListApi(**state["api"])
        pages = -(-total // max(api.page_size, 1))
        later = {**state, "first": False}
        return ListPage(entries, [Follow(api.page_url(n), n, "api", state=later, paged=True)
                                  for n in range(page_no + 1, min(pages, max_pages) + 1)],
                        announced=pages if pages > max_pages else None)
    raise ValueError(f"unknown feed {feed!r}")


def _query(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))
