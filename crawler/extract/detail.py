"""Title, publish date and disclosure metadata of a detail page."""

from __future__ import annotations

import re
from typing import Any

from crawler.extract.dates import find_date
from crawler.extract.trs_api import related_links
from crawler.items import DetailFields

_META_DATE_NAMES = ("pubdate", "publishdate", "firstpublishedtime", "publish_date", "publishtime")
# The page's own publish label first; a bare 日期/时间 only where it stands alone: 生成日期, 成文日期,
# 开始时间, 留言时间 name other dates (the document's, an event's, a side box's items).
_LABEL_RXS = (re.compile(r"(发布日期|发布时间|发文日期)\s*[:：]\s*([^\n|｜]{4,40})"),
              re.compile(r"(?<![\u3400-\u9fff])(日期|时间)\s*[:：]\s*([^\n|｜]{4,40})"))
# No label at all: the byline under the title, a date with its time of day beside 来源 (source).
_STAMP = r"((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}\s*[:时]\s*\d{2})"
_BYLINE_RX = re.compile(_STAMP + r"[^\d\n]{0,12}?来源|来源\s*[:：][^\d\n]{0,20}?" + _STAMP)
_META_FIELDS = ("索引号", "发布机构", "发文机关", "成文日期", "发布日期", "文号", "发文字号", "主题分类", "有效性")


def _text(el) -> str:
    return " ".join(el.text_content().split())


def extract_detail(doc, base_url: str | None = None) -> DetailFields:
    """`base_url` also collects related-document links that scripts fill in (相关文件)."""
    metas = {(m.get("name") or "").lower(): (m.get("content") or "").strip() for m in doc.iter("meta")}
    title = metas.get("articletitle") or None
    if not title:
        for xp in ("//h1", "//*[contains(@class,'title')]", "//h2", "//title"):
            found = doc.xpath(xp)
            if found and _text(found[0]):
                title = _text(found[0])
                break
    related = related_links(" ".join(doc.xpath("//script/text()")), base_url) if base_url else []
    for bad in doc.xpath("//script|//style"):
        bad.drop_tree()
    fields: dict[str, Any] = dict(_metadata_table(doc))
    if related:
        fields["相关文件"] = related
    shown, source = _shown_date(doc, fields)
    meta = next((day for name in _META_DATE_NAMES if (day := find_date(metas.get(name, "")))), None)
    # The CMS's own field is later than the shown date on migrated or republished pages; a shown date
    # after it is another date of the page (a side list's item), not this page's.
    if shown and not (meta and shown > meta):
        return DetailFields(title, shown, source, fields)
    if meta:
        return DetailFields(title, meta, "meta", fields)
    return DetailFields(title, None, None, fields)


def _shown_date(doc, fields: dict[str, str]) -> tuple[Any, str | None]:
    """The publish date the page shows its reader: the metadata table's 发布日期, a publish label, the byline.
    It comes before <meta name="PubDate">, which on real pages is often later than the date shown (a page
    republished or moved to a new CMS keeps its shown date); a later date would make a late finding."""
    if "发布日期" in fields and (day := find_date(fields["发布日期"])):
        return day, "label"
    text = _text(doc)
    for label_rx in _LABEL_RXS:
        for match in label_rx.finditer(text):
            if day := find_date(match.group(2)):
                return day, "label"
    for match in _BYLINE_RX.finditer(text):
        if day := find_date(match.group(1) or match.group(2)):
            return day, "text"
    return None, None


def _metadata_table(doc) -> dict[str, str]:
    """信息公开目录 metadata (索引号, 发布机构, 成文日期, 发布日期, 文号 …) from label/value cells."""
    fields: dict[str, str] = {}
    cells = doc.xpath("//td|//th|//span|//li|//dt|//dd|//div[not(*)]")
    texts = [_text(c) for c in cells]
    for i, text in enumerate(texts):
        for label in _META_FIELDS:
            if label in fields or not text.startswith(label):
                continue
            rest = text[len(label):].lstrip(" :：")
            if not rest and i + 1 < len(texts):
                rest = texts[i + 1]
            if rest and len(rest) < 120 and not any(rest.startswith(x) for x in _META_FIELDS):
                fields[label] = rest
    return fields
