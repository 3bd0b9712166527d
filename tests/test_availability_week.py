"""国办秘函〔2019〕19号 availability over a week of hourly probes, run on a fast fake clock: nothing is judged
before the week is full (a warning instead), a dead site is then unreachable, a WAF page served with 200
is blocked (its own finding), a healthy site is neither."""

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from crawler.failures import is_block_page
from fixtures.farm import FixtureFarm
from jobs.check import replay
from storage.db import make_engine, make_sessionmaker
from storage.models import Probe
from tests.conftest import ROOT, settings_for
from zwgk.fakeclock import clock_env, libfaketime
from zwgk.units_file import import_registry, parse_registry

LOCAL = ZoneInfo("Asia/Shanghai")
WAF = "<html><head><title>访问拦截</title></head><body><h1>您的请求已被拦截</h1><p>网站防火墙</p></body></html>"
REGISTRY = """jurisdiction: 云和县
scheme: yunhe-2022
level: county
units:
  - {id: ok, name: 正常单位, kind: department, portal: "$ok/", internal: true}
  - {id: waf, name: 拦截单位, kind: department, portal: "$waf/", internal: true}
  - {id: dead, name: 宕机单位, kind: department, portal: "$dead/", internal: true}
"""


def test_block_pages_with_200_are_recognised() -> None:
    assert is_block_page(WAF)
    assert not is_block_page("<html><body>" + "政务公开 通知公告 " * 3000 + "访问被拒绝</body></html>")
    assert not is_block_page("<html><body>云和县人民政府门户网站 政务公开 通知公告</body></html>")


def test_a_week_of_probes(tmp_path: Path, sqlite_url: str) -> None:
    if libfaketime() is None:
        pytest.skip("libfaketime (Debian package faketime) not installed")
    root = tmp_path / "sites"
    (root / "ok").mkdir(parents=True)
    (root / "ok" / "index.html").write_text("<html><body>" + "云和县人民政府 政务公开 " * 200 + "</body></html>", "utf-8")
    (root / "waf").mkdir()
    (root / "waf" / "index.html").write_text(WAF, "utf-8")
    Session = make_sessionmaker(make_engine(sqlite_url))
    with FixtureFarm(root) as farm:
        with Session() as s, s.begin():
            import_registry(s, parse_registry(farm.render_registry_text(REGISTRY), "units.yaml"))
        # a day early: at 7200 times real speed the driver's start-up alone takes hours of the fake clock
        start = datetime(2024, 9, 23, 0, 5, tzinfo=LOCAL)
        end = datetime(2024, 9, 30, 23, 30, tzinfo=LOCAL)
        env = clock_env(start, settings_for(sqlite_url, probe_timeout=3).as_env(), speed=7200)
        subprocess.run([sys.executable, str(ROOT / "tests" / "probe_driver.py"), end.isoformat()], env=env, cwd=ROOT,
                       check=True, timeout=900)
    with Session() as s:
        per_day = dict(s.execute(select(Probe.unit_id, func.count()).group_by(Probe.unit_id)).all())
    assert all(n >= 7 * 20 for n in per_day.values()), per_day

    def found(day: date) -> set[tuple[str, str]]:
        return {(f["unit"], f["check"]) for f in replay(Session, day) if f["check"].startswith(("site.", "warning.unr"))}

    assert found(date(2024, 9, 26)) == {("dead", "warning.unreachable")}  # three days: not judged yet
    assert found(date(2024, 9, 30)) == {("dead", "site.unreachable"), ("waf", "site.blocked")}
    dead = next(f for f in replay(Session, date(2024, 9, 30)) if f["check"] == "site.unreachable")
    assert dead["evidence"]["share"] == 1.0 and dead["evidence"]["days"] == 7
