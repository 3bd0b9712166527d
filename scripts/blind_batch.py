"""Prepare one blind collection batch for a helper that never saw the checks (see docs/benchmarks.md).

    python scripts/blind_batch.py typo|sensitive NN "TOPIC"

Writes /tmp/hNN/prompt.md (from benchmarks/collection/) and /tmp/hNN/excl.txt: the wrong forms and URLs of the
typo rows already collected, or the URLs of the sensitive pages, so that a batch brings only new material. The
exclusion list is generated here, not kept in the repo, because it changes with every batch.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
URL = re.compile(r"https?://[^\s（）()，,]+")


def typo_exclusions() -> list[str]:
    wrong, urls = set(), set()
    for line in (DATA / "reported_typos.tsv").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 5:
            continue
        wrong.add(parts[0])
        urls.update(URL.findall(parts[4]))
    return sorted(wrong) + sorted(urls)


def sensitive_exclusions() -> list[str]:
    urls = set()
    for line in (DATA / "sensitive_real.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            urls.update(URL.findall(json.loads(line).get("source", "")))
    return sorted(urls)


def main() -> None:
    kind, number, topic = sys.argv[1], sys.argv[2], sys.argv[3]
    template = (ROOT / "benchmarks" / "collection" / f"{'typo' if kind == 'typo' else 'sensitive'}_prompt.md")
    out = Path(f"/tmp/h{number}")
    out.mkdir(parents=True, exist_ok=True)
    excl = typo_exclusions() if kind == "typo" else sensitive_exclusions()
    (out / "excl.txt").write_text("\n".join(excl) + "\n", "utf-8")
    text = template.read_text("utf-8").replace("TOPIC", topic).replace("NN", number)
    (out / "prompt.md").write_text(text, "utf-8")
    print(f"{out}/prompt.md, {len(excl)} exclusions")


if __name__ == "__main__":
    main()
