"""博达 VSB lists: ``tzgg.htm`` is page 1; page k > 1 of n lives at ``tzgg/(n - k + 1).htm``, so the
numbers count downwards to ``tzgg/1.htm`` (new items push old ones onto higher file numbers without
rewriting them). From page 1 the link to page 2 gives every page."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit


def vsb_pages(doc, page_url: str) -> list[str] | None:
    """Every later list page of a VSB column seen from its first page, or None when not VSB."""
    path = urlsplit(page_url).path
    match = re.search(r"/([^/]+)\.htm$", path)
    if not match:
        return None
    stem = match.group(1)
    numbers = []
    for anchor in doc.xpath("//*[contains(@class,'p_no') or contains(@class,'p_next') or contains(@class,'p_last')]//a"):
        href = anchor.get("href") or ""
        found = re.fullmatch(rf"(?:\./)?{re.escape(stem)}/(\d+)\.htm", href.strip())
        if found:
            numbers.append(int(found.group(1)))
    if not numbers:
        return None
    return [urljoin(page_url, f"{stem}/{n}.htm") for n in range(max(numbers), 0, -1)]
