"""What a page's address says: the link as a browser resolves it, and the day its CMS filed it under.

Pages of older IIS sites write paths with backslashes (href="..\\xxgk\\2019\\a.html"). A browser reads a backslash
in the address of an http(s) page as a slash (WHATWG URL standard), so the visitor reaches the page; Python's urljoin
keeps it, and the request goes to "..%5Cxxgk%5C…", a 404 the site never served: a broken link that is not.

A resolved link is also percent-encoded as it goes on the wire (/uploadfile/2023年度报告.pdf as /uploadfile/2023%E5%B9%B4…):
Scrapy records what it fetched in that form, and every join of a link to what was fetched (an attachment's text, a
list item's page, a link already fetched by the crawl) compares the two, so a file with a Chinese name, common on
portals, would otherwise never meet its own text (an annual report so published waited for it for ever, unjudged).
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin, urlsplit

from w3lib.url import safe_url_string

_STRIPPED = "".join(chr(c) for c in range(0x21))  # C0 controls and space, stripped from both ends by browsers
_SESSION_RX = re.compile(r";jsessionid=[^/?#]*", re.I)


def resolve(base: str, href: str, encoding: str = "utf-8") -> str:
    """`href` on the page at `base`, as the browser requests it (fragment kept), percent-encoded as browsers send
    it: the path in UTF-8, the query in the page's `encoding` (a GBK page's 通知.asp?lm=政务公开 asks for
    lm=%D5%FE%CE%F1…, which is what the site's own scripts decode; UTF-8 there reads as another column)."""
    href = href.strip(_STRIPPED)
    if "\\" in href:
        cut = min((i for i in (href.find("?"), href.find("#")) if i >= 0), default=len(href))
        slashed = href[:cut].replace("\\", "/") + href[cut:]  # the query and fragment keep theirs
        if urlsplit(urljoin(base, slashed)).scheme in ("http", "https"):
            href = slashed
    url = urljoin(base, href)
    if urlsplit(url).scheme not in ("http", "https"):
        return url
    try:
        return safe_url_string(url, encoding=encoding)
    except (LookupError, UnicodeEncodeError):  # an unknown codec, or a character the page's cannot write
        return safe_url_string(url)


_ENCODED_RUN = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")  # percent-encoded bytes ≥ 0x80: non-ASCII characters


def _decoded(text: str, codecs: tuple[str, ...]) -> str:
    """`text` with each run of percent-encoded non-ASCII bytes decoded by the first of `codecs` that reads it."""
    if "%" not in text:
        return text

    def decode(m: re.Match[str]) -> str:
        raw = bytes.fromhex(m.group().replace("%", ""))
        for codec in codecs:
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                continue
        return m.group()
    return _ENCODED_RUN.sub(decode, text)


def readable(url: str) -> str:
    """An address as a browser's address bar shows it, for people: the percent-encoded UTF-8 of Chinese names
    decoded (/uploadfile/2023年度报告.pdf); %20, %2F and bytes that are not UTF-8 (a GBK query) kept as they are."""
    return _decoded(url, ("utf-8",))


def page_key(url: str) -> str:
    """What names the page an address leads to, for telling whether a link leads to a page that was crawled:
    http or https, a leading "www." and the default port do not matter. Portals moved to HTTPS years after their
    older pages were written, and an editor pastes whichever address the browser showed, so a 解读 that links
    its document as http://www.xx.gov.cn/… while the list gives https://xx.gov.cn/… links it all the same. Nor does
    a Java server's session id in the path (…/t1.html;jsessionid=A1B2), which a page written by such a server
    carries. The query's non-ASCII characters are compared decoded, whichever encoding wrote them (UTF-8, else
    GB18030): the crawl encodes a GBK page's query as the page does, a check that reads the link again may not."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return url
    host = (parts.hostname or "").removeprefix("www.")
    try:
        port = parts.port
    except ValueError:  # an address with a broken port: only the string itself can match it
        return url
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = _SESSION_RX.sub("", parts.path) or "/"
    return f"//{netloc}{path}" + (f"?{_decoded(parts.query, ('utf-8', 'gb18030'))}" if parts.query else "")


# A year as CMSs put it in paths: /2024/, /202406/, /t20240612_ (TRS), /art/2024/6/12/ (Hanweb).
_URL_YEAR = re.compile(r"(?:^|[/t])((?:19|20)\d{2})(?:[01]\d(?:[0-3]\d)?)?(?=[/_])")


def year_in_url(url: str) -> int | None:
    """The publishing year a URL's path shows, for list dates written without one (``[06-12]``)."""
    match = _URL_YEAR.search(urlsplit(url).path)
    return int(match.group(1)) if match else None


# the day a CMS files a page under, in its address: TRS t20260514_…, …/202605/…, /2026-05/14/, Hanweb art/2026/5/14/
_URL_DAY_RXS = (re.compile(r"[/_]t?(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[_./])"),
                re.compile(r"/(20\d{2})-(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/"),
                re.compile(r"/art/(20\d{2})/(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/"))


def url_day(url: str) -> date | None:
    """The day in a page's address, where its CMS files pages by day (None: none, or not a real day)."""
    path = urlsplit(url).path
    for rx in _URL_DAY_RXS:
        match = rx.search(path)
        if match:
            try:
                return date(*(int(g) for g in match.groups()))
            except ValueError:
                return None
    return None
