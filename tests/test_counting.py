"""Each scheme rule's counting (once per finding / per period while open / per report-year), on real
migrated databases: a persisting problem is never proposed twice in one period."""

from datetime import date

import pytest
from sqlalchemy import select

from assessment.proposals import propose_events
from assessment.schemes import load_scheme, scheme_names
from storage.models import DeductionEvent, Finding, Jurisdiction, Unit

SCHEMES = sorted(scheme_names())
Q3, Q3_LATER, Q4, NEXT_YEAR = date(2024, 8, 1), date(2024, 9, 30), date(2024, 11, 2), date(2025, 2, 3)


def unit_of(session, scheme: str) -> Unit:
    j = Jurisdiction(name=f"j-{scheme}", scheme=scheme, level="county")
    unit = Unit(slug=f"{scheme}-u", jurisdiction=j, name="单位", kind="department", portal="http://127.0.0.1/u/")
    session.add_all([j, unit])
    session.flush()
    return unit


def finding(session, unit: Unit, check: str, key: str, first: date, **evidence) -> Finding:
    f = Finding(check=check, unit_id=unit.id, subject_key=key, subject=key, url=None, detail="问题",
                evidence={"snapshots": [1], **evidence}, first_as_of=first, last_as_of=first)
    session.add(f)
    session.flush()
    return f


def propose(session, findings: list[Finding], day: date) -> int:
    for f in findings:
        f.last_as_of = max(f.last_as_of, day)
    return propose_events(session, findings, day)


def events_of(session, unit: Unit) -> list[tuple[str, str, str]]:
    return sorted(session.execute(select(DeductionEvent.check, DeductionEvent.counted_subject, DeductionEvent.period)
                                  .where(DeductionEvent.unit_id == unit.id)).all())


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_stale_column_counts_once_per_period(Session, scheme: str) -> None:
    """Staleness counts once per the scheme's period while open: quarterly schemes (武威, 宿州) each
    quarter, annual ones (云和, 金昌, 汕尾) once a year; every night of a period adds nothing."""
    with Session() as s, s.begin():
        unit = unit_of(s, scheme)
        stale = finding(s, unit, "column.stale", "column:1", Q3)
        created = [propose(s, [stale], day) for day in (Q3, Q3_LATER, Q4, date(2024, 12, 30), NEXT_YEAR)]
        quarterly = load_scheme(scheme).period == "quarter"
        assert created == ([1, 0, 1, 0, 1] if quarterly else [1, 0, 0, 0, 1])
        assert [p for *_, p in events_of(s, unit)] == (["2024Q3", "2024Q4", "2025Q1"] if quarterly
                                                        else ["2024Q3", "2025Q1"])


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_typo_counts_once_per_finding(Session, scheme: str) -> None:
    with Session() as s, s.begin():
        unit = unit_of(s, scheme)
        typo = finding(s, unit, "text.typo", "doc:1#中华人民共合国", Q3)
        assert [propose(s, [typo], day) for day in (Q3, Q4, NEXT_YEAR)] == [1, 0, 0]
        # the typo was fixed, then came back: a new problem
        typo.rectified_on = Q4
        again = finding(s, unit, "text.typo", "doc:1#中华人民共合国", NEXT_YEAR)
        assert propose(s, [again], NEXT_YEAR) == 1


@pytest.mark.parametrize("scheme", SCHEMES)
def test_annual_reports_count_once_per_report_year(Session, scheme: str) -> None:
    """Two URLs of the 2023 report are one subject; the 2022 report is not deducted in 2024; a report's
    missing element counts once whichever URL shows it."""
    with Session() as s, s.begin():
        unit = unit_of(s, scheme)
        late_a = finding(s, unit, "annual_report.late", "report:http://x/a.html", Q3, year=2023)
        late_b = finding(s, unit, "annual_report.late", "report:http://x/b.html", Q3, year=2023)
        old = finding(s, unit, "annual_report.late", "report:http://x/2022.html", Q3, year=2022)
        fmt_a = finding(s, unit, "annual_report.format", "report:http://x/a.html#第五部分", Q3, year=2023)
        fmt_b = finding(s, unit, "annual_report.format", "report:http://x/b.html#第五部分", Q3, year=2023)
        assert propose(s, [late_a, late_b, old, fmt_a, fmt_b], Q3) == 2
        assert propose(s, [late_a, late_b, old, fmt_a, fmt_b], Q4) == 0
        assert events_of(s, unit) == [("annual_report.format", "report:2023#第五部分", "2024Q3"),
                                      ("annual_report.late", "report:2023", "2024Q3")]


def test_counting_is_scheme_data(Session) -> None:
    """A rule may set its own counting; the default follows the check code."""
    scheme = load_scheme("yunhe-2022")
    assert (scheme.counting("column.stale"), scheme.counting("annual_report.late"),
            scheme.counting("text.typo")) == ("period", "report_year", "finding")
    changed = scheme.model_copy(deep=True)
    changed.deductions["text.typo"].counting = "period"
    assert changed.counting("text.typo") == "period"
