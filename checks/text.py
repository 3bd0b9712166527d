"""Page text for the content checks: decoding, main content vs. site chrome, normalisation.

The text checks read the main content of a page (title + body), not its navigation and footer: a typo in
a site-wide footer would otherwise become one finding per page. The chrome (header, nav, footer, side
menus) is returned separately so that it can be checked once per unit.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from lxml import etree

from checks.hidden import hidden_among, page_scripts, string_content
from core.text import clean_text

_CHARSET_RX = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", re.I)
_BOILERPLATE_TAGS = ("header", "nav", "footer", "aside")
# A word of a class or id that names site chrome. Not after a CSS utility prefix: "margin-top-15",
# "bg-bottom", "pull-left" style a wrapper and say nothing of what it holds (real pages put the whole article
# in such wrappers: benchmarks/real_pages.py).
_BOILERPLATE_RX = re.compile(
    r"(^|(?<!margin)(?<!padding)(?<!border)(?<!bg)(?<!text)(?<!float)(?<!pull)(?<!align)(?<!fl)(?<!fr)[-_\s])"
    r"(header|head|top|nav|navbar|menu|footer|foot|bottom|crumb|breadcrumb|position|location|"
    r"sidebar|side|left|copyright|share|friendlink|toolbar|pagination|page_div)($|[-_\s\d])",
    re.I,
)
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "dd", "dt"}


_GB_NAMES = ("gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030", "cp936")


def decode_as_crawled(raw: bytes, encoding: str | None = None, content_type: str | None = None) -> str:
    """Decode a stored body exactly as the crawler did: the encoding it decided at capture time (Scrapy's,
    by w3lib's rules: BOM, HTTP header, <meta>, then detection); for a snapshot stored without one, the
    same rules on the stored Content-Type header. Never a second opinion that prefers <meta> over the
    header: a page whose header and meta disagree would turn into mojibake. Cleaned like decode_html."""
    return clean_text(_as_crawled(raw, encoding, content_type))


def reads_header(encoding: str | None) -> bool:
    """Whether decode_as_crawled reads the Content-Type header for a body stored with this encoding: only
    when the crawler decided none or one Python does not know."""
    if not encoding:
        return True
    try:  # what _as_crawled does, on one byte (none is never decoded): LookupError for an unknown or non-text codec
        b"a".decode("gb18030" if encoding.lower() in _GB_NAMES else encoding, "replace")
    except LookupError:
        return True
    return False


def _as_crawled(raw: bytes, encoding: str | None, content_type: str | None) -> str:
    if encoding:
        name = "gb18030" if encoding.lower() in _GB_NAMES else encoding
        try:
            return raw.decode(name, "replace")
        except LookupError:
            pass
    if content_type is not None:
        from w3lib.encoding import html_to_unicode

        return html_to_unicode(content_type, raw)[1]
    return _decode(raw)


def decode_html(raw: bytes) -> str:
    """Decode bytes with nothing known about them: BOM, then <meta charset>, then UTF-8, then GB18030 (a
    superset of GBK); control characters and non-characters are dropped here, once (core.text)."""
    return clean_text(_decode(raw))


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16", "replace")
    match = _CHARSET_RX.search(raw[:4096])
    if match:
        name = match.group(1).decode("ascii", "ignore").lower()
        if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
            name = "gb18030"
        try:
            return raw.decode(name, "replace")
        except LookupError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", "replace")


@dataclass(frozen=True)
class PageText:
    title: str
    main: str  # title + main content, block elements separated by newlines
    chrome: str  # header, navigation, footer …
    links: tuple[tuple[str, str], ...]  # (text, href) inside the main content
    html_tables: tuple[tuple[tuple[str, ...], ...], ...]  # main-content tables as rows of cell texts
    has_video: bool
    narrative: str = ""  # the main content without its tables
    # hidden content and outbound links anywhere on the page: (technique, text, href, where) with where
    # "main" or "chrome"; see hidden_content()
    hidden: tuple[tuple[str, str, str, str], ...] = ()
    # visible text that is neither main content nor chrome: the whole <title> when the main content does not
    # hold it (a hijacked page's "spam_spam_real title"), and the lines outside both (an injected block before
    # the template, a menu the chrome rules do not mark). text.sensitive reads it; the other checks do not
    rest: str = ""


# page_text marks block boundaries and table cells in the tree with these private-use characters, then
# reads text with libxml2's serializer instead of walking the tree in Python
_BLOCK_MARK, _CELL_MARK = "\ue000", "\ue001"
_CELL_TAGS = frozenset({"td", "th"})


def _unmarked(text: str) -> str:
    """The text without block and cell marks (str.replace: str.translate with a dict is per character)."""
    return text.replace(_BLOCK_MARK, "").replace(_CELL_MARK, "")


def _mark_blocks(root) -> None:
    for el in root.iter(*_BLOCKS, "td", "th"):
        if el.tag in _CELL_TAGS:  # td, th: a cell mark at the end
            if len(el):
                last = el[-1]
                last.tail = (last.tail or "") + _CELL_MARK
            else:
                el.text = (el.text or "") + _CELL_MARK
        elif len(el):  # a block: a mark at the start and at the end
            el.text = _BLOCK_MARK + (el.text or "")
            last = el[-1]
            last.tail = (last.tail or "") + _BLOCK_MARK
        else:
            el.text = _BLOCK_MARK + (el.text or "") + _BLOCK_MARK


def _marked_text(el) -> str:
    """The text of an element of a page marked by _mark_blocks, its tail included: a line per block,
    td/th cells separated by a space, whitespace collapsed, no empty line."""
    text = etree.tostring(el, method="text", encoding="unicode", with_tail=True)
    return _lines(text.replace(_BLOCK_MARK, "\n").replace(_CELL_MARK, " "))


def _lines(text: str) -> str:
    """Each line's whitespace (str.split's: U+3000 included) collapsed to one space, empty lines dropped.
    Builtins mapped over the lines, no regular expression: re's \\s tests a Unicode category per character."""
    return "\n".join(filter(None, map(" ".join, map(str.split, text.split("\n")))))


def _words(text: str) -> str:
    """The text of a link or a cell: marks dropped, whitespace collapsed to single spaces."""
    return " ".join(_unmarked(text).split())


def _content(el) -> str:
    """The element's text_content() (an XPath string() call), without the call where it has no children."""
    return (el.text or "") if not len(el) else string_content(el)


_PARSER = etree.HTMLParser()  # plain lxml.etree elements: lxml.html's HtmlElement proxies cost a third more
# Boilerplate is marked by a tag or a class/id, and so is the content container. Where TRS, Hanweb and most
# CMSs put the body of an article (id zoom, class TRS_Editor …); the longest candidate wins. The tree is
# walked once with iter(), not XPath: libxml2's XPath tests a predicate (//*[@class]) or merges a union at
# about a microsecond a node, several times lxml's iteration.
_SCAN_TAGS = frozenset({"h1", *_BOILERPLATE_TAGS, "article"})
_CONTENT_IDS = frozenset({"zoom", "content", "UCAP-CONTENT", "art_content"})
_CONTENT_CLASS_RX = re.compile("TRS_Editor|article|content|Content|zw|detail")  # a substring of the class


def _within(el, marked: set) -> bool:
    """Whether the element or one of its ancestors is in `marked`."""
    return el in marked or any(a in marked for a in el.iterancestors())


def _drop_tree(el) -> None:
    """lxml.html's drop_tree: the element and its subtree removed, its tail kept."""
    parent = el.getparent()
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


_DOCUMENT_START_RX = re.compile(r"<!doctype|<html[\s>]", re.I)
_SCRIPT_TAG_RX = re.compile(r"<script\b", re.I)
_FRAME_TAG_RX = re.compile(r"<i?frame\b", re.I)
_RESOURCE_SRC_RX = re.compile(r"""<(?:script|i?frame)\b[^>]*?\bsrc\s*=\s*["']?\s*([^"'\s>]+)""", re.I)


def _script_parent(el: Any) -> Any:
    """Where a script stood (its parent), for a script; the element itself otherwise."""
    return el.getparent() if el.tag == "script" else el


def _html_end(html: str) -> int:
    """Where the last </html> (or </HTML>) starts, -1 without one; scans the markup once at most."""
    end = html.rfind("</html>")
    return max(end, html.find("</HTML>", end + 1) if end >= 0 else html.rfind("</HTML>"))


def _tail_inside(html: str) -> str:
    """The markup with what follows its last </html> moved before it. libxml2 drops everything after
    </html>, where a browser still shows and runs it, and where code appended to a page file lands
    (injected links and scripts of hijacked sites)."""
    end = _html_end(html)
    if end < 0 or not html[end + 7:].strip():
        return html
    return html[:end] + html[end + 7:] + html[end:end + 7]


def _placed(hidden: list, html: str, bare: bool) -> list:
    """Foreign scripts and frames (hidden.foreign_resources) with the two positions only the markup shows:
    alone before the doctype (a hacked script that echoes a tag before the page) and on a page that has
    nothing else but one script (a hijacked page that answers search engines with a single script, once or
    repeated). Not after </html>: sloppy templates write their library scripts there, one or several, from
    CDNs and their own domains (benchmarks/data/sensitive_real.jsonl, untouched5 and decoys6: 5 of 5 such
    real pages would have been reported). A single-page app has an empty body too, but several scripts."""
    if not any(t in ("外站脚本", "外站框架") for t, *_ in hidden):
        return hidden
    start = _DOCUMENT_START_RX.search(html)
    before = html[:start.start()] if start else ""
    outside: set[str] = set()
    if len(_SCRIPT_TAG_RX.findall(before)) + len(_FRAME_TAG_RX.findall(before)) == 1:
        outside.update(_RESOURCE_SRC_RX.findall(before))
    if bare:
        sources = _RESOURCE_SRC_RX.findall(html)
        bare = len(set(sources)) == 1 and len(sources) == len(_SCRIPT_TAG_RX.findall(html)) + len(_FRAME_TAG_RX.findall(html))
    placed = []
    for technique, text, href, el in hidden:
        if technique in ("外站脚本", "外站框架"):
            if href in outside:
                technique += "（写在 <!DOCTYPE>、<html> 之前）"
            elif bare:
                technique += "（页面除此之外没有内容）"
        placed.append((technique, text, href, el))
    return placed


def _visible(text: str) -> int:
    """Characters that are not white space (indentation of a form or a template counts for nothing)."""
    return len(text) - sum(map(text.count, (" ", "\n", "\t", "\r", "\u3000", "\xa0")))


def _prose(el: Any) -> int:
    """Characters of an element's text outside its links: a list of links is navigation, not an article."""
    return _visible(string_content(el)) - sum(_visible(string_content(a)) for a in el.iter("a"))


def _content_body(doc: Any, contents: list, marked: set) -> Any:
    """The element that holds the page's own content. Among the content containers (by tag, id or class)
    outside the chrome, the one with the most text outside links; one inside an element that looked like
    chrome when it holds far more (a wrapper class such as "menu_con" or "main_left" around the article);
    the <body> when no container holds a quarter of the prose the page has outside its chrome (a weak class
    match such as "wzzw-pc" on a small table beside an article in unmarked divs)."""
    page_body = next(doc.iterchildren("body"), doc)
    outside = [c for c in contents if not _within(c, marked)]
    inside = [c for c in contents if c not in outside]
    scored = {c: _prose(c) for c in outside}
    best = max(scored, key=scored.__getitem__) if scored else None
    best_prose = scored[best] if best is not None else 0
    if inside:
        big = max(inside, key=_prose)
        if _prose(big) > max(200, 2 * best_prose):
            return big
    if best is None:
        return page_body
    if best_prose < 300 and page_body is not best:
        rest = _prose(page_body) - sum(_prose(el) for el in marked
                                       if not any(a in marked for a in el.iterancestors()) and _within(el, {page_body}))
        if rest > 4 * best_prose and rest - best_prose > 500:
            return page_body
    return best


# Lines of a page's tool bars and navigation that templates put inside the content container: font size
# (字号：大 中 小), print and close (打印本页 关闭窗口), share bars, QR codes, previous/next, related links,
# breadcrumbs (当前位置：首页 > …), audio players. They are the template's, not the document's: the checks
# never read them (a line is dropped only when it is made of nothing else).
_TOOL_LINE_RX = re.compile(
    r"(?:[【〖\[(（]?\s*(?:字号|字体|文字|字体大小)\s*[：:]?\s*(?:[【〖\[]?\s*(?:大|中|小|默认|标准|A\+|A-|A)\s*[】〗\]]?\s*)+[】〗\])）]?"
    r"|[【〖\[]?\s*(?:打印(?:本页|本文|此页|正文)?|关闭(?:窗口|本页|当前页面?)?|返回(?:顶部|首页|列表)?|收藏(?:本页)?|"
    r"分享(?:到|至)?|扫一扫(?:在手机(?:上)?打开当前页|分享本页)?|播放|暂停|保存(?:本页)?|纠错|"
    r"上一篇|下一篇|相关(?:链接|附件|文章|阅读|新闻|信息)|附件(?:下载)?|微信|微博|QQ空间|浏览(?:次数|量)|阅读次数)"
    r"\s*[】〗\]]?\s*(?:>>|》|：|:)?\s*)+"
)
_CRUMB_RX = re.compile(r"^(?:您?(?:当前|现在)?(?:所在)?的?位置|当前位置|所在位置)\s*[：:]|^(?:网站)?首页\s*(?:>|》|>>|/)")


def _without_page_tools(text: str) -> str:
    """The text without its tool-bar and breadcrumb lines (_TOOL_LINE_RX, _CRUMB_RX)."""
    return "\n".join(line for line in text.split("\n")
                     if not (len(line) <= 60 and (_TOOL_LINE_RX.fullmatch(line) or _CRUMB_RX.match(line))))


def page_text(html: str) -> PageText:
    """Split a page into its main content and its chrome."""
    try:
        doc = etree.fromstring(_tail_inside(html), _PARSER)
        if doc is None:
            raise etree.ParserError("Document is empty")  # as lxml.html.document_fromstring
    except (etree.ParserError, ValueError):
        return PageText("", "", "", (), (), False)
    has_video = (".mp4" in html or next(doc.iter("video", "embed"), None) is not None
                 or any("video" in (el.get("src") or "") for el in doc.iter("iframe")))
    # One walk over the tree. Hidden content is looked for everywhere; boilerplate, content containers and
    # the title only outside <head>, <noscript>, <script> and <style>, which are dropped below.
    unread = {el for outer in doc.iter("head", "noscript", "script", "style") for el in outer.iter()}
    attributed = []  # elements with attributes: those hidden_content tests
    h1 = None
    boilerplate = []
    contents = []
    for el in doc.iter(etree.Element):  # document order
        tag = el.tag
        if not el.attrib:
            if tag in _SCAN_TAGS and el not in unread:
                if tag == "h1" and h1 is None:
                    h1 = el
                if tag in _BOILERPLATE_TAGS:
                    boilerplate.append(el)
                elif tag == "article":
                    contents.append(el)
            continue
        attributed.append(el)
        if unread and el in unread:
            continue
        if tag in _SCAN_TAGS:
            if tag == "h1" and h1 is None:
                h1 = el
            if tag in _BOILERPLATE_TAGS:
                boilerplate.append(el)
                continue
        cls, ident = el.get("class"), el.get("id")
        if cls is None and ident is None:
            if tag == "article":
                contents.append(el)
            continue
        if _BOILERPLATE_RX.search(f"{cls or ''} {ident or ''}"):
            boilerplate.append(el)
        elif tag == "article" or ident in _CONTENT_IDS or (cls is not None and _CONTENT_CLASS_RX.search(cls)):
            contents.append(el)
    hidden = hidden_among(doc, *page_scripts(doc), attributed)
    # scripts are dropped below: what they inject is placed where the script stood
    anchors = {id(w): _script_parent(w) for _, _, _, w in hidden} if hidden else {}
    for head in doc.iter("head"):
        title_el = next(head.iter("title"), None)
        doc.set("data-head-title", _content(title_el).strip() if title_el is not None else "")
        # a hijacked page's keywords and description ("TDK"), which the hijacker rewrites with its title (blind210 s08:
        # <meta name="keywords" content="澳门银河VIP线路中心"> over a page titled 营销工具)
        doc.set("data-head-meta", "\n".join(content.strip() for m in head.iter("meta")
                                             if (m.get("name") or "").lower() in ("keywords", "description")
                                             and (content := m.get("content") or "").strip()))
    # links' titles, which show on hover and which a hijacker fills with the names he pushes (blind281 s06: a link
    # "www.195zf.com" titled 最新征服私服发布网); those that repeat the link's text add nothing
    link_titles = "\n".join(dict.fromkeys(
        title for el in attributed if el.tag == "a" and (title := " ".join((el.get("title") or "").split()))
        and title not in " ".join(_content(el).split())))
    # dropped with their subtrees, their tails kept (what drop_tree does, in one pass in C)
    etree.strip_elements(doc, "script", "style", "noscript", "head", with_tail=False)
    title = " ".join(string_content(h1).split()) if h1 is not None else (doc.get("data-head-title") or "").split("_")[0]
    marked = set(boilerplate)
    body = _content_body(doc, contents, marked)
    if _within(body, marked) and body is not doc:  # a content container inside a wrapper that looked like chrome
        wrappers = {a for a in body.iterancestors() if a in marked} | ({body} if body in marked else set())
        boilerplate = [el for el in boilerplate if el not in wrappers]
        marked -= wrappers
    # the outermost boilerplate elements (their descendants are chrome already), in document order
    chrome = [el for el in boilerplate if not any(a in marked for a in el.iterancestors())]
    _mark_blocks(doc)
    chrome_parts = [_marked_text(el) for el in chrome]
    whole = _marked_text(doc)  # before the chrome inside the content body is dropped
    if _within(body, marked):  # no content container, and the <body> itself is marked as chrome
        inner = [e for e in boilerplate if e is not body and any(a is body for a in e.iterancestors())]
    else:
        inner = [e for e in chrome if any(a is body for a in e.iterancestors())]
    for el in inner:
        if el.getparent() is not None:
            _drop_tree(el)
    main = _without_page_tools(_marked_text(body))
    if title and title not in main[: len(title) + 200]:
        main = f"{title}\n{main}"
    links = tuple((_words(_content(a)), (a.get("href") or "").strip()) for a in body.iter("a"))
    # a table's own rows (a layout table that holds the whole article holds the report's tables too: their
    # rows are theirs, not the layout table's); the narrative loses the tables that hold data, not a layout
    # table around the text
    all_tables = list(body.iter("table"))
    nested = any(t is not body and next(t.iterancestors("table"), None) is not None for t in all_tables)
    tables = tuple(
        tuple(tuple(_words(_content(cell)) for cell in row.iterchildren("td", "th"))
              for row in table.iter("tr") if not nested or next(row.iterancestors("table"), None) is table)
        for table in all_tables
    )
    for table in all_tables:
        if nested and any(t is not table for t in table.iter("table")):
            continue
        if table is not body and table.getparent() is not None:
            _drop_tree(table)
    narrative = _without_page_tools(_marked_text(body))
    hidden_out: tuple[tuple[str, str, str, str], ...] = ()
    if hidden:
        main_ids = {id(el) for el in body.iter()}  # the elements in `hidden` are alive, so their proxies are these
        hidden = _placed(hidden, html, not main and not any(chrome_parts))
        hidden_out = tuple((t, x, h, "main" if id(anchors.get(id(w), w)) in main_ids else "chrome")
                           for t, x, h, w in hidden)
    chrome_text = "\n".join(p for p in chrome_parts if p)
    return PageText(title, main, chrome_text, links, tables, has_video, narrative, hidden_out,
                    _rest(whole, main, chrome_text, doc.get("data-head-title") or "", doc.get("data-head-meta") or "",
                          link_titles))


def page_hrefs(html: str) -> tuple[str, ...]:
    """The target of every link of a page, outside the main content too ("相关解读" and "原文链接" blocks that
    templates put below the content container, in a sidebar or the footer)."""
    try:
        doc = etree.fromstring(_tail_inside(html), _PARSER)
    except (etree.ParserError, ValueError):
        return ()
    if doc is None:
        return ()
    return tuple(href.strip() for a in doc.iter("a") if (href := a.get("href")) and href.strip())


def _rest(whole: str, main: str, chrome: str, head_title: str, head_meta: str, link_titles: str = "") -> str:
    """The lines of the page's visible text that are in neither its main content nor its chrome, the whole
    <title> first when the main content does not hold it, and the head's keywords and description and the links'
    titles last."""
    known = set(main.split("\n"))
    known.update(chrome.split("\n"))
    lines = [line for line in dict.fromkeys(whole.split("\n")) if line not in known]
    if head_title and head_title not in main:
        lines.insert(0, head_title)
    lines += [line for line in head_meta.split("\n") if line and line != head_title and line not in main]
    lines += [line for line in link_titles.split("\n") if line and line not in known]
    return "\n".join(lines)


def opencc_dictionary(name: str) -> list[list[str]]:
    """The rows of one of OpenCC's dictionary files (TSCharacters.txt: a traditional character, then its simplified
    forms), as opencc-python-reimplemented ships them."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / name
    return [line.split() for line in path.read_text("utf-8").splitlines()]


@functools.lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """Character-level traditional→simplified table from OpenCC's data (length-preserving, fast)."""
    table: dict[int, str] = {}
    for parts in opencc_dictionary("TSCharacters.txt"):
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1 and parts[0] != parts[1]:
            table[ord(parts[0])] = parts[1]
    return table


@functools.lru_cache(maxsize=1)
def _traditional() -> tuple[re.Pattern[str], frozenset[str]]:
    """(any traditional character of the Basic Multilingual Plane, the traditional characters beyond it). A class
    of BMP characters is one table lookup per character in C; one with characters beyond it is searched slowly."""
    chars = sorted(chr(code) for code in _t2s_table())
    return (re.compile("[" + "".join(re.escape(ch) for ch in chars if ch <= "\uffff") + "]"),
            frozenset(ch for ch in chars if ch > "\uffff"))


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.lru_cache(maxsize=1)
def _traditional_in_gb2312() -> re.Pattern[str]:
    """The few traditional characters GB 2312 also encodes (後, 於, 夥 …)."""
    chars = [chr(code) for code in _t2s_table() if chr(code).encode("gb2312", "ignore")]
    return re.compile("[" + "".join(chars) + "]")


def _has_traditional(text: str) -> bool:
    # Encoding to GB 2312 runs in C and fails on nearly every traditional character: a fast "no".
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        common, rare = _traditional()
        return common.search(text) is not None or (_ASTRAL.search(text) is not None and not rare.isdisjoint(text))
    return _traditional_in_gb2312().search(text) is not None


# full-width letters and digits; full-width punctuation is dropped by fold() anyway
# full-width forms, and the Cyrillic Ze that spam writes for the digit 3 in a seller's number (blind201: "【█1 З 5-电-ЗЗ45-嶶-
# З429█】"): a Russian word folded with a 3 in it matches nothing the checks look for
_FULL_WIDTH = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | {ord("З"): "3", ord("з"): "3"}
_FULL_WIDTH_RX = re.compile("[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5AЗз]")


@functools.lru_cache(maxsize=4)
def to_simplified(text: str) -> str:
    # str.translate with a 4,000-entry dict is slow; most pages have no traditional character at all,
    # and a set test finds that out at C speed. Kept for the last few texts: the typo and the sensitive-word
    # checks of a page both ask (a str's hash is computed once and kept).
    return text.translate(_t2s_table()) if _has_traditional(text) else text


def _fold_width(text: str) -> str:
    return to_simplified(text).translate(_FULL_WIDTH) if _FULL_WIDTH_RX.search(text) else to_simplified(text)


_NOT_ALNUM = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Text for matching: full width → half width, traditional → simplified, lower case, and everything
    that is not a letter or digit dropped, so that "法 轮*功", "法．轮．功" and "臺獨" match 法轮功 and 台独.
    """
    return _letters_and_digits(_fold_width(text)).lower()


def bmp_codes(text: str) -> np.ndarray | None:
    """The code points of `text`, to index a `bmp_table` with; None when a character lies beyond the BMP (rare: the
    caller then takes its regex's way, which reads those characters too)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return None if len(codes) and codes.max() > 0xFFFF else codes


def bmp_table(keep: Callable[[str], bool]) -> np.ndarray:
    """For each code point of the Basic Multilingual Plane, whether its character passes `keep` (str.isalnum …): a
    table to index with a text's code points, one lookup per character instead of a regex tried at each."""
    return np.array([keep(chr(code)) for code in range(0x10000)], dtype=bool)


@functools.lru_cache(maxsize=1)
def _alnum_bmp() -> np.ndarray:
    """Whether each code point is a letter or a digit (str.isalnum: what `_NOT_ALNUM` leaves, code point for code
    point)."""
    return bmp_table(str.isalnum)


def _letters_and_digits(text: str) -> str:
    """`_NOT_ALNUM.sub("", text)`, four times faster on a page: one table lookup per code point (numpy) instead of
    a regex match and a slice per run of punctuation. Text beyond the BMP (rare) goes the regex's way."""
    codes = bmp_codes(text)
    if codes is None:
        return _NOT_ALNUM.sub("", text)
    return codes[_alnum_bmp()[codes]].tobytes().decode("utf-32-le")


def fold_positions(text: str) -> Callable[[int], int]:
    """Map a position in `fold(text)` back to `text`.

    Built from the dropped runs (spaces, punctuation), not character by character: a page has far fewer
    of those than characters, and the map is only needed when something matched.
    """
    kept_before: list[int] = []  # kept characters before each dropped run
    dropped_after: list[int] = []  # characters dropped up to the end of that run
    dropped = 0
    for m in _NOT_ALNUM.finditer(_fold_width(text)):
        kept_before.append(m.start() - dropped)
        dropped += m.end() - m.start()
        dropped_after.append(dropped)

    def original(k: int) -> int:
        i = bisect.bisect_right(kept_before, k)
        return k + (dropped_after[i - 1] if i else 0)

    return original


def normalise(text: str) -> tuple[str, list[int]]:
    """`fold(text)` with its map back to positions in `text`."""
    folded, original = fold(text), fold_positions(text)
    return folded, [original(k) for k in range(len(folded))]


def context(text: str, start: int, end: int, width: int = 20) -> str:
    """The matched text with `width` characters either side, on one line."""
    left = max(0, start - width)
    snippet = text[left:start] + "【" + text[start:end] + "】" + text[end:end + width]
    return " ".join(snippet.split())
