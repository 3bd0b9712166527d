"""Hanweb 大汉 jpage lists.

A Hanweb column page carries its first records inside ``<script type="text/xml"><datastore>`` as
``<record><![CDATA[<li>…</li>]]></record>``; the jpage script fetches the rest from
``/module/web/jpage/dataproxy.jsp`` in groups (``startrecord``/``endrecord``/``perpage`` in the
query, the column's parameters from ``<nextgroup>`` as a POST form), whose answer tells
``<totalrecord>``. Real sites answer GET as well; we POST, as the browser does.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from crawler.extract.listing import extract_entries, parse_html
from crawler.items import ListEntry

_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.DOTALL)
_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[.*?href=[\"']([^\"']+)[\"']", re.DOTALL)
_TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>")
_TOTAL_PAGES = re.compile(r"<totalpage>\s*(\d+)\s*</totalpage>")
_PERPAGE = re.compile(r"perpage\s*[:=]\s*[\"']?(\d+)", re.IGNORECASE)
PROXY_PATH = "/module/web/jpage/dataproxy.jsp"
GROUP = 45  # records per dataproxy call: jpage's default of 3 pages of 15


@dataclass(frozen=True)
class JPage:
    """How to ask dataproxy.jsp for more records of one column."""

    form: dict[str, str]  # the column's parameters, posted as a form
    perpage: str
    proxy: str = PROXY_PATH  # deployments differ: /module/web/jpage/…, /module/jpage/…

    def page_calls(self, page_url: str, pages: range) -> list[str]:
        """dataproxy.jsp URLs in page mode: deployments that ignore startrecord/endrecord and answer
        ``page=N`` with ``perpage`` records and ``<totalpage>`` (GET, every parameter in the query)."""
        return [urljoin(page_url, f"{self.proxy}?{urlencode({**self.form, 'page': n, 'perpage': self.perpage})}")
                for n in pages]

    def calls(self, page_url: str, first: int, last: int | None, limit: int | None = None) -> list[str]:
        """dataproxy.jsp URLs for records `first`…`last` (one group when `last` is unknown; at most
        `limit` calls, however many records the answer claims). The column is repeated in the query so
        that each column's calls have their own URL (evidence)."""
        end = last if last is not None else first + GROUP - 1
        if limit is not None:
            end = min(end, first + max(limit, 0) * GROUP - 1)
        urls = []
        for start in range(first, end + 1, GROUP):
            query = {"startrecord": start, "endrecord": min(start + GROUP - 1, end), "perpage": self.perpage,
                     "columnid": self.form.get("columnid", ""), "unitid": self.form.get("unitid", "")}
            urls.append(urljoin(page_url, f"{self.proxy}?{urlencode(query)}"))
        return urls


def is_jpage(text: str) -> bool:
    return "<datastore>" in text and ("<record>" in text or "<nextgroup>" in text)


def record_entries(text: str, base_url: str, encoding: str = "utf-8") -> list[ListEntry]:
    """The entries in every ``<record>`` of a page or a dataproxy.jsp answer, in order."""
    records = _RECORD.findall(text)
    if not records:
        return []
    return extract_entries(parse_html('<ul class="list">' + "".join(records) + "</ul>"), base_url, encoding=encoding)


def total_records(text: str) -> int | None:
    match = _TOTAL.search(text)
    return int(match.group(1)) if match else None


def total_pages(text: str) -> int | None:
    match = _TOTAL_PAGES.search(text)
    return int(match.group(1)) if match else None


def jpage_config(page_text: str) -> JPage | None:
    match = _NEXTGROUP.search(page_text)
    if not match:
        return None
    href = html.unescape(match.group(1))
    split = urlsplit(href)
    form = {k: v for k, v in parse_qsl(split.query) if k not in ("startrecord", "endrecord", "perpage")}
    form.setdefault("col", "1")
    form.setdefault("appid", "1")
    perpage = _PERPAGE.search(page_text)
    return JPage(form, perpage.group(1) if perpage else "15", split.path or PROXY_PATH)
