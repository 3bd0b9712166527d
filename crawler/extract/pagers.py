"""Further list pages of a column, from the pager a CMS writes.

TRS: ``createPageHTML(total, current, "index", "html")`` or
``createPageHTML('page_div', total, current, 'index', 'shtml', records)``; page 0 is index.html and
page n is index_n.html. Anything else: the link labelled 下一页.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from core.urls import resolve

_CREATE_PAGE = re.compile(r"createPageHTML\s*\(([^)]*)\)")
_ARG = re.compile(r"""\s*(?:'([^']*)'|"([^"]*)"|([-\d]+)|([^,]*))\s*(?:,|$)""")
_NEXT = re.compile(r"^\s*(下一页|下页|后一页|next\s*›?|›|>)\s*$", re.I)


def _args(raw: str) -> list[str | int]:
    out: list[str | int] = []
    for single, double, number, other in _ARG.findall(raw):
        if number:
            out.append(int(number))
        elif single or double or (not other and (single == "" or double == "")):
            out.append(single or double)
        elif other.strip():
            out.append(other.strip())
    return out


def trs_total(script_text: str) -> int | None:
    """The page count a TRS pager announces (whatever a hostile page claims), or None without one."""
    match = _CREATE_PAGE.search(script_text)
    if not match:
        return None
    numbers = [a for a in _args(match.group(1)) if isinstance(a, int)]
    return max(numbers[0], 1) if numbers else None


def trs_pages(script_text: str, page_url: str, limit: int | None = None) -> list[str] | None:
    """List page URLs of a TRS column (first included; at most `limit`), or None when the page has no
    TRS pager. The announced total is clamped before any URL is made: a pager claiming two billion
    pages costs `limit` strings."""
    match = _CREATE_PAGE.search(script_text)
    if not match:
        return None
    args = _args(match.group(1))
    numbers = [a for a in args if isinstance(a, int)]
    strings = [a for a in args if isinstance(a, str) and a]
    if not numbers:
        return None
    total = max(numbers[0], 1) if limit is None else min(max(numbers[0], 1), max(limit, 1))
    prefix, suffix = (strings[-2], strings[-1]) if len(strings) >= 2 else ("index", "html")
    first = urljoin(page_url, f"{prefix}.{suffix}")
    return [first] + [urljoin(page_url, f"{prefix}_{n}.{suffix}") for n in range(1, total)]


def next_link(doc, page_url: str, encoding: str = "utf-8") -> str | None:
    for anchor in doc.iter("a"):
        label = " ".join(anchor.text_content().split()) or anchor.get("title", "")
        href = anchor.get("href")
        if href and _NEXT.match(label) and not href.lower().startswith("javascript"):
            return resolve(page_url, href, encoding)
    return None
