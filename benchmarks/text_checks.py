"""Throughput of the text checks in MB/s of Chinese text (UTF-8 bytes).

    .venv/bin/python benchmarks/text_checks.py [MEGABYTES] [--repeats 3] [--real DIR_OR_FILE ...]

The corpus is the main content of every fixture page (all portals), shuffled by paragraph and repeated
to the requested size (default 4 MB), with the typos, sensitive words and personal data of the labeled
site in it at their natural density. Lexicons are compiled before timing (they are built once per
process). zwgk: the three text checks (typos, sensitive words, personal data); the bare engine: an
Aho-Corasick scan of each of the two lexicons plus the privacy regexes over the same text. MB/s per
second of CPU time, median of repeats: the machine is shared, and wall time measures the neighbours as
much as the code. Target: the checks at ≥ 0.25 of the bare scans. (Page parsing: extraction_speed.py.)
--real: also real, correct government text (the sources benchmarks/text_real.py reads), cut into pages of ~2,000
characters: fixture paragraphs repeat, which keeps the 960,000-pattern automaton in the CPU's cache; real text
does not, and holds more canonical phrases per MB, so it is the slower and the truer measure.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._bench import line, median
from checks.lexicon import sensitive_matcher, tokenizer
from checks.privacy import _CARD_RX, _ID_RX, _MOBILE_RX, find_personal_data
from checks.sensitive import find_sensitive
from checks.text import decode_html, page_text, to_simplified
from checks.typos import find_typos, typo_matcher
from fixtures.farm import PORTALS

ON = date(2024, 9, 30)


def corpus(megabytes: float, clean: bool = False) -> tuple[list[str], list[bytes]]:
    """Page-sized texts (~2,000 characters) built from fixture paragraphs, to `megabytes` in all.

    Paragraphs of traditional-script pages stay among themselves, as on a real site: a page is either
    traditional or simplified. `clean`: only paragraphs where no check finds anything.
    """
    pages = [p.read_bytes() for p in sorted(PORTALS.rglob("*.htm*"))]
    paragraphs = [line for raw in pages for line in page_text(decode_html(raw)).main.splitlines() if len(line) > 8]
    if clean:
        paragraphs = [p for p in paragraphs
                      if not (find_typos(p, ON) or find_sensitive(p) or find_personal_data(p))]
    scripts = [[p for p in paragraphs if to_simplified(p) == p], [p for p in paragraphs if to_simplified(p) != p]]
    rnd = random.Random(5)
    texts, size = [], 0
    while size < megabytes * 1_000_000:
        pool = scripts[1] if scripts[1] and rnd.random() < 0.05 else scripts[0]  # 1 page in 20 traditional
        text = ""
        while len(text) < 2000:
            text += rnd.choice(pool) + "\n"
        texts.append(text)
        size += len(text.encode())
    return texts, pages


def real_pages(sources: list[str], megabytes: float) -> list[str]:
    """Pages of ~2,000 characters made of consecutive lines of real text, to `megabytes` in all (as text_real.py cuts
    them)."""
    from benchmarks.text_real import clean_lines, pages_of

    return pages_of(clean_lines(sources, megabytes))


def cpu_rate(fn, pieces: list[str], repeats: int) -> float:
    """MB/s of CPU time, median of `repeats`."""
    mb = sum(len(p.encode()) for p in pieces) / 1_000_000
    rates = []
    for _ in range(repeats):
        cpu = time.process_time()
        for piece in pieces:
            fn(piece)
        rates.append(mb / max(time.process_time() - cpu, 1e-9))
    return median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("megabytes", type=float, nargs="?", default=4.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--real", nargs="+", default=[], help="files or folders of real government text")
    args = parser.parse_args()
    build = time.perf_counter()
    typo, patterns = typo_matcher(())
    sensitive = sensitive_matcher()
    tokenizer()
    find_typos("发挥作用", ON)  # builds the word-slip index, which the first call otherwise pays for
    print(f"lexicons compiled in {time.perf_counter() - build:.1f} s "
          f"({len(patterns)} typo patterns incl. near-misses, {len(sensitive.words)} sensitive words)")

    def ours(text: str) -> None:
        find_typos(text, ON)
        find_sensitive(text)
        find_personal_data(text)

    def bare(text: str) -> None:  # both lexicons' Aho-Corasick scans and the privacy regexes, nothing else
        typo.find(text)
        sensitive.find(text)
        for rx in (_ID_RX, _CARD_RX, _MOBILE_RX):
            for _ in rx.finditer(text):
                pass

    corpora = [("fixture text, every labeled case in it", lambda: corpus(args.megabytes)[0]),
               ("clean text (no hits)", lambda: corpus(args.megabytes, clean=True)[0])]
    if args.real:
        corpora.append(("real government text (--real)", lambda: real_pages(args.real, args.megabytes)))
    for label, make in corpora:
        text = make()
        z, b = cpu_rate(ours, text, args.repeats), cpu_rate(bare, text, args.repeats)
        print(f"-- {label}, median of {args.repeats}")
        print(line("three text checks vs bare scans (MB/s CPU)", z, b, "MB/s", z / b, "≥ 0.25"))
        for name, fn, scan in (("typo", lambda t: find_typos(t, ON), typo.find),
                               ("sensitive", find_sensitive, sensitive.find)):
            zc, bc = cpu_rate(fn, text, args.repeats), cpu_rate(scan, text, args.repeats)
            print(line(f"  text.{name} vs its lexicon scan", zc, bc, "MB/s", zc / bc, "(informative)"))


if __name__ == "__main__":
    main()
