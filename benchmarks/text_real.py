"""The text checks on real material: false alarms on real government text, recall on real published errors.

    .venv/bin/python -m benchmarks.text_real --clean DIR_OR_FILE ... [--lists FILE ...] [--sighan FILE]
                                             [--odw FILE] [--megabytes 6] [--show 50]

--clean: real, correct government text that nobody here wrote (.txt/.md as they are, .sql dumps with
  HTML stripped, .json and .csv with every string of 8+ Chinese characters). Lines are taken in turn from
  each --clean argument, so that every source and kind of text is represented. None of it is committed
  (fetch the public repositories to repeat); the 6 MB of benchmarks/results/text_real-2026-12-01.txt are:
  * github LawRefBook/Laws @2f4c5c2: 行政法规 (State Council regulations), DLC/{浙江,广东,重庆}地方法规 (local
    regulations) and 部门规章 (ministry rules) — only the parts that scripts/build_slip_data.py keeps out of
    the word-slip corpus, so that the check is not measured on text it learnt from;
  * github ZhouYNF/platform-1 @2197df5 db/ge_policy_raw20190217.sql: State Council policy documents
    crawled from www.gov.cn (2018–2019, 0.55 MB);
  * github Clarence-Kong/QABasedOnPolicyKnowledgeGraph @b1f5aec data/policy.json: Guangdong government service
    guides (政务服务事项) from gdzwfw.gov.cn (0.33 MB);
  * github johncodes404/china-provincial-gov-reports-2026 @ad4c815 output/2026_raw_text/*.csv: the 2026
    government work reports (政府工作报告) of all 31 provinces (1.8 MB; official documents, no licence
    file in the repository, so not committed).
  Every alarm is listed with its context so that a reviewer can judge it.
--lists: published wrong→right pair lists, "wrong<TAB>right" a line (e.g. pycorrector 1.1.4's
  tests/common_error_pairs.txt, Apache-2.0); pairs already in the data file are skipped.
  benchmarks/data/reported_typos.tsv is always read: 342 real errors, each with its class (common, name,
  formulation, context), its origin (gov_site: on government sites and documents, from inspection notices
  and news reports; yaowenjiaozi: 《咬文嚼字》's yearly lists and its 100 common misspellings; party_media;
  published_list: editors' and teachers' lists; issue; other) and the address it was taken from.
  Each pair is planted into up to 3 real sentences of the clean text that contain the right form (or
  after a comma of a real sentence when none does), and a row that quotes the published erroneous
  sentence is also tested on that sentence; a case counts as found when a finding covers the error.
  Recall is printed per class and per origin, and per class apart for the two settings (a sentence that
  fits the error, or an unrelated one: a context confusable cannot be judged there). Rows after a comment
  line "# blindN (collected …)" were collected and measured before any change made for them: each such batch
  is printed apart, by class, with its misses (the blind figure is the first run's, on unchanged checks).
--sighan: the SIGHAN-15 CSC test set as pycorrector ships it (data/sighan2015_test.tsv: wrong sentence,
  right sentence): a public yardstick of character-level detection on learners' essays.
--odw: ECSpell's official-document-writing test set (github aopolin-lv/ECSpell @025bf43
  Data/domains_data/odw.test, MIT: label, wrong sentence, right sentence): a yardstick closer to
  government text, but not errors published on government sites; reported apart, sentence-level
  detection at the right position and precision.

Prints false alarms per MB, recall per class and origin, the yardsticks, and the throughput of all three
text checks in MB/s of CPU time next to a bare Aho-Corasick scan of the same lexicons (the typo patterns,
the anchors of damaged names, the sensitive words). benchmarks/sensitive_real.py measures text.sensitive
on real spam-injected pages and decoys.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import random
import re
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import NamedTuple

from checks.lexicon import sensitive_matcher, typo_lexicon
from checks.privacy import find_personal_data
from checks.sensitive import find_sensitive
from checks.typos import consensus_hits, corpus_consensus, find_typo_hits, hole_matcher, night_slips, typo_matcher

ON = date(2024, 9, 30)
DATA = Path(__file__).resolve().parent / "data"
_CJK = re.compile("[\u4e00-\u9fff]")


def _strings(obj: object):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def _text_of(path: Path) -> str:
    raw = path.read_text("utf-8", errors="replace")
    if path.suffix == ".sql":
        raw = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", raw, flags=re.S)
        raw = re.sub(r"<br\s*/?>|</p>|</div>|</tr>|\\n", "\n", raw)
        return html.unescape(re.sub(r"<[^>]+>", "", raw))
    if path.suffix == ".csv":  # one document per row (e.g. full_text of a work report): every long string
        csv.field_size_limit(1 << 30)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return "\n".join(cell for row in csv.reader(handle) for cell in row if len(_CJK.findall(cell)) >= 8)
    if path.suffix == ".json":
        decoder, i, parts = json.JSONDecoder(), 0, []
        while i < len(raw):
            while i < len(raw) and raw[i].isspace():
                i += 1
            if i >= len(raw):
                break
            obj, i = decoder.raw_decode(raw, i)
            parts += [s for s in _strings(obj) if len(_CJK.findall(s)) >= 8]
        return "\n".join(parts)
    return raw


def clean_lines(paths: list[str], megabytes: float) -> list[str]:
    """Distinct lines (6+ characters) of the clean text, to `megabytes`, taken in turn from each --clean
    argument (each shuffled on its own), so that every source and kind of text is represented."""
    seen: set[str] = set()
    per_source: list[list[str]] = []
    for p in map(Path, paths):
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        lines = []
        for f in files:
            for line in _text_of(f).splitlines():
                line = line.strip()
                if len(line) >= 6 and _CJK.search(line) and line not in seen:
                    seen.add(line)
                    lines.append(line)
        random.Random(7).shuffle(lines)
        per_source.append(lines)
    out, size, taken = [], 0, [0] * len(per_source)
    while size < megabytes * 1e6 and any(t < len(src) for t, src in zip(taken, per_source, strict=True)):
        for i, src in enumerate(per_source):
            if taken[i] < len(src) and size < megabytes * 1e6:
                out.append(src[taken[i]])
                size += len(src[taken[i]].encode())
                taken[i] += 1
    for source, t, src in zip(paths, taken, per_source, strict=True):
        print(f"clean source {source}: {sum(len(x.encode()) for x in src[:t]) / 1e6:.2f} MB used of "
              f"{sum(len(x.encode()) for x in src) / 1e6:.2f} MB")
    random.Random(7).shuffle(out)
    return out


def pages_of(lines: list[str], size: int = 2000) -> list[str]:
    pages, cur = [], ""
    for line in lines:
        cur += line + "\n"
        if len(cur) >= size:
            pages.append(cur)
            cur = ""
    return pages + ([cur] if cur else [])


def false_alarms(pages: list[str], show: int) -> None:
    mb = sum(len(p.encode()) for p in pages) / 1e6
    slips, recurring = night_slips(pages)  # as the nightly check does: what recurs across documents is no slip
    typo = [h for p, found in zip(pages, slips, strict=True) for h in find_typo_hits(p, ON, (), recurring, found)]
    sensitive = [h for p in pages for h in find_sensitive(p)]
    privacy = [h for p in pages for h in find_personal_data(p, ON)]
    print(f"== false alarms on {mb:.2f} MB of real government text ({len(pages)} page-sized pieces)")
    print(f"text.typo      {len(typo):4d} alarms = {len(typo) / mb:.2f} per MB")
    print(f"text.sensitive {len(sensitive):4d} alarms = {len(sensitive) / mb:.2f} per MB")
    print(f"text.privacy   {len(privacy):4d} hits   = {len(privacy) / mb:.2f} per MB (real published numbers "
          "count as hits, not as false alarms, when they are personal data)")
    consensus = corpus_consensus(pages)
    agreed = [h for p in pages for h in consensus_hits(p, consensus)]
    print(f"text.typo, corpus consensus over these pieces: {len(agreed)} alarms = {len(agreed) / mb:.2f} per MB")
    for h in agreed[:show]:
        print(f"  consensus  {h['matched']} → {h['suggestion']} [{h['why']}]")
    for h in typo[:show]:
        print(f"  typo  {h['matched']} → {h['suggestion']} [{h['class']}; {h['why']}]  {h['context']}")
    for word, category, where in sensitive[:show]:
        print(f"  sensitive  {word} [{category}]  {where}")
    for kind, number, _start, _ in privacy[:show]:
        print(f"  privacy  {kind} {number[:4]}…")


Pair = tuple[str, str, str, str, str, str]  # wrong, right, class, origin, source, sentence
_BATCH = re.compile(r"# (blind[\w-]*) ")
BATCHES: dict[tuple[str, str], str] = {}  # (wrong, right) -> the blind batch a row was collected in


def read_pairs(paths: list[str]) -> list[Pair]:
    """(wrong, right, class, origin, source, sentence) from reported_typos.tsv and the extra lists.

    A comment line "# blindN (collected …)" opens a batch that was collected and measured before any change
    made for it; recall() reports such batches apart (BATCHES)."""
    rows: list[Pair] = []
    batch = ""
    for line in (DATA / "reported_typos.tsv").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if (m := _BATCH.match(line)) is not None:
            batch = m.group(1)
        if line.startswith("#") or parts[0] == "wrong" or len(parts) < 5:
            continue
        rows.append((parts[0], parts[1], parts[2], parts[3], parts[4], parts[5] if len(parts) > 5 else ""))
        if batch:
            BATCHES[parts[0], parts[1]] = batch
    known = {(r[0], r[1]) for r in rows}
    for path in paths:
        for line in Path(path).read_text("utf-8").splitlines():
            parts = line.strip().split("\t")
            if len(parts) >= 2 and parts[0] != parts[1] and not line.startswith("#") and (parts[0], parts[1]) not in known:
                rows.append((parts[0], parts[1], "common", "extra_list", Path(path).name, ""))
    return rows


def _score(table: dict[str, list[int]], title: str) -> None:
    print(title)
    for key, (found, n) in sorted(table.items(), key=lambda kv: -kv[1][1]):
        print(f"  {key:16} {found:4d} / {n:4d} = {found / n:.2f}")


def planted_cases(wrong: str, right: str, sentence: str, lines: list[str], with_comma: list[str],
                  rnd: random.Random) -> list[tuple[str, int, str]]:
    """(text, where the error starts, setting) for one error: planted into up to 3 real sentences that hold the
    right form ("fits"), else after the comma of a random real sentence ("unrelated"); and the published
    erroneous sentence itself when the row quotes it ("fits")."""
    hosts = [line for line in lines if right in line and len(line) < 300][:3]
    if hosts:
        cases = [(h.replace(right, wrong, 1), h.index(right), "fits") for h in hosts]
    else:
        host = rnd.choice(with_comma)
        cut = host.index("，") + 1
        cases = [(host[:cut] + wrong + host[cut:], cut, "unrelated")]
    if sentence and wrong in sentence:
        cases.append((sentence, sentence.index(wrong), "fits"))
    return cases


def detected(text: str, at: int, wrong: str) -> bool:
    """A typo hit of `text` overlaps the error planted at `at`."""
    return any(int(h["start"]) < at + len(wrong) and at < int(h["end"]) for h in find_typo_hits(text, ON))


def recall(lines: list[str], pairs: list[Pair]) -> None:
    """Plant each pair into up to 3 real sentences that hold the right form (else after a comma of a real
    sentence); a row that quotes the real erroneous sentence is also tested on that sentence as published."""
    rnd = random.Random(11)
    with_comma = [line for line in lines if "，" in line and len(line) < 200]
    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_origin: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_pair_origin: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_setting: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # class × whether the sentence fits the error
    by_batch: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # blind batches, by class
    missed = []
    for wrong, right, kind, origin, _, sentence in pairs:
        cases = planted_cases(wrong, right, sentence, lines, with_comma, rnd)
        hits = 0
        for text, at, setting in cases:
            found = detected(text, at, wrong)
            hits += found
            keys = [(by_class, kind), (by_origin, origin), (by_setting, f"{kind}/{setting}")]
            if (batch := BATCHES.get((wrong, right))) is not None:
                keys += [(by_batch, f"{batch}/{kind}"), (by_batch, f"{batch}/all")]
            for table, key in keys:
                table[key][0] += found
                table[key][1] += 1
            if not found:
                missed.append((wrong, right, kind))
        by_pair_origin[origin][0] += hits == len(cases)
        by_pair_origin[origin][1] += 1
    total = [sum(v[0] for v in by_class.values()), sum(v[1] for v in by_class.values())]
    print(f"== recall on {len(pairs)} real published errors, planted {total[1]} times into real sentences")
    _score(by_class, "by class (planted cases):")
    _score(by_origin, "by origin of the error (planted cases):")
    _score(by_pair_origin, "by origin, pairs found in every planted sentence:")
    # "fits": a real sentence that holds the right form (or the published erroneous sentence itself);
    # "unrelated": after a comma of an unrelated sentence, where no context speaks for either form (a confusable
    # that is a word in its own right, 共度难关 or 合拢, cannot be judged there at all)
    _score(by_setting, "by class and setting (fits: the sentence holds the right form; unrelated: after a comma):")
    print(f"  {'all':16} {total[0]:4d} / {total[1]:4d} = {total[0] / total[1]:.2f}")
    if by_batch:
        _score(by_batch, "blind batches (rows collected and measured before the changes made after them):")
        print("  missed in blind batches:", "、".join(sorted({f"{w}→{r}" for w, r, _ in missed if (w, r) in BATCHES})))
    known = typo_lexicon().known
    fresh = [(w, r, k) for w, r, k, *_ in pairs if w not in known]
    fresh_missed = {(w, r) for w, r, _ in missed if w not in known}
    print(f"pairs not in typos.yaml known (recall not on the lexicon's own entries): "
          f"{len(fresh) - len(fresh_missed)} / {len(fresh)} = {1 - len(fresh_missed) / max(1, len(fresh)):.2f} (by pair)")
    print("missed:", "、".join(sorted({f"{w}→{r}" for w, r, _ in missed})))


class PairScore(NamedTuple):
    """find_typo_hits on (erroneous, corrected) sentence pairs and on correct sentences."""

    detected: int  # erroneous sentences with a finding over a changed character
    flagged_wrong: int  # erroneous sentences with any finding
    flagged_right: int  # correct sentences with any finding
    found: list[dict]  # the findings over a changed character
    alarms: list[dict]  # the findings on correct sentences


def score_pairs(wrong_rows: list[tuple[str, str]], right_rows: list[str]) -> PairScore:
    detected = flagged_wrong = flagged_right = 0
    found: list[dict] = []
    alarms: list[dict] = []
    for a, b in wrong_rows:
        diff = {i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y}
        hits = find_typo_hits(a, ON)
        good = [h for h in hits if any(int(h["start"]) <= i < int(h["end"]) for i in diff)]
        flagged_wrong += bool(hits)
        detected += bool(good)
        found += good
    for s in right_rows:
        hits = find_typo_hits(s, ON)
        flagged_right += bool(hits)
        alarms += hits
    return PairScore(detected, flagged_wrong, flagged_right, found, alarms)


def odw(path: str) -> None:
    """ECSpell's official-document-writing test set (label, wrong sentence, right sentence): a yardstick.

    An erroneous sentence counts as detected when a finding covers a position where it differs from the
    corrected sentence; sentence-level precision is detected erroneous sentences over all flagged sentences.
    """
    rows = [line.split("\t") for line in Path(path).read_text("utf-8").splitlines() if line.count("\t") >= 2]
    wrong_rows = [(a, b) for _, a, b in (r[:3] for r in rows) if a != b]
    right_rows = [b for _, _, b in (r[:3] for r in rows)]
    detected, flagged_wrong, flagged_right, _, _ = score_pairs(wrong_rows, right_rows)
    flagged = flagged_wrong + flagged_right
    print(f"== ECSpell odw test (official-document writing, {len(wrong_rows)} erroneous + {len(right_rows)} corrected "
          f"sentences; a yardstick, not errors published on government sites)")
    print(f"  erroneous sentences detected at the right position: {detected}/{len(wrong_rows)} = "
          f"{detected / max(1, len(wrong_rows)):.2f} (sentence-level recall)")
    print(f"  corrected sentences flagged: {flagged_right}/{len(right_rows)} = {flagged_right / max(1, len(right_rows)):.3f}")
    print(f"  sentence-level precision (right-position detections / all flagged sentences): "
          f"{detected}/{flagged} = {detected / max(1, flagged):.2f}")


def sighan(path: str) -> None:
    rows = [line.split("\t") for line in Path(path).read_text("utf-8").splitlines() if "\t" in line]
    wrong = [(a, b) for a, b in rows if a != b]
    right = [b for _, b in rows]
    hit, _, alarms, _, _ = score_pairs(wrong, right)
    print(f"== SIGHAN-15 test (learners' essays, a yardstick): {hit}/{len(wrong)} erroneous sentences "
          f"detected at the right place = {hit / len(wrong):.2f}; {alarms}/{len(right)} corrected sentences "
          f"flagged = {alarms / len(right):.3f}")


def throughput(pages: list[str]) -> None:
    automaton, _ = typo_matcher(())
    holes, _ = hole_matcher(())
    sensitive = sensitive_matcher()

    def raw(text: str) -> None:  # the same lexicons, scanned bare: typo patterns, anchors, sensitive words
        automaton.find(text)
        holes.find_matches_as_indexes(text, overlapping=True)
        sensitive.find(text)

    mb = sum(len(p.encode()) for p in pages) / 1e6
    cpu = {}
    for name, fn in (("text.typo", lambda t: find_typo_hits(t, ON)), ("text.sensitive", find_sensitive),
                     ("text.privacy", find_personal_data), ("raw Aho-Corasick scan", raw)):
        start = time.process_time()
        for p in pages:
            fn(p)
        cpu[name] = time.process_time() - start
        print(f"{name:24} {mb / cpu[name]:7.2f} MB/s of CPU time")
    start = time.process_time()
    consensus = corpus_consensus(pages)
    for p in pages:
        consensus_hits(p, consensus)
    cpu["consensus"] = time.process_time() - start
    print(f"{'text.typo corpus consensus':24} {mb / cpu['consensus']:7.2f} MB/s of CPU time (once over the night's texts)")
    checks = cpu["text.typo"] + cpu["consensus"] + cpu["text.sensitive"] + cpu["text.privacy"]
    print(f"{'all three text checks':24} {mb / checks:7.2f} MB/s of CPU time; "
          f"ratio to the raw scan {cpu['raw Aho-Corasick scan'] / checks:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clean", nargs="+", required=True)
    parser.add_argument("--lists", nargs="*", default=[])
    parser.add_argument("--sighan")
    parser.add_argument("--odw", help="ECSpell Data/domains_data/odw.test (MIT)")
    parser.add_argument("--megabytes", type=float, default=6.0)
    parser.add_argument("--show", type=int, default=50)
    args = parser.parse_args()
    build = time.perf_counter()
    _, patterns = typo_matcher(())
    print(f"typo lexicon compiled in {time.perf_counter() - build:.1f} s ({len(patterns)} patterns)")
    lines = clean_lines(args.clean, args.megabytes)
    pages = pages_of(lines)
    false_alarms(pages, args.show)
    recall(lines, read_pairs(args.lists))
    if args.sighan:
        sighan(args.sighan)
    if args.odw:
        odw(args.odw)
    print("== throughput")
    throughput(pages)


if __name__ == "__main__":
    main()
