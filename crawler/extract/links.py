"""The links of a crawled page: every http(s) target, with attachments (PDF, DOC …) told apart."""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit

from core.filetypes import attachment_kind, named_kind
from crawler.items import PageLinkItem

_SKIP_HREF = re.compile(r"^\s*(javascript:|#|mailto:|tel:|data:)", re.I)


def page_links(doc, base_url: str) -> tuple[PageLinkItem, ...]:
    """Distinct targets in page order; the first link text seen names the target."""
    seen: dict[str, PageLinkItem] = {}
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or _SKIP_HREF.match(href):
            continue
        url = urldefrag(urljoin(base_url, href))[0]
        if urlsplit(url).scheme not in ("http", "https") or url == base_url or url in seen:
            continue
        text = " ".join(a.text_content().split())[:200]
        # a handler that names its file nowhere in the URL (/cms/download?id=123) is still a file when the link's
        # text, title or download attribute names one (附件1：补贴名单.xlsx)
        named = any(named_kind(hint) for hint in (text, a.get("title") or "", a.get("download") or ""))
        seen[url] = PageLinkItem(url, text, attachment_kind(url) is not None or named)
    return tuple(seen.values())
