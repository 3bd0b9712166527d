"""The annual-report checks on REAL published reports, with every finding reviewed by hand.

    .venv/bin/python -m benchmarks.real_reports [--data DIR] [--verbose]

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

With --policies SQL (the gov.cn crawl ge_policy_raw20190217.sql, kept out of git: /work/realdata on the
team's machine), also: the 60 State Council documents in it as one policy column with no interpretation
column, interpretation.missing run on them, and each document it reports compared with the hand labels in
benchmarks/data/real_policies_labels.json (does this document owe a 解读 at all?). That measures which
documents the check holds to the 解读 rule, not whether gov.cn published one (the crawl has no 解读 pages).
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

from checks.base import Attachment, AuditData, CheckRules, ColumnState, Item, Observation, UnitState
from checks.registry import registered_checks

DATA = Path(__file__).resolve().parent / "data" / "real_reports"
CODES = ("annual_report.format", "annual_report.inconsistent", "annual_report.late", "annual_report.missing",
         "annual_report.similar")
PAGE_ID, LIST_ID, FILE_ID = 2, 1, 3


def audit_data(entry: dict, folder: Path) -> AuditData:
    """One unit whose annual-report column lists this report, as the loader would build it after a crawl."""
    raw = (folder / entry["file"]).read_bytes()
    url = entry["url"].split()[0]
    published = date.fromisoformat(entry["published"]) if entry.get("published") else None
    attachments: tuple[Attachment, ...] = ()
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
        attachments = (Attachment(entry["id"], file_url, entry["title"] + ".pdf", url, FILE_ID,
                                  raw.decode("utf-8")),)
    item = Item(entry["title"], url, published, LIST_ID, PAGE_ID)
    fetched = datetime.fromisoformat(entry["as_of"] + "T12:00:00")
    column = ColumnState(1, entry["id"], "政府信息公开年报", "annual_report", url, True, None, LIST_ID, fetched,
                         (item,))
    unit = UnitState(entry["id"], entry["title"].split("20")[0] or entry["id"], entry["unit_kind"], url)
    bodies = {PAGE_ID: page, LIST_ID: b"<html><body></body></html>"}
    return AuditData((unit,), (column,), attachments, body=bodies.get)


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


def run(folder: Path, verbose: bool) -> dict[str, dict[str, int]]:
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    checks = registered_checks()
    tally = {code: {"tp": 0, "fp": 0, "fn": 0} for code in CODES}
    for entry in manifest["reports"]:
        data = audit_data(entry, folder)
        as_of = date.fromisoformat(entry["as_of"])
        found = [f for code in CODES for f in checks[code].fn(data, as_of, CheckRules())]
        print(f"== {entry['id']} ({entry['year']}, {'complete' if entry['complete'] else 'excerpt'}): "
              f"{len(found)} finding(s)")
        hit = set()
        for finding in found:
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
    args = parser.parse_args()
    tally = run(args.data, args.verbose)
    print(f"\n{'code':28} {'TP':>3} {'FP':>3} {'missed':>6} {'precision':>9}")
    for code, row in tally.items():
        judged = row["tp"] + row["fp"]
        precision = f"{row['tp'] / judged:.2f}" if judged else "-"
        print(f"{code:28} {row['tp']:>3} {row['fp']:>3} {row['fn']:>6} {precision:>9}")
    if args.policies:
        run_policies(args.policies, DATA.parent / "real_policies_labels.json")
        run_copied(args.policies, DATA.parent / "real_interpretations")


if __name__ == "__main__":
    main()
