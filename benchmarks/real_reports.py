"""The annual-report checks on REAL published reports, with every finding reviewed by hand.

    .venv/bin/python -m benchmarks.real_reports [--data DIR] [--verbose] [--extra DIR]

Reads benchmarks/data/real_reports/manifest.json: real 政府信息公开工作年度报告 (a full HTML report and
excerpts of others), each with its source, publication date, the format elements our copy covers and the
hand-reviewed truth (the real errors the published report contains). Each report goes through the path a
crawled one takes: an HTML report is the detail page's body, decoded and split by checks.text.page_text
(tables as cells, rowspan/colspan and &nbsp; as published); a report read from a PDF/DOCX is the text of an
attachment linked from the detail page. The registered annual_report checks then run on that AuditData as
of the manifest's date.

Prints every finding marked TP (a real error of the published report), FP (our parser or rule is wrong) or
"not judged" (a format element that lies past where an excerpt was cut), then per code: TP, FP, misses
and precision. To measure another checkout (e.g. main before a fix), run this file with that checkout first
on PYTHONPATH.

With --extra DIR, also the reports listed in benchmarks/data/real_reports/extra.json: complete real reports
whose files may not go into git (no licence in their repository), read from DIR (/work/realdata/kiro on the
team's machine) and checked against the manifest's sha256. Entries with the same "unit" are one unit's
consecutive years in one annual-report column, so annual_report.similar compares them.

With --policies SQL (the gov.cn crawl ge_policy_raw20190217.sql, kept out of git: /work/realdata on the
team's machine), also: the 60 State Council documents in it as one policy column with no interpretation
column, interpretation.missing run on them, and each document it reports compared with the hand labels in
benchmarks/data/real_policies_labels.json (does this document owe a 解读 at all?). That measures which
documents the check holds to the 解读 rule, not whether gov.cn published one (the crawl has no 解读 pages).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

from checks.annual_report import find_reports, narrative_shingles
from checks.base import Attachment, AuditData, CheckRules, ColumnState, Item, Observation, UnitState
from checks.registry import registered_checks
from checks.similarity import containment
from crawler.extract.attachments import extract_text, sniff_kind

DATA = Path(__file__).resolve().parent / "data" / "real_reports"
CODES = ("annual_report.format", "annual_report.inconsistent", "annual_report.late", "annual_report.missing",
         "annual_report.similar")
PAGE_ID, LIST_ID, FILE_ID = 2, 1, 3


def _attachment_text(raw: bytes, entry: dict) -> str:
    """A PDF/DOCX as the crawler reads an attachment (crawler.extract.attachments); a .txt copy as it is."""
    kind = sniff_kind(raw)
    return extract_text(raw, kind).text if kind else raw.decode("utf-8")


def audit_data(entries: dict | list[dict], folder: Path) -> AuditData:
    """One unit whose annual-report column lists these reports (one unit's years), as the loader would build
    it after a crawl."""
    entries = [entries] if isinstance(entries, dict) else entries
    first, last = entries[0], entries[-1]
    unit_id = first.get("unit", first["id"])
    items, attachments, bodies = [], [], {LIST_ID: b"<html><body></body></html>"}
    for i, entry in enumerate(entries):
        page_id, file_id = (PAGE_ID, FILE_ID) if i == 0 else (100 + 2 * i, 101 + 2 * i)
        raw = (folder / entry["file"]).read_bytes()
        url = entry["url"].split()[0]
        published = date.fromisoformat(entry["published"]) if entry.get("published") else None
        if entry["as"] == "page":
            page = raw
        elif entry["as"] == "page_text":  # an HTML page known only as text: a paragraph per line
            paragraphs = "".join(f"<p>{line}</p>" for line in raw.decode("utf-8").splitlines())
            page = (f'<html><head><meta charset="utf-8"><title>{entry["title"]}</title></head><body>'
                    f'<div id="zoom">{paragraphs}</div></body></html>').encode()
        else:  # the report is a PDF/DOCX linked from a detail page that holds only its title
            file_url = url.rsplit("/", 1)[0] + f"/{entry['id']}.pdf"
            page = (f'<html><head><meta charset="utf-8"><title>{entry["title"]}</title></head><body>'
                    f'<div id="zoom"><h1>{entry["title"]}</h1><p><a href="{file_url}">{entry["title"]}.pdf</a></p>'
                    "</div></body></html>").encode()
            attachments.append(Attachment(unit_id, file_url, entry["title"] + ".pdf", url, file_id,
                                          _attachment_text(raw, entry)))
        items.append(Item(entry["title"], url, published, LIST_ID, page_id))
        bodies[page_id] = page
    fetched = datetime.fromisoformat(last["as_of"] + "T12:00:00")
    column = ColumnState(1, unit_id, "政府信息公开年报", "annual_report", first["url"].split()[0], True, None, LIST_ID,
                         fetched, tuple(items))
    name = first.get("unit_name") or first["title"].split("20")[0] or unit_id
    unit = UnitState(unit_id, name, first["unit_kind"], first["url"].split()[0])
    return AuditData((unit,), (column,), tuple(attachments), body=bodies.get)


def judge(entry: dict, finding: Observation) -> tuple[str, str]:
    """('TP' | 'FP' | 'not judged', why) for one finding on one report."""
    covers = entry["covers"]
    element = finding.evidence.get("element")
    if finding.check == "annual_report.format" and covers != "all" and element not in covers:
        return "not judged", "excerpt cut before this element"
    if finding.check == "annual_report.missing" and entry.get("not_a_report"):
        return "not judged", "the benchmark's column holds only this page, which is no report"
    for code, why in entry["truth"]:
        if code == finding.check and (element is None or why.startswith(element)):
            return "TP", why
    return "FP", "not an error of the published report"


def _groups(entries: list[dict]) -> list[list[dict]]:
    """Entries of one unit (same "unit") run together, oldest first: annual_report.similar compares years."""
    groups: dict[str, list[dict]] = {}
    for entry in entries:
        groups.setdefault(entry.get("unit", entry["id"]), []).append(entry)
    return [sorted(g, key=lambda e: e["year"]) for g in groups.values()]


def _check_file(entry: dict, folder: Path) -> None:
    """A file kept out of git must be the one the manifest's hand labels were made on."""
    if "sha256" in entry:
        digest = hashlib.sha256((folder / entry["file"]).read_bytes()).hexdigest()
        if digest != entry["sha256"]:
            raise SystemExit(f"{folder / entry['file']}: sha256 {digest} is not the manifest's {entry['sha256']}")


def run(folder: Path, verbose: bool, manifest_path: Path | None = None) -> dict[str, dict[str, int]]:
    manifest = json.loads((manifest_path or folder / "manifest.json").read_text("utf-8"))
    checks = registered_checks()
    tally = {code: {"tp": 0, "fp": 0, "fn": 0} for code in CODES}
    for group in _groups(manifest["reports"]):
        for entry in group:
            _check_file(entry, folder)
        data = audit_data(group, folder)
        as_of = date.fromisoformat(group[-1]["as_of"])
        found = [f for code in CODES for f in checks[code].fn(data, as_of, CheckRules())]
        by_url = {e["url"].split()[0]: e for e in group}
        _print_shares(data)
        for entry in group:
            # a finding on no report (annual_report.missing) belongs to the latest year
            mine = [f for f in found if by_url.get(f.url, group[-1]) is entry]
            print(f"== {entry['id']} ({entry['year']}, {'complete' if entry['complete'] else 'excerpt'}): "
                  f"{len(mine)} finding(s)")
            hit = set()
            for finding in mine:
                verdict, why = judge(entry, finding)
                if verdict != "not judged":
                    tally[finding.check]["tp" if verdict == "TP" else "fp"] += 1
                if verdict == "TP":
                    hit.add(finding.check)
                if verdict != "not judged" or verbose:
                    print(f"   {verdict:10} {finding.check}: {finding.detail}" + (f"  [{why}]" if verdict == "FP" else ""))
            for code, why in entry["truth"]:
                if code not in hit:
                    tally[code]["fn"] += 1
                    print(f"   MISSED     {code}: {why}")
    return tally


def _print_shares(data: AuditData) -> None:
    """Each later year's share of narrative repeated from the year before (what annual_report.similar compares
    with its threshold), also when it stays below and nothing is reported."""
    name = data.units[0].name
    reports = sorted(find_reports(data), key=lambda r: r.year)
    for earlier, later in zip(reports, reports[1:]):
        share = containment(narrative_shingles(later, name), narrative_shingles(earlier, name))
        print(f"   {later.year} vs {earlier.year}: {share:.3f} of the narrative repeated "
              f"(threshold {CheckRules().annual_report_similarity})")


def _print_tally(tally: dict[str, dict[str, int]]) -> None:
    print(f"\n{'code':28} {'TP':>3} {'FP':>3} {'missed':>6} {'precision':>9}")
    for code, row in tally.items():
        judged = row["tp"] + row["fp"]
        precision = f"{row['tp'] / judged:.2f}" if judged else "-"
        print(f"{code:28} {row['tp']:>3} {row['fp']:>3} {row['fn']:>6} {precision:>9}")


def policy_documents(sql_path: Path) -> list[tuple]:
    """(id, url, title, 文号, html) of the crawl's documents: the MySQL dump loads into SQLite as it is."""
    db = sqlite3.connect(":memory:")
    db.execute("create table ge_policy_raw (id, crawl_url, crawl_time, index_number, title, release_office, "
               "release_number, policy_basis, wiritten_time, release_time, effect_time, content, image_url, status, "
               "html, remark)")
    db.executescript(sql_path.read_text("utf-8"))
    return db.execute("select id, crawl_url, title, release_number, html from ge_policy_raw order by id").fetchall()


def _document_date(url: str, number: str) -> date:
    """The crawl's own date columns are unusable (release dates after the crawl); gov.cn's URL carries the
    day the page went up (content/2019-02/15/…), and an old document re-posted in 2019 has its 文号's year."""
    posted = re.search(r"/(20\d\d)-(\d\d)/(\d\d)/", url)
    day = date(int(posted.group(1)), int(posted.group(2)), int(posted.group(3))) if posted else date(2019, 1, 1)
    year = re.search(r"〔(\d{4})〕", number)
    return min(day, date(int(year.group(1)), 12, 31)) if year else day


def run_policies(sql_path: Path, labels_path: Path) -> dict[str, int]:
    labels = {d["id"]: d for d in json.loads(labels_path.read_text("utf-8"))["documents"]}
    rows = policy_documents(sql_path)
    items = tuple(Item(title, url, _document_date(url, number), LIST_ID, 100 + i)
                  for i, (_, url, title, number, _) in enumerate(rows))
    bodies = {100 + i: html.encode() for i, (*_, html) in enumerate(rows)}
    column = ColumnState(1, "gov", "国务院文件", "policy", "http://www.gov.cn/zhengce/", True, None, LIST_ID,
                         datetime(2019, 6, 30, 12), items)
    data = AuditData((UnitState("gov", "国务院", "government", "http://www.gov.cn/"),), (column,), body=bodies.get)
    found = registered_checks()["interpretation.missing"].fn(data, date(2019, 6, 30), CheckRules())
    reported = {f.url for f in found}
    tally = {"tp": 0, "fp": 0, "fn": 0}
    print(f"\n== interpretation.missing on {len(rows)} State Council documents (www.gov.cn), no 解读 column")
    for doc_id, url, title, number, _ in rows:
        label = labels[doc_id]
        if url in reported:
            verdict = "TP" if label["needs_interpretation"] else "FP"
            tally["tp" if verdict == "TP" else "fp"] += 1
        elif label["needs_interpretation"]:
            verdict = "MISSED"
            tally["fn"] += 1
        else:
            continue
        if verdict != "TP":
            print(f"   {verdict:10} {number} {title[:40]}  [{label['why']}]")
    judged = tally["tp"] + tally["fp"]
    print(f"   reported {judged}: {tally['tp']} owe a 解读, {tally['fp']} do not (precision "
          f"{tally['tp'] / judged if judged else 0:.2f}); {tally['fn']} that owe one not reported")
    return tally


def run_copied(sql_path: Path, folder: Path) -> dict[str, int]:
    """interpretation.copied on real texts about one real document, each as that document's only 解读."""
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    doc = next(r for r in policy_documents(sql_path) if r[0] == manifest["document_id"])
    _, url, title, number, html = doc
    tally = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    print(f"\n== interpretation.copied: texts about {number} as its 解读")
    for text in manifest["texts"]:
        body = "".join(f"<p>{line}</p>" for line in (folder / text["file"]).read_text("utf-8").splitlines())
        interp_url = "http://www.gov.cn/zhengce/jiedu/1.htm"
        interp = (f'<html><body><div id="zoom"><h1>《{title}》解读</h1>{body}'
                  f'<p>原文链接：<a href="{url}">{title}</a></p></div></body></html>').encode()
        posted = _document_date(url, number)
        items = (Item(title, url, posted, LIST_ID, 100),)
        interps = (Item(f"《{title}》解读", interp_url, posted, LIST_ID, 101),)
        bodies = {100: html.encode(), 101: interp}
        columns = (ColumnState(1, "gov", "国务院文件", "policy", "http://www.gov.cn/zhengce/", True, None, LIST_ID,
                               datetime(2019, 6, 30, 12), items),
                   ColumnState(2, "gov", "政策解读", "interpretation", "http://www.gov.cn/zhengce/jiedu/", True, None,
                               LIST_ID, datetime(2019, 6, 30, 12), interps))
        data = AuditData((UnitState("gov", "国务院", "government", "http://www.gov.cn/"),), columns, body=bodies.get)
        found = registered_checks()["interpretation.copied"].fn(data, date(2019, 6, 30), CheckRules())
        key = ("tp" if text["copied"] else "fp") if found else ("fn" if text["copied"] else "tn")
        tally[key] += 1
        print(f"   {key.upper():3} {text['file']}: " + (found[0].detail if found else "not reported") + f"  [{text['why']}]")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="folder with manifest.json (default: %(default)s)")
    parser.add_argument("--verbose", action="store_true", help="also print the findings that are not judged")
    parser.add_argument("--policies", type=Path, metavar="SQL", help="also run interpretation.missing on the gov.cn "
                        "crawl ge_policy_raw20190217.sql (not in git)")
    parser.add_argument("--extra", type=Path, metavar="DIR", help="also the reports listed in "
                        "benchmarks/data/real_reports/extra.json, read from DIR (files kept out of git)")
    args = parser.parse_args()
    _print_tally(run(args.data, args.verbose))
    if args.extra:
        print(f"\n== reports kept out of git ({args.extra})")
        _print_tally(run(args.extra, args.verbose, DATA / "extra.json"))
    if args.policies:
        run_policies(args.policies, DATA.parent / "real_policies_labels.json")
        run_copied(args.policies, DATA.parent / "real_interpretations")


if __name__ == "__main__":
    main()
