"""The morning's review: the queue, bulk decisions, the evidence of a finding, the captured page itself,
WARC downloads, and "false alarm" (reject and allow-list in one step).

Decisions go through assessment.review.decide, the same function as `zwgk events confirm|reject`, so
they land in the same audit log.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from assessment.review import ReviewError, decide
from assessment.schemes import load_scheme
from assessment.sheets import schemes_in_use
from storage.allow import TEXT_CHECKS, AllowError, add_allow, list_allow, remove_allow
from storage.assessment_models import Appeal
from storage.audit import record_export
from storage.blobs import read_blob
from storage.clock import local_today
from storage.evidence import export_warc
from storage.models import AuditLog, DeductionEvent, Finding, Snapshot, Unit
from web import queue
from web.app import Ctx, WebApp

# The captured page is shown as a document in its own opaque origin: no script, no plugin, no form, no
# request to anywhere (its images and styles from the live site are not fetched), framed only by the UI.
RAW_CSP = ("sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; "
           "form-action 'none'; base-uri 'none'; frame-ancestors 'self'")
SHOWN_TYPES = ("text/html", "text/plain", "application/xhtml+xml", "application/xml", "text/xml")


def category_label(scheme: str, key: str) -> str:
    try:
        return next((c.name for c in load_scheme(scheme).categories if c.key == key), key)
    except Exception:
        return key


def register(web: WebApp) -> None:
    web.page("/")(queue_page)
    web.page("/events/decide", methods=("POST",), role="inspector")(decide_events)
    web.page("/events/{event_id:int}")(event_page)
    web.page("/findings/{finding_id:int}")(finding_page)
    web.page("/findings/{finding_id:int}/false-alarm", methods=("POST",), role="inspector")(false_alarm)
    web.page("/raw/snapshots/{snapshot_id:int}")(raw_snapshot)
    web.page("/snapshots/{snapshot_id:int}/warc")(snapshot_warc)
    web.page("/allow")(allow_page)
    web.page("/allow/{entry_id:int}/remove", methods=("POST",), role="admin")(allow_remove)


def queue_page(ctx: Ctx) -> Response:
    flt = queue.QueueFilter.from_params(ctx.request.query_params)
    warning_total, warning_rows = queue.warnings(ctx.session, flt)
    rows = [] if flt.kind == "warning" else queue.page_rows(ctx.session, flt)
    for row in rows:
        row["category_name"] = category_label(row["scheme"], row["category"])
    counts = queue.state_counts(ctx.session, flt)
    total = counts.get(flt.state, 0) if flt.state else sum(counts.values())
    choices = queue.choices(ctx.session, [load_scheme(name) for name in schemes_in_use(ctx.session)])
    if flt.kind == "warning":
        total = warning_total
    return ctx.render("queue.html", flt=flt, rows=rows, counts=counts, total=total, choices=choices,
                      warning_total=warning_total, warning_rows=warning_rows,
                      pages=(total + queue.PAGE_SIZE - 1) // queue.PAGE_SIZE, page_size=queue.PAGE_SIZE)


def decide_events(ctx: Ctx) -> Response:
    action = ctx.value("action")
    reason = ctx.value("reason") or None
    one = ctx.value("one")  # a row's own button: "confirm:12"
    if one:
        action, _, single = one.partition(":")
    if action not in ("confirm", "reject"):
        ctx.flash("请点“确认”或“驳回”按钮", "error")
        return ctx.back()
    if one:
        ids = [int(single)] if single.isdigit() else []
    elif ctx.value("scope") == "filter":
        # everything the filter shows that can still be decided: pending events only
        flt = queue.QueueFilter.from_params({k: ctx.value(f"f_{k}") for k in queue.QueueFilter.__dataclass_fields__})
        ids = queue.matching_ids(ctx.session, replace(flt, state="pending"))
    else:
        ids = sorted({int(v) for v in ctx.values("ids") if v.isdigit()})
    if not ids:
        ctx.flash("没有选中任何扣分事项", "error")
        return ctx.back()
    try:
        for event_id in ids:
            decide(ctx.session, event_id, action, actor=ctx.user.name, reason=reason)
    except ReviewError as exc:
        ctx.session.rollback()
        ctx.flash(f"未做任何修改：{exc}", "error")
        return ctx.back()
    ctx.flash(f"已{'确认' if action == 'confirm' else '驳回'} {len(ids)} 条扣分事项")
    return ctx.back()


def event_page(ctx: Ctx) -> Response:
    event = ctx.session.get(DeductionEvent, ctx.params["event_id"])
    if event is None:
        return ctx.render("missing.html", status=404, what="扣分事项")
    return RedirectResponse(f"/findings/{event.finding_id}#event-{event.id}", status_code=303)


def _snapshots(session: Session, ids: list[Any]) -> list[Snapshot]:
    wanted = [int(i) for i in ids if isinstance(i, int) or str(i).isdigit()]
    if not wanted:
        return []
    found = {s.id: s for s in session.scalars(select(Snapshot).where(Snapshot.id.in_(wanted)))}
    return [found[i] for i in wanted if i in found]


def contexts(evidence: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(context, the text to mark in it) for every matched passage the finding's evidence keeps."""
    out: list[tuple[str, str | None]] = [(c, evidence.get("matched")) for c in evidence.get("contexts") or []
                                         if isinstance(c, str)]
    for m in evidence.get("matches") or []:  # text.privacy: masked hits
        if isinstance(m, dict) and isinstance(m.get("context"), str):
            out.append((m["context"], m.get("masked")))
    return out


def finding_page(ctx: Ctx) -> Response:
    finding = ctx.session.get(Finding, ctx.params["finding_id"])
    if finding is None:
        return ctx.render("missing.html", status=404, what="问题")
    evidence = finding.evidence or {}
    snapshots = _snapshots(ctx.session, evidence.get("snapshots") or [])
    history = list(ctx.session.scalars(
        select(Finding).where(Finding.check == finding.check, Finding.unit_id == finding.unit_id,
                              Finding.subject_key == finding.subject_key).order_by(Finding.first_as_of)))
    events = list(ctx.session.scalars(select(DeductionEvent).where(DeductionEvent.finding_id.in_([h.id for h in history]))
                                      .order_by(DeductionEvent.id)))
    appeals = {a.event_id: a for a in ctx.session.scalars(select(Appeal).where(Appeal.event_id.in_([e.id for e in events])))}
    log = list(ctx.session.scalars(select(AuditLog).where(AuditLog.entity == "deduction_event",
                                                          AuditLog.entity_id.in_([e.id for e in events]))
                                   .order_by(AuditLog.at, AuditLog.id)))
    shown = next((s for s in snapshots if s.content_hash and _shown_type(s)), None)
    details = {k: v for k, v in evidence.items() if k not in ("snapshots", "contexts", "matches")}
    return ctx.render("finding.html", finding=finding, snapshots=snapshots, shown=shown, history=history,
                      events=events, appeals=appeals, log=log, contexts=contexts(evidence), details=details,
                      category_label=category_label, text_check=finding.check in TEXT_CHECKS,
                      pending=[e for e in events if e.finding_id == finding.id and e.state == "pending"])


def _shown_type(snap: Snapshot) -> str | None:
    headers = {k.lower(): v for k, v in (snap.headers or {}).items()}
    value = headers.get("content-type") or "text/html"
    value = value[0] if isinstance(value, list) and value else value
    kind = str(value).split(";")[0].strip().lower()
    return kind if kind in SHOWN_TYPES else None


def raw_snapshot(ctx: Ctx) -> Response:
    """The stored bytes of a page as captured, for the sandboxed frame of the evidence page."""
    snap = ctx.session.get(Snapshot, ctx.params["snapshot_id"])
    kind = _shown_type(snap) if snap is not None and snap.content_hash else None
    headers = {"Content-Security-Policy": RAW_CSP, "X-Frame-Options": "SAMEORIGIN",
               "Cross-Origin-Resource-Policy": "same-origin"}
    if snap is None or kind is None:
        return Response("该快照没有可显示的页面内容", status_code=404, media_type="text/plain; charset=utf-8",
                        headers=headers)
    assert snap.content_hash is not None  # _shown_type above is None without a body
    body = read_blob(ctx.session, snap.content_hash) or b""
    charset = snap.encoding if snap.encoding and re.fullmatch(r"[A-Za-z0-9_.:-]{1,40}", snap.encoding) else "utf-8"
    # XML could carry an XSLT or XHTML script; shown as text it is inert anyway, and CSP sandboxes the rest
    shown_as = "text/html" if kind in ("text/html", "application/xhtml+xml") else "text/plain"
    media = f"{shown_as}; charset={charset}"
    return Response(body, media_type=media, headers=headers)


def snapshot_warc(ctx: Ctx) -> Response:
    snap = ctx.session.get(Snapshot, ctx.params["snapshot_id"])
    if snap is None:
        return ctx.render("missing.html", status=404, what="快照")
    out = io.BytesIO()
    report = export_warc(ctx.session, [snap.id], out, ctx.web.settings.user_agent)
    if not report.written:
        ctx.flash(f"快照 {snap.id} 无法导出：{report.skipped.get(snap.id, '')}", "error")
        return ctx.back()
    record_export(ctx.session, actor=ctx.user.name, entity="snapshot", entity_id=snap.id, format="warc",
                  sha256=snap.content_hash)
    return Response(out.getvalue(), media_type="application/warc",
                    headers={"Content-Disposition": f'attachment; filename="snapshot-{snap.id}.warc.gz"'})


def false_alarm(ctx: Ctx) -> Response:
    """Reject a text finding's pending events as a false alarm and allow-list its phrase or URL."""
    finding = ctx.session.get(Finding, ctx.params["finding_id"])
    if finding is None:
        return ctx.render("missing.html", status=404, what="问题")
    reason = ctx.value("reason")
    what = ctx.value("what")  # phrase | url
    scope_unit = ctx.value("scope") == "unit"
    if finding.check not in TEXT_CHECKS:
        ctx.flash("只有文字类问题（错别字、敏感词、个人信息）可以加入误报白名单", "error")
        return ctx.back(f"/findings/{finding.id}")
    if not reason:
        ctx.flash("驳回必须填写理由", "error")
        return ctx.back(f"/findings/{finding.id}")
    value = ctx.value("url") if what == "url" else ctx.value("phrase")
    unit_slug = ctx.session.scalar(select(Unit.slug).where(Unit.id == finding.unit_id)) if scope_unit else None
    try:
        entry = add_allow(ctx.session, check=finding.check, phrase=value if what == "phrase" else None,
                          url=value if what == "url" else None, unit=unit_slug, by=ctx.user.name, reason=reason)
        rejected = 0
        for event in list(finding.events):
            if event.state == "pending":
                decide(ctx.session, event.id, "reject", actor=ctx.user.name, reason=f"误报：{reason}")
                rejected += 1
    except (AllowError, ReviewError) as exc:
        ctx.session.rollback()
        ctx.flash(f"未做任何修改：{exc}", "error")
        return ctx.back(f"/findings/{finding.id}")
    before = {"rectified_on": str(finding.rectified_on) if finding.rectified_on else None, "closed_as": finding.closed_as}
    if finding.rectified_on is None:
        finding.rectified_on = local_today(ctx.web.settings.timezone)
    finding.closed_as = "false_alarm"
    ctx.session.add(AuditLog(actor=ctx.user.name, action="false_alarm", entity="finding", entity_id=finding.id,
                             before=before, after={"closed_as": "false_alarm", "allow_entry": entry.id}, reason=reason))
    ctx.flash(f"已加入误报白名单（第 {entry.id} 条），驳回 {rejected} 条待审核扣分，问题按误报关闭")
    return ctx.back(f"/findings/{finding.id}")


def allow_page(ctx: Ctx) -> Response:
    return ctx.render("allow.html", entries=list_allow(ctx.session))


def allow_remove(ctx: Ctx) -> Response:
    reason = ctx.value("reason")
    try:
        remove_allow(ctx.session, ctx.params["entry_id"], by=ctx.user.name, reason=reason)
    except AllowError as exc:
        ctx.flash(f"未做任何修改：{exc}", "error")
        return ctx.back("/allow")
    ctx.flash("已移出白名单，之后的检查将重新报告该词语或网址")
    return ctx.back("/allow")



