"""政策解读: policy documents without interpretation, not linked both ways, late, or merely repeated.

A policy document that needs an interpretation is a 规范性文件: listed in a policy column and carrying a
文号 (in its metadata table, its title or the head of its body). Interpretations are the items of
interpretation columns and items titled like one anywhere. A document and its interpretation are paired
by a link in either direction first, then by the document's title quoted in the interpretation
(《…》), then by title similarity; each pair says how it was matched.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urldefrag, urljoin

from checks.base import AuditData, CheckRules, Item, Observation
from checks.registry import check
from checks.similarity import containment, shingles, similar_passages
from checks.sources import page
from checks.text import to_simplified

_INTERP_TITLE_RX = re.compile(r"解读|图解|一图读懂|一图看懂|答记者问|政策问答|问答|吹风会")
_DOC_NO_RX = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［【(（]\s*(19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_QUOTED_RX = re.compile(r"《([^《》]{4,80})》")
_SOURCE_LABEL_RX = re.compile(r"原文|政策原文|文件原文|相关文件|原文链接")
_TITLE_NOISE_RX = re.compile(r"关于|的|解读|政策|图解|一图读懂|一图看懂|答记者问|问答|《|》|“|”|印发|通知")
DEFAULT_TITLE_SIMILARITY = 0.75


@dataclass(frozen=True)
class Doc:
    unit: str
    item: Item
    observed_at: datetime | None
    column: str


@dataclass(frozen=True)
class Pair:
    policy: Doc
    interpretation: Doc
    matched_by: str  # link | quoted_title | title_similarity


def document_number(data: AuditData, item: Item) -> str | None:
    for key in ("文号", "发文字号"):
        value = (item.meta or {}).get(key)
        if value and str(value).strip() not in ("", "无", "-", "/"):
            return str(value).strip()
    match = _DOC_NO_RX.search(item.title)
    if match:
        return match.group(0)
    parsed = page(data, item.detail_snapshot_id)
    if parsed is not None:
        match = _DOC_NO_RX.search(parsed.main[:300])
        if match:
            return match.group(0)
    return None


def is_interpretation_title(title: str) -> bool:
    return bool(_INTERP_TITLE_RX.search(to_simplified(title)))


def split_documents(data: AuditData) -> tuple[list[Doc], list[Doc]]:
    """(policy documents that need an interpretation, interpretations)."""
    policies, interpretations, seen = [], [], set()
    for column in data.columns:
        for item in column.items:
            if (column.unit, item.url) in seen:
                continue
            doc = Doc(column.unit, item, column.fetched_at, column.name)
            if column.category == "interpretation" or is_interpretation_title(item.title):
                seen.add((column.unit, item.url))
                interpretations.append(doc)
            elif column.category == "policy" and document_number(data, item):
                seen.add((column.unit, item.url))
                policies.append(doc)
    return policies, interpretations


def _canon_url(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("javascript:", "#", "mailto:")):
        return None
    return urldefrag(urljoin(base, href))[0]


def links_to(data: AuditData, source: Doc, target: Doc) -> bool:
    parsed = page(data, source.item.detail_snapshot_id)
    if parsed is None:
        return False
    return any(_canon_url(source.item.url, href) == target.item.url for _, href in parsed.links)


def dead_source_labels(data: AuditData, doc: Doc) -> list[str]:
    """"原文链接" and the like on the interpretation page with no working href behind them."""
    parsed = page(data, doc.item.detail_snapshot_id)
    if parsed is None:
        return []
    return [text for text, href in parsed.links if _SOURCE_LABEL_RX.search(text) and not _canon_url(doc.item.url, href)]


def _core_title(title: str) -> str:
    return _TITLE_NOISE_RX.sub("", to_simplified(title))


def _quotes(data: AuditData, doc: Doc) -> set[str]:
    parsed = page(data, doc.item.detail_snapshot_id)
    text = doc.item.title + "\n" + (parsed.main[:500] if parsed else "")
    return {_core_title(q) for q in _QUOTED_RX.findall(to_simplified(text))}


def pair_documents(data: AuditData) -> tuple[list[Pair], list[Doc]]:
    """(pairs, policy documents left without interpretation).

    Three passes, strongest evidence first, so that a weak title match never takes an interpretation that
    links to another document.
    """
    policies, interpretations = split_documents(data)
    pairs: dict[str, Pair] = {}
    used: set[str] = set()

    def match(how: str, fits) -> None:
        for policy in policies:
            if policy.item.url in pairs:
                continue
            for interp in interpretations:
                if interp.unit == policy.unit and interp.item.url not in used and fits(policy, interp):
                    pairs[policy.item.url] = Pair(policy, interp, how)
                    used.add(interp.item.url)
                    break

    match("link", lambda p, i: links_to(data, i, p) or links_to(data, p, i))
    match("quoted_title", lambda p, i: _core_title(p.item.title) in _quotes(data, i))
    match("title_similarity", lambda p, i: difflib.SequenceMatcher(
        None, _core_title(p.item.title), _core_title(i.item.title)).ratio() >= DEFAULT_TITLE_SIMILARITY)
    return [pairs[p.item.url] for p in policies if p.item.url in pairs], \
        [p for p in policies if p.item.url not in pairs]


def interpretation_form(data: AuditData, doc: Doc) -> str:
    """文字, 图解, 视频 or 访谈: some schemes give bonus points for forms other than text."""
    title = to_simplified(doc.item.title)
    parsed = page(data, doc.item.detail_snapshot_id)
    if re.search(r"视频|微视频|短视频", title) or (parsed is not None and parsed.has_video):
        return "视频"
    if re.search(r"答记者问|访谈|专访|吹风会|发布会", title):
        return "访谈"
    if re.search(r"图解|一图读懂|一图看懂|图说|长图", title):
        return "图解"
    return "文字"


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`, on the PRC calendar with its 调休 days."""
    import chinese_calendar

    days, day = 0, start
    while day < end:
        day += timedelta(days=1)
        try:
            workday = chinese_calendar.is_workday(day)
        except NotImplementedError:  # outside the package's years: weekdays only
            workday = day.weekday() < 5
        days += workday
    return days


def _pair_evidence(data: AuditData, pair: Pair) -> dict:
    ids = [i for i in (pair.policy.item.detail_snapshot_id, pair.interpretation.item.detail_snapshot_id) if i]
    return {
        "snapshots": ids,
        "policy": {"title": pair.policy.item.title, "url": pair.policy.item.url,
                   "publish_date": _iso(pair.policy.item.publish_date)},
        "interpretation": {"title": pair.interpretation.item.title, "url": pair.interpretation.item.url,
                           "publish_date": _iso(pair.interpretation.item.publish_date),
                           "form": interpretation_form(data, pair.interpretation)},
        "matched_by": pair.matched_by,
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


_MATCHED = {"link": "页面链接", "quoted_title": "解读中引用的文件标题", "title_similarity": "标题相似"}


def _finding(code: str, policy: Doc, detail: str, evidence: dict) -> Observation:
    return Observation(code, policy.unit, f"policy:{policy.item.url}", policy.item.title, policy.item.url, detail,
                   policy.observed_at, evidence)


def _policy_scope(data: AuditData) -> set[tuple[str, str]]:
    policies, _ = split_documents(data)
    return {(p.unit, f"policy:{p.item.url}") for p in policies}


@check("interpretation.missing", scope=_policy_scope)
def missing(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """A 规范性文件 with no interpretation once the scheme's working-day limit has passed."""
    limit = rules.interpretation_late_working_days
    _, unpaired = pair_documents(data)
    findings = []
    for policy in unpaired:
        published = policy.item.publish_date
        if published is None or published > as_of or working_days_between(published, as_of) <= limit:
            continue
        findings.append(_finding(
            "interpretation.missing", policy,
            f"政策文件“{policy.item.title}”（{document_number(data, policy.item)}，{published:%Y-%m-%d}发布）未发布政策解读",
            {"snapshots": [policy.item.detail_snapshot_id] if policy.item.detail_snapshot_id else [],
             "document_number": document_number(data, policy.item), "publish_date": published.isoformat()}))
    return findings


@check("interpretation.unlinked", scope=_policy_scope)
def unlinked(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """Document and interpretation must link each other; a "原文链接" label with no href is no link."""
    pairs, _ = pair_documents(data)
    findings = []
    for pair in pairs:
        missing_ways = []
        if not links_to(data, pair.policy, pair.interpretation):
            missing_ways.append("政策文件页面未链接解读")
        if not links_to(data, pair.interpretation, pair.policy):
            dead = dead_source_labels(data, pair.interpretation)
            missing_ways.append("解读页面未链接政策原文" + (f"（“{dead[0]}”无有效链接）" if dead else ""))
        if missing_ways:
            evidence = _pair_evidence(data, pair) | {"missing": missing_ways}
            findings.append(_finding(
                "interpretation.unlinked", pair.policy,
                f"政策文件“{pair.policy.item.title}”与解读“{pair.interpretation.item.title}”未双向关联："
                + "；".join(missing_ways) + f"（按{_MATCHED[pair.matched_by]}配对）", evidence))
    return findings


@check("interpretation.late", scope=_policy_scope)
def late(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    limit = rules.interpretation_late_working_days
    pairs, _ = pair_documents(data)
    findings = []
    for pair in pairs:
        start, end = pair.policy.item.publish_date, pair.interpretation.item.publish_date
        if start is None or end is None or end <= start:
            continue
        days = working_days_between(start, end)
        if days > limit:
            findings.append(_finding(
                "interpretation.late", pair.policy,
                f"解读“{pair.interpretation.item.title}”于{end:%Y-%m-%d}发布，晚于政策文件（{start:%Y-%m-%d}）"
                f"{days}个工作日，超过{limit}个工作日的时限",
                _pair_evidence(data, pair) | {"working_days": days, "limit": limit}))
    return findings


@check("interpretation.copied", scope=_policy_scope)
def copied(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """An interpretation that mostly repeats the document (文件摘抄、压缩版) — share of repeated shingles."""
    limit = rules.interpretation_copied_share
    pairs, _ = pair_documents(data)
    findings = []
    for pair in pairs:
        doc_page = page(data, pair.policy.item.detail_snapshot_id)
        interp_page = page(data, pair.interpretation.item.detail_snapshot_id)
        if doc_page is None or interp_page is None:
            continue
        body = interp_page.narrative.replace(interp_page.title, "")
        mine, theirs = shingles(body), shingles(doc_page.main)
        if len(mine) < 30:
            continue
        share = containment(mine, theirs)
        if share >= limit:
            findings.append(_finding(
                "interpretation.copied", pair.policy,
                f"解读“{pair.interpretation.item.title}”{share:.0%}的文字照搬政策文件原文（阈值{limit:.0%}），"
                "属简单摘抄或压缩文件",
                _pair_evidence(data, pair) | {"share": round(share, 3),
                                              "passages": similar_passages(body, theirs)}))
    return findings
