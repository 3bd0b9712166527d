"""TRS provincial platforms: page 1 of a column is static, later pages come from a JSON list API
that the page's script calls with a configuration object such as
``var searchConfig = {"api": "/api/search/list", "channelId": "2356", "pageSize": 15}``.

Also the related documents (相关文件) that such detail pages fill in by script from a JSON array.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from core.text import clean_text
from core.urls import resolve
from crawler.extract.dates import find_date
from crawler.items import ListEntry

# a configuration object assigned (``var c = {...}``) or passed to the loader (``getList({...})``)
_CONFIG = re.compile(r"[=(]\s*(\{[^{}]*[\"']?(?:api|url|searchUrl|dataUrl)[\"']?\s*:\s*[\"'][^\"']*[\"'][^{}]*\})",
                     re.DOTALL)
_ARRAY = re.compile(r"=\s*(\[\s*\{.*?\}\s*\])\s*;", re.DOTALL)
_TITLE_KEYS = ("title", "doctitle", "name", "subject")
_URL_KEYS = ("url", "docpuburl", "link", "href", "docurl", "puburl")
_DATE_KEYS = ("pubdate", "docreltime", "publishtime", "publish_time", "first_publish_time", "releasetime",
              "pubtime", "date", "time", "createtime")
_TOTAL_KEYS = ("total", "totalcount", "totalrecord", "totalrecords", "count", "totalelements", "recordstotal",
               "totalnum", "totalsize", "total_count", "recordcount", "rowcount")
_PAGES_KEYS = ("pages", "totalpage", "totalpages", "pagecount", "pagetotal", "total_page", "totalpagenum")
_PAGE_PARAMS = ("page", "pageNo", "pageNum", "pageIndex", "currPage", "curPage", "pageNumber", "current", "p")
_SIZE_PARAMS = ("pagesize", "size", "rows", "limit", "perpage", "page_size")
_CHINA = ZoneInfo("Asia/Shanghai")  # epoch timestamps are published days in Beijing time


@dataclass(frozen=True)
class ListApi:
    endpoint: str  # absolute URL of the API; holds "{page}" when the page number is part of the path
    params: dict[str, str]  # fixed parameters (channel, page size)
    page_param: str  # "" when the page number is in the path
    page_size: int
    first_page: int = 1  # 0 for APIs that count pages from zero
    method: str = "GET"  # POST: `params` (with the page) go in the form body

    def page_url(self, page: int) -> str:
        """The request URL of page `page` (1-based) for GET; the bare endpoint for POST."""
        number = page - 1 + self.first_page
        if not self.page_param:
            return self.endpoint.replace("{page}", str(number)) + (f"?{urlencode(self.params)}" if self.params else "")
        if self.method == "POST":
            return self.endpoint
        return f"{self.endpoint}?{urlencode({**self.params, self.page_param: number})}"

    def page_form(self, page: int) -> dict[str, str] | None:
        if self.method != "POST":
            return None
        return {**self.params, self.page_param: str(page - 1 + self.first_page)}


def _lenient_json(raw: str) -> Any:
    """JSON as script authors write it: unquoted keys and single quotes are common."""
    try:
        return json.loads(raw)
    except ValueError:
        fixed = re.sub(r"([{,]\s*)([A-Za-z_]\w*)\s*:", r'\1"\2":', raw.replace("'", '"'))
        try:
            return json.loads(fixed)
        except ValueError:
            return None


def find_list_api(scripts: str, page_url: str) -> ListApi | None:
    for match in _CONFIG.finditer(scripts):
        config = _lenient_json(match.group(1))
        if not isinstance(config, dict):
            continue
        lowered = {k.lower(): k for k in config}
        path_key = next((lowered[k] for k in ("api", "searchurl", "url") if k in lowered), None)
        path = config.get(path_key) if path_key else None
        if not isinstance(path, str) or not re.search(r"api|search|list|query", path, re.IGNORECASE):
            continue
        page_param = next((p for p in _PAGE_PARAMS if p in config), "page")
        size_key = next((k for k in config if k.lower() in _SIZE_PARAMS), None)
        method = str(config.get("method") or config.get("type") or "GET").upper()
        params = {k: str(v) for k, v in config.items()
                  if k not in (path_key, page_param, "method", "type") and isinstance(v, str | int)
                  and not isinstance(v, bool)}
        first = 0 if str(config.get(page_param, "1")) == "0" else 1
        size = int(config[size_key]) if size_key and str(config[size_key]).isdigit() else 15
        return ListApi(urljoin(page_url, path), params, page_param, size, first,
                       "POST" if method == "POST" else "GET")
    return None


_PATH_PAGE = re.compile(r"^(.*/)(\d{1,4})(\.json|\.js|\.do|\.jsp|)$")


def api_from_request(url: str, method: str = "GET", body: str | None = None) -> ListApi | None:
    """A list API seen as a browser request (XHR or fetch) while a list page rendered: the page number
    in a known parameter of the query or form, or as the last number of the path (``/data/tzgg/1.json``)."""
    split = urlsplit(url)
    query = dict(parse_qsl(split.query, keep_blank_values=True))
    form = dict(parse_qsl(body, keep_blank_values=True)) if method == "POST" and body else {}
    fields = form if method == "POST" else query
    lowered = {k.lower(): k for k in fields}
    page_param = next((lowered[p.lower()] for p in _PAGE_PARAMS if p.lower() in lowered
                       and str(fields[lowered[p.lower()]]).isdigit()), None)
    size_key = next((lowered[k] for k in _SIZE_PARAMS if k in lowered), None)
    size = int(fields[size_key]) if size_key and str(fields[size_key]).isdigit() else 15
    base = urlunsplit((split.scheme, split.netloc, split.path, "", ""))
    if page_param is not None:
        first = 0 if fields[page_param] == "0" else 1
        params = {k: v for k, v in fields.items() if k != page_param}
        if method == "POST":
            endpoint = url  # the query stays: only the form pages
            return ListApi(endpoint, params, page_param, size, first, "POST")
        return ListApi(base, params, page_param, size, first)
    match = _PATH_PAGE.match(split.path)
    if match and method == "GET":
        endpoint = urlunsplit((split.scheme, split.netloc, f"{match.group(1)}{{page}}{match.group(3)}", "", ""))
        first = 0 if match.group(2) == "0" else 1
        return ListApi(endpoint, query, "", size, first)
    return None


def _pick(row: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {k.lower(): v for k, v in row.items()}
    for key in keys:
        if lowered.get(key) not in (None, ""):
            return lowered[key]
    return None


def _rows(data: Any) -> list[dict[str, Any]]:
    """The longest list of objects with a title and a URL anywhere in the answer."""
    best: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            rows = [x for x in node if isinstance(x, dict) and _pick(x, _TITLE_KEYS) and _pick(x, _URL_KEYS)]
            if len(rows) > len(best):
                best = rows
            stack.extend(x for x in node if isinstance(x, dict | list))
    return best


def _date(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, int | float) and value > 10**8:  # epoch seconds or milliseconds
        seconds = value / 1000 if value > 10**11 else value
        return datetime.fromtimestamp(seconds, UTC).astimezone(_CHINA).date(), str(value)
    if isinstance(value, str):
        return find_date(value), value
    return None, None


def api_entries(data: Any, base_url: str) -> list[ListEntry]:
    entries = []
    for row in _rows(data):
        day, text = _date(_pick(row, _DATE_KEYS))
        title = " ".join(clean_text(str(_pick(row, _TITLE_KEYS))).split())
        entries.append(ListEntry(title, resolve(base_url, str(_pick(row, _URL_KEYS))), day, text))
    return entries


def api_total(data: Any, keys: tuple[str, ...] = _TOTAL_KEYS) -> int | None:
    """The number of records the answer announces (anywhere in nested objects)."""
    if isinstance(data, dict):
        value = _pick(data, keys)
        if isinstance(value, int) and not isinstance(value, bool) or (isinstance(value, str) and value.isdigit()):
            return int(value)
        for inner in data.values():
            if isinstance(inner, dict) and (found := api_total(inner, keys)) is not None:
                return found
    return None


def api_pages(data: Any) -> int | None:
    """The number of pages the answer announces."""
    return api_total(data, _PAGES_KEYS)


def related_links(scripts: str, base_url: str) -> list[dict[str, str]]:
    """Links to related documents that a script builds from an inline JSON array."""
    found = []
    for match in _ARRAY.finditer(scripts):
        data = _lenient_json(match.group(1))
        if isinstance(data, list):
            for row in data:
                if isinstance(row, dict) and _pick(row, _URL_KEYS):
                    found.append({"title": str(_pick(row, _TITLE_KEYS) or ""),
                                  "url": resolve(base_url, str(_pick(row, _URL_KEYS)))})
    return found
