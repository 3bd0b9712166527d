"""Do two versions of the text checks report the same findings? A guard for speed work on them.

    # each version writes what it finds, in its own tree, with the same data and the same inputs:
    .venv/bin/python benchmarks/text_same_output.py dump --code /tmp/base --out /tmp/old.jsonl \\
        --real /work/realdata/heldout /work/realdata/ge_policy_raw20190217.sql /work/realdata/policy.json \\
               /work/realdata/reports/output/2026_raw_text --odw /work/realdata/odw.test /work/realdata/odw.train
    .venv/bin/python benchmarks/text_same_output.py dump --code . --out /tmp/new.jsonl --real ...
    .venv/bin/python benchmarks/text_same_output.py compare /tmp/old.jsonl /tmp/new.jsonl

`--code`: the tree whose checks/ are imported (e.g. `git archive main | tar -x -C /tmp/base`). What is
compared, each finding with every field (matched text, suggestion, why, class, start/end, context):
  * `text.typo` (find_typo_hits) on every document of --real as a whole (a law, a work report) and on
    page-sized pieces of the .sql/.json/.csv dumps, once as a single page and once as the nightly check
    runs it (night_slips over all documents: each text's candidates and the recurring ones), and once more
    with unit names (`extra`, the department names found in the .json files);
  * `text.sensitive` (find_sensitive) and `text.privacy` (find_personal_data) on the same documents;
  * the recall set of benchmarks/text_real.py: every row of benchmarks/data/reported_typos.tsv planted
    into up to three real sentences (and its published sentence);
  * real sentences with one character replaced by a same-sounding or similar-looking one (--mutated,
    seeded), so that the slower paths (word slips, damaged phrases, context) fire thousands of times;
  * real sentences with a word of a context pair (lexicons/context_pairs.tsv) swapped for its other word
    (--swapped), so that the context model judges thousands of cases;
  * the sentences of ECSpell's odw test and training sets (--odw), erroneous and corrected;
  * `text.sensitive` on the real spam and decoy pages of benchmarks/data/sensitive_real.jsonl (text rows
    with and without judging the context, markup rows as benchmarks/sensitive_real.py judges a page), and
    on 500 real documents with one of those pages' text injected at a random place;
  * the fixture pages of benchmarks/text_checks.py.
Prints how many findings each kind produced, and for `compare` the first differences (exit status 1).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

ON = date(2024, 9, 30)


def _dump(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(Path(args.code).resolve()))
    import checks
    from benchmarks.sensitive_real import judge_html
    from benchmarks.text_checks import corpus
    from benchmarks.text_real import _text_of, clean_lines, pages_of, read_pairs
    from checks.confusables import homophones
    from checks.context_confusables import context_model
    from checks.lexicon import typo_lexicon
    from checks.privacy import find_personal_data
    from checks.sensitive import find_sensitive
    from checks.typos import find_typo_hits, night_slips

    print(f"checks from {Path(checks.__file__).parent}", file=sys.stderr)
    documents: list[tuple[str, str]] = []
    extra: set[str] = set()
    for arg in map(Path, args.real):
        files = sorted(f for f in arg.rglob("*") if f.is_file()) if arg.is_dir() else [arg]
        for f in files:
            if f.suffix in (".txt", ".md"):
                documents.append((str(f), f.read_text("utf-8", errors="replace")))
                continue
            if f.suffix == ".json":
                for line in f.read_text("utf-8", errors="replace").splitlines():
                    try:
                        name = json.loads(line).get("DEPT_NAME")
                    except (ValueError, AttributeError):
                        continue
                    if isinstance(name, str) and len(name) >= 4 and "（" not in name:
                        extra.add(name)
            lines = [x.strip() for x in _text_of(f).splitlines() if x.strip()]
            documents += [(f"{f}#{i}", page) for i, page in enumerate(pages_of(lines))]
    texts = [t for _, t in documents]
    print(f"{len(documents)} documents, {sum(len(t.encode()) for t in texts) / 1e6:.1f} MB; "
          f"{len(extra)} unit names", file=sys.stderr)
    out: list[str] = []
    counts: dict[str, int] = {}

    def write(case: str, kind: str, found: list) -> None:
        counts[kind] = counts.get(kind, 0) + len(found)
        out.append(json.dumps([case, kind, found], ensure_ascii=False, sort_keys=True) + "\n")

    started = time.process_time()
    for name, text in documents:
        write(name, "typo", find_typo_hits(text, ON))
        write(name, "sensitive", find_sensitive(text))
        write(name, "privacy", find_personal_data(text, ON))
    slips, recurring = night_slips(texts)
    write("night", "recurring", sorted(recurring))
    for (name, text), found in zip(documents, slips, strict=True):
        write(name, "typo-night", find_typo_hits(text, ON, (), recurring, found))
    names = tuple(sorted(extra))
    for name, text in documents[::args.extra_every]:
        write(name, "typo-extra", find_typo_hits(text, ON, names))
    lines = clean_lines(args.real, args.megabytes)
    rnd = random.Random(11)  # benchmarks/text_real.py recall(): the same planting
    with_comma = [line for line in lines if "，" in line and len(line) < 200]
    for wrong, right, _, _, _, sentence in read_pairs([]):
        hosts = [line for line in lines if right in line and len(line) < 300][:3]
        if hosts:
            cases = [h.replace(right, wrong, 1) for h in hosts]
        else:
            host = rnd.choice(with_comma)
            cut = host.index("，") + 1
            cases = [host[:cut] + wrong + host[cut:]]
        if sentence and wrong in sentence:
            cases.append(sentence)
        for i, text in enumerate(cases):
            write(f"recall {wrong}→{right} #{i}", "typo", find_typo_hits(text, ON))
    sounds, shapes = homophones(False), typo_lexicon().shapes
    rnd = random.Random(17)
    for k in range(args.mutated):
        line = rnd.choice(lines)
        at = [i for i, ch in enumerate(line) if sounds.get(ch) or shapes.get(ch)]
        if not at:
            continue
        i = rnd.choice(at)
        others = sounds.get(line[i], "") + shapes.get(line[i], "")
        text = line[:i] + rnd.choice(others) + line[i + 1:]
        write(f"mutated {k}", "typo", find_typo_hits(text, ON))
    alternatives = context_model().alternatives  # a word of a context pair swapped for its other word
    hosts = [(line, w) for line in lines for w in alternatives if w in line]
    for k in range(min(args.swapped, len(hosts))):
        line, word = rnd.choice(hosts)
        text = line.replace(word, rnd.choice(alternatives[word]), 1)
        write(f"swapped {k}", "typo", find_typo_hits(text, ON))
    for path in args.odw:
        for n, row in enumerate(Path(path).read_text("utf-8").splitlines()):
            for j, sentence in enumerate(row.split("\t")[1:3]):
                write(f"{Path(path).name}:{n}:{j}", "typo", find_typo_hits(sentence, ON))
    rows = [json.loads(line) for line in
            (Path(args.code) / "benchmarks/data/sensitive_real.jsonl").read_text("utf-8").splitlines() if line]
    for row in rows:
        if "text" in row:
            write(f"sensitive_real {row['id']}", "sensitive", find_sensitive(row["text"]))
            write(f"sensitive_real {row['id']}", "sensitive-bare", find_sensitive(row["text"], judge_context=False))
        else:
            write(f"sensitive_real {row['id']}", "sensitive-html", judge_html(row["html"]))
    spam = [row["text"] for row in rows if "text" in row]
    rnd = random.Random(19)
    for k, (name, text) in enumerate(documents[:: max(1, len(documents) // 500)]):
        cut = rnd.randrange(len(text) + 1)  # a real spam or decoy page's text injected into a real document
        planted = text[:cut] + "\n" + rnd.choice(spam) + "\n" + text[cut:]
        write(f"planted spam {k} {name}", "sensitive", find_sensitive(planted))
        write(f"planted spam {k} {name}", "typo", find_typo_hits(planted, ON))
    fixture_pages, _ = corpus(args.fixture_megabytes)
    for n, text in enumerate(fixture_pages):
        write(f"fixture {n}", "typo", find_typo_hits(text, ON))
        write(f"fixture {n}", "sensitive", find_sensitive(text))
        write(f"fixture {n}", "privacy", find_personal_data(text, ON))
    Path(args.out).write_text("".join(out), "utf-8")
    digest = hashlib.sha256(Path(args.out).read_bytes()).hexdigest()[:16]
    print(f"findings: {counts}; {time.process_time() - started:.0f} CPU s; sha256 {digest}")


def _compare(args: argparse.Namespace) -> None:
    old = Path(args.old).read_text("utf-8").splitlines()
    new = Path(args.new).read_text("utf-8").splitlines()
    counts: dict[str, int] = {}
    for line in old:
        case, kind, found = json.loads(line)
        counts[kind] = counts.get(kind, 0) + len(found)
    differ = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
    print(f"{len(old)} records (cases × checks), {sum(counts.values())} findings: {counts}")
    if not differ and len(old) == len(new):
        print("identical")
        return
    print(f"{len(differ)} records differ; {len(old)} against {len(new)} records")
    for a, b in differ[:args.show]:
        print("old:", a[:1000])
        print("new:", b[:1000])
    sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    dump = sub.add_parser("dump")
    dump.add_argument("--code", default=str(Path(__file__).resolve().parent.parent))
    dump.add_argument("--out", required=True)
    dump.add_argument("--real", nargs="+", required=True)
    dump.add_argument("--odw", nargs="*", default=[])
    dump.add_argument("--megabytes", type=float, default=6.0, help="clean lines for the recall set (text_real.py)")
    dump.add_argument("--mutated", type=int, default=30000)
    dump.add_argument("--swapped", type=int, default=20000)
    dump.add_argument("--extra-every", type=int, default=4, help="every n-th document also with unit names")
    dump.add_argument("--fixture-megabytes", type=float, default=2.0)
    compare = sub.add_parser("compare")
    compare.add_argument("old")
    compare.add_argument("new")
    compare.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    _dump(args) if args.command == "dump" else _compare(args)


if __name__ == "__main__":
    main()
