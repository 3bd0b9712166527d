"""Three nights crawled under a fake clock (libfaketime) with changes in between, across a quarter's end:
`replay --as-of` of each night prints what that night's check recorded, and writes nothing."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fixtures.farm import PORTALS, FixtureFarm
from jobs.check import PastAsOfError, replay, run_checks
from storage.db import make_engine, make_sessionmaker
from storage.models import DeductionEvent, Finding
from tests.conftest import crawl_on, import_farm_registry, settings_for

UNIT = "yunhe-jyj"
NIGHTS = (date(2024, 9, 30), date(2024, 10, 1), date(2024, 10, 2))


def add_item(root: Path, column: str, href: str, title: str, day: date) -> None:
    index = root / UNIT / "zfxxgk" / column / "index.shtml"
    html = index.read_text("utf-8").replace(
        '<ul class="list">', f'<ul class="list">\n<li><a href="{href}">{title}</a><span class="date">{day}</span></li>', 1)
    index.write_text(html, "utf-8")


def recorded(Session, night: date) -> set[tuple]:
    """What the check of `night` left open, with its evidence snapshots."""
    with Session() as s:
        rows = s.scalars(select(Finding).where(Finding.last_as_of == night, Finding.rectified_on.is_(None)))
        return {(f.check, f.subject_key, tuple(f.evidence.get("snapshots") or ())) for f in rows}


def replayed(Session, night: date) -> set[tuple]:
    return {(r["check"], r["subject_key"], tuple(r["evidence"].get("snapshots") or ()))
            for r in replay(Session, night, [UNIT])}


def counts(Session) -> tuple[int, int]:
    with Session() as s:
        return (s.scalar(select(func.count()).select_from(Finding)),
                s.scalar(select(func.count()).select_from(DeductionEvent)))


def test_three_nights_replay(db_url: str, tmp_path: Path) -> None:
    root = tmp_path / "portals"
    shutil.copytree(PORTALS, root)
    engine = make_engine(db_url)
    Session = make_sessionmaker(engine)
    settings = settings_for(db_url)
    seen: dict[date, set[tuple]] = {}
    with FixtureFarm(root) as farm:
        import_farm_registry(Session, farm)
        for i, night in enumerate(NIGHTS):
            if i == 1:  # the stale news column gets a new item
                add_item(root, "gzdt", "./202409/t20240929_1.shtml", "我县召开教育工作会议", date(2024, 9, 29))
            if i == 2:  # the undated personnel column gets a dated item
                add_item(root, "rsxx", "./202410/t20241001_1.shtml", "人事任免通知", date(2024, 10, 1))
            crawl_on(night, settings, Session, [UNIT])
            run_checks(Session, night, [UNIT])
            seen[night] = recorded(Session, night)
    subjects = {night: {(c, k) for c, k, _ in found} for night, found in seen.items()}
    def stale(night: date) -> set[str]:
        return {k for c, k in subjects[night] if c == "column.stale"}

    assert len(stale(NIGHTS[0])) == 2  # 工作动态 (15 days) and 人事信息 (undated)
    assert len(stale(NIGHTS[1])) == 1 and stale(NIGHTS[1]) < stale(NIGHTS[0])  # news rectified on night 2
    # night 3: personnel rectified, 规划计划 (2023-10-01) now over a year
    assert len(stale(NIGHTS[2])) == 1 and not stale(NIGHTS[2]) & stale(NIGHTS[0])

    before = counts(Session)
    for night in NIGHTS:
        assert replayed(Session, night) == seen[night], night
    assert replayed(Session, date(2024, 9, 29)) == set()  # nothing had been captured yet
    assert counts(Session) == before  # replay writes nothing
    with pytest.raises(PastAsOfError):
        run_checks(Session, NIGHTS[0], [UNIT])
    assert counts(Session) == before
    with Session() as s:  # yunhe assesses by the year: nothing still open is proposed again in Q4
        q4 = s.scalars(select(Finding.subject).join(DeductionEvent).where(DeductionEvent.period == "2024Q4")).all()
        again = s.scalar(select(func.count()).select_from(DeductionEvent).group_by(DeductionEvent.finding_id)
                         .order_by(func.count().desc()).limit(1))
    assert again == 1 and "人事信息" not in q4
    engine.dispose()
