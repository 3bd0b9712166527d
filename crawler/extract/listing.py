"""Items of a column's list page, whatever CMS made it.

List pages put each item in a row (li, tr, dd, or a div) holding one link and, usually, a date. We
group rows by their container, keep the container with the most dated rows (and its twins: TRS often
splits one list into several equal <ul>), and ignore navigation, headers and footers.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from datetime import date

from lxml import html as lxml_html

from core.text import clean_text
from core.urls import resolve, year_in_url
from crawler.extract.dates import find_date
from crawler.items import ListEntry

_ROW_TAGS = {"li", "tr", "dd", "dt", "p"}
_SKIP_HREF = re.compile(r"^\s*(javascript:|#|mailto:|tel:)", re.I)
_NAV_MARK = re.compile(r"nav|menu|foot|header|head|crumb|banner|top|bottom|friend|yqlj|link|dh|page|fy", re.I)
_LIST_MARK = re.compile(r"list|lb|xxgk|news|article|item|con|main|right|wz", re.I)
_EMPTY_MARK = re.compile(r"暂无|没有(相关)?(信息|数据|记录)|无数据")


def parse_html(body: bytes | str, encoding: str | None = None):
    if isinstance(body, bytes):
        body = body.decode(encoding or "utf-8", errors="replace")
    body = clean_text(body)  # once, here: titles and text of hostile pages reach no check unclean
    if not body.strip():
        body = "<html></html>"
    return lxml_html.fromstring(body)


def _marks(el) -> str:
    return f"{el.get('id', '')} {el.get('class', '')}"


def _in_chrome(el) -> bool:
    """True when `el` is or sits in navigation, header, footer or pager chrome."""
    for anc in (el, *el.iterancestors()):
        if anc.tag in ("nav", "header", "footer"):
            return True
        marks = _marks(anc)
        if marks.strip() and _NAV_MARK.search(marks) and not _LIST_MARK.search(marks):
            return True
    return False


def _row_of(anchor):
    for anc in anchor.iterancestors():
        if anc.tag in _ROW_TAGS:
            return anc
        if anc.tag in ("ul", "ol", "table", "tbody", "body"):
            break
    return anchor.getparent()


def _text(el) -> str:
    return " ".join(el.text_content().split())


def extract_entries(doc, base_url: str, *, year: int | None = None, today: date | None = None,
                    encoding: str = "utf-8") -> list[ListEntry]:
    """Every item of the main list on the page, in page order. `today`: the capture date, for 3天前;
    `encoding`: the page's (core.urls.resolve)."""
    for bad in doc.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    rows: dict[object, list] = defaultdict(list)  # container -> [(row, anchor)]
    seen_rows: set = set()
    for anchor in doc.iter("a"):
        href = anchor.get("href")
        if not href or _SKIP_HREF.match(href):
            continue
        row = _row_of(anchor)
        if row is None or row in seen_rows:
            continue
        seen_rows.add(row)
        container = row.getparent()
        if container is None:
            continue
        rows[container].append((row, anchor))

    headers: dict = {}  # table -> index of its 发布日期 column
    address = functools.cache(lambda href: resolve(base_url, href, encoding))  # read for the year, then kept

    def _find(text: str, anchor) -> date | None:
        day = find_date(text, year=year, today=today)
        if day is None and year is None:  # [06-12]: the year from the item's URL
            day = find_date(text, year=year_in_url(address(anchor.get("href"))), today=today)
        return day

    def dated(pairs: list) -> list:
        out = []
        for row, anchor in pairs:
            rest = _publish_cell(row, headers) or _text(row).replace(_text(anchor), " ")
            day = _find(rest, anchor)
            if day is None and (inside := _date_inside(anchor)):  # stats.gov.cn: <a><font>title</font><font>date</font></a>
                rest, day = inside, _find(inside, anchor)
            out.append((row, anchor, day, rest))
        return out

    scored: list[tuple[int, int, lxml_html.HtmlElement, list]] = []
    for container, pairs in rows.items():
        if _in_chrome(pairs[0][0]):
            continue
        analysed = dated(pairs)
        n_dated = sum(1 for *_, d, _ in analysed if d)
        scored.append((n_dated, len(pairs), container, analysed))
    if not scored:
        return []
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    best_dated, best_len, best, _ = scored[0]
    if best_dated == 0:
        # An undated list still lists items (which then count as not updated). Accept it only where
        # the markup says it is a list of rows, and never on a page that says it has nothing.
        if says_empty(doc):
            return []
        candidates = [
            s for s in scored
            if s[2].tag in ("ul", "ol", "table", "tbody", "dl")
            and _LIST_MARK.search(_marks(s[2]) + _marks(s[2].getparent()))
            and not _column_menu([a for _, a, _, _ in s[3]], base_url)
        ]
        if not candidates:
            return []
        best = candidates[0][2]
        chosen = [candidates[0]]
    else:
        signature = (best.tag, best.get("class"), best.getparent().tag if best.getparent() is not None else None)
        chosen = [
            s for s in scored
            if s[0] > 0 and (s[2] is best or (s[2].tag, s[2].get("class"),
                                               s[2].getparent().tag if s[2].getparent() is not None else None)
                             == signature)
        ]
    order = {el: i for i, el in enumerate(doc.iter())}
    entries = []
    for _, _, _, analysed in chosen:
        for row, anchor, day, rest in analysed:
            title = (anchor.get("title") or _text(anchor)).strip()
            if not anchor.get("title") and (inside := _date_inside(anchor)):
                title = title.replace(inside, " ").strip()
            if not title or _PAGER_LABEL.fullmatch(title):  # a pager drawn as the list's last row
                continue
            date_text = _date_text(rest) if day else None
            entries.append((order.get(row, 0), ListEntry(title, address(anchor.get("href")), day, date_text)))
    entries.sort(key=lambda e: e[0])
    return [e for _, e in entries]


_INDEX_PAGE = re.compile(r"(/|/index(_\d+)?\.s?html?|/index\.jsp|/col/col\d+/.*)$", re.I)


def _column_menu(anchors: list, base_url: str) -> bool:
    """Links to columns, not items: a side menu of sibling columns (it links the page itself, or most of
    its links end in a column's index page). An empty column's page often shows one beside its empty list."""
    urls = [resolve(base_url, a.get("href")).split("#")[0] for a in anchors]
    here = base_url.split("#")[0]
    if any(u == here or u.rstrip("/") + "/" == here.rsplit("/", 1)[0] + "/" for u in urls):
        return True
    return sum(1 for u in urls if _INDEX_PAGE.search(u.split("?")[0])) * 2 > len(urls)


_PUBLISH_HEADER = re.compile(r"发布(日期|时间)|公开日期")


def _publish_cell(row, header_cache: dict) -> str | None:
    """In a table whose header names a 发布日期 column, that cell's text: 信息公开目录 tables also show
    成文日期, which is not the publishing date."""
    if row.tag != "tr":
        return None
    table = row.getparent()
    while table is not None and table.tag != "table":
        table = table.getparent()
    if table is None:
        return None
    index = header_cache.get(table)
    if index is None:
        index = -1
        for tr in table.iter("tr"):
            cells = [_text(c) for c in tr if c.tag in ("th", "td")]
            hit = [i for i, c in enumerate(cells) if _PUBLISH_HEADER.search(c) and len(c) < 10]
            if hit:
                index = hit[0]
                break
        header_cache[table] = index
    cells = [c for c in row if c.tag in ("th", "td")]
    return _text(cells[index]) if 0 <= index < len(cells) else None

_DATE_TEXT = re.compile(r"[\[(（【]?\s*(?:(?:19|20)\d{2}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?[\])）】]?"
                        r"|\d{1,3}\s*(?:分钟|小时|个小时|天|周)前|刚刚|昨天(?:\s*\d{1,2}:\d{2})?|前天|今天")
# An element holding only a date: with its year (and maybe its time), or a bracketed [06-12].
_DATE_ONLY = re.compile(r"[\[(（【]?\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
                        r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[\])）】]?"
                        r"|[\[(（【]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[\])）】]")


_PAGER_LABEL = re.compile(r"\d{1,4}|[上下]\s*\d*\s*页|[上下前后]一页|首页|尾页|末页|[<>«»‹›]{1,2}")


def _date_inside(anchor) -> str | None:
    """The text of an element inside the link that holds nothing but a date (the title beside it)."""
    for el in anchor.iterdescendants():
        if isinstance(el.tag, str) and (text := _text(el)) and _DATE_ONLY.fullmatch(text):
            return text
    return None


def _date_text(text: str) -> str | None:
    match = _DATE_TEXT.search(text)
    return match.group(0).strip() if match else None


def says_empty(doc) -> bool:
    """The page states that the column has nothing (暂无信息)."""
    return bool(_EMPTY_MARK.search(_text(doc)[:20000]))
