"""`zwgk score`, `zwgk export`, appeals, bonus and stage import from the command line, on the crawled farm."""

import json
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import TRS_DEMO_UNITS


def _events(cli, *args: str) -> list[dict]:
    return [json.loads(x) for x in cli("events", *args, "--format", "jsonl").splitlines()]


def test_score_export_and_appeal(cli, tmp_path: Path) -> None:
    pending = _events(cli, "--state", "pending", *(f"--unit={u}" for u in TRS_DEMO_UNITS))
    assert len(pending) == 6
    before = {r["unit"]: r for r in map(json.loads, cli("score", "--quarter", "2024Q3", "--format", "jsonl").splitlines())}
    assert all(r["total"] == 100 for r in before.values())  # nothing confirmed yet
    ids = [str(e["id"]) for e in pending]
    cli("events", "confirm", *ids, "--by", "张三")
    rows = {r["unit"]: r for r in map(json.loads, cli("score", "--quarter", "2024Q3", "--format", "jsonl").splitlines())}
    expected = {}
    for e in pending:
        expected[e["unit"]] = expected.get(e["unit"], 0) + float(e["points"])
    assert {u: 100 - d for u, d in expected.items()} == {u: rows[u]["total"] for u in expected}
    table = cli("score", "--quarter", "2024Q3", "--explain", "yunhe-jyj")
    assert "平台建设扣分" in table and "计分明细" in table and "栏目未及时更新" in table

    first = pending[0]
    out = cli("events", "appeal", str(first["id"]), "--by", first["unit"], "--reason", "栏目已更新")
    assert "appealed" in out
    appealed = {r["unit"]: r for r in map(json.loads, cli("score", "--quarter", "2024Q3", "--format", "jsonl").splitlines())}
    assert appealed[first["unit"]]["total"] == rows[first["unit"]]["total"] + float(first["points"])
    cli("events", "overturn", str(first["id"]), "--by", "李四", "--reason", "复核属实")
    assert "未做任何修改" in cli("events", "uphold", str(first["id"]), "--by", "李四", code=2)

    cli("bonus", "add", "yunhe-gov", "--quarter", "2024Q3", "--item", "gov-cn", "--note", "政务公开交流采用", "--by", "王五")
    xlsx = tmp_path / "2024Q3.xlsx"
    assert "已导出" in cli("export", "--quarter", "2024Q3", "--out", str(xlsx))
    wb = load_workbook(xlsx)
    summary = wb["汇总"]
    headers = [c.value for c in summary[1]]
    by_unit = {r[headers.index("单位代码")]: dict(zip(headers, r)) for r in summary.iter_rows(min_row=2, values_only=True)}
    assert by_unit["yunhe-gov"]["加分"] == 10 and by_unit["yunhe-gov"]["得分"] == 100
    assert len(list(wb["扣分明细"].iter_rows(min_row=2))) == 5  # six confirmed, one overturned on appeal
    csv_out = tmp_path / "2024Q3.csv"
    cli("export", "--quarter", "2024Q3", "--out", str(csv_out), "--format", "csv")
    assert (tmp_path / "2024Q3_明细.csv").read_text(encoding="utf-8-sig").count("\n") == 6


def test_score_refuses_bad_input(cli, tmp_path: Path) -> None:
    assert "2024Q3" in cli("score", "--quarter", "2024-09", code=2)
    assert "不存在" in cli("score", "--quarter", "2024Q3", "--scheme", "nowhere-2099", code=2)
    stages = tmp_path / "s.csv"
    stages.write_text("unit,stage,year,score\nyunhe-gov,annual,2024,90\n", encoding="utf-8")
    err = cli("stages", "import", str(stages), code=2)
    assert "s.csv:2" in err and "可选：无" in err
