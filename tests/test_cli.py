"""The command line as scripts use it (click's CliRunner), on a crawled farm."""

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from storage.models import AuditLog
from tests.conftest import TRS_DEMO_UNITS

ROOT = Path(__file__).resolve().parent.parent


def test_findings_formats(cli) -> None:
    rows = [json.loads(line) for line in cli("findings", "--format", "jsonl").splitlines()]
    rows = [r for r in rows if r["unit"] in TRS_DEMO_UNITS]  # other units: their own tests
    warnings = [(r["unit"], r["check"]) for r in rows if r["check"].startswith("warning.")]
    assert warnings == [("yunhe-jyj", "warning.home_stale")]  # 13 days without a new item (veto at 14)
    rows = [r for r in rows if not r["check"].startswith("warning.")]
    assert len(rows) == 6
    for row in rows:
        assert {"unit", "check", "subject", "url", "detail", "as_of", "observed_at", "evidence"} <= set(row)
        assert row["evidence"]["snapshots"]
    stale = [r for r in rows if r["check"] == "column.stale" and r["unit"] == "yunhe-jyj"]
    assert len(stale) == 2
    table = cli("findings", "--unit", "yunhe-gov", "--check", "column.blank")
    assert "规划计划" in table and "共 1 条" in table
    parsed = list(csv.DictReader(io.StringIO(cli("findings", "--format", "csv", "--since", "2024-09-30"))))
    parsed = [p for p in parsed if p["unit"] in TRS_DEMO_UNITS and not p["check"].startswith("warning.")]
    assert len(parsed) == 6 and json.loads(parsed[0]["evidence"])["snapshots"]
    assert "共 0 条" in cli("findings", "--since", "2024-10-01")


def test_events_review_is_audited(cli, crawled) -> None:
    Session, _, _ = crawled
    pending = [json.loads(x) for x in cli("events", "--state", "pending", "--format", "jsonl").splitlines()]
    pending = [e for e in pending if e["unit"] in TRS_DEMO_UNITS]
    assert len(pending) == 6 and all(e["scheme"] == "yunhe-2022" for e in pending)
    first, second = pending[0]["id"], pending[1]["id"]
    cli("events", "confirm", str(first), "--by", "张三")
    out = cli("events", "reject", str(second), "--by", "李四", "--reason", "栏目已按要求迁移", code=0)
    assert "rejected" in out
    err = cli("events", "reject", str(first), "--by", "李四", "--reason", "x", code=2)
    assert "未做任何修改" in err
    with Session() as s:
        log = list(s.scalars(select(AuditLog).order_by(AuditLog.id)))
    assert [(a.actor, a.action, a.entity_id, a.before["state"], a.after["state"]) for a in log][-2:] == [
        ("张三", "confirm", first, "pending", "confirmed"),
        ("李四", "reject", second, "pending", "rejected"),
    ]
    assert log[-1].reason == "栏目已按要求迁移"
    confirmed = cli("events", "--state", "confirmed", "--format", "jsonl").splitlines()
    assert [json.loads(x)["decided_by"] for x in confirmed] == ["张三"]


def test_bad_as_of_is_refused(cli) -> None:
    assert "YYYY-MM-DD" in cli("check", "--as-of", "30/09/2024", code=2)


def test_demo_prints_findings(tmp_path: Path) -> None:
    """`zwgk demo` as the README runs it: its own farm, its own SQLite file, a summary."""
    proc = subprocess.run(
        [sys.executable, "-m", "zwgk", "demo", "--database", str(tmp_path / "demo.sqlite")],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    assert "栏目未及时更新：5" in out and "空白栏目：1" in out
    assert "云和县教育局：2 条，拟扣 2.00 分" in out
    assert "连接被拒绝" in out, out  # the dead site is in the coverage report, and did not stop the run
    # it ends by saying how to open the UI, with a demo account that really logs in
    assert "zwgk serve --port 8000" in out and "http://127.0.0.1:8000/" in out
    password = re.search(r"密码均为 (\S+)", out).group(1)
    from storage.accounts import authenticate
    from storage.db import make_engine, make_sessionmaker

    engine = make_engine(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    with make_sessionmaker(engine)() as session:
        assert authenticate(session, "demo", password).role == "inspector"
    engine.dispose()


def test_replay_prints_the_nights_findings_and_writes_nothing(cli) -> None:
    recorded = [json.loads(line) for line in cli("findings", "--format", "jsonl").splitlines()]
    replayed = [json.loads(line) for line in cli("replay", "--as-of", "2024-09-30", "--format", "jsonl").splitlines()]
    assert sorted((r["unit"], r["check"], r["subject"], r["url"]) for r in replayed) == \
        sorted((r["unit"], r["check"], r["subject"], r["url"]) for r in recorded)
    assert "共 0 条" in cli("replay", "--as-of", "2024-09-28")  # nothing had been captured yet
    refused = cli("check", "--as-of", "2024-09-29", code=2)
    assert "zwgk replay --as-of 2024-09-29" in refused
    assert [json.loads(line) for line in cli("findings", "--format", "jsonl").splitlines()] == recorded
