"""Annual and quarterly sheets, per-county composites and rank groups, on real migrated databases."""

from datetime import UTC, date, datetime
from decimal import Decimal as D

from sqlalchemy.orm import Session as OrmSession

from assessment.export import composite_rows, summary_rows, title_lines
from assessment.proposals import propose_events
from assessment.review import decide
from assessment.schemes import load_scheme
from assessment.scoring import Quarter, Year
from assessment.sheets import load_sheet
from storage.models import CrawlRun, DeductionEvent, Finding, Jurisdiction, Unit

NOW = datetime(2025, 1, 10, tzinfo=UTC)


def units(session: OrmSession, scheme: str, specs: list[tuple[str, str, str | None]]) -> dict[str, Unit]:
    j = Jurisdiction(name=f"j-{scheme}", scheme=scheme, level="county")
    out = {slug: Unit(slug=slug, jurisdiction=j, name=slug, kind=kind, parent=parent, portal=f"http://127.0.0.1/{slug}/")
           for slug, kind, parent in specs}
    session.add_all([j, *out.values()])
    session.flush()
    return out


def crawled(session: OrmSession, slugs: list[str], *days: date) -> None:
    """Crawl runs that included these units on these days (what "a quarter with data" means)."""
    for day in days:
        session.add(CrawlRun(started_at=datetime(day.year, day.month, day.day, 19, tzinfo=UTC), status="finished",
                             units=slugs))
    session.flush()


def confirmed(session: OrmSession, unit: Unit, check: str, key: str, nights: list[date], **evidence) -> list[DeductionEvent]:
    """A finding open over these nights, proposed each night as the check job does, every event confirmed."""
    f = Finding(check=check, unit_id=unit.id, subject_key=key, subject=key, url=None, detail="问题",
                evidence={"snapshots": [1], **evidence}, first_as_of=nights[0], last_as_of=nights[0])
    session.add(f)
    session.flush()
    for night in nights:
        f.last_as_of = night
        propose_events(session, [f], night)
    events = list(f.events)
    for e in events:
        decide(session, e.id, "confirm", actor="审核员", now=NOW)
    return events


def test_annual_yunhe_sheet_sums_the_years_distinct_problems(Session) -> None:
    with Session() as s, s.begin():
        u = units(s, "yunhe-2022", [("gov", "government", None), ("jyj", "department", None)])
        nights = [date(2024, 3, 5), date(2024, 6, 5), date(2024, 9, 5), date(2024, 12, 5)]
        confirmed(s, u["jyj"], "column.stale", "column:1", nights)  # open all year: one problem
        confirmed(s, u["jyj"], "text.typo", "doc:1#错字", nights[1:])  # one finding
        confirmed(s, u["jyj"], "annual_report.late", "report:http://x/a", nights[:2], year=2023)
        confirmed(s, u["jyj"], "annual_report.late", "report:http://x/b", nights[2:], year=2023)  # same year, 2nd URL
        confirmed(s, u["jyj"], "annual_report.late", "report:http://x/old", nights, year=2022)  # 2023's business
        sheet = load_sheet(s, Year(2024), load_scheme("yunhe-2022"))
        jyj = sheet.unit("jyj")
        events = [line for line in jyj.lines if line.kind == "event" and line.counted]
        # column.stale 1 + text.typo 1 + annual_report.late 5 (county level), each once in the year
        assert sorted((line.check, line.points) for line in events) == [
            ("annual_report.late", D(5)), ("column.stale", D(1)), ("text.typo", D(1))]
        late = [line for line in jyj.lines if line.kind == "late"]  # not rectified within 15 days: once each
        assert len(late) == 2
        rank = [line for line in jyj.lines if line.kind == "rank"]  # most site warnings of the year: −3
        assert [line.points for line in rank] == [D(3)] and "共 2 次" in rank[0].text
        assert jyj.total == D(100) - D(7) - D(2) - D(3)
        assert sheet.unit("gov").total == D(100) and (jyj.rank, sheet.unit("gov").rank) == (2, 1)
        assert title_lines(sheet)[0].startswith("2022年云和县政务公开工作考核办法（yunhe-2022）2024年度年度成绩表")


def two_counties(session: OrmSession, scheme: str) -> dict[str, Unit]:
    return units(session, scheme, [
        ("a-gov", "government", None), ("a-jyj", "department", "a-gov"), ("a-zhen", "township", "a-gov"),
        ("a-cun", "village", "a-gov"),
        ("b-gov", "government", None), ("b-jyj", "department", "b-gov"), ("b-wjw", "department", "b-gov"),
        ("b-zhen", "township", "b-gov"),
        ("city-fgw", "department", None),  # a city department: in no county
    ])


def test_wuwei_composes_each_county_5_2_2_1_and_leaves_no_data_quarters_out(Session) -> None:
    with Session() as s, s.begin():
        u = two_counties(s, "wuwei-2022")
        crawled(s, list(u), date(2024, 2, 1), date(2024, 8, 1))  # Q1 and Q3 crawled; Q2 and Q4 no data
        confirmed(s, u["a-jyj"], "column.stale", "column:1", [date(2024, 2, 1), date(2024, 8, 1)])  # each quarter
        confirmed(s, u["b-gov"], "text.typo", "doc:9#错字", [date(2024, 8, 1)])
        scheme = load_scheme("wuwei-2022")
        q3 = load_sheet(s, Quarter(2024, 3), scheme)
        assert [c.county for c in q3.counties] == ["a-gov", "b-gov"] and q3.composite is None
        a, b = (c.composite for c in q3.counties)
        points = scheme.points_for("column.stale", "county")[1]
        # county A: government 100 (×5), departments 100 − stale (×2), township 100 (×2), village 100 (×1)
        assert [(name, n) for name, _, n, _ in a.parts] == [("县区政府本级", 1), ("政府部门（单位）", 1),
                                                            ("乡镇（街道）", 1), ("村（居）", 1)]
        assert a.value == (D(5) * 100 + 2 * (100 - points) + 2 * 100 + 100) / 10
        assert b.parts[3][2] == 0  # no village in county B: that part drops out, the others renormalised
        rows = composite_rows(q3)
        assert {r["county"] for r in rows} == {"a-gov", "b-gov"}
        year = load_sheet(s, Year(2024), scheme, today=date(2024, 12, 31))
        # the year is the mean of Q1 and Q3 (Q2, Q4 have no data and do not count as 100)
        assert year.unit("a-jyj").total == 100 - points
        assert year.unit("b-gov").total == (D(100) + (100 - scheme.points_for("text.typo", "county")[1])) / 2
        assert any("无数据" in line.text for line in year.unit("a-jyj").lines)
        assert "无数据的季度不计入" in "".join(title_lines(year))


def test_suzhou_composes_each_county_2_1_1(Session) -> None:
    with Session() as s, s.begin():
        u = two_counties(s, "suzhou-2020")
        crawled(s, list(u), date(2024, 8, 1))
        confirmed(s, u["b-zhen"], "column.blank", "column:5", [date(2024, 8, 1)])
        sheet = load_sheet(s, Quarter(2024, 3), load_scheme("suzhou-2020"))
        b = next(c.composite for c in sheet.counties if c.county == "b-gov")
        zhen = sheet.unit("b-zhen").total
        assert zhen < 100
        assert b.value == (D(2) * 100 + 1 * 100 + 1 * zhen) / 4
        a = next(c.composite for c in sheet.counties if c.county == "a-gov")
        assert a.value == 100


def test_shanwei_ranks_county_governments_and_departments_apart(Session) -> None:
    with Session() as s, s.begin():
        u = units(s, "shanwei-2024", [("chengqu", "government", None), ("lufeng", "government", None),
                                      ("jyj", "department", None), ("wjw", "department", None)])
        confirmed(s, u["lufeng"], "column.blank", "column:1", [date(2024, 7, 1)])
        confirmed(s, u["wjw"], "column.blank", "column:2", [date(2024, 7, 1)])
        sheet = load_sheet(s, Year(2024), load_scheme("shanwei-2024"))
        ranks = {r["unit"]: (r["rank_group"], r["rank"]) for r in summary_rows(sheet)}
        assert ranks == {"chengqu": ("县（市、区）政府", 1), "lufeng": ("县（市、区）政府", 2),
                         "jyj": ("市直部门", 1), "wjw": ("市直部门", 2)}


def test_score_and_export_take_a_year(sqlite_url: str, tmp_path) -> None:
    from click.testing import CliRunner
    from openpyxl import load_workbook

    from storage.db import make_engine, make_sessionmaker
    from zwgk.cli import main

    Session = make_sessionmaker(make_engine(sqlite_url))
    with Session() as s, s.begin():
        u = two_counties(s, "wuwei-2022")
        crawled(s, list(u), date(2024, 8, 1))
        confirmed(s, u["a-jyj"], "column.stale", "column:1", [date(2024, 8, 1)])
    env = {"ZWGK_DATABASE_URL": sqlite_url}
    run = CliRunner().invoke(main, ["score", "--year", "2024"], env=env)
    assert run.exit_code == 0, run.output
    assert "2024年度" in run.output and "无数据的季度不计入" in run.output and "暂定值" in run.output
    assert "a-gov" in run.output and "合成总成绩" in run.output
    both = CliRunner().invoke(main, ["score", "--year", "2024", "--quarter", "2024Q3"], env=env)
    assert both.exit_code == 2 and "--year" in both.output
    out = tmp_path / "年度.xlsx"
    run = CliRunner().invoke(main, ["export", "--year", "2024", "--out", str(out)], env=env)
    assert run.exit_code == 0, run.output
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "扣分明细", "县区合成", "说明"]
    assert {row[0] for row in wb["县区合成"].iter_rows(min_row=2, values_only=True)} == {"a-gov", "b-gov"}
