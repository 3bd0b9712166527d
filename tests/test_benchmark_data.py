"""The measurement material under benchmarks/data keeps its shape: every row sourced, classes and splits known."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.sensitive_real import SPLITS

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data"


def test_reported_typos_rows_are_sourced_and_classed() -> None:
    lines = [x for x in (DATA / "reported_typos.tsv").read_text("utf-8").splitlines() if x and not x.startswith("#")]
    assert lines[0].split("\t") == ["wrong", "right", "class", "origin", "source", "sentence"]
    rows = [x.split("\t") for x in lines[1:]]
    assert len(rows) >= 300
    seen = set()
    for row in rows:
        assert len(row) == 6, row
        wrong, right, kind, origin, source, sentence = row
        assert wrong and right and wrong != right, row
        assert kind in {"common", "name", "formulation", "context"}, row
        assert origin in {"gov_site", "party_media", "news_site", "yaowenjiaozi", "published_list", "issue", "other",
                          "heldout_list"}
        assert source.strip(), row
        assert not sentence or wrong in sentence, row  # a quoted sentence holds the error as published
        assert (wrong, right) not in seen, row
        seen.add((wrong, right))


def test_sensitive_real_rows_are_sourced_and_labelled() -> None:
    rows = [json.loads(x) for x in (DATA / "sensitive_real.jsonl").read_text("utf-8").splitlines() if x.strip()]
    assert len({r["id"] for r in rows}) == len(rows)
    splits = SPLITS  # the benchmark reports these: a row in another split would be left out of every figure
    for r in rows:
        assert r["label"] in {"spam", "legit"} and r["split"] in splits
        # a text excerpt, or a page's markup (judged as a crawled page is), with its source and licence
        assert r["source"].strip() and (r.get("text") or r.get("html") or "").strip() and r["kind"].strip()
        assert "html" not in r or r.get("licence", "").strip(), r["id"]
    for split in splits:
        labels = {r["label"] for r in rows if r["split"] == split}
        assert labels == {"spam", "legit"} or (split.startswith("decoys") and labels == {"legit"}), split


def test_typo_reach_sorts_rows_by_why_the_word_model_cannot_propose_them() -> None:
    from benchmarks.typo_reach import reason

    assert reason("财拨款", "财政拨款") == "length differs"
    assert reason("挤出实践", "挤出时间") == "several"
    assert reason("散步", "散布") == "real word"  # a context error: both are words
    assert reason("车俩", "车辆") == "candidate"
