"""Alerts: a failed or incomplete night, a veto-level finding, a stopped probe job, a missing working-day
calendar — by webhook (generic JSON, 企业微信 or 钉钉 robot) and by mail (SMTP).

Every alert is keyed by what it is about (a run, a finding, a probe stall, a calendar year) and kept in
`alerts`: the same thing is never announced twice, and one that no channel took is tried again next
time.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from core.names import check_name
from core.settings import Settings
from storage.clock import utcnow
from storage.ops_models import Alert, Run

_LIST_AT_MOST = 20  # findings named in one alert; the rest are counted


@dataclass(frozen=True)
class Message:
    key: str
    kind: str  # night | findings | probe | calendar | scheduler
    title: str
    text: str


def channels_configured(settings: Settings) -> bool:
    return bool(settings.alert_webhook_url or (settings.alert_smtp_host and settings.alert_mail_to))


def webhook_body(settings: Settings, message: Message) -> dict[str, Any]:
    content = f"【zwgk】{message.title}\n{message.text}"
    if settings.alert_webhook_format == "wecom":
        return {"msgtype": "text", "text": {"content": content}}
    if settings.alert_webhook_format == "dingtalk":
        return {"msgtype": "text", "text": {"content": content}}
    return {"source": "zwgk", "kind": message.kind, "key": message.key, "title": message.title,
            "text": message.text, "at": utcnow().isoformat()}


def send_webhook(settings: Settings, message: Message) -> None:
    response = httpx.post(settings.alert_webhook_url, json=webhook_body(settings, message), timeout=15)
    response.raise_for_status()
    if settings.alert_webhook_format in ("wecom", "dingtalk"):
        # both robots answer 200 with {"errcode": N, "errmsg": …}; anything but 0 is a refusal
        errcode = response.json().get("errcode", 0)
        if errcode:
            raise RuntimeError(f"机器人拒收：{response.text[:200]}")


def send_mail(settings: Settings, message: Message) -> None:
    mail = EmailMessage()
    mail["Subject"] = f"【zwgk】{message.title}"
    mail["From"] = settings.alert_mail_from
    mail["To"] = ", ".join(a.strip() for a in settings.alert_mail_to.split(",") if a.strip())
    mail.set_content(message.text, charset="utf-8")
    if settings.alert_smtp_port == 465:
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(settings.alert_smtp_host, 465, timeout=15,
                                              context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(settings.alert_smtp_host, settings.alert_smtp_port, timeout=15)
    with smtp:
        if settings.alert_smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
        if settings.alert_smtp_user:
            smtp.login(settings.alert_smtp_user, settings.alert_smtp_password)
        smtp.send_message(mail)


def _deliver(settings: Settings, message: Message) -> dict[str, str]:
    results = {}
    senders: list[tuple[str, Callable[[Settings, Message], None]]] = []
    if settings.alert_webhook_url:
        senders.append(("webhook", send_webhook))
    if settings.alert_smtp_host and settings.alert_mail_to:
        senders.append(("mail", send_mail))
    for name, send in senders:
        try:
            send(settings, message)
            results[name] = "ok"
        except Exception as exc:  # one channel down must not hide the alert from the other
            results[name] = f"{type(exc).__name__}: {exc}"[:300]
    return results


def send_alert(settings: Settings, Session_: sessionmaker[Session], message: Message,
               also_keys: list[str] | None = None) -> str:
    """Send once: "sent", "failed" (kept to retry), "duplicate" (already sent) or "off" (no channel).

    `also_keys` marks further things (one row each) as announced by this message, e.g. the findings
    listed in one findings alert."""
    if not channels_configured(settings):
        return "off"
    keys = [message.key, *(also_keys or [])]
    with Session_() as session, session.begin():
        existing = {a.key: a for a in session.scalars(select(Alert).where(Alert.key.in_(keys)))}
        head = existing.get(message.key)
        if head is not None and head.delivered:
            return "duplicate"
        if head is None:
            session.add(Alert(key=message.key, kind=message.kind, title=message.title, text=message.text,
                              delivered=False, channels={}))
        for key in keys[1:]:
            if key not in existing:
                session.add(Alert(key=key, kind=message.kind, title=message.title, text="", delivered=False,
                                  channels={}))
    results = _deliver(settings, message)
    delivered = any(v == "ok" for v in results.values())
    try:
        with Session_() as session, session.begin():
            for alert in session.scalars(select(Alert).where(Alert.key.in_(keys))):
                alert.delivered = alert.delivered or delivered
                alert.channels = results
    except IntegrityError:
        pass
    return "sent" if delivered else "failed"


def already_announced(session: Session, keys: list[str]) -> set[str]:
    return set(session.scalars(select(Alert.key).where(Alert.key.in_(keys), Alert.delivered.is_(True))))


# --- what is announced ------------------------------------------------------------------------------

def night_message(run: Run, base_url: str = "") -> Message | None:
    """A night that failed, was interrupted or missed units; None for a complete night."""
    if run.status not in ("failed", "incomplete", "interrupted"):
        return None
    from jobs.runs import STATUS_NAMES

    s = run.summary or {}
    lines = [f"第 {run.id} 次运行（{run.kind}，{run.trigger}），状态：{STATUS_NAMES.get(run.status, run.status)}"]
    if run.error:
        lines.append(f"原因：{run.error}")
    if "pages" in s:
        lines.append(f"页面 {s.get('pages_fetched', 0)}/{s['pages']}，栏目 {s.get('columns_fetched', 0)}/"
                     f"{s.get('columns', 0)}")
    for slug, why in list((s.get("missed") or {}).items())[:_LIST_AT_MOST]:
        lines.append(f"  未完整：{slug}：{why}")
    if len(s.get("missed") or {}) > _LIST_AT_MOST:
        lines.append(f"  ……共 {len(s['missed'])} 个单位未完整")
    title = {"failed": "夜间任务失败", "incomplete": "夜间任务未完整", "interrupted": "夜间任务中断"}[run.status]
    return Message(f"run:{run.id}:{run.status}", "night", title, "\n".join(lines))


def veto_level_findings(session: Session) -> list[tuple[int, str, str, str, str]]:
    """Open findings whose check can trigger a single veto of the unit's scheme, and warnings below a veto
    line: (finding id, unit slug, unit name, check, detail)."""
    from assessment.schemes import load_scheme
    from storage.models import Finding, Jurisdiction, Unit

    veto_checks: dict[str, set[str]] = {}
    for jurisdiction in session.scalars(select(Jurisdiction)):
        try:
            scheme = load_scheme(jurisdiction.scheme)
        except Exception:  # a scheme file that no longer loads is reported by `schemes check`, not here
            continue
        veto_checks[jurisdiction.name] = {code for veto in scheme.vetoes for code in veto.checks}
    rows = session.execute(
        select(Finding.id, Unit.slug, Unit.name, Finding.check, Finding.detail, Jurisdiction.name)
        .join(Unit, Unit.id == Finding.unit_id).join(Jurisdiction, Jurisdiction.id == Unit.jurisdiction_id)
        .where(Finding.rectified_on.is_(None)).order_by(Finding.id))
    return [(fid, slug, name, check, detail) for fid, slug, name, check, detail, jname in rows
            if check.startswith("warning.") or check in veto_checks.get(jname, set())]


def findings_message(session: Session) -> tuple[Message, list[str]] | None:
    found = veto_level_findings(session)
    keys = [f"finding:{fid}" for fid, *_ in found]
    done = already_announced(session, keys)
    fresh = [row for row, key in zip(found, keys) if key not in done]
    if not fresh:
        return None
    lines = [f"新出现 {len(fresh)} 条可能导致单项否决的问题或否决线以下的预警："]
    for fid, slug, name, check, detail in fresh[:_LIST_AT_MOST]:
        lines.append(f"  [{fid}] {name}（{slug}）{check_name(check)}：{detail}")
    if len(fresh) > _LIST_AT_MOST:
        lines.append(f"  ……另有 {len(fresh) - _LIST_AT_MOST} 条，见 zwgk findings")
    fresh_keys = [f"finding:{row[0]}" for row in fresh]
    head = f"findings:{fresh[0][0]}-{fresh[-1][0]}:{len(fresh)}"
    return Message(head, "findings", f"新增 {len(fresh)} 条单项否决级问题", "\n".join(lines)), fresh_keys


def night_alerts(settings: Settings, Session_: sessionmaker[Session], run_id: int,
                 echo: Callable[[str], None] = print) -> list[str]:
    """After a night: announce a failed or incomplete night and new veto-level findings."""
    if not channels_configured(settings):
        return []
    outcomes = []
    with Session_() as session:
        run = session.get_one(Run, run_id)
        message = night_message(run)
        found = findings_message(session)
    if message is not None:
        outcomes.append(send_alert(settings, Session_, message))
    if found is not None:
        outcomes.append(send_alert(settings, Session_, found[0], also_keys=found[1]))
    if "failed" in outcomes:
        echo("告警发送失败（详见 zwgk status），下次运行时重试")
    return outcomes
