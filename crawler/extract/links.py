"""The links of a crawled page: every http(s) target, with attachments (PDF, DOC …) told apart.

Besides <a href>, a page reaches its files in ways a visitor does not notice: a PDF shown inline in an
<iframe>, <embed> or <object> (often through pdf.js, viewer.html?file=…pdf: the file is the target), and
download links written as script (href="javascript:window.open('/files/a.pdf')", onclick="downFile('…docx')").
Those count as links to the file; a script that names no file is left alone.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urldefrag, urljoin, urlsplit

from core.filetypes import attachment_kind, named_kind
from core.urls import resolve
from crawler.items import PageLinkItem

_SKIP_HREF = re.compile(r"^\s*(javascript:|#|mailto:|tel:|data:)", re.I)
_QUOTED = re.compile(r"""["']([^"'\s<>()]+)["']""")
_EMBEDS = (("iframe", "src"), ("embed", "src"), ("object", "data"))


def _file_in_script(code: str) -> str | None:
    """The first quoted address in a script that names a file (window.open('/files/a.pdf'))."""
    return next((m.group(1) for m in _QUOTED.finditer(code) if attachment_kind(m.group(1))), None)


def _shown_file(src: str) -> str:
    """The file an embedding shows (`src` absolute): itself, or the file a viewer page is given
    (viewer.html?file=/a.pdf; pdf.js reads a relative name against the viewer's own address)."""
    if attachment_kind(src):
        return src
    return next((urljoin(src, value) for _, value in parse_qsl(urlsplit(src).query) if named_kind(value)), src)


def page_links(doc, base_url: str, encoding: str = "utf-8") -> tuple[PageLinkItem, ...]:
    """Distinct targets in page order; the first link text seen names the target. `encoding`: the page's
    (core.urls.resolve)."""
    seen: dict[str, PageLinkItem] = {}

    def add(href: str, text: str, named: bool = False) -> None:
        url = urldefrag(resolve(base_url, href, encoding))[0]
        if urlsplit(url).scheme not in ("http", "https") or url == base_url or url in seen:
            return
        seen[url] = PageLinkItem(url, text, attachment_kind(url) is not None or named)

    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        text = " ".join(a.text_content().split())[:200]
        if not href or _SKIP_HREF.match(href):
            scripted = _file_in_script(f"{href} {a.get('onclick') or ''}")
            if scripted:
                add(scripted, text)
            continue
        # a handler that names its file nowhere in the URL (/cms/download?id=123) is still a file when the link's
        # text, title or download attribute names one (附件1：补贴名单.xlsx)
        add(href, text, any(named_kind(hint) for hint in (text, a.get("title") or "", a.get("download") or "")))
    for tag, attribute in _EMBEDS:
        for element in doc.iter(tag):
            src = (element.get(attribute) or "").strip()
            shown = _shown_file(resolve(base_url, src, encoding)) if src and not _SKIP_HREF.match(src) else ""
            if attachment_kind(shown):  # a map, a video or a form in a frame is no link of the page's own
                add(shown, " ".join((element.get("title") or "").split())[:200])
    return tuple(seen.values())
