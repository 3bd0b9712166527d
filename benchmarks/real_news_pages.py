"""Every alarm of the text checks on real Chinese news and forum pages (a precision review, by hand).

    .venv/bin/python -m benchmarks.real_news_pages [--mirrors /work/.mirror] [--on 2024-06-01]

The pages are the test and benchmark HTML of two content-extraction projects, saved as the sites served them:
opendatalab/magic-html (Apache-2.0; `benchmark/data/article/htmls`, `benchmark/data/forum/htmls`: news
articles, Party-history essays, forum threads) and GeneralNewsExtractor (GPL-3.0; `tests/`,
`test_list_page/`: 163, sina, toutiao, thepaper, ifeng, guancha …). They are read from local snapshots of the
two repositories (the search tool's `fetch`; nothing is downloaded and nothing of them is kept here). Pages
whose main text (checks.text.page_text) has fewer than 200 Chinese characters are skipped.

These are not government pages, but they are the text a government site's news column reprints and the
decoys of the held-out farm (crackdown news, statements on separatism). Each alarm is printed with its
context; docs/benchmarks.md holds the verdicts.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.privacy import find_personal_data
from checks.sensitive import find_sensitive
from checks.text import decode_html, page_text
from checks.typos import find_typo_hits

SOURCES = {
    "opendatalab+magic-html": ("benchmark/data/article/htmls", "benchmark/data/forum/htmls"),
    "GeneralNewsExtractor+GeneralNewsExtractor": ("tests", "test_list_page"),
}
_CJK = re.compile("[\u4e00-\u9fff]")


def pages(mirrors: Path) -> list[tuple[str, str]]:
    """(name, main text) of every page with 200 Chinese characters or more."""
    out = []
    for repo, folders in SOURCES.items():
        git = mirrors / repo / "repo"
        listed = subprocess.run(["git", "-C", str(git), "ls-tree", "-r", "--name-only", "HEAD", *folders],
                                capture_output=True, text=True, check=True).stdout.split("\n")
        for path in sorted(p for p in listed if p.endswith(".html")):
            raw = subprocess.run(["git", "-C", str(git), "show", f"HEAD:{path}"], capture_output=True, check=True).stdout
            main = page_text(decode_html(raw)).main
            if len(_CJK.findall(main)) >= 200:
                out.append((f"{repo.split('+')[1]}:{path}", main))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--on", type=date.fromisoformat, default=date(2024, 6, 1),
                        help="the as-of date (leaders' titles are judged on it)")
    args = parser.parse_args()
    found = pages(args.mirrors)
    counts = {"typo": 0, "sensitive": 0, "privacy": 0}
    lines = []
    for name, text in found:
        for h in find_typo_hits(text, args.on):
            counts["typo"] += 1
            lines.append(f"typo       {name[-40:]:40} {h['matched']} → {h['suggestion'] or '—'}  … {h['context']}")
        for word, category, where in find_sensitive(text):
            counts["sensitive"] += 1
            lines.append(f"sensitive  {name[-40:]:40} {word} [{category}]  … {where}")
        for kind, value, *_ in find_personal_data(text):
            counts["privacy"] += 1
            lines.append(f"privacy    {name[-40:]:40} {kind} {value}")
    size = sum(len(t) for _, t in found)
    print(f"== {len(found)} real news and forum pages, {size / 1e6:.2f} M characters of main text: "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
