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
from urllib.parse import urlencode, urljoin
from zoneinfo import ZoneInfo

from core.text import clean_text
from crawler.extract.dates import find_date
from crawler.items import ListEntry

_CONFIG = re.compile(r"=\s*(\{[^{}]*[\"']?(?:api|url|searchUrl)[\"']?\s*:\s*[\"'][^\"']*[\"'][^{}]*\})", re.DOTALL)
_ARRAY = re.compile(r"=\s*(\[\s*\{.*?\}\s*\])\s*;", re.DOTALL)
_TITLE_KEYS = ("title", "doctitle", "name", "subject")
_URL_KEYS = ("url", "docpuburl", "link", "href", "docurl", "puburl")
_DATE_KEYS = ("pubdate", "docreltime", "publishtime", "publish_time", "first_publish_time", "releasetime",
              "pubtime", "date", "time", "createtime")
_TOTAL_KEYS = ("total", "totalcount", "totalrecord", "count", "totalelements")
_PAGE_PARAMS = ("page", "pageNo", "pageNum", "pageIndex", "currPage")
_CHINA = ZoneInfo("Asia/Shanghai")  # epoch timestamps are published days in Beijing time


@dataclass(frozen=True)
class ListApi:
    endpoint: str  # absolute URL of the API
    params: dict[str, str]  # fixed parameters (channel, page size)
    page_param: str
    page_size: int

    def page_url(self, page: int) -> str:
        return f"{self.endpoint}?{urlencode({**self.params, self.page_param: page})}"


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
        size_key = next((k for k in config if k.lower() in ("pagesize", "size", "rows", "limit")), None)
        params = {k: str(v) for k, v in config.items()
                  if k not in (path_key, page_param) and isinstance(v, str | int) and not isinstance(v, bool)}
        return ListApi(urljoin(page_url, path), params, page_param, int(config[size_key]) if size_key else 15)
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
        entries.append(ListEntry(title, urljoin(base_url, str(_pick(row, _URL_KEYS)).strip()), day, text))
    return entries


def api_total(data: Any) -> int | None:
    if isinstance(data, dict):
        value = _pick(data, _TOTAL_KEYS)
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            return int(value)
        for inner in data.values():
            if isinstance(inner, dict) and (found := api_total(inner)) is not None:
                return found
    return None


def related_links(scripts: str, base_url: str) -> list[dict[str, str]]:
    """Links to related documents that a script builds from an inline JSON array."""
    found = []
    for match in _ARRAY.finditer(scripts):
        data = _lenient_json(match.group(1))
        if isinstance(data, list):
            for row in data:
                if isinstance(row, dict) and _pick(row, _URL_KEYS):
                    found.append({"title": str(_pick(row, _TITLE_KEYS) or ""),
                                  "url": urljoin(base_url, str(_pick(row, _URL_KEYS)))})
    return found
