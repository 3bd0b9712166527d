"""The text checks on real government page templates: every alarm on correct pages, recall of planted errors.

    .venv/bin/python -m benchmarks.real_pages [--mirrors DIR] [--plant N] [--gbk] [--only ID ...] [--quiet]

benchmarks/data/real_pages/manifest.json lists real Chinese government web pages saved as HTML in public
GitHub repositories (each with its repository, path and commit): detail pages, a list page and an 信息公开
index of TRS, Hanweb, Ucap and other templates from 50+ sites. The pages whose repository licence allows it
are kept next to the manifest ("kept"); the others are read from local snapshots of their repositories
(the search tool's `fetch` puts them under /work/.mirror/<owner>+<name>/; --mirrors names another root),
with `git show <commit>:<path>` — nothing else is downloaded.

Each page goes through the nightly check's own path: the stored body is decoded as the crawler decodes it
(checks.text.decode_as_crawled with the Content-Type header, so <meta charset> and detection decide),
parsed by checks.text.page_text and read by checks.sources.text_sources — the page's main text as a "page"
source, its chrome once per site as a "chrome" source — and then the registered check functions run:
`text.typo` (checks.typos.typos), `text.sensitive` with dark links (checks.sensitive.sensitive_words_check)
and `text.privacy` (checks.privacy.personal_data). All pages are checked as one night, one unit per site,
as production does (the night-wide corpus steps see every page).

These pages are published and believed correct: every finding is printed with what matched and its
context, for review by hand (docs/benchmarks.md lists the verdicts).

--plant N: real errors reported on government sites (benchmarks/data/reported_typos.tsv, origin gov_site)
  are planted into the main text of these pages, one error per page copy: where a page's main text has the
  right form, that occurrence is replaced by the wrong one; otherwise the reported sentence (or the wrong
  form after the first sentence) is inserted after a sentence of the main text. A case counts as found when
  a `text.typo` finding on that page matched a string overlapping the planted error. Prints recall.
--everywhere (with --plant): each planted error that the check finds as plain text is planted into every
  detail page in turn, so that a template that hides the main text, or puts it among the chrome, shows.
--gbk: also run every page transcoded to GB18030, its charset declaration rewritten and its Content-Type
  header saying gbk (no GBK
  original was found among the saved pages; this exercises the GBK decoding path on the same templates).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from checks.base import AuditData, CheckRules, ColumnState, Item, Observation, UnitState
from checks.privacy import personal_data
from checks.sensitive import sensitive_words_check
from checks.sources import text_sources
from checks.typos import find_typo_hits, typos

DATA = Path(__file__).parent / "data"
PAGES = DATA / "real_pages"
MANIFEST = PAGES / "manifest.json"
MIRRORS = Path("/work/.mirror")  # where the search tool's fetch puts repository snapshots; --mirrors for another
AS_OF = date(2026, 12, 2)
CHECKS = (("text.typo", typos), ("text.sensitive", sensitive_words_check), ("text.privacy", personal_data))


@dataclass(frozen=True)
class Page:
    id: str
    kind: str  # detail | list
    site: str
    family: str
    body: bytes
    content_type: str


def manifest() -> list[dict]:
    return json.loads(MANIFEST.read_text("utf-8"))["pages"]


def _git_dir(root: Path, repo: str) -> Path | None:
    base = root / repo.replace("/", "+") / "repo"
    for candidate in (base / ".git", base):
        if (candidate / "HEAD").exists():
            return candidate
    return None


def read_page(row: dict, mirrors: Path = MIRRORS) -> bytes | None:
    """The page's bytes: the kept copy, or `git show commit:path` in a local snapshot of its repository."""
    if row.get("kept"):
        return (PAGES / row["kept"]).read_bytes()
    git_dir = _git_dir(mirrors, row["repo"])
    if git_dir is None:
        return None
    out = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{row['commit']}:{row['path']}"],
                         capture_output=True, check=False)
    return out.stdout if out.returncode == 0 and out.stdout else None


def load(mirrors: Path = MIRRORS, only: Iterable[str] = ()) -> tuple[list[Page], list[str]]:
    wanted = set(only)
    pages, missing = [], []
    for row in manifest():
        if wanted and row["id"] not in wanted:
            continue
        body = read_page(row, mirrors)
        if body is None:
            missing.append(row["id"])
            continue
        site = row.get("domain") or row.get("site") or row["id"]
        # a copy whose bytes are no longer in the charset its <meta> declares (a browser re-encoded it on
        # saving) says what the bytes are, as the site's Content-Type header would have
        pages.append(Page(row["id"], row["kind"], site, row["family"], body, row.get("content_type", "text/html")))
    return pages, missing


_CHARSET_DECL = re.compile(rb"""(charset\s*=\s*["']?)(utf-8|utf8)""", re.I)


def as_gbk(page: Page) -> Page:
    """The same page as a GBK site serves it: GB18030 bytes, charset declared as gbk."""
    from checks.text import decode_as_crawled

    text = decode_as_crawled(page.body, None, page.content_type)
    body = _CHARSET_DECL.sub(rb"\1gbk", text.encode("gb18030", "replace"))
    return Page(page.id + "~gbk", page.kind, page.site + "~gbk", page.family, body, "text/html; charset=gbk")


def night(pages: list[Page]) -> AuditData:
    """One night's data: a unit per site, a column per page; a detail page is an item with its snapshot, a
    list page is the column's list snapshot (its chrome is read, as on a real night)."""
    bodies = {i: p.body for i, p in enumerate(pages, 1)}
    types = {i: p.content_type for i, p in enumerate(pages, 1)}
    units: dict[str, UnitState] = {}
    columns = []
    for i, p in enumerate(pages, 1):
        site, gbk = p.site.removesuffix("~gbk"), p.site.endswith("~gbk")
        slug = (re.sub(r"[^a-z0-9]+", "-", site.lower()).strip("-") or p.id.split("~")[0]) + ("-gbk" if gbk else "")
        units.setdefault(p.site, UnitState(slug, p.site, "county", f"http://{p.site}/"))
        url = f"http://{p.site}/{p.id}.html"
        if p.kind == "list":
            columns.append(ColumnState(i, slug, p.id, "notice", url, True, None, i, None, ()))
        else:
            item = Item(p.id, url, AS_OF, None, i)
            columns.append(ColumnState(i, slug, p.id, "notice", url.replace(".html", "/"), True, None, None, None,
                                       (item,)))
    return AuditData(units=tuple(units.values()), columns=tuple(columns), body=bodies.get,
                     encoding=lambda i: (None, types.get(i)))


def run_checks(data: AuditData) -> list[Observation]:
    found: list[Observation] = []
    for _, fn in CHECKS:
        found.extend(fn(data, AS_OF, CheckRules()))
    return found


def describe(f: Observation) -> str:
    ev = f.evidence
    what = ev.get("matched") or ", ".join(f"{m['kind']} {m['masked']}" for m in ev.get("matches", [])[:3])
    context = (ev.get("contexts") or [m.get("context", "") for m in ev.get("matches", [])] or [ev.get("text", "")])[0]
    extra = ev.get("class") or ev.get("category") or ""
    return f"{f.check:15} {f.subject_key.split('#')[0][:60]:60} [{extra}] “{what}” … {context}"


def correct_pages(pages: list[Page], quiet: bool) -> int:
    data = night(pages)
    sources = list(text_sources(data))
    chars = sum(len(s.text) for s in sources)
    found = run_checks(data)
    by_check = Counter(f.check for f in found)
    print(f"== {len(pages)} real pages ({Counter(p.family for p in pages)}), {len(sources)} texts, "
          f"{chars / 1e6:.2f} M characters checked")
    print("   alarms: " + ", ".join(f"{c} {by_check.get(c, 0)}" for c, _ in CHECKS) + f"  (total {len(found)})")
    if not quiet:
        for f in sorted(found, key=lambda f: (f.check, f.subject_key)):
            print("   " + describe(f))
    return len(found)


def _pairs(n: int) -> list[tuple[str, str, str]]:
    """(wrong, right, published sentence) of the first `n` errors reported on government sites."""
    from benchmarks.text_real import read_pairs

    return [(wrong, right, sentence) for wrong, right, _, origin, _, sentence in read_pairs([])
            if origin == "gov_site"][:n]


def _main_lines(page: Page) -> list[str]:
    from checks.text import decode_as_crawled, page_text

    parsed = page_text(decode_as_crawled(page.body, None, page.content_type))
    return [line for line in parsed.narrative.split("\n") if len(line) >= 12]


def _main_of(body: bytes, content_type: str) -> str:
    from checks.text import decode_as_crawled, page_text

    return page_text(decode_as_crawled(body, None, content_type)).main


def plant(page: Page, wrong: str, right: str, sentence: str) -> tuple[Page, str] | None:
    """The page with the error in its main text, and the changed line; None when no line of its main text
    can be changed in the markup so that the main text shows the error (an entity or a tag in every line)."""
    html = page.body.decode("utf-8", "replace")
    lines = [line for line in _main_lines(page) if line in html]
    with_right = [line for line in lines if right in line]
    insert = sentence if sentence and wrong in sentence else f"这里是{wrong}的有关情况。"
    tries = [(line, line.replace(right, wrong, 1)) for line in with_right]
    for line in sorted(lines, key=len, reverse=True)[:5]:
        cut = line.find("。") + 1 or len(line)
        tries.append((line, line[:cut] + insert + line[cut:]))
    for line, changed in tries:
        at = html.find(line)
        while at >= 0:  # the first occurrence may be the <title> or the chrome: the one the main text shows
            body = (html[:at] + changed + html[at + len(line):]).encode("utf-8")
            if wrong in _main_of(body, page.content_type):
                return Page(f"{page.id}+{wrong}", page.kind, page.site, page.family, body, page.content_type), changed
            at = html.find(line, at + 1)
    return None


def recall(pages: list[Page], n: int, quiet: bool) -> None:
    details = [p for p in pages if p.kind == "detail"]
    pairs = _pairs(n)
    planted: list[tuple[Page, str, str, str]] = []
    k = 0
    for wrong, right, sentence in pairs:
        for _ in range(len(details)):
            done = plant(details[k % len(details)], wrong, right, sentence)
            k += 1
            if done is not None:
                planted.append((done[0], wrong, right, done[1]))
                break
    data = night([p for p, _, _, _ in planted])
    found = [f for f in run_checks(data) if f.check == "text.typo"]
    per_page: dict[str, list[str]] = defaultdict(list)
    for f in found:
        per_page[f.subject_key.split("#")[0]].append(str(f.evidence.get("matched", "")))
    hits = plain_hits = lost = 0
    print(f"== recall: {len(planted)} real published errors (gov_site) planted into the main text of real pages")
    for page, wrong, right, line in planted:
        matched = per_page.get(f"page:http://{page.site}/{page.id}.html", [])
        ok = any(m and (m in wrong or wrong in m) for m in matched)
        # the same line checked as plain text: what the page's template (extraction) takes away, if anything
        plain = any(wrong in str(h["matched"]) or str(h["matched"]) in wrong
                    for h in find_typo_hits(line, AS_OF, (), frozenset()))
        hits, plain_hits, lost = hits + ok, plain_hits + plain, lost + (plain and not ok)
        if not quiet or not ok:
            print(f"   {'found ' if ok else 'MISSED'} {wrong}→{right} on {page.id.split('+')[0]} "
                  f"(as plain text: {'found' if plain else 'missed'}; typo findings on the page: {matched})")
    n = max(1, len(planted))
    print(f"   recall in the pages {hits}/{len(planted)} = {hits / n:.2f}; the same lines as plain text "
          f"{plain_hits}/{len(planted)} = {plain_hits / n:.2f}; found as plain text but not in the page: {lost}")


def everywhere(pages: list[Page], n: int, quiet: bool) -> None:
    """Each planted error that the check finds in plain text, planted into every detail page in turn: how
    many of the pages let it through to a finding on that page (not on the site's chrome, not lost)."""
    details = [p for p in pages if p.kind == "detail"]
    pairs = [(w, r, x) for w, r, x in _pairs(n)
             if any(w in str(h["matched"]) or str(h["matched"]) in w
                    for h in find_typo_hits(x if x and w in x else f"这里是{w}的有关情况。", AS_OF, (), frozenset()))]
    planted = 0
    unplantable: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    # a night holds each error once (a word-slip seen in two documents of a night is taken for the site's
    # own usage, checks.typos.find_typo_hits): nights of len(pairs) pages, each with another error, rotated
    size = len(pairs)
    for turn in range(size):
        for start in range(0, len(details), size):
            pages_with: list[tuple[Page, str]] = []
            for j, page in enumerate(details[start:start + size]):
                wrong, right, sentence = pairs[(j + turn) % size]
                done = plant(page, wrong, right, sentence)
                if done is None:
                    unplantable[page.id] += 1
                else:
                    pages_with.append((done[0], wrong))
            planted += len(pages_with)
            per_page: dict[str, list[str]] = defaultdict(list)
            for f in run_checks(night([p for p, _ in pages_with])):
                if f.check == "text.typo":
                    per_page[f.subject_key.split("#")[0]].append(str(f.evidence.get("matched", "")))
            for page, wrong in pages_with:
                if not any(m and (m in wrong or wrong in m)
                           for m in per_page.get(f"page:http://{page.site}/{page.id}.html", [])):
                    missed[f"{page.id.split('+')[0]} {wrong}"] += 1
    total = len(pairs) * len(details)
    print(f"== {len(pairs)} planted errors that the check finds in plain text, each planted into each of "
          f"{len(details)} detail pages: found on the page {planted - sum(missed.values())}/{total}; "
          f"no main text to plant into {sum(unplantable.values())}; planted but not found on the page {sum(missed.values())}")
    if not quiet:
        print(f"   pages without a main text to plant into: {sorted(unplantable)}")
        print(f"   planted but not reported on the page: {sorted(missed)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--mirrors", type=Path, default=MIRRORS, help="root of the local repository snapshots")
    parser.add_argument("--plant", type=int, default=0, help="plant this many reported gov_site errors")
    parser.add_argument("--gbk", action="store_true", help="also run every page transcoded to GBK")
    parser.add_argument("--everywhere", action="store_true",
                        help="plant the errors the check finds in plain text into every detail page")
    parser.add_argument("--only", nargs="*", default=(), help="page ids from the manifest")
    parser.add_argument("--quiet", action="store_true", help="counts only (and missed plants)")
    args = parser.parse_args(argv)
    pages, missing = load(args.mirrors, args.only)
    if missing:
        print(f"   {len(missing)} pages not available (no snapshot under {args.mirrors}): {', '.join(missing)}",
              file=sys.stderr)
    correct_pages(pages, args.quiet)
    if args.gbk:
        correct_pages([as_gbk(p) for p in pages], args.quiet)
    if args.plant:
        recall(pages, args.plant, args.quiet)
        if args.everywhere:
            everywhere(pages, args.plant, args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
