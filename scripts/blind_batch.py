"""Prepare one blind collection batch for a helper that never saw the checks (see docs/benchmarks.md).

    python scripts/blind_batch.py typo|sensitive NN "TOPIC"
    python scripts/blind_batch.py check NN "HEADER"

Writes /tmp/hNN/prompt.md (from benchmarks/collection/) and /tmp/hNN/excl.txt: the wrong forms and URLs of the
typo rows already collected, or the URLs of the sensitive pages, so that a batch brings only new material. The
exclusion list is generated here, not kept in the repo, because it changes with every batch.
check: validates the helper's /tmp/hNN/rows.tsv (six fields, the wrong form in the sentence and not the right one,
not already collected, no duplicates) or rows.jsonl (fields, labels, ids, the batch's split, new URLs) and writes
the rows that pass to /tmp/hNN/block.tsv or block.jsonl (a typo block opens with "# blindNN HEADER"), printing why
each other row was left out.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from build_known_typos import rows  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
TYPOS = DATA / "reported_typos.tsv"
URL = re.compile(r"https?://[^\s（）()，,]+")


def typo_exclusions() -> list[str]:
    collected = rows(TYPOS)
    return sorted({parts[0] for parts in collected}) + sorted({url for parts in collected for url in URL.findall(parts[4])})


def sensitive_exclusions() -> list[str]:
    urls = set()
    for line in (DATA / "sensitive_real.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            urls.update(URL.findall(json.loads(line).get("source", "")))
    return sorted(urls)


def check_typos(folder: Path, number: str, header: str) -> None:
    known = {parts[0] for parts in rows(TYPOS)}
    kept, seen = [], set()
    for n, line in enumerate((folder / "rows.tsv").read_text("utf-8").splitlines(), 1):
        parts = line.split("\t")
        why = ("not six fields" if len(parts) != 6 else
               "wrong not in sentence" if parts[0] not in parts[5] else
               "wrong equals right" if parts[0] == parts[1] else
               "class?" if parts[2] not in ("common", "name", "formulation", "context") else
               "already collected" if parts[0] in known else
               "duplicate" if (parts[0], parts[1]) in seen else "")
        if why:
            print(f"line {n}: {why}: {line[:80]}")
            continue
        seen.add((parts[0], parts[1]))
        kept.append(line)
    (folder / "block.tsv").write_text(f"# blind{number} {header}\n" + "".join(k + "\n" for k in kept), "utf-8")
    print(f"{len(kept)} rows kept → {folder}/block.tsv")


def check_pages(folder: Path, number: str) -> None:
    known = set(sensitive_exclusions())
    kept, ids = [], set()
    for n, line in enumerate((folder / "rows.jsonl").read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        urls = set(URL.findall(row.get("source", "")))
        why = ("fields?" if not {"id", "label", "split", "kind", "source", "text"} <= set(row) else
               "label?" if row["label"] not in ("spam", "legit") else
               "split?" if row["split"] != f"blind{number}" else
               "id?" if row["id"] in ids or not row["id"].startswith(number) else
               "already collected" if urls & known else "")
        if why:
            print(f"line {n}: {why}: {line[:80]}")
            continue
        ids.add(row["id"])
        kept.append(json.dumps(row, ensure_ascii=False))
    (folder / "block.jsonl").write_text("".join(k + "\n" for k in kept), "utf-8")
    print(f"{len(kept)} pages kept → {folder}/block.jsonl")


def main() -> None:
    if sys.argv[1] == "check":
        folder = Path(f"/tmp/h{sys.argv[2]}")
        if (folder / "rows.tsv").exists():
            check_typos(folder, sys.argv[2], sys.argv[3])
        else:
            check_pages(folder, sys.argv[2])
        return
    kind, number, topic = sys.argv[1], sys.argv[2], sys.argv[3]
    if kind not in ("typo", "sensitive"):
        raise SystemExit(__doc__)
    template = ROOT / "benchmarks" / "collection" / f"{kind}_prompt.md"
    out = Path(f"/tmp/h{number}")
    out.mkdir(parents=True, exist_ok=True)
    excl = typo_exclusions() if kind == "typo" else sensitive_exclusions()
    (out / "excl.txt").write_text("\n".join(excl) + "\n", "utf-8")
    text = template.read_text("utf-8").replace("TOPIC", topic).replace("NN", number)
    (out / "prompt.md").write_text(text, "utf-8")
    print(f"{out}/prompt.md, {len(excl)} exclusions")


if __name__ == "__main__":
    main()
