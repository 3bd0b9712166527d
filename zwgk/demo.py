"""`zwgk demo`: the whole nightly job against the bundled fixture portals, into a fresh SQLite file."""

from __future__ import annotations

import json
import secrets
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from core.names import check_name
from core.settings import Settings
from fixtures.build import HERE as FIXTURES
from fixtures.farm import FixtureFarm
from jobs.night import run_night
from storage.accounts import add_user
from storage.clock import local_today
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.queries import list_events, list_findings
from zwgk.fakeclock import libfaketime, local_moment, run_zwgk
from zwgk.units_file import import_registry, parse_registry

# accounts of the demo database, one per role; the password is made fresh for every demo run
DEMO_ACCOUNTS = (("demo", "inspector"), ("demo-admin", "admin"), ("demo-viewer", "viewer"))


def demo_as_of() -> date:
    return date.fromisoformat(json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))["as_of"])


def run_demo(settings: Settings, *, as_of: date | None, database: Path | None, echo: Callable[[str], None]) -> int:
    as_of = as_of or demo_as_of()
    database = database or settings.resolved_data_dir() / "demo.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{database.resolve()}"
    settings = settings.model_copy(update={"database_url": url})
    echo(f"== zwgk 演示：数据库 {database}，检查基准日 {as_of:%Y-%m-%d}")
    upgrade(url)
    engine = make_engine(url)
    Session = make_sessionmaker(engine)
    with FixtureFarm() as farm:
        echo("== 夹具门户已启动：" + "，".join(f"{k}={v}" for k, v in sorted(farm.urls.items())))
        registry = parse_registry(farm.render_registry(FIXTURES / "units.yaml"), "fixtures/units.yaml")
        with Session() as session, session.begin():
            report = import_registry(session, registry)
        echo("== 导入单位名录：" + report.lines()[0])
        if as_of < local_today(settings.timezone) and libfaketime() is None:
            echo("无法模拟过去的日期：未安装 libfaketime（Debian 软件包 faketime）；改为以今天为基准日")
            as_of = local_today(settings.timezone)
        if as_of < local_today(settings.timezone):
            # A check sees only what had been captured by its as-of date, and the fixture portals are dated
            # around their as-of day: the whole night runs under a clock set to that day (libfaketime).
            echo(f"== 抓取，然后检查（模拟时钟：{as_of:%Y-%m-%d} 凌晨3点起）")
            returncode = run_zwgk(local_moment(as_of, timezone=settings.timezone),
                                  ["run", "--as-of", as_of.isoformat()],
                                  env=settings.as_env(alert_webhook_url="", alert_smtp_host=""), echo=echo)
        else:
            echo("== 抓取，然后检查")
            night = run_night(settings, Session, as_of, echo=echo, trigger="demo", alerts=False)
            echo("\n".join(night.lines()))
            returncode = 0 if night.ok else 1
    with Session() as session:
        found = list_findings(session, include_rectified=False)
        events = list_events(session)
    echo("\n== 发现的问题（按检查项，每项举例至多 2 条）")
    by_code: dict[str, list] = defaultdict(list)
    for f in found:
        by_code[f["check"]].append(f)
    for code, rows in sorted(by_code.items()):
        echo(f"  {check_name(code)}（{code}）：{len(rows)}")
        for f in rows[:2]:
            echo(f"      [{f['unit']}] {f['detail']}")
    echo("\n== 待审核扣分（按单位；按方案计分时还要受各类别扣分上限约束）")
    per_unit: dict[str, list] = defaultdict(list)
    for e in events:
        per_unit[e["unit_name"]].append(e)
    for unit, rows in sorted(per_unit.items()):
        total = sum((Decimal(str(r["points"])) for r in rows), Decimal(0))
        echo(f"  {unit}：{len(rows)} 条，拟扣 {total} 分")
    echo(f"\n查看：ZWGK_DATABASE_URL={url} zwgk findings / zwgk events")
    password = secrets.token_urlsafe(9)
    with Session() as session, session.begin():
        for name, role in DEMO_ACCOUNTS:
            add_user(session, name, role, password, by="demo")
    echo("\n== 考评人员网页界面")
    echo(f"   启动：ZWGK_DATABASE_URL={url} zwgk serve --port 8000")
    echo("   打开：http://127.0.0.1:8000/")
    echo(f"   演示账号：{'、'.join(f'{n}（{r}）' for n, r in DEMO_ACCOUNTS)}，密码均为 {password}")
    engine.dispose()
    return 0 if returncode == 0 else 1
