"""Columns of a unit found from its 政府信息公开 (disclosure) page alone.

A disclosure page lists its columns as a tree (法定主动公开内容 › 政策文件 › 规范性文件 …). Every link of
that tree that stays on the site and is not navigation or an item with a date is a column. Its category
comes from its name (core.categories.classify_column) and, when the name says nothing
(公务员招录, 年度工作安排), from its position: the nearest parent node whose label does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from core.categories import classify_column
from core.urls import resolve
from crawler.extract.dates import find_date
from crawler.extract.listing import _in_chrome, _text

_SKIP_HREF = re.compile(r"^\s*(javascript:|#|mailto:|tel:)", re.IGNORECASE)
_FILE = re.compile(r"\.(pdf|ofd|docx?|xlsx?|wps|et|zip|rar|jpe?g|png|gif)$", re.IGNORECASE)
_NODE_LABEL_TAGS = ("a", "span", "strong", "b", "h2", "h3", "h4", "em", "p", "div")


@dataclass(frozen=True)
class FoundColumn:
    name: str
    url: str
    category: str
    parent: str | None  # the label of the tree node it sits under, if any


def _node_label(li) -> str | None:
    """The label of a tree node: its own text, without its children's lists."""
    for child in li:
        if child.tag in _NODE_LABEL_TAGS:
            label = _text(child)
            if label:
                return label
    return (li.text or "").strip() or None


def discover_columns(doc, page_url: str, encoding: str = "utf-8") -> list[FoundColumn]:
    for bad in doc.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    host = urlsplit(page_url).netloc
    found: dict[str, FoundColumn] = {}
    for anchor in doc.iter("a"):
        href = (anchor.get("href") or "").strip()
        name = _text(anchor) or (anchor.get("title") or "").strip()
        if not href or _SKIP_HREF.match(href) or not name or len(name) > 30:
            continue
        url = resolve(page_url, href, encoding).split("#")[0]
        parts = urlsplit(url)
        if parts.netloc != host or url == page_url or _FILE.search(parts.path) or parts.path in ("", "/"):
            continue
        if _in_chrome(anchor):
            continue
        row = anchor.getparent()
        if row is not None and find_date(_text(row).replace(name, " ")):
            continue  # an item with its date, not a column
        parents = [_node_label(li) for li in anchor.iterancestors("li")]
        parents = [p for p in parents if p and p != name]
        category = classify_column(name)
        if category == "other":
            category = next((c for c in (classify_column(p) for p in parents if p) if c != "other"), "other")
        if url not in found:
            found[url] = FoundColumn(name, url, category, parents[0] if parents else None)
    return list(found.values())
