"""Review, appeals, bonus, stage import, score sheets and the export against real migrated databases."""

import csv
import zipfile
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from assessment.bonus import award_bonus
from assessment.export import write_csv, write_xlsx
from assessment.review import ReviewError, decide
from assessment.schemes import load_scheme
from assessment.scoring import Quarter
from assessment.sheets import SheetError, detail_rows, load_sheet, resolve_scheme
from assessment.stages import import_stage_scores
from core.sourcefile import SourceFileError
from storage.assessment_models import Appeal, StageScore
from storage.models import AuditLog, DeductionEvent, Finding, Jurisdiction, NewMediaAccount, Unit

Q3 = Quarter(2024, 3)
T0 = datetime(2024, 9, 1, 8, 0, tzinfo=UTC)


def registry(session, scheme: str = "yunhe-2022", level: str = "county", kinds=("government", "department")) -> list[Unit]:
    j = Jurisdiction(name=f"j-{scheme}", scheme=scheme, level=level)
    session.add(j)
    units = [Unit(slug=f"{scheme}-u{i}", jurisdiction=j, name=f"单位{i}", kind=k, portal=f"http://127.0.0.1/{i}/")
             for i, k in enumerate(kinds)]
    session.add_all(units)
    session.flush()
    for u in units:
        session.add(NewMediaAccount(unit_id=u.id, platform="wechat", name=u.name))
    session.flush()
    return units


def event(session, unit: Unit, check: str, *, subject: str, period: str = "2024Q3", points: str | None = None,
          detail: str = "问题", url: str | None = None, evidence: dict | None = None, first: date = date(2024, 9, 1),
          rectified: date | None = date(2024, 9, 2)) -> DeductionEvent:
    scheme = load_scheme(unit.jurisdiction.scheme)
    rule, default = scheme.points_for(check, unit.jurisdiction.level)
    f = Finding(check=check, unit_id=unit.id, subject_key=subject, subject=subject, url=url, detail=detail,
                evidence=evidence or {"snapshots": [7, 8]}, first_as_of=first, last_as_of=first,
                observed_at=T0, rectified_on=rectified)
    e = DeductionEvent(finding=f, unit_id=unit.id, scheme=scheme.name, period=period, check=check,
                       category=rule.category, clause=rule.clause, points=D(points) if points else default)
    session.add_all([f, e])
    session.flush()
    return e


def test_review_appeal_window_and_audit(Session) -> None:
    with Session() as s, s.begin():
        a, _ = registry(s, "shanwei-2024")
        e1 = event(s, a, "column.stale", subject="column:1")
        e2 = event(s, a, "column.stale", subject="column:2")
        decide(s, e1.id, "confirm", actor="张三", now=T0)
        decide(s, e2.id, "confirm", actor="张三", now=T0)
        with pytest.raises(ReviewError, match="理由"):
            decide(s, e1.id, "appeal", actor="单位1", reason=" ", now=T0 + timedelta(days=1))
        decide(s, e1.id, "appeal", actor="单位1", reason="栏目已迁移", now=T0 + timedelta(days=7))
        with pytest.raises(ReviewError, match="7 日内"):
            decide(s, e2.id, "appeal", actor="单位1", reason="迟到的复核", now=T0 + timedelta(days=7, seconds=1))
        assert s.get(DeductionEvent, e1.id).state == "appealed"
        decide(s, e1.id, "overturn", actor="李四", reason="证据显示已迁移", now=T0 + timedelta(days=8))
        assert s.get(DeductionEvent, e1.id).state == "rejected"
        with pytest.raises(ReviewError, match="不能执行"):
            decide(s, e1.id, "appeal", actor="单位1", reason="再来", now=T0 + timedelta(days=8))
        appeal = s.scalar(select(Appeal).where(Appeal.event_id == e1.id))
        assert (appeal.filed_by, appeal.outcome, appeal.decided_by) == ("单位1", "overturned", "李四")
        rows = s.scalars(select(AuditLog).order_by(AuditLog.id))
        log = [(x.actor, x.action, x.before["state"], x.after["state"]) for x in rows]
        assert log == [("张三", "confirm", "pending", "confirmed"), ("张三", "confirm", "pending", "confirmed"),
                       ("单位1", "appeal", "confirmed", "appealed"), ("李四", "overturn", "appealed", "rejected")]


def test_upheld_appeal_counts_again_and_only_once(Session) -> None:
    with Session() as s, s.begin():
        a, _ = registry(s)
        e = event(s, a, "column.blank", subject="column:1")
        decide(s, e.id, "confirm", actor="张三", now=T0)
        decide(s, e.id, "appeal", actor="单位", reason="有内容", now=T0 + timedelta(days=1))
        scheme = load_scheme("yunhe-2022")
        assert load_sheet(s, Q3, scheme).unit(a.slug).total == 100  # an open appeal does not count
        decide(s, e.id, "uphold", actor="李四", now=T0 + timedelta(days=2))
        assert load_sheet(s, Q3, scheme).unit(a.slug).total == 99
        with pytest.raises(ReviewError, match="已复核过"):
            decide(s, e.id, "appeal", actor="单位", reason="再次申请", now=T0 + timedelta(days=3))


def test_points_range_on_confirm(Session) -> None:
    with Session() as s, s.begin():
        a, _ = registry(s, "jinchang-2022", level="city")
        e = event(s, a, "text.privacy", subject="doc:1")
        assert e.points == 1  # self-detected: the ordinary item; the inspector escalates a notified one
        with pytest.raises(ReviewError, match="5 至 10"):
            decide(s, e.id, "confirm", actor="张三", points=D(11), escalate=True, reason="省通报")
        decide(s, e.id, "confirm", actor="张三", points=D(8), escalate=True, reason="省通报")
        assert s.get(DeductionEvent, e.id).points == 8
        yunhe_unit, _ = registry(s)
        other = event(s, yunhe_unit, "column.stale", subject="c")
        with pytest.raises(ReviewError, match="1.00 至 1.00|1 至 1"):
            decide(s, other.id, "confirm", actor="张三", points=D(2))


def test_sheet_from_the_store(Session) -> None:
    """Only confirmed events count; bonus awards, rank (Q4), and the scheme resolution."""
    with Session() as s, s.begin():
        a, b = registry(s)
        confirmed = [event(s, a, "column.stale", subject=f"column:{i}") for i in range(3)]
        confirmed.append(event(s, a, "column.blank", subject="column:0"))  # same column: counted once
        event(s, a, "column.stale", subject="column:9")  # pending: not counted
        rejected = event(s, b, "column.stale", subject="column:1")
        for e in confirmed:
            decide(s, e.id, "confirm", actor="张三")
        decide(s, rejected.id, "reject", actor="张三", reason="误报")
        award_bonus(s, unit=b.slug, quarter=Q3, item="interpretation-forms", times=2, note="短视频、在线访谈", actor="王五")
        with pytest.raises(ReviewError, match="没有加分项"):
            award_bonus(s, unit=b.slug, quarter=Q3, item="nope", note="x", actor="王五")
        scheme = resolve_scheme(s, None)
        assert scheme.name == "yunhe-2022"
        sheet = load_sheet(s, Q3, scheme)
        assert (sheet.unit(a.slug).total, sheet.unit(a.slug).categories["platform"]) == (97, 3)
        assert (sheet.unit(b.slug).total, sheet.unit(b.slug).bonus, sheet.unit(b.slug).uncapped) == (100, 4, 104)
        assert len(detail_rows(s, Q3, scheme)) == 4
        registry(s, "jinchang-2022")
        with pytest.raises(SheetError, match="--scheme"):
            resolve_scheme(s, None)


def test_stage_import(Session, tmp_path: Path) -> None:
    with Session() as s, s.begin():
        units = registry(s, "wuwei-2022", kinds=("government", "department", "township", "village"))
    bad = tmp_path / "bad.csv"
    bad.write_text("单位,环节,年度,得分\nwuwei-2022-u0,年度测评,2024,80\nnobody,annual,2024,70\n"
                   "wuwei-2022-u1,daily,2024,70\nwuwei-2022-u1,annual,2024,101\nwuwei-2022-u0,annual,2024,81\n",
                   encoding="utf-8")
    with Session() as s, s.begin(), pytest.raises(SourceFileError) as err:
        import_stage_scores(s, bad, actor="王五")
    assert [line for line, _ in err.value.problems] == [3, 4, 5, 6]
    assert "与第 2 行重复" in err.value.render()
    with Session() as s:
        assert s.scalar(select(StageScore.id)) is None
    good = tmp_path / "stages.csv"
    rows = "".join(f"{u.slug},{stage},2024,{score}\n" for u, score in zip(units, (80, 70, 60, 50))
                   for stage in ("annual", "双向互评"))
    good.write_text("\ufeffunit,stage,year,score\n" + rows, encoding="utf-8")
    with Session() as s, s.begin():
        assert import_stage_scores(s, good, actor="王五").created == 8
    good.write_text("unit,stage,year,score\n" + rows.replace(",2024,80", ",2024,85"), encoding="utf-8")
    with Session() as s, s.begin():
        report = import_stage_scores(s, good, actor="王五")
        assert (report.created, report.updated, report.unchanged) == (0, 2, 6)
        sheet = load_sheet(s, Q3, load_scheme("wuwei-2022"))
        # daily_stage year_mean: Q1–Q3 without events are 100 each
        assert sheet.unit(units[0].slug).weighted == D("89.50")  # 100×0.3 + 85×0.5 + 85×0.2
        assert sheet.composite.value == D("81.45")  # (5×89.5 + 2×79 + 2×72 + 65) / 10


def test_export_reads_back_and_never_runs_formulas(Session, tmp_path: Path) -> None:
    with Session() as s, s.begin():
        a, b = registry(s)
        evil = "=HYPERLINK(\"http://evil.example\",\"点我\")"
        e = event(s, a, "text.sensitive", subject=evil, detail="+cmd|' /C calc'!A0", url="http://127.0.0.1/x?a=1")
        e2 = event(s, b, "column.stale", subject="通知公告", detail="@SUM(1+1)")
        decide(s, e.id, "confirm", actor="张三", now=T0)
        decide(s, e2.id, "confirm", actor="-李四", now=T0)
        scheme = load_scheme("yunhe-2022")
        sheet, details = load_sheet(s, Q3, scheme), detail_rows(s, Q3, scheme)
    out = tmp_path / "score.xlsx"
    write_xlsx(out, sheet, details)
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "扣分明细", "说明"]
    summary, detail = wb["汇总"], wb["扣分明细"]
    assert summary.freeze_panes == "A2" and detail.freeze_panes == "A2"
    headers = [c.value for c in summary[1]]
    assert headers[:3] == ["排名", "单位", "单位代码"] and "平台建设扣分" in headers and headers[-1] == "等次"
    rows = {r[2]: dict(zip(headers, r)) for r in summary.iter_rows(min_row=2, values_only=True)}
    assert rows[a.slug]["得分"] == 99 and rows[a.slug]["平台建设扣分"] == 1 and rows[a.slug]["排名"] == 1
    assert isinstance(rows[a.slug]["得分"], (int, float))
    dh = [c.value for c in detail[1]]
    assert dh[:6] == ["单位", "单位代码", "检查项", "类别", "指标条款", "扣分"]
    first = {h: c for h, c in zip(dh, detail[2])}
    assert first["问题对象"].value == evil and first["问题对象"].data_type == "s" and first["问题对象"].quotePrefix
    assert first["问题描述"].value.startswith("+cmd") and first["问题描述"].quotePrefix
    assert first["扣分"].value == 1 and first["扣分"].data_type == "n"
    assert first["证据快照编号"].value == "7,8" and first["审核人"].value == "张三"
    assert first["抓取时间"].value == datetime(2024, 9, 1, 16, 0)  # Asia/Shanghai
    assert detail.column_dimensions["H"].width > 8
    with zipfile.ZipFile(out) as z:
        assert not any("<f>" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    written = write_csv(tmp_path / "score.csv", sheet, details)
    with written[1].open(encoding="utf-8-sig") as fh:
        parsed = list(csv.DictReader(fh))
    assert parsed[0]["问题对象"] == "'" + evil and parsed[0]["问题描述"].startswith("'+cmd")
    assert parsed[1]["问题描述"] == "'@SUM(1+1)" and parsed[1]["审核人"] == "'-李四"
    with written[0].open(encoding="utf-8-sig") as fh:
        assert [r["得分"] for r in csv.DictReader(fh)] == ["99.00", "99.00"]


def test_column_vetoes_use_the_registry_categories(Session) -> None:
    """19号: five stale 动态要闻/通知公告/政策文件 columns veto; the category comes from the columns table."""
    from storage.models import Column

    with Session() as s, s.begin():
        a, b = registry(s, "jinchang-2022", level="city")
        for unit, category in ((a, "news"), (b, "personnel")):
            columns = [Column(unit_id=unit.id, url=f"http://127.0.0.1/{unit.slug}/{i}/", name=f"栏目{i}",
                              category=category) for i in range(5)]
            s.add_all(columns)
            s.flush()
            for c in columns:
                decide(s, event(s, unit, "column.stale", subject=f"column:{c.id}").id, "confirm", actor="张三")
        sheet = load_sheet(s, Q3, load_scheme("jinchang-2022"))
        assert (sheet.unit(a.slug).vetoes, sheet.unit(a.slug).grade) == (["栏目不更新"], "不合格")
        assert (sheet.unit(b.slug).vetoes, sheet.unit(b.slug).grade) == ([], "优秀")
