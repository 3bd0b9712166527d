"""List pages and detail-page dates on real government templates, read by the crawler's own code.

    .venv/bin/python -m benchmarks.real_lists [--mirrors DIR] [--only ID ...] [--quiet]

benchmarks/data/real_lists/manifest.json names real pages saved in public GitHub repositories (repository,
path, commit), each labelled by hand:

- list pages: the number of items, each item's date in page order, the next list page's URL. Each page
  goes through crawler.extract.families.analyse_list_page, as PortalSpider.parse_list calls it for page 1
  (the capture day is the manifest's as_of). An item counts as found when its title is among the labelled
  page's; its date is right, wrong or missing against the label in the same position of the page.
- detail pages: the publish date a reader sees on the page (发布日期 / 发布时间 / 日期, or the date under
  the title). Each page goes through crawler.extract.detail.extract_detail, as PortalSpider.parse_detail
  calls it. Every page is read twice: as saved, and with its <meta> dates removed (PubDate,
  firstpublishedtime …) — many portals write none, and then the visible labels decide. Rows marked
  "batch": "blind" were labelled before the crawler's date code was last tuned, and are totalled apart.

A wrong date is worse than a missing one (a false column.stale, a false interpretation.late): the totals
give the precision of dates, right / (right + wrong), next to their recall.

Pages are read as benchmarks/real_pages.py reads them: a kept copy beside the manifest, a page of
benchmarks/data/real_pages (detail rows with "from": "real_pages"), or `git show <commit>:<path>` in a
local snapshot of the repository (/work/.mirror/<owner>+<name>/, --mirrors for another root); a page whose
snapshot is missing is listed and skipped. Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks import real_pages
from checks.text import decode_as_crawled
from crawler.extract.detail import extract_detail
from crawler.extract.families import analyse_list_page
from crawler.extract.listing import parse_html

DATA = Path(__file__).parent / "data" / "real_lists"
MANIFEST = DATA / "manifest.json"
_META_DATE = re.compile(r"<meta\b[^>]*\bname\s*=\s*[\"']?(?:pubdate|publishdate|firstpublishedtime|publish_date|"
                        r"publishtime)\b[^>]*>", re.I)


@dataclass
class Tally:
    right: int = 0
    wrong: int = 0
    missing: int = 0
    wrong_cases: list[str] = field(default_factory=list)

    def add(self, got: date | None, want: date | None, what: str) -> str:
        if got is None:
            self.missing += 1
            return "missing"
        if got == want:
            self.right += 1
            return "right"
        self.wrong += 1
        self.wrong_cases.append(f"{what}: {got} (want {want})")
        return "WRONG"

    def line(self) -> str:
        n = self.right + self.wrong + self.missing
        precision = self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0
        return (f"right {self.right}/{n}  wrong {self.wrong}  missing {self.missing}  "
                f"precision {precision:.3f}  recall {self.right / n if n else 0:.3f}")


def manifest() -> dict:
    return json.loads(MANIFEST.read_text("utf-8"))


def read(row: dict, mirrors: Path) -> bytes | None:
    if row.get("from") == "real_pages":
        source = next((r for r in real_pages.manifest() if r["id"] == row["id"]), None)
        return real_pages.read_page(source, mirrors) if source else None
    if row.get("kept"):
        return (DATA / row["kept"]).read_bytes()
    return real_pages.read_page(row, mirrors)


def _url_of(row: dict) -> str:
    if row.get("url"):
        return row["url"]
    source = next((r for r in real_pages.manifest() if r["id"] == row["id"]), {})
    return f"http://{source.get('domain') or 'page.invalid'}/"


def run_lists(rows: list[dict], as_of: date, mirrors: Path, quiet: bool) -> tuple[Tally, dict[str, int], list[str]]:
    dates, counts, missing = Tally(), {"labelled": 0, "found": 0, "extra": 0, "next_right": 0, "next_wrong": 0,
                                       "next_missing": 0, "next_labelled": 0}, []
    for row in rows:
        body = read(row, mirrors)
        if body is None:
            missing.append(row["id"])
            continue
        page = analyse_list_page(decode_as_crawled(body, None, "text/html"), row["url"], 1, today=as_of)
        want = [date.fromisoformat(d) if d else None for d in row["dates"]]
        got = page.entries
        counts["labelled"] += row["items"]
        counts["found"] += min(len(got), row["items"])
        counts["extra"] += max(len(got) - row["items"], 0)
        verdicts = [dates.add(entry.publish_date, want[i], f"{row['id']} #{i + 1} {entry.title[:30]}")
                    for i, entry in enumerate(got[: len(want)])]
        dates.missing += max(len(want) - len(got), 0)  # items not found have no date either
        nxt = next((f.url for f in page.follow if f.page_no == 2), None)
        if row.get("next"):
            counts["next_labelled"] += 1
            key = "next_missing" if nxt is None else "next_right" if nxt == row["next"] else "next_wrong"
            counts[key] += 1
        elif nxt:
            counts["next_wrong"] += 1
        if not quiet:
            print(f"list  {row['id']:22} items {len(got):3}/{row['items']:<3} dates {' '.join(verdicts) or '-'}"
                  f"  next {nxt or '-'}{'' if nxt == row.get('next') else '  (want ' + str(row.get('next')) + ')'}")
    return dates, counts, missing


def run_details(rows: list[dict], mirrors: Path, quiet: bool) -> tuple[Tally, Tally, list[str]]:
    saved, bare, missing = Tally(), Tally(), []
    for row in rows:
        body = read(row, mirrors)
        if body is None:
            missing.append(row["id"])
            continue
        text = decode_as_crawled(body, None, "text/html")
        want = date.fromisoformat(row["date"])
        url = _url_of(row)
        one = extract_detail(parse_html(text), url)
        two = extract_detail(parse_html(_META_DATE.sub("", text)), url)
        a = saved.add(one.publish_date, want, row["id"])
        b = bare.add(two.publish_date, want, row["id"] + " (no meta)")
        if not quiet:
            print(f"detail {row['id']:22} want {want}  saved {one.publish_date} {a:7}  no-meta {two.publish_date} {b}")
    return saved, bare, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="benchmarks/data/real_lists/manifest.json lists the pages and labels.")
    parser.add_argument("--mirrors", type=Path, default=real_pages.MIRRORS,
                        help="root of local repository snapshots (default /work/.mirror)")
    parser.add_argument("--only", nargs="*", default=(), help="page ids to run")
    parser.add_argument("--quiet", action="store_true", help="totals only")
    args = parser.parse_args(argv)
    data = manifest()
    wanted = set(args.only)
    lists = [r for r in data["lists"] if not wanted or r["id"] in wanted]
    details = [r for r in data["details"] if not wanted or r["id"] in wanted]
    list_dates, counts, gone_lists = run_lists(lists, date.fromisoformat(data["as_of"]), args.mirrors, args.quiet)
    batches = {"first": [r for r in details if r.get("batch") != "blind"],
               "blind": [r for r in details if r.get("batch") == "blind"]}
    results = {name: run_details(rows, args.mirrors, args.quiet) for name, rows in batches.items() if rows}
    print(f"\nlist pages {len(lists) - len(gone_lists)}: items found {counts['found']}/{counts['labelled']}"
          f" (+{counts['extra']} not labelled)  next page right {counts['next_right']}/{counts['next_labelled']}"
          f" wrong {counts['next_wrong']} missing {counts['next_missing']}")
    print(f"list dates:              {list_dates.line()}")
    wrong, gone_details = list(list_dates.wrong_cases), []
    for name, (saved, bare, gone) in results.items():
        print(f"detail dates ({name} {len(batches[name]) - len(gone)}), as saved:  {saved.line()}")
        print(f"detail dates ({name} {len(batches[name]) - len(gone)}), no <meta>: {bare.line()}")
        wrong += saved.wrong_cases + bare.wrong_cases
        gone_details += gone
    for case in wrong:
        print(f"  wrong: {case}")
    if gone_lists or gone_details:
        print(f"skipped (no local snapshot): {' '.join(gone_lists + gone_details)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
