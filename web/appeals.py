"""Appeals (复核): record a unit's appeal against a confirmed event with its files, decide it, list them.

The state changes go through assessment.review.decide (window, audit log); the score follows because
scoring counts confirmed events only.
"""

from __future__ import annotations

from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import joinedload
from starlette.responses import FileResponse, Response

from assessment.review import ReviewError, decide
from storage.assessment_models import Appeal
from storage.models import AuditLog, DeductionEvent
from storage.web_models import AppealFile
from web.app import Ctx, WebApp
from web.uploads import UploadError, store_upload


def register(web: WebApp) -> None:
    web.page("/appeals")(appeals_page)
    web.page("/events/{event_id:int}/appeal", methods=("POST",), role="inspector")(file_appeal)
    web.page("/appeals/{appeal_id:int}/decide", methods=("POST",), role="inspector")(decide_appeal)
    web.page("/appeal-files/{file_id:int}")(appeal_file)


def appeals_page(ctx: Ctx) -> Response:
    rows = list(ctx.session.scalars(
        select(Appeal).options(joinedload(Appeal.event).joinedload(DeductionEvent.unit),
                               joinedload(Appeal.event).joinedload(DeductionEvent.finding))
        .order_by(Appeal.outcome.is_not(None), Appeal.filed_at.desc())))
    files: dict[int, list[AppealFile]] = {}
    for f in ctx.session.scalars(select(AppealFile).where(AppealFile.appeal_id.in_([a.id for a in rows]))
                                 .order_by(AppealFile.id)):
        files.setdefault(f.appeal_id, []).append(f)
    confirmed = list(ctx.session.scalars(
        select(DeductionEvent).options(joinedload(DeductionEvent.unit), joinedload(DeductionEvent.finding))
        .where(DeductionEvent.state == "confirmed", DeductionEvent.id.not_in(select(Appeal.event_id)))
        .order_by(DeductionEvent.decided_at.desc()).limit(200)))
    return ctx.render("appeals.html", appeals=rows, files=files, confirmed=confirmed)


def file_appeal(ctx: Ctx) -> Response:
    event_id = ctx.params["event_id"]
    back = f"/findings/{ctx.session.scalar(select(DeductionEvent.finding_id).where(DeductionEvent.id == event_id)) or ''}"
    reason, filed_by = ctx.value("reason"), ctx.value("filed_by")
    uploads = ctx.files("files")
    stored = []
    try:
        if not filed_by:
            raise ReviewError("须填写提出复核的单位或经办人")
        event = decide(ctx.session, event_id, "appeal", actor=ctx.user.name, reason=reason)
        appeal = ctx.session.scalars(select(Appeal).where(Appeal.event_id == event.id).order_by(Appeal.id.desc())).first()
        assert appeal is not None  # decide() has just filed it
        appeal.filed_by = filed_by
        directory = ctx.web.settings.upload_dir
        for upload in uploads:
            upload.file.seek(0)
            s = store_upload(upload.file, upload.filename or "", directory, ctx.web.settings.upload_max_bytes)
            stored.append(directory / s.stored_name)
            row = AppealFile(appeal_id=appeal.id, original_name=s.original_name, stored_name=s.stored_name,
                             content_type=s.content_type, size=s.size, sha256=s.sha256, uploaded_by=ctx.user.name)
            ctx.session.add(row)
            ctx.session.flush()
            ctx.session.add(AuditLog(actor=ctx.user.name, action="appeal_file", entity="appeal", entity_id=appeal.id,
                                     after={"file": s.original_name, "sha256": s.sha256, "size": s.size}))
    except (ReviewError, UploadError) as exc:
        ctx.session.rollback()
        for path in stored:  # nothing half-written: files of a refused appeal are not kept
            path.unlink(missing_ok=True)
        ctx.flash(f"未做任何修改：{exc}", "error")
        return ctx.back(back)
    ctx.flash(f"已登记扣分事项 {event_id} 的复核申请（{len(stored)} 个材料文件）")
    return ctx.back("/appeals")


def decide_appeal(ctx: Ctx) -> Response:
    appeal = ctx.session.get(Appeal, ctx.params["appeal_id"])
    if appeal is None:
        return ctx.render("missing.html", status=404, what="复核申请")
    outcome, reason = ctx.value("outcome"), ctx.value("reason")
    try:
        if outcome not in ("uphold", "overturn"):
            raise ReviewError("请选择维持或撤销")
        if not reason:
            raise ReviewError("复核决定必须填写理由")
        decide(ctx.session, appeal.event_id, outcome, actor=ctx.user.name, reason=reason)
    except ReviewError as exc:
        ctx.session.rollback()
        ctx.flash(f"未做任何修改：{exc}", "error")
        return ctx.back("/appeals")
    ctx.flash(f"复核申请 {appeal.id} 已{'维持扣分' if outcome == 'uphold' else '撤销扣分'}")
    return ctx.back("/appeals")


def appeal_file(ctx: Ctx) -> Response:
    row = ctx.session.get(AppealFile, ctx.params["file_id"])
    if row is None:
        return ctx.render("missing.html", status=404, what="材料文件")
    path = ctx.web.settings.upload_dir / row.stored_name
    if not path.is_file():
        return ctx.render("missing.html", status=404, what="材料文件")
    # always a download, never rendered by the browser in the UI's origin
    disposition = f"attachment; filename=\"appeal-file-{row.id}{path.suffix}\"; filename*=UTF-8''{quote(row.original_name)}"
    return FileResponse(path, media_type="application/octet-stream",
                        headers={"Content-Disposition": disposition, "Content-Security-Policy": "sandbox; default-src 'none'"})
