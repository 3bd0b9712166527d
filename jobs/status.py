"""`zwgk runs` and `zwgk status`: the run history, and whether the store is looked after.

`status_report` answers: is a run going now, is the scheduler alive, did last night finish and what did
it miss, when is the next night, is the probe job alive, is next year's working-day calendar there.
Each problem it finds is also an alert message (jobs.alerts), so a watchdog can send them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from core.settings import Settings
from jobs.alerts import Message, night_message
from jobs.runs import KIND_NAMES, NIGHT_LEASE, SCHEDULER_LEASE, STATUS_NAMES
from storage import lease
from storage.clock import utcnow
from storage.models import Probe
from storage.ops_models import Alert, Run

TRIGGER_NAMES = {"cli": "命令行", "schedule": "定时", "demo": "演示"}


def _local(moment: datetime | None, timezone: str) -> str:
    return "-" if moment is None else f"{moment.astimezone(ZoneInfo(timezone)):%Y-%m-%d %H:%M:%S}"


def run_rows(session: Session, timezone: str, limit: int = 20, kind: str | None = None) -> list[dict[str, Any]]:
    query = select(Run).order_by(Run.id.desc()).limit(limit)
    if kind:
        query = query.where(Run.kind == kind)
    rows = []
    for run in session.scalars(query):
        s = run.summary or {}
        seconds = (run.finished_at - run.started_at).total_seconds() if run.finished_at else None
        failed = s.get("failed_by_kind") or {}
        rows.append({
            "id": run.id, "kind": run.kind, "kind_name": KIND_NAMES.get(run.kind, run.kind), "trigger": run.trigger,
            "trigger_name": TRIGGER_NAMES.get(run.trigger, run.trigger),
            "status": run.status, "status_name": STATUS_NAMES.get(run.status, run.status),
            "started_at": _local(run.started_at, timezone), "finished_at": _local(run.finished_at, timezone),
            "minutes": None if seconds is None else round(seconds / 60, 1),
            "as_of": run.as_of.isoformat() if run.as_of else None, "units": s.get("units"),
            "columns": f"{s['columns_fetched']}/{s['columns']}" if "columns" in s else None,
            "pages": f"{s['pages_fetched']}/{s['pages']}" if "pages" in s else None,
            "failed": "，".join(f"{k}×{n}" for k, n in failed.items()) or None,
            "findings_new": s.get("findings_new"), "findings_rectified": s.get("findings_rectified"),
            "missed": s.get("missed") or {}, "phase": run.phase, "error": run.error,
        })
    return rows


def next_fire(cron: str, timezone: str, after: datetime) -> datetime | None:
    return CronTrigger.from_crontab(cron, timezone=timezone).get_next_fire_time(None, after)


def previous_fire(cron: str, timezone: str, before: datetime) -> datetime | None:
    """The last time the cron fired before `before` (searched over the past 8 days)."""
    trigger = CronTrigger.from_crontab(cron, timezone=timezone)
    moment, last = before - timedelta(days=8), None
    while (fire := trigger.get_next_fire_time(None, moment)) is not None and fire < before:
        last, moment = fire, fire + timedelta(seconds=1)
    return last


def cron_interval(cron: str, timezone: str, now: datetime) -> timedelta:
    first = next_fire(cron, timezone, now)
    second = next_fire(cron, timezone, first + timedelta(seconds=1)) if first else None
    return (second - first) if first and second else timedelta(days=1)


def calendar_last_year() -> int:
    from chinese_calendar.constants import holidays

    return max(holidays).year


def calendar_warning(today: date, last_year: int | None = None) -> str | None:
    """From 1 December, say so when next year's statutory holidays are not known yet."""
    last_year = calendar_last_year() if last_year is None else last_year
    if today.year > last_year:
        return (f"chinesecalendar 只到 {last_year} 年，{today.year} 年的法定节假日和调休未知："
                "“3个工作日”等期限无法准确判断，请升级 chinesecalendar")
    if today.month == 12 and today.year == last_year:
        return (f"chinesecalendar 只到 {last_year} 年：国务院办公厅公布 {last_year + 1} 年放假安排后，"
                "请升级 chinesecalendar（pip install -U chinesecalendar），否则明年的工作日无法判断")
    return None


@dataclass
class Status:
    lines: list[str] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)


def status_report(settings: Settings, session: Session, now: datetime | None = None) -> Status:
    now = now or utcnow()
    tz = settings.timezone
    out = Status()
    add = out.lines.append
    add(f"数据库：{settings.masked_database_url()}")

    holder = lease.current(session, NIGHT_LEASE)
    if holder is not None:
        phase = ""
        if holder.run_id is not None and (run := session.get(Run, holder.run_id)) is not None:
            phase = f"，当前阶段：{run.phase or '开始'}"
        add(f"正在运行：{holder.describe(tz)}{phase}")
    else:
        add("正在运行：无")

    scheduler = lease.current(session, SCHEDULER_LEASE)
    if scheduler is not None:
        add(f"定时任务进程：运行中（主机 {scheduler.host}，进程 {scheduler.pid}，最近心跳 "
            f"{_local(scheduler.heartbeat_at, tz)}）")
    else:
        add("定时任务进程：未运行（zwgk schedule 没有在这个数据库上运行）")
        if inspect(session.get_bind()).has_table("apscheduler_jobs"):  # it ran here before: it stopped
            today = now.astimezone(ZoneInfo(tz)).date()
            out.problems.append(Message(f"scheduler-down:{today}", "scheduler", "定时任务进程未运行",
                                        "zwgk schedule 没有在运行：夜间任务和首页探测都不会执行。"))

    last = session.scalar(select(Run).where(Run.kind == "night").order_by(Run.id.desc()).limit(1))
    if last is None:
        add("上一次夜间任务：还没有记录")
    else:
        s = last.summary or {}
        add(f"上一次夜间任务：第 {last.id} 次，{STATUS_NAMES.get(last.status, last.status)}，"
            f"{_local(last.started_at, tz)} 开始，{_local(last.finished_at, tz)} 结束"
            + (f"，页面 {s['pages_fetched']}/{s['pages']}" if "pages" in s else "")
            + (f"，新发现 {s['findings_new']} 条，已整改 {s['findings_rectified']} 条" if "findings_new" in s else ""))
        for slug, why in (s.get("missed") or {}).items():
            add(f"  未完整：{slug}：{why}")
        if last.error:
            add(f"  原因：{last.error}")
        if (message := night_message(last)) is not None:
            out.problems.append(message)
    due = previous_fire(settings.nightly_cron, tz, now - timedelta(minutes=30))
    if due is not None and (last is None or last.started_at < due - timedelta(minutes=5)) and scheduler is not None:
        add(f"  注意：{_local(due, tz)} 应运行的夜间任务没有运行")
        out.problems.append(Message(f"night-missed:{due.isoformat()}", "night", "夜间任务没有按时运行",
                                    f"{_local(due, tz)} 应运行的夜间任务没有运行记录。"))
    upcoming = next_fire(settings.nightly_cron, tz, now)
    add(f"下一次夜间任务：{_local(upcoming, tz)}（{settings.nightly_cron}，{tz}）")

    last_probe = session.scalar(select(func.max(Probe.at)))
    every = cron_interval(settings.probe_cron, tz, now)
    if last_probe is None:
        add(f"首页探测：还没有记录（计划每 {every.total_seconds() / 60:.0f} 分钟一次）")
    else:
        late = now - last_probe > 2 * every + timedelta(minutes=5)
        add(f"首页探测：最近一次 {_local(last_probe, tz)}（计划每 {every.total_seconds() / 60:.0f} 分钟一次）"
            + ("，已停止" if late else "，正常"))
        if late:
            out.problems.append(Message(f"probe-stalled:{last_probe.isoformat()}", "probe", "首页探测已停止",
                                        f"最近一次首页探测在 {_local(last_probe, tz)}，"
                                        f"之后超过 {2 * every.total_seconds() / 60:.0f} 分钟没有新的探测。"))

    today = now.astimezone(ZoneInfo(tz)).date()
    if (warning := calendar_warning(today)) is not None:
        add(f"工作日历：{warning}")
        out.problems.append(Message(f"calendar:{calendar_last_year() + 1}", "calendar", "工作日历需要更新", warning))
    else:
        add(f"工作日历：已到 {calendar_last_year()} 年")

    from jobs.alerts import channels_configured

    pending = session.scalar(select(func.count()).select_from(Alert).where(Alert.delivered.is_(False),
                                                                         Alert.text != "")) or 0
    add("告警渠道：" + ("已配置" if channels_configured(settings) else "未配置（ZWGK_ALERT_WEBHOOK_URL 或 ZWGK_ALERT_SMTP_HOST）")
        + (f"，{pending} 条告警未能送达" if pending else ""))
    return out
