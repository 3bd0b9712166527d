"""text.typo on LEMON: real spelling errors of native writers, by domain (a yardstick beside SIGHAN and ECSpell).

    .venv/bin/python -m benchmarks.lemon DOMAIN_FILE ... [--show 40]

LEMON (Wu et al., ACL 2023, "Rethinking Masked Language Modeling for Chinese Spelling Correction"; github
gingasan/lemon @5279eb9 `lemon_v2/*.txt`; the repository states no licence, so nothing of it is committed: fetch it
to repeat) holds sentences as natives wrote them on the web, each with its correction, characters separated by
blanks: news headlines (new.txt), car forums, contracts, encyclopaedia entries, games, medical Q&A, novels. About
half the sentences are correct as written. SIGHAN-15 is learners' essays and ECSpell's odw is generated; LEMON's
errors are real, and its news domain is the closest to what a portal's news column reprints.

Per domain: erroneous sentences detected at the right position (a finding covers a changed character), correct
sentences flagged (false alarms: every finding on a sentence that needs no change), and sentence-level precision
(right-position detections over all flagged sentences). --show lists the false alarms and the detections so
that a reviewer can judge each (LEMON's own labels have slips too).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.text_real import score_pairs


def rows(path: str) -> list[tuple[str, str]]:
    """(as written, corrected) of each line, blanks between characters removed."""
    out = []
    for line in Path(path).read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            out.append((parts[0].replace(" ", ""), parts[1].replace(" ", "")))
    return out


def measure(path: str, show: int) -> None:
    pairs = rows(path)
    wrong = [(a, b) for a, b in pairs if a != b and len(a) == len(b)]
    right = [a for a, b in pairs if a == b]
    score = score_pairs(wrong, right)
    flagged = score.flagged_wrong + score.flagged_right
    print(f"== {Path(path).stem}: {len(wrong)} erroneous + {len(right)} correct sentences")
    print(f"  erroneous sentences detected at the right position: {score.detected}/{len(wrong)} = "
          f"{score.detected / max(1, len(wrong)):.3f}")
    print(f"  correct sentences flagged: {score.flagged_right}/{len(right)} = "
          f"{score.flagged_right / max(1, len(right)):.4f}")
    print(f"  sentence-level precision (right-position detections / all flagged sentences): "
          f"{score.detected}/{flagged} = {score.detected / max(1, flagged):.2f}")
    for h in score.alarms[:show]:
        print(f"  false alarm  {h['matched']} → {h['suggestion']}  [{h['class']}; {h['why']}]  {h['context']}")
    for h in score.found[:show]:
        print(f"  found        {h['matched']} → {h['suggestion']}  [{h['class']}]  {h['context']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+")
    parser.add_argument("--show", type=int, default=40)
    args = parser.parse_args()
    for path in args.files:
        measure(path, args.show)


if __name__ == "__main__":
    main()
