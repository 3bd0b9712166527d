"""What spiders yield: frozen dataclasses, one Capture per fetched (or failed) URL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class ListEntry:
    title: str
    url: str
    publish_date: date | None
    date_text: str | None


@dataclass(frozen=True)
class DetailFields:
    title: str | None
    publish_date: date | None
    date_source: str | None  # meta | label | text
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PageLinkItem:
    url: str
    text: str
    attachment: bool


@dataclass(frozen=True)
class Capture:
    """One fetch of one URL: the raw response (or why there is none) plus what was extracted."""

    kind: str  # home | list | detail | attachment
    url: str
    unit: str
    fetched_at: datetime
    final_url: str | None = None
    status: int | None = None
    headers: dict[str, list[str]] = field(default_factory=dict)
    body: bytes = b""
    encoding: str | None = None
    error_kind: str | None = None  # dns | refused | timeout | connection | status | blocked | robots | other
    error_detail: str | None = None
    elapsed_ms: int | None = None
    column_id: int | None = None
    page_no: int | None = None
    rendered: bool = False
    entries: tuple[ListEntry, ...] = ()
    detail: DetailFields | None = None
    column_url: str | None = None  # a column discovered in this run has no id yet: the pipeline resolves it
    links: tuple[PageLinkItem, ...] = ()
    known_hash: str | None = None  # a 304 Not Modified: the body is the one stored under this hash
    announced_items: int | None = None  # list pages: the column's size as the site states it
    announced_pages: int | None = None
    # the request as sent and the body as it came off the wire (before gzip/deflate/br was undone;
    # None when it came uncompressed): what the night's WARC file keeps
    request_method: str = "GET"
    request_headers: dict[str, list[str]] = field(default_factory=dict)
    request_body: bytes | None = None
    wire_body: bytes | None = None
    wire_headers: dict[str, list[str]] | None = None  # the response headers before decoding (Content-Encoding)


@dataclass(frozen=True)
class DiscoveredColumn:
    """A column found on a unit's disclosure page; the pipeline makes it a Column (source='discovered')
    unless the registry already has that URL."""

    unit: str
    url: str
    name: str
    category: str
    parent: str | None = None
    found_on: str | None = None


@dataclass(frozen=True)
class CapHit:
    """A cap that cut the crawl: the coverage report and the run's summary name it with the column."""

    unit: str
    kind: str  # list_pages (per column) | unit_pages (per unit)
    limit: int
    url: str  # the page where it was hit
    column_id: int | None = None
    column_url: str | None = None
    announced: int | None = None  # pages the pager claimed, when it said


@dataclass(frozen=True)
class Unchanged:
    """A list entry whose title and date are as a previous night read them and whose detail page is
    not due for re-verification tonight: the detail page is not requested (crawler.incremental)."""

    unit: str
    url: str


@dataclass(frozen=True)
class Carried:
    """A column whose first list page is as the night `run` last listed it completely: its later list
    pages are not requested tonight, their entries count as listed tonight (crawler.incremental). A
    `rested` column is not requested at all tonight: far from every deadline (resting_columns)."""

    unit: str
    column_id: int
    run: int  # the night whose listing is carried forward
    pages: int  # later list pages that night listed (every list page when `rested`)
    urls: tuple[str, ...]
    rested: bool = False  # the column is not looked at tonight at all, its first page included
