"""The jobs behind the commands: check and replay (and, through crawler.launch, crawl). Each owns its
transaction; replay writes nothing."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from assessment.proposals import propose_events
from assessment.schemes import load_scheme
from checks import base
from checks.base import AuditData, CheckRules
from checks.loader import load_audit_data
from checks.memo import NO_MEMO, Memo, loaded_fingerprint, refresh_lexicons
from checks.registry import CheckSpec, registered_checks
from core.names import check_name
from core.progress import Progress
from core.settings import get_settings
from core.text import terminal_safe
from jobs.record import RecordStats, record_findings
from storage.memo import StoredMemo
from storage.models import Finding, Jurisdiction, Unit

TIMEZONE = "Asia/Shanghai"


class PastAsOfError(Exception):
    """A check as of a date before the last recorded check: it would rewrite the live queue."""


def captured_by(as_of: date, timezone: str = TIMEZONE) -> datetime:
    """The end of the as-of day: a check as of it sees what had been captured before this moment."""
    return datetime.combine(as_of + timedelta(days=1), time(0), ZoneInfo(timezone))


@dataclass(frozen=True)
class CheckFailure:
    """One check that raised on one unit's data: that unit's findings of that check stay as they were
    (neither new ones nor rectifications), every other unit and check goes on."""

    check: str
    unit: str
    error: str  # exception type and message
    where: str  # the innermost frame: file, line and function

    def line(self) -> str:
        return terminal_safe(f"  检查出错：{self.unit} | {self.check} | {self.error} | {self.where}")


@dataclass
class CheckSummary:
    as_of: date
    units: int = 0
    stats: RecordStats = field(default_factory=RecordStats)
    events_proposed: int = 0
    failures: list[CheckFailure] = field(default_factory=list)
    reused: int = 0  # per-document results read from the check memo (checks.memo)
    computed: int = 0  # per-document results computed tonight (and kept)

    def lines(self) -> list[str]:
        s = self.stats
        out = [f"检查基准日 {self.as_of:%Y-%m-%d}：{self.units} 个单位；新发现 {s.new} 条，仍存在 {s.still_open} 条，"
               f"已整改 {s.rectified} 条；新提出扣分 {self.events_proposed} 条（待审核）"]
        out += [f"  {check_name(code)}：{n}" for code, n in sorted(s.by_check.items())]
        if self.reused or self.computed:
            out.append(f"  逐文档结果：沿用 {self.reused} 项（内容、词库和程序均未变），重新计算 {self.computed} 项")
        if self.failures:
            out.append(f"  检查出错 {len(self.failures)} 项（这些单位的该项检查结果保持不变，其余照常）：")
            out += [f.line() for f in self.failures]
        return out


@dataclass(frozen=True)
class Judged:
    """One check's result over one jurisdiction's units."""

    code: str
    spec: CheckSpec
    findings: list[base.Observation]
    judged: set[tuple[str, str]] | None
    unit_ids: dict[str, int]  # the units judged: a unit on which the check raised is left out
    units: int
    failures: list[CheckFailure]


def evaluate(session: Session, as_of: date, unit_slugs: list[str] | None = None,
             timezone: str = TIMEZONE, memo: Memo = NO_MEMO) -> Iterator[Judged]:
    """Every registered check, per jurisdiction (each has its scheme's settings), over what had been
    captured by the end of the as-of day. Reads only, but for what `memo` keeps (checks.memo)."""
    query = select(Unit).where(Unit.active.is_(True))
    if unit_slugs:
        query = query.where(Unit.slug.in_(unit_slugs))
    by_jurisdiction: dict[int, list[Unit]] = {}
    for unit in session.scalars(query.order_by(Unit.slug)):
        by_jurisdiction.setdefault(unit.jurisdiction_id, []).append(unit)
    for units in by_jurisdiction.values():
        rules = load_scheme(units[0].jurisdiction.scheme).check_settings
        data = load_audit_data(session, [u.slug for u in units], captured_by(as_of, timezone), memo)
        unit_ids = {u.slug: u.id for u in units}
        for code, spec in registered_checks().items():
            findings, judged, ok, failures = run_isolated(spec, data, as_of, rules)
            # a failed unit's findings of this check stay as they were: no new ones, no rectifications
            judged_ids = unit_ids if ok is None else {slug: unit_ids[slug] for slug in ok}
            yield Judged(code, spec, findings, judged, judged_ids, len(data.units), failures)


def only_unit(data: AuditData, slug: str) -> AuditData:
    """The part of `data` that belongs to one unit (allow-list rules and the body reader stay)."""
    return replace(
        data,
        units=tuple(u for u in data.units if u.slug == slug),
        columns=tuple(c for c in data.columns if c.unit == slug),
        attachments=tuple(a for a in data.attachments if a.unit == slug),
        accounts=tuple(a for a in data.accounts if a.unit == slug),
        probes=tuple(p for p in data.probes if p.unit == slug),
        links=tuple(link for link in data.links if link.unit == slug),
    )


def _failure(code: str, unit: str, exc: Exception) -> CheckFailure:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].filename.rsplit('/', 2)[-1]}:{frames[-1].lineno} {frames[-1].name}" if frames else "?"
    return CheckFailure(code, unit, f"{type(exc).__name__}: {exc}"[:300], where)


def run_isolated(spec: CheckSpec, data: AuditData, as_of: date, rules: CheckRules,
                 ) -> tuple[list, set[tuple[str, str]] | None, list[str] | None, list[CheckFailure]]:
    """(findings, judged scope, units judged (None: all), failures). One pass over all units; when that
    raises, one pass per unit, so a page that breaks a check costs only its own unit that check."""
    try:
        return spec.fn(data, as_of, rules), spec.scope(data) if spec.scope else None, None, []
    except Exception:
        pass
    slugs = [u.slug for u in data.units]
    findings: list = []
    judged: set[tuple[str, str]] | None = set() if spec.scope else None
    ok, failures = [], []
    for slug in slugs:
        part = only_unit(data, slug)
        try:
            found = spec.fn(part, as_of, rules)
            scope = spec.scope(part) if spec.scope else None
        except Exception as exc:
            failures.append(_failure(spec.code, slug, exc))
            continue
        findings += found
        ok.append(slug)
        if judged is not None and scope is not None:
            judged |= scope
    return findings, judged, ok, failures


def check_schemes(Session_: sessionmaker[Session]) -> list[str]:
    """The schemes of every active unit's jurisdiction, loaded once: raises SourceFileError (with lines)
    before any check runs, so a broken scheme stops `zwgk check` at the start, not halfway."""
    with Session_() as session:
        names = sorted(set(session.scalars(select(Jurisdiction.scheme).join(Unit).where(Unit.active.is_(True)))))
    for name in names:
        load_scheme(name)
    return names


def last_checked(session: Session) -> date | None:
    return session.scalar(select(func.max(Finding.last_as_of)))


def stored_memo(session: Session, writable: bool) -> StoredMemo:
    """The check memo in this store, for the code, libraries and lexicons of this process."""
    return StoredMemo(session, loaded_fingerprint(get_settings().lexicon_dir), writable)


def run_checks(Session_: sessionmaker[Session], as_of: date, unit_slugs: list[str] | None = None,
               timezone: str = TIMEZONE, progress: Callable[[int], Progress] | None = None,
               reuse: bool = True) -> CheckSummary:
    """Record tonight's findings and propose their deductions. A date before the last recorded check is
    refused: the past is replayed (`replay`), never written into the live queue again. `reuse`: read and
    keep per-document results in the check memo (checks.memo); False computes everything and keeps nothing."""
    summary = CheckSummary(as_of=as_of)
    refresh_lexicons(get_settings().lexicon_dir)  # word lists ops changed since this process read them
    with Session_() as session, session.begin():
        memo = stored_memo(session, writable=True) if reuse else NO_MEMO
        last = last_checked(session)
        if last is not None and as_of < last:
            raise PastAsOfError(f"检查基准日 {as_of:%Y-%m-%d} 早于已记录的最近一次检查（{last:%Y-%m-%d}）；"
                                f"重现以往结果请用 zwgk replay --as-of {as_of:%Y-%m-%d}（只读，不改动审核队列）")
        observed = []
        first_code = next(iter(registered_checks()))  # each jurisdiction's units are counted once
        tracker = progress(_check_steps(session, unit_slugs)) if progress else None
        for result in evaluate(session, as_of, unit_slugs, timezone, memo):
            if tracker is not None:
                tracker.step()
            if result.code == first_code:
                summary.units += result.units
            summary.failures += result.failures
            observed += record_findings(session, code=result.code, findings=result.findings, judged=result.judged,
                                        unit_ids=result.unit_ids, as_of=as_of, stats=summary.stats)
        if tracker is not None:
            tracker.finish()
        if isinstance(memo, StoredMemo):
            memo.flush()
            memo.forget_other_versions()
            summary.reused, summary.computed = memo.hits, memo.reads - memo.hits
        summary.events_proposed = propose_events(session, observed, as_of)
    return summary


def _check_steps(session: Session, unit_slugs: list[str] | None) -> int:
    """How many (jurisdiction, check) results `evaluate` will yield: the total of the checks' progress."""
    query = select(func.count(func.distinct(Unit.jurisdiction_id))).where(Unit.active.is_(True))
    if unit_slugs:
        query = query.where(Unit.slug.in_(unit_slugs))
    return (session.scalar(query) or 0) * len(registered_checks())


def replay(Session_: sessionmaker[Session], as_of: date, unit_slugs: list[str] | None = None,
           timezone: str = TIMEZONE, reuse: bool = True) -> list[dict]:
    """The findings a check on `as_of` produces from what had been captured by then; writes nothing (it
    reads the check memo, whose entries hold for any date)."""
    out = []
    refresh_lexicons(get_settings().lexicon_dir)
    with Session_() as session:
        slug_names = dict(session.execute(select(Unit.slug, Unit.name)).all())
        memo = stored_memo(session, writable=False) if reuse else NO_MEMO
        for result in evaluate(session, as_of, unit_slugs, timezone, memo):
            for f in result.findings:
                out.append({"unit": f.unit, "unit_name": slug_names.get(f.unit, f.unit), "check": f.check,
                            "subject_key": f.subject_key, "subject": f.subject, "url": f.url, "detail": f.detail,
                            "as_of": as_of, "observed_at": f.observed_at, "evidence": dict(f.evidence)})
        session.rollback()
    out.sort(key=lambda r: (r["unit"], r["check"], r["subject_key"]))
    return out
