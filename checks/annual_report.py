"""政府信息公开工作年度报告: missing, late, incomplete (2021 format), tables that do not add up, copy-paste.

Reports are found in annual-report columns and by title anywhere; their text is the detail page's main
content plus the text of attachments linked from it (PDF, DOCX …). Deadlines follow 条例第四十九条:
departments by 1月31日, a government's own report by 3月31日; schemes may set others
(`annual_report_deadline: {department: "01-31", government: "03-31"}`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urldefrag

from checks.base import AuditData, CheckRules, Item, Observation
from checks.registry import check
from checks.similarity import containment, shingles, similar_passages
from checks.sources import SourceScope, page, page_html
from checks.text import to_simplified
from core.urls import page_key, resolve, url_day

_TITLE_RX = re.compile(r"(政府信息公开|政务公开|信息公开).{0,6}(年度报告|年报)|年度报告.{0,4}信息公开")
_YEAR_RX = re.compile(r"(20\d{2})\s*年")
# titles also write the year in Chinese numerals (二〇二一年度) or full-width digits (２０２１年)
_HAN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_HAN_YEAR_RX = re.compile(r"(二[〇○零][〇○零一二三四五六七八九]{2})\s*年")

# Items titled like a report that are not one: notices about compiling or publishing the reports (listed in
# the same column: "关于认真做好2021年政府信息公开工作年度报告编制发布工作的通知"), the national format itself,
# 通报 of a review, and a report's 解读 / 图解
_NOT_REPORT_RX = re.compile(r"通知|通报|格式|编制|报送|工作方案|考核|评估|整改|培训|征集|解读|图解|一图读懂|一图看懂")
_FILE_RX = re.compile(r"\.(pdf|docx?|wps|ofd|xlsx?|et)$", re.I)
_CJK_RX = re.compile("[\u4e00-\u9fff]")
_MIN_READ_CHARS = 150  # the six section headings of the national format alone are ~100 characters


def report_year(title: str) -> int | None:
    """The year a report's title names: 2021年, 2021 年度, ２０２１年, 二〇二一年度."""
    plain = unicodedata.normalize("NFKC", title)
    match = _YEAR_RX.search(plain)
    if match:
        return int(match.group(1))
    han = _HAN_YEAR_RX.search(plain)
    return int(han.group(1).translate(_HAN_DIGITS)) if han else None


# The 2021 national format (国办公开办函〔2021〕30号), matched on text with punctuation, spaces and
# numbering removed, traditional characters folded, so "四、政府信息公开行政复议、行政诉讼情况",
# "（四）政府資訊公開行政復議 行政訴訟情況" and "4.政府信息公开行政复议和行政诉讼情况" all count.
# Real reports word some headings their own way: "因政府信息公开工作被申请行政复议和提起行政诉讼情况" (the older
# wording, still in use), "存在问题及改进情况", "存在的主要问题和整改措施", "其他需要说明的事项". A section in other
# words is not a missing section; table 四's header cells ("行政复议 行政诉讼") lack the heading's
# "政府信息公开…情况" and do not count.
SECTIONS = (
    ("第一部分“总体情况”", re.compile(r"总体情况|概述")),
    ("第二部分“主动公开政府信息情况”", re.compile(r"主动公开政府信息的?(工作)?情况")),
    ("第三部分“收到和处理政府信息公开申请情况”", re.compile(r"收到和处理政府信息公开申请的?情况")),
    ("第四部分“政府信息公开行政复议、行政诉讼情况”",
     re.compile(r"政府信息公开(工作)?(被申请)?行政复议[和及与]?(提起)?行政诉讼的?(工作)?情况")),
    ("第五部分“存在的主要问题及改进情况”", re.compile(r"存在的?(主要)?问题[及和与]其?(改进|整改)")),
    ("第六部分“其他需要报告的事项”", re.compile(r"其他需要(报告|说明)的事项")),
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
    rows: tuple[tuple[str, Cells], ...]  # (label, numbers; None where blank) of every table row
    snapshot_ids: tuple[int, ...]
    observed_at: datetime | None
    text_pending: bool = False  # its text is not available (a PDF/DOCX … not read yet, or images): not judged on text

    @property
    def key(self) -> str:
        return f"report:{self.item.url}"


def _key_text(text: str) -> str:
    # 資訊 is the traditional-script publishers' word for 信息 (a word, not a character variant)
    plain = "".join(ch for ch in to_simplified(text) if ch.isalnum() and not ch.isdigit())
    return plain.replace("资讯", "信息")


# A blank cell in a table's numbers: left empty (&nbsp;), or a dash or slash written for "none". Where a
# column is blank it is not filled in, so sums are checked only between cells that hold numbers.
_BLANK_CELLS = frozenset({"", "-", "—", "——", "－", "–", "/", "／", "\\", "无", "空"})
_NUMBER_RX = re.compile(r"\d{1,9}")
Cells = tuple[int | None, ...]


def _number(cell: str) -> int | None | bool:
    """A cell as a number, None when blank, False when it is text."""
    plain = unicodedata.normalize("NFKC", cell).replace(",", "").replace(" ", "")  # ２０ → 20, full-width comma
    if plain in _BLANK_CELLS:
        return None
    return int(plain) if _NUMBER_RX.fullmatch(plain) else False


def _split_row(cells: list[str]) -> tuple[str, Cells]:
    """A table row as its label and its trailing numbers, blank cells kept in place as None (real reports
    leave cells empty or write '—' or '/' for none: dropping them shifts every column). A row without a
    single number has no numbers."""
    numbers: list[int | None] = []
    while cells:
        value = _number(cells[-1])
        if value is False:
            break
        numbers.insert(0, value)
        cells.pop()
    label = " ".join(c for c in cells if c.strip())
    return (label, ()) if all(n is None for n in numbers) else (label, tuple(numbers))


_PAGE_NUMBER_RX = re.compile(r"^[-—–－]\s*\d{1,3}\s*[-—–－]$")


def _text_rows(text: str) -> list[tuple[str, Cells]]:
    """Rows of a table that came out of a PDF or DOCX as text: a label followed by numbers on one line.
    Tab-separated lines (DOCX tables) keep their empty cells; elsewhere blanks cannot be told from spacing.
    A long label wraps in a PDF's cell ("1、申请人无正当理由逾期不补 / 正、行政机关不再处理其政府信 / 息公开申请"),
    its numbers then stand on a line of their own: they take the lines of text since the previous row as label
    (dropping them made the result columns of 淮安市's real 2024 report 77 short)."""
    rows: list[tuple[str, Cells]] = []
    pending: list[str] = []  # lines of text since the last row
    for line in text.splitlines():
        if _PAGE_NUMBER_RX.match(line.strip()):  # "- 5 -" between a wrapped label and its numbers
            continue
        if "\t" in line:
            cells = [c.strip() for c in line.strip("\n").split("\t")]
        else:
            cells = [c for c in re.split(r"[\s|｜]+", line.strip()) if c]
        label, numbers = _split_row(cells)
        if not numbers:
            if label:
                pending.append(label)
            continue
        # table 四's one line of numbers has no label of its own (its headers are the lines above it)
        if not label and len(numbers) != _REVIEW_CELLS and len(numbers) > 1:
            label = " ".join(pending)
        if label or len(numbers) == _REVIEW_CELLS:
            rows.append((label, numbers))
        pending = []
    return rows


# A PDF's tables come out as lines of the format's own words ("信息内容 本年制发件数 本年废止件数 现行有效件数",
# "（本列数据的勾稽关系为：…", "结果 维持 结果 纠正 …"), the same every year: from where a table starts to the next
# section's heading is no narrative. (start of the table, heading after it), matched on _key_text of a line.
_TABLE_SPANS = (
    (re.compile(r"^第二十条第一项"), 2),
    (re.compile(r"勾稽关系|^申请人情况"), 3),
    (re.compile(r"^行政复议"), 4),
)


def _narrative_of_text(text: str) -> str:
    """The lines of an attachment's text that are not table: rows of numbers go, and so do the format's table
    texts between a table's first line and the next section's heading (left in place when that heading is
    not found: narrative is not cut on a guess)."""
    lines = [line for line in text.splitlines() if not re.search(r"(\d+\s+){2,}\d+", line)]
    keys = [_key_text(line) for line in lines]
    drop: set[int] = set()
    for start_rx, section in _TABLE_SPANS:
        heading = SECTIONS[section][1]
        start = next((i for i, k in enumerate(keys) if start_rx.search(k)), None)
        if start is None:
            continue
        end = next((j for j in range(start + 1, len(keys)) if heading.search(keys[j])), None)
        if end is not None:
            drop.update(range(start, end))
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def is_report_title(title: str) -> bool:
    """A title that names a 政府信息公开工作年度报告 (in a column of any category)."""
    return bool(_TITLE_RX.search(to_simplified(title)))


_PAGE_IMAGE_RX = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.I)
# a picture uploaded with the page (TRS W020240925…, a dated folder, an upload directory), not the template's
_UPLOADED_IMAGE_RX = re.compile(r"upload|attach|/files?/|/W0\d{8}|/(?:19|20)\d{2}[-_/]?\d{2}", re.I)
_TEMPLATE_IMAGE_RX = re.compile(r"logo|icon|banner|qrcode|ewm|share|weixin|weibo|jiucuo|dzjg|\.gif", re.I)


def _shows_page_images(data: AuditData, snapshot_id: int | None) -> bool:
    """The page shows a picture uploaded with it, not one of the template's (header, logo, QR code, 党政机关
    emblem, the error-report button): the report itself, scanned. Read from the stored body, for short reports."""
    html = page_html(data, snapshot_id)
    return html is not None and any(_UPLOADED_IMAGE_RX.search(src) and not _TEMPLATE_IMAGE_RX.search(src)
               for src in _PAGE_IMAGE_RX.findall(html))


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
            if _NOT_REPORT_RX.search(title):
                continue
            year = report_year(item.title)
            if year is None:
                continue
            seen.add((column.unit, item.url))
            parsed = page(data, item.detail_snapshot_id)
            texts, narrative, ids = [], [], []
            files = set()
            if parsed is not None:
                files = {page_key(urldefrag(resolve(item.url, href))[0]) for _, href in parsed.links
                         if _FILE_RX.search(href.split("?")[0])}
            rows: list[tuple[str, Cells]] = []
            if parsed is not None:
                texts.append(parsed.main)
                narrative.append(parsed.narrative)
                ids.append(item.detail_snapshot_id)
                for table in parsed.html_tables:
                    rows += [r for r in (_split_row(list(cells)) for cells in table) if r[1]]
            for a in attachments.get((column.unit, item.url), []):
                if a.text:
                    files.discard(page_key(a.url))  # the crawl wrote the query as the page did (core.urls)
                    texts.append(a.text)
                    narrative.append(_narrative_of_text(a.text))
                    rows += _text_rows(a.text)
                    if a.snapshot_id:
                        ids.append(a.snapshot_id)
            text = "\n".join(texts)
            # a report published as images (scans of the printed report): nothing to judge its format on, rather
            # than nine deductions. A short page without such images is judged: a stub is an incomplete report
            unreadable = not rows and len(_CJK_RX.findall(text)) - len(_CJK_RX.findall(item.title)) < _MIN_READ_CHARS \
                and _shows_page_images(data, item.detail_snapshot_id)
            reports.append(Report(column.unit, year, item, text,
                                  "\n".join(narrative), tuple(rows), tuple(i for i in ids if i),
                                  column.fetched_at, bool(files) or unreadable))
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


def _not_reports(data: AuditData) -> list[tuple[str, str]]:
    """Items titled like a report that are none (notices about the reports, a report's 解读): judged — they
    have no finding — so that a finding an earlier version gave one is rectified, not left open."""
    return [(column.unit, f"report:{item.url}") for column in data.columns for item in column.items
            if (column.category == "annual_report" or _TITLE_RX.search(to_simplified(item.title)))
            and _NOT_REPORT_RX.search(to_simplified(item.title))]


def _reports_scope(data: AuditData) -> set[tuple[str, str]]:
    return SourceScope([(r.unit, r.key) for r in find_reports(data)] + _not_reports(data))


def _read_reports_scope(data: AuditData) -> set[tuple[str, str]]:
    """Reports whose full text was read: one waiting for its attachment's text is not judged."""
    return SourceScope([(r.unit, r.key) for r in find_reports(data) if not r.text_pending] + _not_reports(data))


@check("annual_report.late", scope=_reports_scope)
def late(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    kinds = _kinds(data)
    findings = []
    for report in _recent(data, as_of, rules):
        limit = deadline(report.year, kinds.get(report.unit, "department"), rules)
        published = report.item.publish_date
        if published is not None and published > limit:
            # a CMS that files pages by day (t20240125_…) says when the page was made; a page made within the
            # deadline and listed after it may have been re-published after an edit: the list's date stands, and
            # the inspector is told, since the unit will say so on appeal
            filed = url_day(report.item.url)
            made = filed if filed is not None and date(report.year + 1, 1, 1) <= filed <= limit else None
            note = (f"；页面地址日期为{made:%Y年%m月%d日}，在期限内，可能是发布后修改重发，请核实首次发布日期"
                    if made is not None else "")
            findings.append(_report_finding(
                "annual_report.late", report,
                f"{report.year}年度报告发布于{published:%Y年%m月%d日}，晚于规定期限{limit:%Y年%m月%d日}"
                f"（{(published - limit).days}天）{note}",
                published=published.isoformat(), deadline=limit.isoformat(),
                **({"address_day": made.isoformat()} if made is not None else {})))
    return findings


# The 2019 trial format (国办公开办函〔2019〕60号) served the 2019 and 2020 reports: its table 二 counts
# 本年新制作数量 / 本年新公开数量 / 对外公开总数量 (and has a 第（九）项 row) instead of 本年制发件数 / 本年废止件数 /
# 现行有效件数. The 2021 format applies from the 2021 report on (30号, dated 2021-09-26).
FORMAT_2021_FROM = 2021
TABLE_2019 = (re.compile(r"第二十条第[一1]项"), re.compile(r"本年新公开数量|对外公开总数量"))


def format_problems(text: str, year: int | None = None) -> list[tuple[str, str]]:
    """(element, what is wrong) for each section or table of the national format that `text` lacks. A report
    for a year before 2021 may follow the 2019 trial format; a later one that still does is told so."""
    key = _key_text(text)
    problems = [(name, "缺少") for name, rx in SECTIONS if not rx.search(key)]
    for i, (name, rxs) in enumerate(TABLES):
        if all(rx.search(key) for rx in rxs):
            continue
        if i == 0 and all(rx.search(key) for rx in TABLE_2019):
            if year is not None and year < FORMAT_2021_FROM:
                continue
            problems.append((name, "仍使用2019年试行格式（国办公开办函〔2019〕60号），未按2021年格式填报"))
            continue
        problems.append((name, "缺少"))
    return problems


def missing_elements(text: str, year: int | None = None) -> list[str]:
    """The sections and tables of the national format that `text` lacks or gives in an outdated form."""
    return [name for name, _ in format_problems(text, year)]


@check("annual_report.format", scope=_read_reports_scope)
def incomplete(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """One finding per missing section or table (schemes deduct per missing element)."""
    findings = []
    for report in _recent(data, as_of, rules):
        if not report.text or report.text_pending:
            continue
        for element, problem in format_problems(report.text, report.year):
            detail = (f"{report.year}年度报告缺少{element}" if problem == "缺少"
                      else f"{report.year}年度报告{element}{problem}")
            findings.append(_report_finding("annual_report.format", report, detail, f"#{element}", element=element))
    return findings


_GROUPS = ("不予公开", "无法提供", "不予处理", "其他处理")
_SUB_ITEM_RX = re.compile(r"^\s*1\s*[.．、]")


def _seven(numbers: Cells) -> Cells | None:
    """The row's seven cells (自然人, five kinds of 法人或其他组织, 总计), or None when its columns are not
    known: a row of another width (blanks that vanished from a PDF's text, merged cells) is not compared."""
    if len(numbers) > 7 and all(n is None for n in numbers[:-7]):
        numbers = numbers[-7:]
    return numbers if len(numbers) == 7 else None


def _total(cells: Cells | None) -> int | None:
    """The 总计 cell, or the sum of the applicants' cells when 总计 is blank and they are not."""
    if cells is None:
        return None
    if cells[6] is not None:
        return cells[6]
    given = [n for n in cells[:6] if n is not None]
    return sum(given) if given else None


def application_table_errors(rows: tuple[tuple[str, Cells], ...]) -> list[str]:
    """What does not add up in the 申请情况 table: 一+二=三(七)+四, row totals, the results' column totals.
    Only cells that hold numbers are compared: a blank 总计 column (real reports leave it empty) is not 0."""
    keyed = [(_key_text(label), label, numbers) for label, numbers in rows]
    start = next((i for i, (k, _, _) in enumerate(keyed) if "本年新收" in k), None)
    end = next((i for i, (k, _, _) in enumerate(keyed) if "结转下年度" in k), None)
    if start is None or end is None or end <= start:
        return []
    table = keyed[start:end + 1]
    total_at = next((i for i, (k, _, _) in enumerate(table) if k.endswith("总计")), None)
    errors = []
    for _key, label, numbers in table:
        cells = _seven(numbers)
        if cells is None or cells[6] is None or all(n is None for n in cells[:6]):
            continue
        given = sum(n or 0 for n in cells[:6])
        if given != cells[6]:
            errors.append(f"“{label[:16]}”一行各类申请人合计{given}，与总计{cells[6]}不符")
    if total_at is None:  # a row our parser did not read is no inconsistency of the report: nothing to compare
        return errors
    carried_row = next((n for k, _, n in table if "上年结转" in k), None)
    new, total, forward = (_total(_seven(table[0][2])), _total(_seven(table[total_at][2])),
                           _total(_seven(table[-1][2])))
    carried = 0 if carried_row is None else _total(_seven(carried_row))
    if new is not None and carried is not None and total is not None and forward is not None \
            and new + carried != total + forward:
        errors.append(f"本年新收{new}+上年结转{carried}={new + carried}，不等于办理结果总计{total}"
                      f"+结转下年度{forward}={total + forward}")
    # the results: every row between 上年结转 and 总计, but a group's own subtotal row ("（三）不予公开" alone,
    # its items 1., 2. … below it) is not added to its items
    results = []
    body = table[:total_at]
    for i, (key, _, numbers) in enumerate(body):
        if "本年新收" in key or "上年结转" in key:
            continue
        following = body[i + 1][1] if i + 1 < len(body) else ""
        if key.endswith(_GROUPS) and _SUB_ITEM_RX.match(following):
            continue
        results.append(_seven(numbers))
    totals = _seven(table[total_at][2])
    if results and totals is not None and all(r is not None for r in results):
        names = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
        for j, name in enumerate(names):
            # a result row's blank 总计 is its applicants' sum (not filled in), a blank applicant cell is none
            # (the 总计 column is compared only where some row fills it: otherwise it adds nothing to the
            # applicants' columns)
            column = [(_total(r) if j == 6 else r[j]) for r in results if r is not None]
            filled = [r[j] for r in results if r is not None and r[j] is not None]
            if totals[j] is None or not filled:
                continue
            if sum(n or 0 for n in column) != totals[j]:
                errors.append(f"“{name}”一列各项办理结果之和{sum(n or 0 for n in column)}与总计{totals[j]}不符")
    return errors


# Table 四: 行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉, each 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
# (the same 15 cells in the 2019 trial format and the 2021 format)
_REVIEW_CELLS = 15
_REVIEW_GROUPS = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")


def review_table_errors(rows: tuple[tuple[str, Cells], ...]) -> list[str]:
    """Where a group of table 四 does not add up: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. Its row is the one
    row of exactly 15 cells with no label (a label means another table's row); a group whose 总计 is blank, or
    whose cells are all blank, is not compared (a blank result is none, as in table 三)."""
    # the same row twice is one table read twice (a page's HTML table and its PDF attachment)
    candidates = {numbers for label, numbers in rows if not label.strip() and len(numbers) == _REVIEW_CELLS}
    if len(candidates) != 1:  # none, or different such rows: which one is table 四 is not known
        return []
    (row,) = candidates
    errors = []
    for name, start in zip(_REVIEW_GROUPS, range(0, _REVIEW_CELLS, 5)):
        *parts, total = row[start:start + 5]
        if total is None or all(n is None for n in parts):
            continue
        given = sum(n or 0 for n in parts)
        if given != total:
            errors.append(f"行政复议、行政诉讼情况表“{name}”结果维持、结果纠正、其他结果、尚未审结之和{given}，与总计{total}不符")
    return errors


@check("annual_report.inconsistent", scope=_read_reports_scope)
def inconsistent(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    findings = []
    for report in _recent(data, as_of, rules):
        if report.text_pending:
            continue
        errors = application_table_errors(report.rows) + review_table_errors(report.rows)
        if errors:
            findings.append(_report_finding("annual_report.inconsistent", report,
                                            f"{report.year}年度报告统计表数据不一致：" + "；".join(errors),
                                            errors=errors))
    return findings


_HEADING_RX = re.compile(r"^\s*[（(]?[一二三四五六七八九十\d]+[）)、.．]")


# The preface every report opens with is a formula, the same every year by design ("本年度报告根据《条例》
# 要求编制，全文包括总体情况、…。本年度报告中所列数据统计期限…。本年度报告电子版可从…下载。如对本报告有任何
# 疑问…"): like the headings, its sentences do not count. On a small unit's short report it alone made this
# year's narrative "60% the same" as last year's.
_FORMULA_RX = re.compile(r"本(年度)?报告.{0,60}(编制|根据|依据)|全文包括|统计期限|所列数据|电子版|有疑问|任何疑问"
                         r"|联系电话|联系地址|地址[:：]|邮编|邮政编码|电子邮箱")
_SENTENCE_END_RX = re.compile(r"(?<=[。；;])")


def narrative_shingles(report: Report, unit_name: str) -> set[str]:
    """Narrative only: tables, numbered headings, the preface's formula sentences, numbers, years and the
    unit's name do not count."""
    lines = [line for line in report.narrative.splitlines()
             if len(line) > 15 and not (_HEADING_RX.match(line) and len(line) < 30)]
    # a PDF's text wraps a sentence over lines ("如对本报告有疑问，请与淮安市洪 / 泽区人民政府办公室联系（地址：…",
    # "邮 编 ："): sentences are cut from the joined lines and matched without spaces
    kept = [sentence for sentence in _SENTENCE_END_RX.split("\n".join(lines))
            if sentence and not _FORMULA_RX.search(re.sub(r"\s+", "", sentence))]
    text = "\n".join(kept).replace(unit_name, "")
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
