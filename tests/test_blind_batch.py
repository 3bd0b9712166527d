"""scripts/blind_batch.py: the checks a helper's collected rows pass before they join the benchmark data."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("blind_batch", ROOT / "scripts" / "blind_batch.py")
assert _spec and _spec.loader
blind_batch = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(blind_batch)


def test_typo_rows_that_break_the_format_or_repeat_a_collected_one_are_left_out(tmp_path: Path) -> None:
    collected = next(w for w in blind_batch.typo_exclusions() if not w.startswith("http"))
    rows = [
        "测试样例样例的一行\t测试样例的一行\tcommon\tgov_site\thttp://example.gov.cn/a（示例）\t这是测试样例样例的一行。",
        "测试样例样例的一行\t测试样例的一行\tcommon\tgov_site\thttp://example.gov.cn/a（示例）\t这是测试样例样例的一行。",
        "不在句中\t不在句里\tcommon\tgov_site\thttp://example.gov.cn/b\t原句没有它。",
        "五列\t只有\tcommon\tgov_site\t原句",
        "错了\t错了\tcommon\tgov_site\thttp://example.gov.cn/c\t这里错了。",
        f"{collected}\t{collected}x\tcommon\tgov_site\thttp://example.gov.cn/d\t句子{collected}句子",
    ]
    (tmp_path / "rows.tsv").write_text("\n".join(rows) + "\n", "utf-8")
    blind_batch.check_typos(tmp_path, "999", "(test)")
    block = (tmp_path / "block.tsv").read_text("utf-8").splitlines()
    assert block[0] == "# blind999 (test)"
    assert block[1:] == [rows[0]]


def test_pages_need_their_fields_label_split_and_a_new_address(tmp_path: Path) -> None:
    known = next(iter(blind_batch.sensitive_exclusions()))
    good = {"id": "999s01", "label": "spam", "split": "blind999", "kind": "k", "source": "http://a.example/x（a）",
            "text": "t"}
    rows = [good, dict(good, id="999s02", label="maybe"), dict(good, id="999s03", split="blind1"),
            dict(good, id="999s04", source=f"{known}（旧）"), dict(good), {"id": "999l01"}]
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    blind_batch.check_pages(tmp_path, "999")
    kept = [json.loads(line) for line in (tmp_path / "block.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in kept] == ["999s01"]
