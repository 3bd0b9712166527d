"""The seeds' own rules: 金昌's serious-incident clause only when an inspector escalates, 武威's report
deadlines, vetoes that set the grade and the rank, traditional column names, placeholder point values."""

from datetime import UTC, date, datetime
from decimal import Decimal as D

import pytest

from assessment.export import summary_rows, title_lines
from assessment.proposals import propose_events
from assessment.review import ReviewError, decide
from assessment.schemes import load_scheme
from assessment.scoring import Year
from assessment.sheets import load_sheet
from checks.annual_report import deadline
from checks.base import CheckRules
from core.categories import classify_column
from storage.models import Finding, Jurisdiction, Unit

NOW = datetime(2024, 9, 1, tzinfo=UTC)


def unit_with_finding(s, scheme: str, check: str, key: str = "doc:1#错字", slug: str = "u", **evidence):
    j = s.get(Jurisdiction, 1) or Jurisdiction(name="j", scheme=scheme, level="city")
    u = Unit(slug=slug, jurisdiction=j, name=slug, kind="department", portal=f"http://127.0.0.1/{slug}/")
    f = Finding(check=check, unit=u, subject_key=key, subject=key, detail="问题", evidence={"snapshots": [1], **evidence},
                first_as_of=date(2024, 8, 1), last_as_of=date(2024, 8, 1))
    s.add_all([j, u, f])
    s.flush()
    propose_events(s, [f], date(2024, 8, 1))
    return u, f.events[0]


def test_jinchang_typo_is_ordinary_until_escalated(Session) -> None:
    with Session() as s, s.begin():
        _, event = unit_with_finding(s, "jinchang-2022", "text.typo")
        assert (event.category, event.points) == ("platform", D(1))  # self-detected: the ordinary item
        with pytest.raises(ReviewError):
            decide(s, event.id, "confirm", actor="审核员", escalate=True, now=NOW)  # no reason given
        decide(s, event.id, "confirm", actor="审核员", escalate=True, reason="省政府信息公开办通报〔2024〕3号",
               points=D(8), now=NOW)
        assert (event.category, event.points, event.clause[:6]) == ("incident", D(8), "第十四条(二")
        _, other = unit_with_finding(s, "jinchang-2022", "column.stale", "column:1", slug="v")
        with pytest.raises(ReviewError):
            decide(s, other.id, "confirm", actor="审核员", escalate=True, reason="x", now=NOW)


def test_a_vetoed_unit_gets_the_seed_grade_and_ranks_last(Session) -> None:
    with Session() as s, s.begin():
        u, event = unit_with_finding(s, "jinchang-2022", "newmedia.stale", "account:1")  # 新媒体单项否决
        decide(s, event.id, "confirm", actor="审核员", now=NOW)
        s.add(Unit(slug="w", jurisdiction=u.jurisdiction, name="w", kind="department", portal="http://127.0.0.1/w/"))
        s.flush()
        sheet = load_sheet(s, Year(2024), load_scheme("jinchang-2022"))
        rows = {r["unit"]: r for r in summary_rows(sheet)}
        assert (rows["u"]["grade"], rows["u"]["rank"], rows["w"]["rank"]) == ("不合格", 2, 1)
        assert rows["u"]["total"] == D(99) and rows["u"]["veto"] == "政务新媒体内容不更新"
        assert any("单项否决" in line for line in title_lines(sheet))
        assert any("暂定值" in line for line in title_lines(sheet))  # the annex with the values is not public


def test_yunhe_veto_without_grade_bands_says_last_place() -> None:
    scheme = load_scheme("yunhe-2022")
    assert scheme.grade_of(D(95), vetoed=True) == "一票否决（排名末位）" and scheme.grade_of(D(95), False) is None


def test_wuwei_report_deadlines() -> None:
    rules = load_scheme("wuwei-2022").check_settings
    assert [deadline(2022, kind, rules) for kind in ("department", "township", "government")] == [
        date(2023, 1, 20), date(2023, 1, 20), date(2023, 2, 15)]
    national = CheckRules()
    assert [deadline(2022, kind, national) for kind in ("department", "government")] == [
        date(2023, 1, 31), date(2023, 3, 31)]


def test_traditional_column_names_are_classified() -> None:
    assert [classify_column(n) for n in ("政務動態", "政策解讀", "通知公告", "人事資訊", "規劃計劃", "政府資訊公開年報")] == [
        "news", "interpretation", "notice", "personnel", "planning", "annual_report"]
