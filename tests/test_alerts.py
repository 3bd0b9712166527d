"""Alerts by webhook (generic JSON, 企业微信, 钉钉) and mail, against a local HTTP receiver and a local SMTP
server on 127.0.0.1: a failed night and veto-level findings are announced, each thing only once."""

from __future__ import annotations

import json
import threading
from datetime import date
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner
from sqlalchemy import select

from jobs.alerts import Message, findings_message, night_alerts, send_alert
from jobs.runs import exclusive_run
from jobs.status import calendar_warning
from storage.db import make_engine, make_sessionmaker
from storage.ops_models import Alert
from tests.conftest import settings_for
from zwgk.cli import main


class Receiver:
    """A webhook endpoint: records every JSON body; answers like the robots do ({"errcode": 0})."""

    def __init__(self, errcode: int = 0):
        self.bodies: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                receiver.bodies.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                body = json.dumps({"errcode": errcode, "errmsg": "ok" if not errcode else "keyword not found"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def smtp():
    from fixtures.farm import closed_port

    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=closed_port())
    controller.start()
    yield controller, box
    controller.stop()


def test_failed_night_is_announced_once_by_webhook_and_mail(sqlite_url: str, receiver: Receiver, smtp) -> None:
    controller, box = smtp
    settings = settings_for(sqlite_url, alert_webhook_url=receiver.url, alert_smtp_host="127.0.0.1",
                            alert_smtp_port=controller.port, alert_mail_to="ops@example.gov.cn, lead@example.gov.cn")
    Session = make_sessionmaker(make_engine(sqlite_url))
    with pytest.raises(RuntimeError), exclusive_run(settings, Session, "night", trigger="schedule") as run:
        raise RuntimeError("抓取进程无法启动")
    assert night_alerts(settings, Session, run.id) == ["sent"]
    assert night_alerts(settings, Session, run.id) == ["duplicate"]  # never the same alert twice
    assert len(receiver.bodies) == 1
    body = receiver.bodies[0]
    assert body["kind"] == "night" and body["title"] == "夜间任务失败" and "抓取进程无法启动" in body["text"]
    assert len(box.messages) == 1
    rcpt, mail = box.messages[0]
    assert rcpt == ["ops@example.gov.cn", "lead@example.gov.cn"]
    assert mail["Subject"] == "【zwgk】夜间任务失败" and "抓取进程无法启动" in mail.get_content()


@pytest.mark.parametrize("fmt", ["wecom", "dingtalk"])
def test_robot_formats_and_refusal(sqlite_url: str, fmt: str) -> None:
    Session = make_sessionmaker(make_engine(sqlite_url))
    refusing = Receiver(errcode=310000)
    try:
        settings = settings_for(sqlite_url, alert_webhook_url=refusing.url, alert_webhook_format=fmt)
        message = Message("calendar:2027", "calendar", "工作日历需要更新", "请升级 chinesecalendar")
        assert send_alert(settings, Session, message) == "failed"  # the robot said no: kept, tried again
        assert refusing.bodies[0] == {"msgtype": "text", "text": {"content": "【zwgk】工作日历需要更新\n请升级 chinesecalendar"}}
    finally:
        refusing.close()
    ok = Receiver()
    try:
        settings = settings_for(sqlite_url, alert_webhook_url=ok.url, alert_webhook_format=fmt)
        assert send_alert(settings, Session, message) == "sent"
        assert send_alert(settings, Session, message) == "duplicate"
        assert len(ok.bodies) == 1
    finally:
        ok.close()
    with Session() as s:
        alert = s.scalar(select(Alert).where(Alert.key == "calendar:2027"))
        assert alert.delivered and alert.channels == {"webhook": "ok"}


def test_veto_level_findings_are_announced_once(cli, crawled, receiver: Receiver) -> None:
    Session, _, settings = crawled
    settings = settings.model_copy(update={"alert_webhook_url": receiver.url})
    with Session() as s:
        found = findings_message(s)
    assert found is not None
    message, keys = found
    # yunhe-2022's single veto counts text.typo; warnings below the veto lines are always announced
    assert "可能导致单项否决" in message.text and keys
    assert send_alert(settings, Session, message, also_keys=keys) == "sent"
    with Session() as s:
        assert findings_message(s) is None  # nothing new: nothing to say
    assert len(receiver.bodies) == 1 and receiver.bodies[0]["kind"] == "findings"


def test_status_alert_sends_the_calendar_warning_once(sqlite_url: str, receiver: Receiver) -> None:
    env = {"ZWGK_DATABASE_URL": sqlite_url, "ZWGK_ALERT_WEBHOOK_URL": receiver.url}
    outs = [CliRunner().invoke(main, ["status", "--alert"], env=env) for _ in range(2)]
    if calendar_warning(date.today()) is None:
        pytest.skip("the calendar warning is due only in December of the calendar's last year")
    assert outs[0].exit_code == 1 and "告警 工作日历需要更新：已发送" in outs[0].output
    assert "告警 工作日历需要更新：此前已发送" in outs[1].output
    assert [b["kind"] for b in receiver.bodies] == ["calendar"]


@pytest.mark.parametrize(("today", "last_year", "warned"), [
    (date(2026, 11, 30), 2026, False),
    (date(2026, 12, 1), 2026, True),
    (date(2026, 12, 1), 2027, False),
    (date(2027, 1, 5), 2026, True),
])
def test_calendar_warning_from_the_first_of_december(today: date, last_year: int, warned: bool) -> None:
    assert (calendar_warning(today, last_year) is not None) == warned


def test_the_schedulers_watchdog_announces_a_failed_night_once(sqlite_url: str, receiver: Receiver,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from core.settings import get_settings
    from scheduler.nightly import watchdog_job

    Session = make_sessionmaker(make_engine(sqlite_url))
    with pytest.raises(RuntimeError), exclusive_run(settings_for(sqlite_url), Session, "night", trigger="schedule"):
        raise RuntimeError("数据库磁盘已满")
    monkeypatch.setenv("ZWGK_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("ZWGK_ALERT_WEBHOOK_URL", receiver.url)
    get_settings.cache_clear()
    try:
        watchdog_job()
        watchdog_job()
    finally:
        get_settings.cache_clear()
    kinds = [b["kind"] for b in receiver.bodies]
    assert kinds.count("night") == 1 and "scheduler" not in kinds
    assert "数据库磁盘已满" in next(b["text"] for b in receiver.bodies if b["kind"] == "night")
