"""政策解读: policy documents without interpretation, not linked both ways, late, or merely repeated.

A policy document that needs an interpretation is a 规范性文件: listed in a policy column and carrying
its own 文号 (in its metadata table, its title or standing alone at the head of its body; not a number
it cites after 根据/按照, not an annual report, work summary or 转发 notice), or any document that
promises one ("解读另行发布", "相关解读：《…》"). Interpretations are the items of interpretation columns
and items titled like one anywhere. A document and its interpretation are paired by a link in either
direction first, then by a plain-text mention in either direction (the document's title in quotes or
its 文号 in the interpretation, "详见《…解读》" in the document), then by title similarity; each pair
says how it was matched, and `unlinked` says per direction whether there is a link, a mention without
a link, or nothing.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urldefrag

from checks.base import AuditData, CheckRules, Item, Observation
from checks.registry import check
from checks.similarity import plain, shingles, similar_passages
from checks.sources import derived, hrefs, page
from checks.text import to_simplified
from checks.verbatim import copied_share
from core.urls import page_key, resolve, url_day

# Titles of a real 政策解读 column (卫生部 / 国家卫生计生委, benchmarks/real_interpretations.py) also say 答问,
# 答疑, 修订说明 / 编写说明 and 图表：; a bare "…的说明" or "情况说明" is not taken (it is as often a notice).
_INTERP_TITLE_RX = re.compile(r"解读|图解|一图读懂|一图看懂|答记者问|政策问答|问答|答问|答疑|吹风会|(?:修订|编写|起草|制定)说明"
                              r"|^图表[：:]")
# a 文号 (国办发〔2019〕6号), the number of a 令 (中华人民共和国国务院令 第707号, often on two lines), or a
# ministry's 令 numbered by year as www.ndrc.gov.cn lists them ("2026年第41号令", "国家发展改革委令2026年第41号")
_DOC_NO_RX = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［【(（]\s*(19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号"
                        r"|[\u4e00-\u9fff]{0,10}令\s*第\s*\d{1,4}\s*号"
                        r"|[\u4e00-\u9fff]{0,10}令\s*(?:19|20)\d{2}\s*年\s*第\s*\d{1,4}\s*号"
                        r"|(?:19|20)\d{2}\s*年\s*第\s*\d{1,4}\s*号\s*令")
_QUOTED_RX = re.compile(r"《([^《》]{4,80})》")
_SOURCE_LABEL_RX = re.compile(r"原文|政策原文|文件原文|相关文件|原文链接")
# a 文号 the document cites rather than bears: after 根据/按照…, or inside a quoted title
# (on one line: a page whose title ends in 》 bears its own 文号 on the next line, e.g. "…关于印发《…细则》")
_CITED_RX = re.compile(r"(根据|依据|按照|遵照|贯彻|落实|转发|执行|参照|对照|结合|《[^》]{0,80}》[ \t\u3000]*[（(]?)"
                       r"[^。；\n]{0,40}$")
# Documents that carry a 文号 but are not policies a 解读 is owed for: reports, summaries, 转发, lists and
# 公示 notices (not a "公示制度"), 通报; replies (复函, 批复, 答复 to deputies' proposals, "…办理情况的函"),
# appointments and committee members, holiday schedules, awards. Measured on 60 State Council documents
# from www.gov.cn (benchmarks/real_reports.py --policies): 28 of 51 selected documents were of these kinds.
_NOT_POLICY_TITLE_RX = re.compile(
    r"年度报告|年报|工作总结|工作小结|工作要点|工作计划|述职|总结报告|情况的报告|转发|名单|公示$|的公示|公示结果|公示公告"
    r"|通报|复函|批复|答复|情况的函|组成人员|任免|节假日|奖励的决定|表彰|表扬")
_PROMISE_RX = re.compile(r"(解读|政策问答)[^。；\n]{0,20}(另行|另文|将于|随后|同步)?发布|相关解读[：:]|详见[^。；\n]{0,60}解读"
                         r"|(解读|政策问答)[^。；\n]{0,6}(见|详见)[^。；\n]{0,40}")
_MENTION_RX = re.compile(r"(?:相关解读|政策解读|解读材料|解读)[：:]\s*《([^《》]{4,80})》"
                         r"|详见[^《。；\n]{0,12}《([^《》]{4,80})》|《([^《》]{4,80}(?:解读|问答|图解)[^《》]{0,10})》")
log = logging.getLogger(__name__)
_TITLE_NOISE_RX = re.compile(r"关于|的|解读|政策|图解|一图读懂|一图看懂|答记者问|问答|《|》|〈|〉|“|”|印发|通知")
# What a 解读 leaves out when it names its document: the issuing organs before 关于 ("国家发展改革委等部门关于…",
# "三部门关于印发《…》的通知") and the 文号 a list puts after the title ("…实施意见(发改法规〔2026〕195号)",
# "《…规定》 2026年第41号令"). Measured on real titles (benchmarks/real_interpretations.py).
_ISSUERS_RX = re.compile(r"^[^《〈“\n]{2,40}?(?=关于)")
_TRAILING_NUMBER_RX = re.compile(r"\s*[(（]?\s*(?:" + _DOC_NO_RX.pattern + r")\s*[)）]?\s*$")
_MIN_NAME = 8  # a shorter name ("实施意见", "管理办法") says nothing about which document it is
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
    matched_by: str  # link | mention | quoted_title | title_similarity


def document_number(data: AuditData, item: Item) -> str | None:
    for key in ("文号", "发文字号"):
        value = (item.meta or {}).get(key)
        if value and str(value).strip() not in ("", "无", "-", "/"):
            return str(value).strip()
    match = _DOC_NO_RX.search(item.title)
    if match and (_numbered_title(item.title, match)
                  or not _CITED_RX.search(item.title[:match.start()] + _lead(match.group(0)))):
        return match.group(0)
    parsed = page(data, item.detail_snapshot_id)
    if parsed is not None:
        head = parsed.main[:300]
        for match in _DOC_NO_RX.finditer(head):
            before = head[max(0, match.start() - 60):match.start()] + _lead(match.group(0))
            if not _CITED_RX.search(before):  # the document's own number, not one it cites
                return match.group(0)
    return None


def _numbered_title(title: str, match: re.Match[str]) -> bool:
    """A list title that is the document's name in quotes and then its number ("《…规定》 2026年第41号令")."""
    return match.end() == len(title.rstrip()) and bool(re.fullmatch(r"《[^《》]+》\s*", title[:match.start()]))


def _lead(number: str) -> str:
    """The words the 文号 pattern took in before the issuer (根据丽政办发… → 根据丽政办发)."""
    return re.match(r"[\u4e00-\u9fff]*", number).group(0)  # type: ignore[union-attr]


def promises_interpretation(data: AuditData, item: Item) -> str | None:
    """The sentence in which a document promises or points to its interpretation."""
    parsed = page(data, item.detail_snapshot_id)
    if parsed is None:
        return None
    match = _PROMISE_RX.search(to_simplified(parsed.main))
    return match.group(0) if match else None


def needs_interpretation(data: AuditData, item: Item, category: str) -> bool:
    """规范性文件 and policy documents bearing their own 文号; never annual reports, work summaries or
    转发 notices; any document that promises an interpretation."""
    if is_interpretation_title(item.title):
        return False
    if promises_interpretation(data, item):
        return True
    if category != "policy" or _NOT_POLICY_TITLE_RX.search(to_simplified(item.title)):
        return False
    return document_number(data, item) is not None


def is_interpretation_title(title: str) -> bool:
    return bool(_INTERP_TITLE_RX.search(to_simplified(title)))


def split_documents(data: AuditData) -> tuple[list[Doc], list[Doc]]:
    """(policy documents that need an interpretation, interpretations). Read every document's page once
    per AuditData, however many interpretation checks and scopes ask."""
    policies, interpretations = derived(data, "interpretation.split_documents", lambda: _split_documents(data))
    return list(policies), list(interpretations)


def _split_documents(data: AuditData) -> tuple[list[Doc], list[Doc]]:
    policies, interpretations, seen = [], [], set()
    for column in data.columns:
        for item in column.items:
            if (column.unit, item.url) in seen:
                continue
            doc = Doc(column.unit, item, column.fetched_at, column.name)
            if column.category == "interpretation" or is_interpretation_title(item.title):
                seen.add((column.unit, item.url))
                interpretations.append(doc)
            elif needs_interpretation(data, item, column.category):
                seen.add((column.unit, item.url))
                policies.append(doc)
    return policies, interpretations


def _canon_url(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("javascript:", "#", "mailto:")):
        return None
    return urldefrag(resolve(base, href))[0]


def _files_of(data: AuditData) -> dict[str, set[str]]:
    """page_key of each page → the page_keys of the files it links (attachments), once per AuditData."""
    def build() -> dict[str, set[str]]:
        files: dict[str, set[str]] = defaultdict(set)
        for attachment in data.attachments:
            files[page_key(attachment.parent_url)].add(page_key(attachment.url))
        return files
    return derived(data, "interpretation.files_of", build)


def _reads_as(data: AuditData, target: Doc) -> set[str]:
    """What a link may lead to and reach `target` (core.urls.page_key: http or https, with or without www.): its
    page, or a file its page links (a 解读 often gives "原文链接" as the document's full text in PDF)."""
    own = page_key(target.item.url)
    return {own} | _files_of(data).get(own, set())


def _leads_to(base: str, href: str, keys: set[str]) -> bool:
    url = _canon_url(base, href)
    return url is not None and page_key(url) in keys


def _main_links_to(data: AuditData, source: Doc, keys: set[str]) -> bool:
    parsed = page(data, source.item.detail_snapshot_id)
    return parsed is not None and any(_leads_to(source.item.url, href, keys) for _, href in parsed.links)


def links_to(data: AuditData, source: Doc, target: Doc) -> bool:
    """The main content of `source` links to `target` (what pairing trusts: a sidebar of recent interpretations
    links to many)."""
    return _main_links_to(data, source, _reads_as(data, target))


def links_anywhere(data: AuditData, source: Doc, target: Doc) -> bool:
    """Any link of the `source` page leads to `target`: many templates put "相关解读" or "原文链接" in a block
    below the content container (gov.cn, ndrc.gov.cn); the two are linked for the reader all the same."""
    keys = _reads_as(data, target)
    return _main_links_to(data, source, keys) or any(
        _leads_to(source.item.url, href, keys) for href in hrefs(data, source.item.detail_snapshot_id))


def dead_source_labels(data: AuditData, doc: Doc) -> list[str]:
    """"原文链接" and the like on the interpretation page with no working href behind them."""
    parsed = page(data, doc.item.detail_snapshot_id)
    if parsed is None:
        return []
    return [text for text, href in parsed.links if _SOURCE_LABEL_RX.search(text) and not _canon_url(doc.item.url, href)]


def _core_title(title: str) -> str:
    return _TITLE_NOISE_RX.sub("", to_simplified(title))


def _names(title: str) -> set[str]:
    """The core title and the name a 解读 gives the document by: without its issuing organs and its 文号."""
    full = to_simplified(title).strip()
    bare = _TRAILING_NUMBER_RX.sub("", full)
    names = {_core_title(full), _core_title(bare), _core_title(_ISSUERS_RX.sub("", bare))}
    return {n for n in names if len(n) >= _MIN_NAME}


def _named(quoted: str, policy_title: str) -> bool:
    """A title quoted in a 解读 names this document: equal cores, or equal once issuers and 文号 are dropped."""
    core = _core_title(policy_title)
    return bool(core and _core_title(quoted) == core) or bool(_names(quoted) & _names(policy_title))


def _quotes(data: AuditData, doc: Doc) -> list[str]:
    """The titles quoted in a 解读's title and at the head of its text."""
    parsed = page(data, doc.item.detail_snapshot_id)
    text = doc.item.title + "\n" + (parsed.main[:500] if parsed else "")
    return _QUOTED_RX.findall(to_simplified(text))


def _full_main(data: AuditData, doc: Doc) -> str:
    parsed = page(data, doc.item.detail_snapshot_id)
    return to_simplified(parsed.main) if parsed else ""


def mentions_document(data: AuditData, interp: Doc, policy: Doc) -> str | None:
    """The interpretation names the document in plain text: its title in quotes, or its 文号."""
    text = _full_main(data, interp) or to_simplified(interp.item.title)
    for quoted in _QUOTED_RX.findall(to_simplified(interp.item.title) + "\n" + text):
        if _named(quoted, policy.item.title):
            return f"《{quoted}》"
    number = document_number(data, policy.item)
    if number and number in text:
        return number
    return None


def mentions_interpretation(data: AuditData, policy: Doc, interp: Doc) -> str | None:
    """The document names its interpretation in plain text ("相关解读：《…》", "详见《…》")."""
    core = _core_title(interp.item.title)
    for match in _MENTION_RX.finditer(_full_main(data, policy)):
        quoted = next(g for g in match.groups() if g)
        if core and (_core_title(quoted) == core or quoted == to_simplified(interp.item.title)):
            return match.group(0)
    return None


def interpretation_attachment(data: AuditData, policy: Doc) -> str | None:
    """An attachment of the document named as its interpretation (政策解读.docx)."""
    for attachment in data.attachments:
        if attachment.parent_url == policy.item.url and is_interpretation_title(attachment.name or ""):
            return attachment.name
    parsed = page(data, policy.item.detail_snapshot_id)
    for text, href in parsed.links if parsed else ():
        if is_interpretation_title(text) and re.search(r"\.(pdf|docx?|wps|ofd|xlsx?)$", href.strip(), re.I):
            return text
    return None


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
    match("quoted_title", lambda p, i: any(_named(q, p.item.title) for q in _quotes(data, i)))
    match("mention", lambda p, i: bool(mentions_interpretation(data, p, i) or mentions_document(data, i, p)))
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


@dataclass(frozen=True)
class WorkingDays:
    days: int
    uncalendared: tuple[int, ...] = ()  # years the calendar package has no data for: weekdays counted


def count_working_days(start: date, end: date) -> WorkingDays:
    """Working days after `start` up to and including `end`, on the PRC calendar with its 调休 days.

    For a year the chinesecalendar package does not know yet (it is released after the State Council's
    holiday notice), weekdays are counted, and the result says which years that was.
    """
    import chinese_calendar

    days, day, unknown = 0, start, set()
    while day < end:
        day += timedelta(days=1)
        try:
            workday = chinese_calendar.is_workday(day)
        except NotImplementedError:
            unknown.add(day.year)
            workday = day.weekday() < 5
        days += workday
    if unknown:
        log.warning("chinesecalendar 无 %s 年的节假日数据：按周一至周五计算工作日", "、".join(map(str, sorted(unknown))))
    return WorkingDays(days, tuple(sorted(unknown)))


def working_days_between(start: date, end: date) -> int:
    return count_working_days(start, end).days


def _calendar_note(counted: WorkingDays) -> str:
    if not counted.uncalendared:
        return ""
    years = "、".join(f"{y}年" for y in counted.uncalendared)
    return f"（节假日日历缺少{years}数据，该年份按周一至周五计算工作日）"


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


_MATCHED = {"link": "页面链接", "mention": "正文中的文字提及", "quoted_title": "解读中引用的文件标题",
            "title_similarity": "标题相似"}


def _finding(code: str, policy: Doc, detail: str, evidence: dict) -> Observation:
    return Observation(code, policy.unit, f"policy:{policy.item.url}", policy.item.title, policy.item.url, detail,
                   policy.observed_at, evidence)


def _policy_scope(data: AuditData) -> set[tuple[str, str]]:
    """The documents that need an interpretation, and every document of a policy column whose page was read:
    one found not to need any (a 复函, a 1996 notice) is judged too, so that an earlier finding on it closes."""
    policies, _ = split_documents(data)
    read = {(c.unit, f"policy:{i.url}") for c in data.columns if c.category == "policy"
            for i in c.items if i.detail_snapshot_id is not None}
    return {(p.unit, f"policy:{p.item.url}") for p in policies} | read


@check("interpretation.missing", scope=_policy_scope)
def missing(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """A document that needs an interpretation and has none once the working-day limit has passed; a
    document that promises one ("解读另行发布", "相关解读：《…》") that exists nowhere is named as such.
    An interpretation given only as the document's attachment is not missing (it is `unlinked`)."""
    limit = rules.interpretation_late_working_days
    _, unpaired = pair_documents(data)
    findings = []
    for policy in unpaired:
        published = policy.item.publish_date
        if (published is None or published > as_of or published < rules.interpretation_required_since
                or interpretation_attachment(data, policy)):
            continue
        counted = count_working_days(published, as_of)
        if counted.days <= limit:
            continue
        number = document_number(data, policy.item)
        promise = promises_interpretation(data, policy.item)
        said = f"，文中称“{promise}”，但未找到该解读" if promise else ""
        findings.append(_finding(
            "interpretation.missing", policy,
            f"政策文件“{policy.item.title}”（{number + '，' if number else ''}{published:%Y-%m-%d}发布）"
            f"未发布政策解读{said}{_calendar_note(counted)}",
            {"snapshots": [policy.item.detail_snapshot_id] if policy.item.detail_snapshot_id else [],
             "document_number": number, "publish_date": published.isoformat(), "promise": promise,
             "uncalendared_years": list(counted.uncalendared)}))
    return findings


def _way(data: AuditData, source: Doc, target: Doc, mention: str | None, unlinked_text: str,
         mentioned_text: str) -> str | None:
    """Why one direction is not linked (None when it is)."""
    if links_anywhere(data, source, target):
        return None
    if mention:
        return f"{mentioned_text}（“{mention[:60]}”），无链接"
    return unlinked_text


@check("interpretation.unlinked", scope=_policy_scope)
def unlinked(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """Document and interpretation must link each other: a plain-text mention ("详见…解读", a title in
    quotes) is no link, nor is a "原文链接" label with no href; an interpretation given only as an
    attachment of the document is not linked both ways either."""
    pairs, unpaired = pair_documents(data)
    findings = []
    for pair in pairs:
        missing_ways = []
        to_interp = _way(data, pair.policy, pair.interpretation,
                         mentions_interpretation(data, pair.policy, pair.interpretation),
                         "政策文件页面未链接解读", "政策文件页面仅以文字提及解读")
        if to_interp:
            missing_ways.append(to_interp)
        back = _way(data, pair.interpretation, pair.policy,
                    mentions_document(data, pair.interpretation, pair.policy),
                    "解读页面未链接政策原文", "解读页面仅以文字提及政策原文")
        if back:
            dead = dead_source_labels(data, pair.interpretation)
            missing_ways.append(back + (f"（“{dead[0]}”无有效链接）" if dead else ""))
        if missing_ways:
            evidence = _pair_evidence(data, pair) | {"missing": missing_ways}
            findings.append(_finding(
                "interpretation.unlinked", pair.policy,
                f"政策文件“{pair.policy.item.title}”与解读“{pair.interpretation.item.title}”未双向关联："
                + "；".join(missing_ways) + f"（按{_MATCHED[pair.matched_by]}配对）", evidence))
    for policy in unpaired:
        name = interpretation_attachment(data, policy)
        if name:
            findings.append(_finding(
                "interpretation.unlinked", policy,
                f"政策文件“{policy.item.title}”的解读仅以附件“{name}”提供，未发布解读页面并与文件双向关联",
                {"snapshots": [policy.item.detail_snapshot_id] if policy.item.detail_snapshot_id else [],
                 "attachment": name, "missing": ["无解读页面"]}))
    return findings


def _late_span(pair: Pair) -> tuple[date, date, list[str]] | None:
    """(the document's day, the interpretation's day, notes) for judging lateness, or None. A list's date can be
    the document's 成文日期 while its page went up weeks later (a list at 2026-04-20, the page filed under
    t20260514): the later of the list's and the address's day counts for the document, the earlier for the
    interpretation, so that a deduction never rests on the date that makes it later."""
    start, end = pair.policy.item.publish_date, pair.interpretation.item.publish_date
    if start is None or end is None:
        return None
    notes = []
    filed = url_day(pair.policy.item.url)
    if filed and start < filed <= end:
        notes.append(f"政策文件列表日期{start:%Y-%m-%d}，页面地址日期{filed:%Y-%m-%d}，按后者计")
        start = filed
    filed = url_day(pair.interpretation.item.url)
    if filed and start <= filed < end:
        notes.append(f"解读列表日期{end:%Y-%m-%d}，页面地址日期{filed:%Y-%m-%d}，按前者计")
        end = filed
    return (start, end, notes) if end > start else None


@check("interpretation.late", scope=_policy_scope)
def late(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    limit = rules.interpretation_late_working_days
    pairs, _ = pair_documents(data)
    findings = []
    for pair in pairs:
        span = _late_span(pair)
        if span is None:
            continue
        start, end, notes = span
        counted = count_working_days(start, end)
        if counted.days > limit:
            findings.append(_finding(
                "interpretation.late", pair.policy,
                f"解读“{pair.interpretation.item.title}”于{end:%Y-%m-%d}发布，晚于政策文件（{start:%Y-%m-%d}）"
                f"{counted.days}个工作日，超过{limit}个工作日的时限{_calendar_note(counted)}"
                + (f"（{'；'.join(notes)}）" if notes else ""),
                _pair_evidence(data, pair) | {"working_days": counted.days, "limit": limit,
                                              "counted_from": start.isoformat(), "counted_to": end.isoformat(),
                                              "uncalendared_years": list(counted.uncalendared)}))
    return findings


def document_full_text(data: AuditData, policy: Doc) -> str:
    """The document as a reader has it: the page's text and its attachments' text (PDF, DOC(X), WPS, OFD …)."""
    parsed = page(data, policy.item.detail_snapshot_id)
    parts = [parsed.main] if parsed else []
    parts += [a.text for a in data.attachments if a.parent_url == policy.item.url and a.text]
    return "\n".join(parts)


@check("interpretation.copied", scope=_policy_scope)
def copied(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """An interpretation that mostly repeats the document (文件摘抄、压缩版): the share of its characters
    covered by verbatim spans of at least N characters of the document's full text (page and attachments).
    Knobs: `interpretation_copied_share` (threshold) and `interpretation_copied_min_span` (N)."""
    limit = rules.interpretation_copied_share
    min_span = rules.interpretation_copied_min_span
    pairs, _ = pair_documents(data)
    findings = []
    for pair in pairs:
        interp_page = page(data, pair.interpretation.item.detail_snapshot_id)
        source = document_full_text(data, pair.policy)
        if interp_page is None or not source:
            continue
        body = interp_page.narrative.replace(interp_page.title, "")
        mine = plain(body)
        if len(mine) < 60:
            continue
        result = copied_share(mine, plain(source), min_span)
        if result.share >= limit:
            doc_page = page(data, pair.policy.item.detail_snapshot_id)
            in_attachment = len(source) > (len(doc_page.main) if doc_page else 0)
            findings.append(_finding(
                "interpretation.copied", pair.policy,
                f"解读“{pair.interpretation.item.title}”{result.share:.0%}的文字照搬政策文件原文"
                f"{'（含附件正文）' if in_attachment else ''}（连续{min_span}字以上相同计为照搬，阈值{limit:.0%}），"
                "属简单摘抄或压缩文件",
                _pair_evidence(data, pair) | {"share": round(result.share, 3), "min_span": min_span,
                                              "copied_chars": result.covered, "interpretation_chars": result.total,
                                              "passages": [mine[a:b][:200] for a, b in result.spans[:3]],
                                              "similar_sentences": similar_passages(body, shingles(source))}))
    return findings
