"""The quarter and the year at a glance, one unit's page, last night's run, the audit log, the export."""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload
from starlette.responses import Response

from assessment.export import summary_columns, summary_rows, write_xlsx
from assessment.schemes import Scheme
from assessment.scoring import Quarter, Sheet
from assessment.sheets import SheetError, detail_rows, load_sheet, resolve_scheme, schemes_in_use
from crawler.coverage import coverage
from storage.audit import record_export
from storage.clock import local_today, utcnow
from storage.models import AuditLog, CrawlRun, DeductionEvent, Finding, Probe, Unit
from storage.queries import audit_query
from web import charts, names
from web.app import Ctx, WebApp

AUDIT_PAGE = 100


def register(web: WebApp) -> None:
    web.page("/quarter")(quarter_page)
    web.page("/units/{slug}")(unit_page)
    web.page("/export")(export_download)
    web.page("/ops")(ops_page)
    web.page("/audit")(audit_page)


def _quarter(ctx: Ctx) -> Quarter:
    text = ctx.value("q")
    if text:
        try:
            return Quarter.parse(text)
        except ValueError:
            pass
    latest = ctx.session.scalar(select(func.max(DeductionEvent.period)))
    if latest:
        try:
            return Quarter.parse(latest)
        except ValueError:
            pass
    today = local_today(ctx.web.settings.timezone)
    return Quarter(today.year, (today.month - 1) // 3 + 1)


def _scheme(ctx: Ctx) -> Scheme:
    return resolve_scheme(ctx.session, ctx.value("scheme") or None)


def _year_sheets(ctx: Ctx, scheme: Scheme, quarter: Quarter) -> list[Sheet]:
    today = local_today(ctx.web.settings.timezone)
    return [load_sheet(ctx.session, q, scheme, today) for q in quarter.year_so_far()]


def quarter_page(ctx: Ctx) -> Response:
    quarter = _quarter(ctx)
    try:
        scheme = _scheme(ctx)
    except SheetError as exc:
        return ctx.render("quarter.html", error=str(exc), quarter=quarter, schemes=schemes_in_use(ctx.session))
    sheets = _year_sheets(ctx, scheme, quarter)
    sheet = sheets[-1]
    ordered = sorted(sheet.units, key=lambda s: (s.rank, s.unit.slug))
    totals = charts.bars([(s.unit.name, s.total, charts.GRADE_COLOURS.get(s.grade or "")) for s in ordered],
                         title=f"{quarter} 各单位得分", maximum=float(scheme.total_cap))
    deducted = sorted((s for s in sheet.units if s.deducted), key=lambda s: (-s.deducted, s.unit.slug))
    by_category = charts.stacked([(s.unit.name, [s.categories.get(c.key, 0) for c in scheme.categories]) for s in deducted],
                                 [c.name for c in scheme.categories],
                                 title=f"{quarter} 各类别扣分（封顶后；其余 {len(sheet.units) - len(deducted)} 个单位无扣分）")
    check_counts = ctx.session.execute(
        select(Finding.check, DeductionEvent.state, func.count()).join(DeductionEvent.finding)
        .where(DeductionEvent.scheme == scheme.name, DeductionEvent.period == str(quarter))
        .group_by(Finding.check, DeductionEvent.state)).all()
    per_check: Counter[str] = Counter()
    for check, _state, n in check_counts:
        per_check[check] += n
    checks_chart = charts.bars([(names.check_name(c), n, None) for c, n in per_check.most_common()],
                               title=f"{quarter} 各检查项扣分事项数（全部状态）")
    labels = [str(s.quarter) for s in sheets]
    means = [sum((u.total for u in s.units), start=0) / len(s.units) if s.units else None for s in sheets]
    trend = charts.lines(labels, [("平均分", means), ("最低分", [min((u.total for u in s.units), default=None) for s in sheets]),
                                  ("最高分", [max((u.total for u in s.units), default=None) for s in sheets])],
                         title=f"{quarter.year} 年各季度得分走势", low=0, high=float(scheme.total_cap))
    year_rows = []
    for u in ordered:
        scores = [s.unit(u.unit.slug).total for s in sheets]
        year_rows.append({"unit": u.unit, "scores": scores, "mean": sum(scores, start=0) / len(scores)})
    warnings = list(ctx.session.scalars(
        select(Finding).options(joinedload(Finding.unit))
        .where(Finding.check.like("warning.%"), Finding.rectified_on.is_(None)).order_by(Finding.unit_id, Finding.check)))
    return ctx.render("quarter.html", error=None, quarter=quarter, scheme=scheme, sheet=sheet, columns=summary_columns(sheet),
                      rows=summary_rows(sheet), charts=[totals, by_category, checks_chart, trend], labels=labels,
                      year_rows=year_rows, warnings=warnings, vetoed=[s for s in ordered if s.vetoes],
                      schemes=schemes_in_use(ctx.session))


def unit_page(ctx: Ctx) -> Response:
    unit = ctx.session.scalar(select(Unit).where(Unit.slug == ctx.params["slug"]))
    if unit is None:
        return ctx.render("missing.html", status=404, what="单位")
    open_findings = list(ctx.session.scalars(select(Finding).where(Finding.unit_id == unit.id, Finding.rectified_on.is_(None))
                                             .order_by(Finding.check, Finding.id)))
    closed = list(ctx.session.scalars(select(Finding).where(Finding.unit_id == unit.id, Finding.rectified_on.is_not(None))
                                      .order_by(Finding.rectified_on.desc()).limit(100)))
    events = list(ctx.session.scalars(select(DeductionEvent).options(joinedload(DeductionEvent.finding))
                                      .where(DeductionEvent.unit_id == unit.id).order_by(DeductionEvent.id.desc()).limit(300)))
    trend, scores = None, []
    try:
        scheme = resolve_scheme(ctx.session, unit.jurisdiction.scheme)
        sheets = _year_sheets(ctx, scheme, _quarter(ctx))
        scores = [(str(s.quarter), s.unit(unit.slug)) for s in sheets if any(u.unit.slug == unit.slug for u in s.units)]
        trend = charts.lines([q for q, _ in scores], [(unit.name, [u.total for _, u in scores])],
                             title="各季度得分", low=0, high=float(scheme.total_cap))
    except SheetError:
        pass
    return ctx.render("unit.html", unit=unit, open_findings=open_findings, closed=closed, events=events, trend=trend,
                      scores=scores)


def export_download(ctx: Ctx) -> Response:
    quarter = _quarter(ctx)
    try:
        scheme = _scheme(ctx)
    except SheetError as exc:
        ctx.flash(str(exc), "error")
        return ctx.back("/quarter")
    sheet = load_sheet(ctx.session, quarter, scheme, local_today(ctx.web.settings.timezone))
    details = detail_rows(ctx.session, quarter, scheme)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sheet.xlsx"
        write_xlsx(path, sheet, details, ctx.web.settings.timezone)
        data = path.read_bytes()
    record_export(ctx.session, actor=ctx.user.name, entity="score_sheet", scheme=scheme.name, quarter=str(quarter),
                  units=len(sheet.units), details=len(details), format="xlsx", file="（网页下载）")
    filename = f"{scheme.name}-{quarter}.xlsx"
    return Response(data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def ops_page(ctx: Ctx) -> Response:
    run = ctx.session.scalar(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(1))
    rows: list[Any] = []
    failures: Counter[str] = Counter()
    if run is not None:
        rows = coverage(ctx.session, run.id)
        for c in rows:
            failures.update(c.errors)
            failures.update(c.media_errors)
    zone = ctx.web.zone
    today = datetime.now(zone).date()
    days = [today - timedelta(days=i) for i in range(6, -1, -1)]
    since = datetime.combine(days[0], datetime.min.time(), tzinfo=zone)
    counts: dict[tuple[int, Any], list[int]] = defaultdict(lambda: [0, 0])
    for unit_id, at, ok in ctx.session.execute(select(Probe.unit_id, Probe.at, Probe.ok).where(Probe.at >= since)):
        cell = counts[(unit_id, at.astimezone(zone).date())]
        cell[0] += 1
        cell[1] += 1 if ok else 0
    units = ctx.session.execute(select(Unit.id, Unit.name).where(Unit.active.is_(True)).order_by(Unit.slug)).all()
    grid = charts.day_grid([(name, [(counts[(uid, d)][1] / counts[(uid, d)][0]) if counts[(uid, d)][0] else None
                                    for d in days]) for uid, name in units],
                           [d.strftime("%m-%d") for d in days], title="近 7 天首页可访问率（按天）")
    probes_total = sum(v[0] for v in counts.values())
    return ctx.render("ops.html", run=run, rows=rows, failures=failures.most_common(), grid=grid, probes_total=probes_total,
                      now=utcnow())


def audit_page(ctx: Ctx) -> Response:
    actor, action, entity = ctx.value("actor"), ctx.value("action"), ctx.value("entity")
    query = audit_query(actor, action, entity)
    for name, op in (("since", "ge"), ("until", "lt")):
        text = ctx.value(name)
        try:
            day = datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=ctx.web.zone) if text else None
        except ValueError:
            day = None
        if day is not None:
            query = query.where(AuditLog.at >= day if op == "ge" else AuditLog.at < day + timedelta(days=1))
    page = max(1, int(ctx.value("page", "1"))) if ctx.value("page", "1").isdigit() else 1
    rows = list(ctx.session.scalars(query.order_by(AuditLog.id.desc()).limit(AUDIT_PAGE + 1).offset((page - 1) * AUDIT_PAGE)))
    actions = list(ctx.session.scalars(select(AuditLog.action).distinct().order_by(AuditLog.action)))
    return ctx.render("audit.html", rows=rows[:AUDIT_PAGE], more=len(rows) > AUDIT_PAGE, page=page, actions=actions,
                      filters={"actor": actor, "action": action, "entity": entity, "since": ctx.value("since"),
                               "until": ctx.value("until")})
