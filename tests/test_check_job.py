"""`zwgk check` over a crawled farm: findings, events, idempotence and rectification."""

import shutil
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from fixtures.farm import PORTALS, FixtureFarm
from jobs.check import run_checks
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.models import DeductionEvent, Finding
from storage.queries import list_findings
from tests.conftest import TRS_DEMO_UNITS, crawl_on, import_farm_registry, settings_for

AS_OF = date(2024, 9, 30)


def counts(Session) -> tuple[int, int]:
    with Session() as s:
        return s.scalar(select(func.count()).select_from(Finding)), s.scalar(
            select(func.count()).select_from(DeductionEvent))


def test_findings_of_the_demo_farm(crawled) -> None:
    Session, _, _ = crawled
    run_checks(Session, AS_OF)
    with Session() as s:
        found = {(f["unit"], f["check"], f["subject"]) for f in list_findings(s, units=list(TRS_DEMO_UNITS))
                 if not f["check"].startswith("warning.")}
    assert found == {
        ("yunhe-gov", "column.stale", "政策文件"),  # 2024-02-20, over 6 months
        ("yunhe-gov", "column.stale", "人事信息"),  # 2023-09-15, over a year
        ("yunhe-gov", "column.blank", "规划计划"),  # 暂无信息
        ("yunhe-jyj", "column.stale", "工作动态"),  # 15 days
        ("yunhe-jyj", "column.stale", "人事信息"),  # undated items only
        ("yunhe-wjw", "column.stale", "规划计划"),  # 2023-09-29, a year and a day
    }  # not: jyj 通知公告 (13 days), jyj 规划计划 (2023-10-01), wjw 政策文件 (2024-04-01), the dead site


def test_check_twice_adds_nothing_twice(crawled) -> None:
    Session, _, _ = crawled
    run_checks(Session, AS_OF)
    first = counts(Session)
    again = run_checks(Session, AS_OF)
    assert counts(Session) == first
    assert again.stats.new == 0 and again.events_proposed == 0
    with Session() as s:
        event = s.scalar(select(DeductionEvent).join(Finding).where(Finding.check == "column.stale").limit(1))
        assert (event.state, event.scheme, event.period, float(event.points)) == ("pending", "yunhe-2022", "2024Q3", 1.0)
    # Yunhe assesses by the year: a problem still open in the next quarter is not proposed again (nor is
    # anything else of the same year). By 2024-10-02 two more columns have crossed their window: jyj
    # 规划计划 (2023-10-01) and wjw 政策文件 (2024-04-01); those two are new problems.
    run_checks(Session, date(2024, 10, 2))
    run_checks(Session, date(2024, 10, 3))
    findings, events = counts(Session)
    assert findings == first[0] + 2
    with Session() as s:
        periods = dict(s.execute(select(DeductionEvent.period, func.count()).group_by(DeductionEvent.period)).all())
        new_q4 = s.scalars(select(Finding.subject).join(DeductionEvent).where(DeductionEvent.period == "2024Q4")).all()
    assert periods == {"2024Q3": first[1], "2024Q4": 2} and events == first[1] + 2
    assert sorted(new_q4) == ["政策文件", "规划计划"]


def test_rectified_when_a_column_is_updated(tmp_path: Path) -> None:
    root = tmp_path / "portals"
    shutil.copytree(PORTALS, root)
    url = f"sqlite:///{tmp_path / 'z.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    Session = make_sessionmaker(engine)
    with FixtureFarm(root) as farm:
        import_farm_registry(Session, farm)
        crawl_on(AS_OF, settings_for(url), Session, ["yunhe-jyj"])
        run_checks(Session, AS_OF, ["yunhe-jyj"])
        with Session() as s:
            stale = s.scalar(select(Finding).where(Finding.subject == "工作动态"))
            assert stale.rectified_on is None
        # the unit publishes a new item in its stale news column
        index = root / "yunhe-jyj" / "zfxxgk" / "gzdt" / "index.shtml"
        html = index.read_text("utf-8").replace(
            '<ul class="list">',
            f'<ul class="list">\n<li><a href="./202409/t20240929_1.shtml">我县召开教育工作会议</a><span class="date">'
            f"{AS_OF - timedelta(days=1)}</span></li>", 1)
        index.write_text(html, "utf-8")
        crawl_on(AS_OF + timedelta(days=1), settings_for(url), Session, ["yunhe-jyj"])
        summary = run_checks(Session, AS_OF + timedelta(days=1), ["yunhe-jyj"])
    with Session() as s:
        stale = s.scalar(select(Finding).where(Finding.subject == "工作动态"))
        assert stale.rectified_on == AS_OF + timedelta(days=1)
        undated = s.scalar(select(Finding).where(Finding.subject == "人事信息"))
        assert undated.rectified_on is None and undated.last_as_of == AS_OF + timedelta(days=1)
    assert summary.stats.rectified == 2  # the column, and the warning that jyj had nothing new for 13 days
    engine.dispose()


def test_failed_crawl_keeps_findings_open(tmp_path: Path) -> None:
    """A column that could not be fetched tonight is not evidence that it was fixed."""
    url = f"sqlite:///{tmp_path / 'z.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    Session = make_sessionmaker(engine)
    with FixtureFarm() as farm:
        import_farm_registry(Session, farm)
        crawl_on(AS_OF, settings_for(url), Session, ["yunhe-jyj"])
    run_checks(Session, AS_OF, ["yunhe-jyj"])
    # the farm is gone: tonight every request of this unit fails
    crawl_on(AS_OF + timedelta(days=1), settings_for(url, retry_times=0, download_timeout=3), Session, ["yunhe-jyj"])
    summary = run_checks(Session, AS_OF + timedelta(days=1), ["yunhe-jyj"])
    assert summary.stats.rectified == 0
    with Session() as s:
        assert all(f.rectified_on is None for f in s.scalars(select(Finding)))
    engine.dispose()


def test_findings_of_the_whole_farm_by_check(crawled) -> None:
    """How many findings each check makes on the whole demo farm: a change that silently drops or adds a class of
    findings (a rule meant for scanned reports that also let the one-sentence reports through) shows up here."""
    from collections import Counter

    Session, _, _ = crawled
    run_checks(Session, AS_OF)
    with Session() as s:
        by_check = Counter(f["check"] for f in list_findings(s))
    assert by_check == COUNTS_BY_CHECK, by_check


# the demo's 85 findings (as-of 2024-09-30), as `zwgk demo` printed them at c95958c and at b1e3177 alike
COUNTS_BY_CHECK = {
    "annual_report.format": 28, "annual_report.inconsistent": 1, "annual_report.late": 4, "annual_report.missing": 1,
    "column.blank": 1, "column.stale": 5, "interpretation.copied": 1, "interpretation.late": 1,
    "interpretation.missing": 24, "interpretation.unlinked": 3, "text.privacy": 1, "text.sensitive": 4, "text.typo": 10,
    "warning.home_stale": 1,
}
