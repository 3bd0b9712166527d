"""博达 VSB lists: ``tzgg.htm`` is page 1; page k > 1 of n lives at ``tzgg/(n - k + 1).htm``, so the
numbers count downwards to ``tzgg/1.htm`` (new items push old ones onto higher file numbers without
rewriting them). From page 1 the link to page 2 gives every page."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

_PAGER = "//*[contains(@class,'p_no') or contains(@class,'p_next') or contains(@class,'p_last')]//a"


def _pager(doc, page_url: str) -> tuple[str, int] | None:
    """(file stem, highest page file number) of a VSB pager, or None when the page has none."""
    match = re.search(r"/([^/]+)\.htm$", urlsplit(page_url).path)
    if not match:
        return None
    stem = match.group(1)
    numbers = []
    for anchor in doc.xpath(_PAGER):
        found = re.fullmatch(rf"(?:\./)?{re.escape(stem)}/(\d+)\.htm", (anchor.get("href") or "").strip())
        if found:
            numbers.append(int(found.group(1)))
    return (stem, max(numbers)) if numbers else None


def vsb_total(doc, page_url: str) -> int | None:
    """The number of pages a VSB pager announces (its highest file number + 1), or None when not VSB."""
    pager = _pager(doc, page_url)
    return None if pager is None else pager[1] + 1


def vsb_pages(doc, page_url: str, limit: int | None = None) -> list[str] | None:
    """The later list pages of a VSB column seen from its first page (at most `limit`), or None when
    not VSB. The count is clamped before any URL is made: a pager claiming two billion pages costs
    `limit` strings."""
    pager = _pager(doc, page_url)
    if pager is None:
        return None
    stem, top = pager
    bottom = 0 if limit is None else max(top - limit, 0)
    return [urljoin(page_url, f"{stem}/{n}.htm") for n in range(top, bottom, -1)]
