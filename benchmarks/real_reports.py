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
"""

from __future__ import annotations

import argparse
import json
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="folder with manifest.json (default: %(default)s)")
    parser.add_argument("--verbose", action="store_true", help="also print the findings that are not judged")
    args = parser.parse_args()
    tally = run(args.data, args.verbose)
    print(f"\n{'code':28} {'TP':>3} {'FP':>3} {'missed':>6} {'precision':>9}")
    for code, row in tally.items():
        judged = row["tp"] + row["fp"]
        precision = f"{row['tp'] / judged:.2f}" if judged else "-"
        print(f"{code:28} {row['tp']:>3} {row['fp']:>3} {row['fn']:>6} {precision:>9}")


if __name__ == "__main__":
    main()
