"""The interpretation checks on REAL document–解读 pairs, every finding judged against what the sources show.

    .venv/bin/python -m benchmarks.real_interpretations [--data DIR]

Reads benchmarks/data/real_interpretations/pairs.json (sources per row; see its "about"):

1. sites: each site's documents in a policy column and its 解读 in an interpretation column, as a crawl
   would give them: a document or 解读 whose page the source holds is a detail page (its text, and the
   links the source shows on it); one known only from a list has no page. The registered checks
   interpretation.missing/unlinked/late run on that AuditData as of the site's date. Per document:
   was it paired with one of its real 解读 (or with a wrong one, or not at all), and is each finding true
   (TP), false (FP) or not judged (the source does not tell: a link or date it does not give).
2. title_pairs: real document titles and real 解读 titles only, all in one unit, every document taken as
   one that owes a 解读: does pairing put each 解读 with its own document (pairs right / wrong / missed).
3. titles: checks.interpretation.is_interpretation_title on the 105 titles of a real 政策解读 column
   (nhc_column_titles.json, each labelled) and on the 60 gov.cn document titles of ge_policy_raw20190217.sql
   (with --policies SQL), which must not be taken for 解读.

To measure another checkout (main before a change), run this file with that checkout first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from html import escape
from pathlib import Path

from checks.base import AuditData, CheckRules, ColumnState, Item, Observation, UnitState
from checks.interpretation import is_interpretation_title, pair_documents
from checks.registry import registered_checks

DATA = Path(__file__).resolve().parent / "data" / "real_interpretations"
CODES = ("interpretation.missing", "interpretation.unlinked", "interpretation.late")
POLICY_LIST, INTERP_LIST = 1, 2


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _page(title: str, text: str, links: list[tuple[str, str]]) -> bytes:
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    anchors = "".join(f'<p><a href="{escape(url)}">{escape(label)}</a></p>' for label, url in links)
    block = f"<p>附件：</p><p>相关政策与解读</p>{anchors}" if anchors else ""  # right after the signature, as scraped
    return (f'<html><head><meta charset="utf-8"><title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>'
            f'<div id="zoom">{paragraphs}{block}</div></body></html>').encode()


def site_data(site: dict, folder: Path, drop_links: bool = False) -> tuple[AuditData, dict[str, str]]:
    """(AuditData, url → key) for one site: pages only where the source holds them."""
    interps = {i["key"]: i for i in site["interpretations"]}
    bodies: dict[int, bytes] = {}
    keys: dict[str, str] = {}

    def item(row: dict, list_id: int, text: str | None, links: list[tuple[str, str]], meta: dict) -> Item:
        keys[row["url"]] = row["key"]
        sid = None
        if text is not None:
            sid = 100 + len(bodies)
            bodies[sid] = _page(row["title"], text, links)
        return Item(row["title"], row["url"], _day(row["published"]), list_id, sid, meta)

    docs = []
    for row in site["documents"]:
        text = (folder / row["body"]).read_text("utf-8") if row["body"] else None
        links = [] if drop_links else [(interps[k]["title"], interps[k]["url"]) for k in row["links"] or ()]
        docs.append(item(row, POLICY_LIST, text, links, {"文号": row["number"]} if row["number"] else {}))
    interp_items = [item(row, INTERP_LIST, row["body"], [], {}) for row in site["interpretations"]]
    fetched = datetime.fromisoformat(site["as_of"] + "T12:00:00")
    columns = (ColumnState(1, site["id"], "政策文件", "policy", site["url"], True, None, POLICY_LIST, fetched, tuple(docs)),
               ColumnState(2, site["id"], "政策解读", "interpretation", site["url"], True, None, INTERP_LIST, fetched,
                           tuple(interp_items)))
    bodies[POLICY_LIST] = bodies[INTERP_LIST] = b"<html><body></body></html>"
    unit = UnitState(site["id"], site["unit"], "department", site["url"])
    return AuditData((unit,), columns, body=bodies.get), keys


def judge(finding: Observation, doc: dict, drop_links: bool = False) -> tuple[str, str]:
    truth = dict(doc["truth"])
    if drop_links and truth["doc_links_interp"]:  # the variant's document page lost the link the source shows
        truth["doc_links_interp"] = False
    if finding.check == "interpretation.missing":
        return ("FP", "its 解读 exists") if truth["interpretations"] else ("not judged", "no 解读 in the source")
    if finding.check == "interpretation.late":
        if truth["late"] is None:
            return "not judged", "the document's date is not in the source"
        return ("TP" if truth["late"] else "FP"), truth["why"]
    ways = finding.evidence.get("missing", [])
    verdicts = []
    for way in ways:
        if way.startswith("政策文件页面") and truth["doc_links_interp"] is not None:
            verdicts.append("FP" if truth["doc_links_interp"] else "TP")
        elif way.startswith("解读页面") and truth.get("interp_links_doc") is not None:
            verdicts.append("FP" if truth["interp_links_doc"] else "TP")
    if "FP" in verdicts:
        return "FP", "the source shows this link"
    if verdicts:
        return "TP", "the source shows no link"
    return "not judged", "the source does not show the page this direction starts from"


def run_sites(folder: Path, drop_links: bool) -> dict[str, dict[str, int]]:
    manifest = json.loads((folder / "pairs.json").read_text("utf-8"))
    checks = registered_checks()
    tally = {code: {"tp": 0, "fp": 0, "fn": 0} for code in (*CODES, "pairing")}
    for site in manifest["sites"]:
        data, keys = site_data(site, folder, drop_links)
        as_of = date.fromisoformat(site["as_of"])
        docs = {d["url"]: d for d in site["documents"]}
        pairs, _ = pair_documents(data)
        paired = {p.policy.item.url: p for p in pairs}
        variant = " — document pages without their links" if drop_links else ""
        print(f"== {site['id']} ({site['unit']}, as of {site['as_of']}){variant}")
        for url, doc in docs.items():
            want = doc["truth"]["interpretations"]
            pair = paired.get(url)
            if pair is None:
                verdict = "MISSED" if want else "ok"
            else:
                verdict = "TP" if keys[pair.interpretation.item.url] in want else "FP"
            tally["pairing"]["tp" if verdict == "TP" else "fp" if verdict == "FP" else "fn"] += verdict != "ok"
            how = f" ← {keys[pair.interpretation.item.url]} by {pair.matched_by}" if pair else ""
            print(f"   pairing {verdict:6} {doc['key']}{how}")
        found = [f for code in CODES for f in checks[code].fn(data, as_of, CheckRules())]
        hit: set[tuple[str, str]] = set()
        for finding in found:
            doc = docs[finding.url]
            verdict, why = judge(finding, doc, drop_links)
            if verdict != "not judged":
                tally[finding.check]["tp" if verdict == "TP" else "fp"] += 1
            if verdict == "TP":
                hit.add((finding.check, doc["key"]))
            print(f"   {verdict:10} {finding.check} {doc['key']}: {finding.detail}  [{why}]")
        for doc in docs.values():
            if doc["truth"]["late"] and ("interpretation.late", doc["key"]) not in hit:
                tally["interpretation.late"]["fn"] += 1
                print(f"   MISSED     interpretation.late {doc['key']}: {doc['truth']['why']}")
    return tally


def run_title_pairs(folder: Path, sql: Path | None) -> dict[str, int]:
    """With the gov.cn crawl, its 60 document titles join the column as distractors: none may take a 解读."""
    rows = json.loads((folder / "pairs.json").read_text("utf-8"))["title_pairs"]
    base = "https://real.invalid/"
    docs = tuple(Item(d["title"], f"{base}doc/{d['key']}", _day(d["published"]), POLICY_LIST, None,
                      {"文号": "（来源未给出）"}) for d in rows["documents"])
    if sql:
        from benchmarks.real_reports import policy_documents
        docs += tuple(Item(title, f"{base}doc/gov{doc_id}", None, POLICY_LIST, None, {"文号": number})
                      for doc_id, _, title, number, _ in policy_documents(sql))
    interps = tuple(Item(i["title"], f"{base}jd/{i['key']}", _day(i["published"]), INTERP_LIST, None, {})
                    for i in rows["interpretations"])
    fetched = datetime(2026, 10, 2, 12)
    columns = (ColumnState(1, "u", "政策文件", "policy", base, True, None, POLICY_LIST, fetched, docs),
               ColumnState(2, "u", "政策解读", "interpretation", base, True, None, INTERP_LIST, fetched, interps))
    data = AuditData((UnitState("u", "real titles", "department", base),), columns,
                     body={POLICY_LIST: b"<html></html>", INTERP_LIST: b"<html></html>"}.get)
    pairs, _ = pair_documents(data)
    paired = {p.policy.item.url.rsplit("/", 1)[1]: (p.interpretation.item.url.rsplit("/", 1)[1], p.matched_by)
              for p in pairs}
    tally = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    print(f"\n== title pairs (real titles only, no pages; {len(docs)} documents)")
    for key, (got, how) in paired.items():
        if key.startswith("gov"):
            tally["fp"] += 1
            print(f"   FP  {key}: a gov.cn document took {got} by {how}")
    for doc in rows["documents"]:
        got = paired.get(doc["key"])
        if got is None:
            key = "fn" if doc["interpretations"] else "tn"
        else:
            key = "tp" if got[0] in doc["interpretations"] else "fp"
        tally[key] += 1
        print(f"   {key.upper():3} {doc['key']:4} {doc['title'][:40]}" + (f"  ← {got[0]} by {got[1]}" if got else ""))
    return tally




def run_titles(folder: Path, sql: Path | None) -> dict[str, int]:
    column = json.loads((folder / "nhc_column_titles.json").read_text("utf-8"))
    titles, news = column["titles"], set(column["not_interpretation"])
    tally = {"tp": 0, "fn": 0, "fp": 0, "tn": 0}
    print("\n== is_interpretation_title on a real 政策解读 column (105 titles)")
    for title in titles:
        said = is_interpretation_title(title)
        key = ("tp" if said else "fn") if title not in news else ("fp" if said else "tn")
        tally[key] += 1
        if key in ("fn", "fp"):
            print(f"   {key.upper()} {title}")
    if sql:
        from benchmarks.real_reports import policy_documents
        docs = policy_documents(sql)
        wrong = [title for _, _, title, _, _ in docs if is_interpretation_title(title)]
        tally["fp"] += len(wrong)
        tally["tn"] += len(docs) - len(wrong)
        for title in wrong:
            print(f"   FP (gov.cn document) {title}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="folder with pairs.json (default: %(default)s)")
    parser.add_argument("--policies", type=Path, metavar="SQL", help="also test titles of the gov.cn crawl "
                        "ge_policy_raw20190217.sql (not in git)")
    args = parser.parse_args()
    tally = run_sites(args.data, drop_links=False)
    print()
    unlinked_run = run_sites(args.data, drop_links=True)
    print(f"\n{'':30} {'TP':>3} {'FP':>3} {'missed':>6}")
    for name, result in (("", tally), (" (pages without links)", unlinked_run)):
        for code, row in result.items():
            print(f"{code + name:30} {row['tp']:>3} {row['fp']:>3} {row['fn']:>6}")
    pairs = run_title_pairs(args.data, args.policies)
    print(f"   right {pairs['tp']}, wrong {pairs['fp']}, missed {pairs['fn']}, rightly unpaired {pairs['tn']}")
    titles = run_titles(args.data, args.policies)
    print(f"   解读 recognised {titles['tp']}/{titles['tp'] + titles['fn']}; other titles taken for 解读 "
          f"{titles['fp']}/{titles['fp'] + titles['tn']}")


if __name__ == "__main__":
    main()
