"""政府信息公开工作年度报告: missing, late, incomplete (2021 format), tables that do not add up, copy-paste.

Reports are found in annual-report columns and by title anywhere; their text is the detail page's main
content plus the text of attachments linked from it (PDF, DOCX …). Deadlines follow 条例第四十九条:
departments by 1月31日, a government's own report by 3月31日; schemes may set others
(`annual_report_deadline: {department: "01-31", government: "03-31"}`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urldefrag, urljoin

from checks.base import AuditData, CheckRules, Item, Observation
from checks.registry import check
from checks.similarity import containment, shingles, similar_passages
from checks.sources import SourceScope, page
from checks.text import to_simplified

_TITLE_RX = re.compile(r"(政府信息公开|政务公开|信息公开).{0,6}(年度报告|年报)|年度报告.{0,4}信息公开")
_YEAR_RX = re.compile(r"(20\d{2})\s*年")
_FILE_RX = re.compile(r"\.(pdf|docx?|wps|ofd|xlsx?|et)$", re.I)

# The 2021 national format (国办公开办函〔2021〕30号), matched on text with punctuation, spaces and
# numbering removed, traditional characters folded, so "四、政府信息公开行政复议、行政诉讼情况",
# "（四）政府資訊公開行政復議 行政訴訟情況" and "4.政府信息公开行政复议和行政诉讼情况" all count.
SECTIONS = (
    ("第一部分“总体情况”", re.compile(r"总体情况")),
    ("第二部分“主动公开政府信息情况”", re.compile(r"主动公开政府信息的?情况")),
    ("第三部分“收到和处理政府信息公开申请情况”", re.compile(r"收到和处理政府信息公开申请的?情况")),
    ("第四部分“政府信息公开行政复议、行政诉讼情况”", re.compile(r"政府信息公开行政复议[和及与]?行政诉讼的?情况")),
    ("第五部分“存在的主要问题及改进情况”", re.compile(r"存在的?主要问题及其?改进")),
    ("第六部分“其他需要报告的事项”", re.compile(r"其他需要报告的事项")),
)
TABLES = (
    ("主动公开情况统计表（第二部分表格）", (re.compile(r"第二十条第[一1]项"), re.compile(r"现行有效件数"))),
    ("政府信息公开申请情况统计表（第三部分表格）",
     (re.compile(r"本年新收政府信息公开申请数量"), re.compile(r"结转下年度继续办理"))),
    ("行政复议、行政诉讼情况统计表（第四部分表格）",
     (re.compile(r"行政复议"), re.compile(r"未经复议直接起诉"), re.compile(r"复议后起诉"))),
)


@dataclass(frozen=True)
class Report:
    unit: str
    year: int
    item: Item
    text: str  # page main content + attachment texts
    narrative: str  # without tables
    rows: tuple[tuple[str, tuple[int, ...]], ...]  # (label, numbers) of every table row
    snapshot_ids: tuple[int, ...]
    observed_at: datetime | None
    text_pending: bool = False  # it links a PDF/DOCX … whose text is not available (yet): not judged on text

    @property
    def key(self) -> str:
        return f"report:{self.item.url}"


def _key_text(text: str) -> str:
    # 資訊 is the traditional-script publishers' word for 信息 (a word, not a character variant)
    plain = "".join(ch for ch in to_simplified(text) if ch.isalnum() and not ch.isdigit())
    return plain.replace("资讯", "信息")


def _split_row(cells: list[str]) -> tuple[str, tuple[int, ...]]:
    numbers: list[int] = []
    while cells and re.fullmatch(r"\d{1,9}", cells[-1].replace(",", "")):
        numbers.insert(0, int(cells.pop().replace(",", "")))
    return " ".join(cells), tuple(numbers)


def _text_rows(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Rows of a table that came out of a PDF or DOCX as text: a label followed by numbers on one line."""
    rows = []
    for line in text.splitlines():
        cells = [c for c in re.split(r"[\s|｜\t]+", line.strip()) if c]
        label, numbers = _split_row(cells)
        if numbers and label:
            rows.append((label, numbers))
    return rows


def _narrative_of_text(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not re.search(r"(\d+\s+){2,}\d+", line))


def find_reports(data: AuditData) -> list[Report]:
    attachments: dict[tuple[str, str], list] = {}
    for a in data.attachments:
        attachments.setdefault((a.unit, a.parent_url), []).append(a)
    reports, seen = [], set()
    for column in data.columns:
        for item in column.items:
            if (column.unit, item.url) in seen:
                continue
            title = to_simplified(item.title)
            if column.category != "annual_report" and not _TITLE_RX.search(title):
                continue
            if column.category == "annual_report" and "报告" not in title and "年报" not in title:
                continue
            year_match = _YEAR_RX.search(item.title)
            if year_match is None:
                continue
            seen.add((column.unit, item.url))
            parsed = page(data, item.detail_snapshot_id)
            texts, narrative, ids = [], [], []
            files = set()
            if parsed is not None:
                files = {urldefrag(urljoin(item.url, href))[0] for _, href in parsed.links
                         if _FILE_RX.search(href.split("?")[0])}
            rows: list[tuple[str, tuple[int, ...]]] = []
            if parsed is not None:
                texts.append(parsed.main)
                narrative.append(parsed.narrative)
                ids.append(item.detail_snapshot_id)
                for table in parsed.html_tables:
                    rows += [r for r in (_split_row(list(cells)) for cells in table) if r[1]]
            for a in attachments.get((column.unit, item.url), []):
                if a.text:
                    files.discard(a.url)
                    texts.append(a.text)
                    narrative.append(_narrative_of_text(a.text))
                    rows += _text_rows(a.text)
                    if a.snapshot_id:
                        ids.append(a.snapshot_id)
            reports.append(Report(column.unit, int(year_match.group(1)), item, "\n".join(texts),
                                  "\n".join(narrative), tuple(rows), tuple(i for i in ids if i),
                                  column.fetched_at, bool(files)))
    return reports


def deadline(year: int, kind: str, rules: CheckRules) -> date:
    return rules.annual_report_deadline.for_kind(year, kind)


def due_year(as_of: date, kind: str, rules: CheckRules) -> int:
    """The latest year whose report must be out by `as_of`."""
    year = as_of.year - 1
    return year if deadline(year, kind, rules) < as_of else year - 1


def _report_units(data: AuditData) -> set[str]:
    """Units whose annual-report column was fetched: only there can a missing report be judged."""
    return {c.unit for c in data.columns if c.category == "annual_report" and c.fetched}


def _kinds(data: AuditData) -> dict[str, str]:
    return {u.slug: u.kind for u in data.units}


def _finding(code: str, unit: str, key: str, subject: str, url: str | None, detail: str,
             observed_at: datetime | None, evidence: dict) -> Observation:
    return Observation(code, unit, key, subject, url, detail, observed_at, evidence)


def _report_finding(code: str, report: Report, detail: str, key_suffix: str = "", **evidence: object) -> Observation:
    return _finding(code, report.unit, report.key + key_suffix, report.item.title, report.item.url, detail,
                    report.observed_at, {"snapshots": list(report.snapshot_ids), "year": report.year, **evidence})


def _unit_scope(data: AuditData) -> set[tuple[str, str]]:
    return {(unit, f"annual_report:{unit}") for unit in _report_units(data)}


@check("annual_report.missing", scope=_unit_scope)
def missing(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    # a report counts from the day it was published: one dated after the as-of day did not exist yet
    kinds = _kinds(data)
    found = {(r.unit, r.year) for r in find_reports(data)
             if r.item.publish_date is None or r.item.publish_date <= as_of}
    names = {u.slug: u.name for u in data.units}
    findings = []
    for unit in sorted(_report_units(data)):
        year = due_year(as_of, kinds.get(unit, "department"), rules)
        if (unit, year) in found:
            continue
        column = next(c for c in data.columns if c.unit == unit and c.category == "annual_report" and c.fetched)
        limit = deadline(year, kinds.get(unit, "department"), rules)
        findings.append(_finding(
            "annual_report.missing", unit, f"annual_report:{unit}", f"{year}年度政府信息公开工作年度报告",
            column.url, f"{names.get(unit, unit)}未发布{year}年度政府信息公开工作年度报告（应于{limit:%Y年%m月%d日}前公开）",
            column.fetched_at, {"snapshots": [column.list_snapshot_id] if column.list_snapshot_id else [],
                                "year": year, "deadline": limit.isoformat()}))
    return findings


def _recent(data: AuditData, as_of: date, rules: CheckRules) -> list[Report]:
    """Reports of the last three due years (older ones are history, not tonight's findings)."""
    kinds = _kinds(data)
    return [r for r in find_reports(data)
            if due_year(as_of, kinds.get(r.unit, "department"), rules) - 2 <= r.year
            and (r.item.publish_date is None or r.item.publish_date <= as_of)]


def _reports_scope(data: AuditData) -> set[tuple[str, str]]:
    return SourceScope((r.unit, r.key) for r in find_reports(data))


def _read_reports_scope(data: AuditData) -> set[tuple[str, str]]:
    """Reports whose full text was read: one waiting for its attachment's text is not judged."""
    return SourceScope((r.unit, r.key) for r in find_reports(data) if not r.text_pending)


@check("annual_report.late", scope=_reports_scope)
def late(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    kinds = _kinds(data)
    findings = []
    for report in _recent(data, as_of, rules):
        limit = deadline(report.year, kinds.get(report.unit, "department"), rules)
        published = report.item.publish_date
        if published is not None and published > limit:
            findings.append(_report_finding(
                "annual_report.late", report,
                f"{report.year}年度报告发布于{published:%Y年%m月%d日}，晚于规定期限{limit:%Y年%m月%d日}"
                f"（{(published - limit).days}天）",
                published=published.isoformat(), deadline=limit.isoformat()))
    return findings


def missing_elements(text: str) -> list[str]:
    """The sections and tables of the 2021 national format that `text` lacks."""
    key = _key_text(text)
    absent = [name for name, rx in SECTIONS if not rx.search(key)]
    absent += [name for name, rxs in TABLES if not all(rx.search(key) for rx in rxs)]
    return absent


@check("annual_report.format", scope=_read_reports_scope)
def incomplete(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """One finding per missing section or table (schemes deduct per missing element)."""
    findings = []
    for report in _recent(data, as_of, rules):
        if not report.text or report.text_pending:
            continue
        for element in missing_elements(report.text):
            findings.append(_report_finding("annual_report.format", report,
                                            f"{report.year}年度报告缺少{element}", f"#{element}", element=element))
    return findings


def application_table_errors(rows: tuple[tuple[str, tuple[int, ...]], ...]) -> list[str]:
    """What does not add up in the 申请情况 table: 一+二=三(七)+四, row totals, the results' total."""
    keyed = [(_key_text(label), numbers) for label, numbers in rows]
    start = next((i for i, (k, _) in enumerate(keyed) if "本年新收" in k), None)
    end = next((i for i, (k, _) in enumerate(keyed) if "结转下年度" in k), None)
    if start is None or end is None or end <= start:
        return []
    table = keyed[start:end + 1]
    total_at = next((i for i, (k, _) in enumerate(table) if k.endswith("总计") or k == "七总计"), None)
    errors = []
    for label, numbers in table:
        if len(numbers) == 7 and sum(numbers[:6]) != numbers[6]:
            errors.append(f"“{label[:16]}”一行各类申请人合计{sum(numbers[:6])}，与总计{numbers[6]}不符")
    if total_at is None:
        return errors + ["未找到“（七）总计”行，无法核对"]
    new, carried = table[0][1][-1], next((n[-1] for k, n in table if "上年结转" in k), 0)
    total, forward = table[total_at][1][-1], table[-1][1][-1]
    if new + carried != total + forward:
        errors.append(f"本年新收{new}+上年结转{carried}={new + carried}，不等于办理结果总计{total}"
                      f"+结转下年度{forward}={total + forward}")
    results = [n[-1] for k, n in table[:total_at] if "本年新收" not in k and "上年结转" not in k]
    if results and sum(results) != total:
        errors.append(f"各项办理结果之和{sum(results)}与总计{total}不符")
    return errors


@check("annual_report.inconsistent", scope=_read_reports_scope)
def inconsistent(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    findings = []
    for report in _recent(data, as_of, rules):
        if report.text_pending:
            continue
        errors = application_table_errors(report.rows)
        if errors:
            findings.append(_report_finding("annual_report.inconsistent", report,
                                            f"{report.year}年度报告申请情况表数据不一致：" + "；".join(errors),
                                            errors=errors))
    return findings


_HEADING_RX = re.compile(r"^\s*[（(]?[一二三四五六七八九十\d]+[）)、.．]")


def narrative_shingles(report: Report, unit_name: str) -> set[str]:
    """Narrative only: tables, numbered headings, numbers, years and the unit's name do not count."""
    lines = [line for line in report.narrative.splitlines()
             if len(line) > 15 and not (_HEADING_RX.match(line) and len(line) < 30)]
    text = "\n".join(lines).replace(unit_name, "")
    return shingles(text)


@check("annual_report.similar", scope=_read_reports_scope)
def similar(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """This year's narrative repeats one of the previous three years' reports of the same unit."""
    limit = rules.annual_report_similarity
    names = {u.slug: u.name for u in data.units}
    every = find_reports(data)
    findings = []
    for report in _recent(data, as_of, rules):
        mine = narrative_shingles(report, names.get(report.unit, ""))
        if report.text_pending or len(mine) < 50:
            continue
        best = None
        for earlier in every:
            if earlier.unit != report.unit or not report.year - 3 <= earlier.year < report.year:
                continue
            theirs = narrative_shingles(earlier, names.get(report.unit, ""))
            share = containment(mine, theirs)
            if best is None or share > best[0]:
                best = (share, earlier, theirs)
        if best is None or best[0] < limit:
            continue
        share, earlier, theirs = best
        passages = similar_passages(report.narrative, theirs)
        findings.append(_report_finding(
            "annual_report.similar", report,
            f"{report.year}年度报告正文与{earlier.year}年度报告雷同：{share:.0%}的文字重复（阈值{limit:.0%}）",
            similarity=round(share, 3), compared_with={"year": earlier.year, "url": earlier.item.url},
            passages=passages))
    return findings
