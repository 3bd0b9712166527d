"""The texts the content checks read: detail pages, attachments and (once per unit) the site chrome."""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from checks.base import AuditData, Item, Observation
from checks.memo import dumps, loads
from checks.text import PageText, decode_as_crawled, page_hrefs, page_text

CHROME_SUBJECT = "网站公共区域（页头、导航、页脚）"


@dataclass(frozen=True)
class TextSource:
    unit: str
    subject_key: str  # "page:URL", "attachment:URL" or "chrome:HASH"
    subject: str
    url: str | None
    snapshot_ids: tuple[int, ...]
    text: str
    publish_date: date | None
    observed_at: datetime | None
    kind: str  # page | attachment | chrome
    # hidden content and outbound links: (technique, text, href) — see checks.text.hidden_content
    hidden: tuple[tuple[str, str, str], ...] = ()

    @property
    def place(self) -> str:
        """How a finding's detail names where the text was: 页面, 附件, or nothing for site chrome."""
        return {"attachment": "附件", "page": "页面"}.get(self.kind, "")

    def observation(self, check: str, detail: str, evidence: dict[str, Any], key: str | None = None) -> Observation:
        """A text check's finding on this text: its unit, subject, URL and capture, the snapshots as evidence.
        `key` tells apart several findings on one text (the matched word, a link)."""
        subject_key = self.subject_key if key is None else f"{self.subject_key}#{key}"
        return Observation(check=check, unit=self.unit, subject_key=subject_key, subject=self.subject, url=self.url,
                           detail=detail, observed_at=self.observed_at,
                           evidence={"snapshots": list(self.snapshot_ids), **evidence})


# Parsed pages per AuditData: six content checks read the same pages. Bounded, because a city's night is
# hundreds of thousands of pages; past the bound a page is parsed again (slower, never wrong). The checks
# read the pages in scans, one after another, so a full cache keeps what it holds: evicting the oldest
# (LRU) made every scan over more pages than the bound miss on every page (a 30,000-document check took
# ten times as long as a 10,000-document one).
_PAGES: dict[int, OrderedDict[int, PageText | None]] = {}
PAGE_CACHE_SIZE = 20_000
_DERIVED: dict[tuple[int, str], Any] = {}


def derived(data: AuditData, name: str, compute: Callable[[], Any]) -> Any:
    """`compute()` once per AuditData: what several checks derive from the same pages (e.g. which
    documents are policies needing an interpretation) is one scan, not one per check."""
    key = (id(data), name)
    if key not in _DERIVED:
        _DERIVED[key] = compute()
        weakref.finalize(data, _DERIVED.pop, key, None)
    return _DERIVED[key]


def page(data: AuditData, snapshot_id: int | None) -> PageText | None:
    """The parsed page of a snapshot (snapshots never change, so caching by id is safe within one data)."""
    if snapshot_id is None:
        return None
    key = id(data)
    if key not in _PAGES:
        _PAGES[key] = OrderedDict()
        weakref.finalize(data, _PAGES.pop, key, None)
    cache = _PAGES[key]
    if snapshot_id in cache:
        cache.move_to_end(snapshot_id)
        return cache[snapshot_id]
    memo_key = data.page_keys.get(snapshot_id)
    stored = data.memo.get("page", memo_key) if memo_key else None
    parsed: PageText | None
    if stored is not None:  # parsed before from the same body, decoded the same way (checks.memo)
        parsed = page_from_json(loads(stored))
    else:
        html = page_html(data, snapshot_id)
        parsed = page_text(html) if html is not None else None
        if memo_key and parsed is not None:
            data.memo.put("page", memo_key, dumps(page_to_json(parsed)))
    if len(cache) < PAGE_CACHE_SIZE:
        cache[snapshot_id] = parsed
    return parsed


def page_html(data: AuditData, snapshot_id: int | None) -> str | None:
    """A snapshot's stored body, decoded as the crawl decoded it (None: no body)."""
    if snapshot_id is None or not (raw := data.body(snapshot_id)):
        return None
    return decode_as_crawled(raw, *data.encoding(snapshot_id))


def hrefs(data: AuditData, snapshot_id: int | None) -> tuple[str, ...]:
    """Every link target of a snapshot's page, chrome included (not kept in the memo: read for a few pages)."""
    html = page_html(data, snapshot_id)
    return page_hrefs(html) if html is not None else ()


def page_to_json(parsed: PageText) -> list:
    return [parsed.title, parsed.main, parsed.chrome, parsed.links, parsed.html_tables, parsed.has_video,
            parsed.narrative, parsed.hidden, parsed.rest]


def page_from_json(raw: list) -> PageText:
    title, main, chrome, links, tables, has_video, narrative, hidden, rest = raw
    return PageText(title, main, chrome, tuple(tuple(link) for link in links),
                    tuple(tuple(tuple(row) for row in table) for table in tables), has_video, narrative,
                    tuple(tuple(h) for h in hidden), rest)


def documents(data: AuditData) -> Iterator[tuple[str, Item, datetime | None]]:
    """Every listed item once per unit (an item may be listed in two columns): (unit, item, fetched_at)."""
    seen: set[tuple[str, str]] = set()
    for column in data.columns:
        for item in column.items:
            if (column.unit, item.url) in seen:
                continue
            seen.add((column.unit, item.url))
            yield column.unit, item, column.fetched_at


def text_sources(data: AuditData) -> Iterator[TextSource]:
    """Every text a text check reads (pages, chrome lines, attachments …), built once per AuditData: the
    three text checks scanned and parsed every page each (past the page cache's bound, three parses)."""
    return iter(derived(data, "text_sources", lambda: list(_text_sources(data))))


def _text_sources(data: AuditData) -> Iterator[TextSource]:
    # distinct chrome lines per unit, with the first snapshots that show them
    chrome: dict[str, dict[str, list[int]]] = {}

    def add_chrome(unit: str, text: str, snapshot_id: int) -> None:
        lines = chrome.setdefault(unit, {})
        for line in text.split("\n"):
            ids = lines.setdefault(line, [])
            if len(ids) < 3:
                ids.append(snapshot_id)

    # hidden content and outbound links of the site chrome, once per unit
    chrome_hidden: dict[str, dict[tuple[str, str, str], None]] = {}
    hidden_ids: dict[str, list[int]] = {}

    def add_hidden(unit: str, parsed: PageText, snapshot_id: int) -> None:
        found = chrome_hidden.setdefault(unit, {})
        for technique, text, href, where in parsed.hidden:
            if where == "chrome":
                if (technique, text, href) not in found and len(ids := hidden_ids.setdefault(unit, [])) < 5:
                    ids.append(snapshot_id)
                found[(technique, text, href)] = None

    for unit, item, fetched_at in documents(data):
        parsed = page(data, item.detail_snapshot_id)
        if parsed is None:
            continue
        assert item.detail_snapshot_id is not None
        yield TextSource(unit, f"page:{item.url}", item.title, item.url, (item.detail_snapshot_id,),
                         parsed.main, item.publish_date, fetched_at, "page",
                         tuple((t, x, h) for t, x, h, where in parsed.hidden if where == "main"))
        if parsed.chrome:
            add_chrome(unit, parsed.chrome, item.detail_snapshot_id)
        add_hidden(unit, parsed, item.detail_snapshot_id)
    for column in data.columns:
        parsed = page(data, column.list_snapshot_id)
        if parsed is not None and parsed.chrome and column.list_snapshot_id is not None:
            add_chrome(column.unit, parsed.chrome, column.list_snapshot_id)
        if parsed is not None and column.list_snapshot_id is not None:
            add_hidden(column.unit, parsed, column.list_snapshot_id)
    dates = {(u, i.url): i.publish_date for u, i, _ in documents(data)}
    for attachment in data.attachments:
        if attachment.text:
            yield TextSource(attachment.unit, f"attachment:{attachment.url}", attachment.name or attachment.url,
                             attachment.url, (attachment.snapshot_id,) if attachment.snapshot_id else (),
                             attachment.text, dates.get((attachment.unit, attachment.parent_url)), None,
                             "attachment")
    for unit in {**chrome, **{u: {} for u, h in chrome_hidden.items() if h}}:
        lines = chrome.get(unit, {})
        ids = sorted({i for found in lines.values() for i in found})[:5] or sorted(set(hidden_ids.get(unit, [])))
        yield TextSource(unit, "chrome:site", CHROME_SUBJECT, None, tuple(ids), "\n".join(lines), None, None,
                         "chrome", tuple(chrome_hidden.get(unit, {})))


class SourceScope(set):
    """Judged sources; also contains "<source key>#<anything>" for every judged source key.

    Text findings carry what was matched in their subject key ("page:URL#word") so that two words on one
    page are two findings; every such key of a source that was read tonight is judged afresh.
    """

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, tuple) or len(pair) != 2:
            return False
        unit, key = pair
        return super().__contains__((unit, str(key).split("#", 1)[0]))


def source_scope(data: AuditData) -> set[tuple[str, str]]:
    """Scope of the text checks: the pages, attachments and site chrome read on this data."""
    return SourceScope((s.unit, s.subject_key) for s in text_sources(data))
