"""The web UI in process (Starlette's TestClient over a real migrated database): logins, roles, CSRF,
hostile content, the queue, evidence, false alarms, appeals, and the account and audit commands.

The browser tests against a real server are in test_web_browser.py.
"""

from __future__ import annotations

import io
import re
import warnings
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from starlette.routing import Mount, Route

from assessment.review import decide
from assessment.scoring import Quarter
from assessment.sheets import load_sheet, resolve_scheme
from core.settings import Settings
from storage.accounts import THROTTLE_FAILURES, add_user
from storage.assessment_models import Appeal
from storage.blobs import store_blob
from storage.db import make_engine, make_sessionmaker
from storage.models import AllowEntry, AuditLog, CrawlRun, DeductionEvent, Finding, Jurisdiction, Snapshot, Unit
from storage.web_models import AppealFile, User

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from web.app import create_app

PASSWORD = "correct horse 1"
XSS = "<script>document.title='PWNED'</script><img src=x onerror=alert(1)>"
CAPTURED = ("<html><head><title>t</title><script>parent.document.title='PWNED'</script></head>"
            "<body><p>宣扬法轮功邪教内容</p><a href=\"javascript:alert(1)\">点我</a></body></html>".encode())


def seed(Session) -> dict[str, int]:
    """Two units, a hostile text finding with its captured page, stale columns, accounts of every role."""
    ids: dict[str, int] = {}
    with Session() as s, s.begin():
        j = Jurisdiction(name="云和县", scheme="yunhe-2022", level="county")
        s.add(j)
        s.flush()
        bad = Unit(slug="u-bad", jurisdiction_id=j.id, name=f"县教育局{XSS}", kind="department", portal="javascript:alert(1)")
        good = Unit(slug="u-good", jurisdiction_id=j.id, name="县卫生健康局", kind="department", portal="http://127.0.0.1:9/")
        s.add_all([bad, good])
        s.flush()
        run = CrawlRun(status="finished", finished_at=datetime.now(UTC))
        s.add(run)
        s.flush()
        digest = store_blob(s, CAPTURED)
        snap = Snapshot(crawl_run_id=run.id, unit_id=bad.id, kind="detail", url="http://127.0.0.1:9/a.html", status=200,
                        headers={"Content-Type": "text/html"}, fetched_at=datetime.now(UTC), content_hash=digest,
                        encoding="utf-8")
        s.add(snap)
        s.flush()
        text = Finding(check="text.sensitive", unit_id=bad.id, subject_key="page:http://127.0.0.1:9/a.html#法轮功",
                       subject=f"通知{XSS}", url="javascript:alert(2)", detail=f"页面出现敏感词“法轮功”{XSS}",
                       evidence={"snapshots": [snap.id], "matched": "法轮功", "contexts": [f"宣扬法轮功邪教内容{XSS}"]},
                       first_as_of=date(2024, 9, 30), last_as_of=date(2024, 9, 30))
        s.add(text)
        s.flush()
        ids["text_finding"], ids["snapshot"] = text.id, snap.id
        event = DeductionEvent(finding_id=text.id, unit_id=bad.id, scheme="yunhe-2022", period="2024Q3",
                               check="text.sensitive", category="active", clause="严重错误", points=Decimal(2))
        s.add(event)
        s.flush()
        ids["text_event"] = event.id
        for unit in (bad, good):
            for i in range(3):
                f = Finding(check="column.stale", unit_id=unit.id, subject_key=f"column:{unit.id}{i}", subject=f"栏目{i}",
                            detail="栏目超过 2 周未更新", evidence={}, first_as_of=date(2024, 9, 30),
                            last_as_of=date(2024, 9, 30))
                s.add(f)
                s.flush()
                s.add(DeductionEvent(finding_id=f.id, unit_id=unit.id, scheme="yunhe-2022", period="2024Q3",
                                     check="column.stale", category="active", clause="栏目不更新", points=Decimal(1)))
        s.add(Finding(check="warning.stale_columns", unit_id=good.id, subject_key="unit", subject="不更新栏目",
                      detail="已有 4 个栏目超期未更新，距单项否决线（5 个）仅差 1 个", evidence={},
                      first_as_of=date(2024, 9, 30), last_as_of=date(2024, 9, 30)))
        for name, role in (("admin", "admin"), ("insp", "inspector"), ("view", "viewer")):
            ids[name] = add_user(s, name, role, PASSWORD).id
    return ids


def _web(url: str, tmp_path: Path):
    engine = make_engine(url)
    Session = make_sessionmaker(engine)
    ids = seed(Session)
    settings = Settings(database_url=url, data_dir=tmp_path / "var", upload_dir=tmp_path / "uploads",
                        upload_max_bytes=200_000)
    yield create_app(settings, Session), Session, ids, settings
    engine.dispose()


@pytest.fixture
def web(sqlite_url: str, tmp_path: Path):
    """The app over a seeded SQLite store: (app, sessionmaker, ids, settings)."""
    yield from _web(sqlite_url, tmp_path)


@pytest.fixture
def web_both(db_url: str, tmp_path: Path):
    """The same on SQLite and on PostgreSQL, for the tests whose queries differ most between them."""
    yield from _web(db_url, tmp_path)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def login(app, name: str, password: str = PASSWORD) -> tuple[TestClient, str]:
    client = TestClient(app, follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"csrf": token, "name": name, "password": password, "next": "/"})
    assert r.status_code == 303, r.text
    return client, csrf_of(client.get("/").text)


def states(Session) -> dict[int, str]:
    with Session() as s:
        return dict(s.execute(select(DeductionEvent.id, DeductionEvent.state)).all())


def concrete(path: str) -> str:
    return re.sub(r"\{[^}:]+:int\}", "1", re.sub(r"\{slug\}", "u-good", path))


def test_every_route_refuses_the_unauthenticated(web) -> None:
    app, Session, _, _ = web
    client = TestClient(app, follow_redirects=False)
    checked = 0
    for route in app.routes:
        if isinstance(route, Mount) or route.path == "/login":
            continue  # the login form itself and the stylesheet/script are public
        assert isinstance(route, Route)
        for method in route.methods - {"HEAD"}:
            r = client.request(method, concrete(route.path))
            if method == "GET":
                assert r.status_code == 303 and r.headers["location"].startswith("/login?next="), route.path
            else:
                assert r.status_code == 401, (method, route.path)
            checked += 1
    assert checked >= 19  # every page and action of the UI
    assert states(Session) == {i: "pending" for i in states(Session)}


def test_session_cookie_flags_and_secure_behind_https(web, sqlite_url: str) -> None:
    app, Session, _, settings = web
    client = TestClient(app, follow_redirects=False)
    cookie = client.get("/login").headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower() and "secure" not in cookie.lower()
    https_app = create_app(settings.model_copy(update={"web_https": True}), Session)
    cookie = TestClient(https_app, base_url="https://testserver").get("/login").headers["set-cookie"]
    assert "secure" in cookie.lower()


def test_login_is_throttled_and_logged(web) -> None:
    app, Session, _, _ = web
    client = TestClient(app, follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    for _ in range(THROTTLE_FAILURES):
        r = client.post("/login", data={"csrf": token, "name": "insp", "password": "wrong password"})
        assert r.status_code == 401 and "用户名或密码错误" in r.text
    r = client.post("/login", data={"csrf": token, "name": "insp", "password": PASSWORD})
    assert r.status_code == 401 and "次数过多" in r.text
    assert client.get("/").status_code == 303  # still not logged in
    with Session() as s:
        actions = [a for (a,) in s.execute(select(AuditLog.action).where(AuditLog.actor == "insp"))]
    assert actions.count("login_failed") == THROTTLE_FAILURES + 1 and "login" not in actions
    # another account is not locked by the guesses at this one
    login(app, "view")


def test_login_without_csrf_token_is_refused(web) -> None:
    app, _, _, _ = web
    client = TestClient(app, follow_redirects=False)
    client.get("/login")
    assert client.post("/login", data={"name": "insp", "password": PASSWORD}).status_code == 403


def test_forged_posts_without_csrf_token_change_nothing(web) -> None:
    app, Session, ids, _ = web
    client, token = login(app, "admin")
    before = states(Session)
    forged = [("/events/decide", {"ids": "1", "action": "confirm"}),
              ("/events/decide", {"ids": "1", "action": "confirm", "csrf": "x" + token}),
              (f"/findings/{ids['text_finding']}/false-alarm", {"what": "phrase", "phrase": "法轮功", "reason": "r"})]
    for path, data in forged:
        r = client.post(path, data=data)
        assert r.status_code == 403 and "CSRF" in r.text
    assert states(Session) == before
    with Session() as s:
        assert s.scalar(select(func.count(AllowEntry.id))) == 0


def test_viewer_cannot_change_anything(web) -> None:
    app, Session, ids, _ = web
    with Session() as s, s.begin():  # an entry and a confirmed event the viewer would like to touch
        s.add(AllowEntry(check="text.typo", phrase="某词", created_by="admin", reason="r"))
        decide(s, 2, "confirm", actor="insp")
    before = states(Session)
    client, token = login(app, "view")
    queue = client.get("/").text
    assert "bulk-confirm" not in queue and "row-confirm" not in queue  # no buttons offered …
    posts = [route for route in app.routes if isinstance(route, Route) and "POST" in route.methods
             and route.path not in ("/login", "/logout")]
    assert len(posts) == 5  # decide, false alarm, allow-list removal, file an appeal, decide an appeal
    for route in posts:  # … and every change refused on the server, CSRF token or not
        r = client.post(concrete(route.path), data={"csrf": token, "ids": ["1", "3"], "action": "confirm",
                                                    "one": "confirm:1", "reason": "r", "outcome": "overturn",
                                                    "filed_by": "u", "what": "phrase", "phrase": "x"})
        assert r.status_code == 403, route.path
    assert states(Session) == before
    with Session() as s:
        assert s.scalar(select(func.count(AllowEntry.id))) == 1
        assert s.scalar(select(func.count(Appeal.id))) == 0
        assert s.scalar(select(func.count(AuditLog.id)).where(AuditLog.actor == "view",
                                                             AuditLog.action.not_in(["login", "logout"]))) == 0


def test_hostile_content_is_escaped_and_never_a_link(web) -> None:
    app, _, ids, _ = web
    client, _ = login(app, "insp")
    pages = ["/", f"/findings/{ids['text_finding']}", "/units/u-bad", "/quarter", "/appeals", "/ops", "/audit"]
    for path in pages:
        r = client.get(path)
        assert r.status_code == 200, path
        html = r.text
        assert "<script>document.title" not in html and "<img src=x" not in html, path
        assert not re.search(r"""href\s*=\s*["']?\s*(javascript|data):""", html, re.I), path
        assert "'unsafe-inline'" not in r.headers["content-security-policy"].split("style-src")[0]
        assert "script-src 'self'" in r.headers["content-security-policy"]
    evidence = client.get(f"/findings/{ids['text_finding']}").text
    assert "&lt;script&gt;document.title" in evidence  # shown as text
    assert "<mark>法轮功</mark>" in evidence  # the match highlighted in its context
    frame = re.search(r"<iframe[^>]*>", evidence).group(0)
    assert 'sandbox' in frame and "allow-scripts" not in frame and "allow-same-origin" not in frame
    assert f'src="/raw/snapshots/{ids["snapshot"]}"' in frame


def test_captured_page_comes_from_a_sandboxed_path(web) -> None:
    app, _, ids, _ = web
    client, _ = login(app, "view")
    r = client.get(f"/raw/snapshots/{ids['snapshot']}")
    assert r.status_code == 200 and r.content == CAPTURED  # the stored bytes, as captured
    csp = r.headers["content-security-policy"]
    assert csp.startswith("sandbox;") and "script-src" not in csp and "default-src 'none'" in csp
    assert "allow-scripts" not in csp and "allow-same-origin" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    warc = client.get(f"/snapshots/{ids['snapshot']}/warc")
    assert warc.status_code == 200 and "attachment" in warc.headers["content-disposition"]
    from warcio.archiveiterator import ArchiveIterator

    bodies = [rec.content_stream().read() for rec in ArchiveIterator(io.BytesIO(warc.content)) if rec.rec_type == "response"]
    assert bodies == [CAPTURED]


def test_queue_filters_counts_and_bulk_by_filter(web_both) -> None:
    app, Session, ids, _ = web_both
    client, token = login(app, "insp")
    page = client.get("/?state=pending&unit=u-good").text
    assert page.count('name="ids"') == 3
    assert re.search(r'data-state="pending">待审核 <b class="count">3</b>', page)
    page = client.get("/?state=pending&check=text.sensitive").text
    assert page.count('name="ids"') == 1
    # a reject without a reason changes nothing
    r = client.post("/events/decide", data={"csrf": token, "ids": ["1"], "action": "reject", "reason": ""})
    assert r.status_code == 303 and states(Session)[1] == "pending"
    # "everything this filter shows": the good unit's three, nobody else's
    r = client.post("/events/decide", data={"csrf": token, "scope": "filter", "action": "confirm", "f_state": "pending",
                                            "f_unit": "u-good", "next": "/?state=pending&unit=u-good"})
    assert r.status_code == 303
    with Session() as s:
        good = set(s.scalars(select(DeductionEvent.id).join(Unit).where(Unit.slug == "u-good")))
        rows = s.execute(select(AuditLog.entity_id, AuditLog.actor, AuditLog.action)
                         .where(AuditLog.entity == "deduction_event")).all()
    assert {i for i, st in states(Session).items() if st == "confirmed"} == good
    assert sorted(rows) == sorted((i, "insp", "confirm") for i in good)  # the same audit rows as the CLI's
    counts = client.get("/?state=confirmed").text
    assert re.search(r'data-state="confirmed">已确认 <b class="count">3</b>', counts)
    # warnings deduct nothing: their own list, without decisions
    assert re.search(r'data-state="warning">预警（不扣分） <b class="count">1</b>', counts)
    warned = client.get("/?kind=warning&unit=u-good").text
    assert "距单项否决线（5 个）仅差 1 个" in warned and 'name="ids"' not in warned
    assert "距单项否决线" not in client.get("/?kind=warning&unit=u-bad").text


def test_false_alarm_rejects_allow_lists_and_closes(web) -> None:
    app, Session, ids, _ = web
    client, token = login(app, "insp")
    r = client.post(f"/findings/{ids['text_finding']}/false-alarm",
                    data={"csrf": token, "what": "phrase", "phrase": "法轮功", "url": "javascript:alert(2)", "scope": "unit",
                          "reason": "批判性引用"})
    assert r.status_code == 303
    with Session() as s:
        entry = s.scalar(select(AllowEntry))
        finding = s.get(Finding, ids["text_finding"])
        event = s.get(DeductionEvent, ids["text_event"])
        assert (entry.phrase, entry.created_by, entry.reason, entry.unit_id) == ("法轮功", "insp", "批判性引用", finding.unit_id)
        assert finding.closed_as == "false_alarm" and finding.rectified_on is not None
        assert event.state == "rejected" and "批判性引用" in event.reason
    assert "误报关闭" in client.get(f"/findings/{ids['text_finding']}").text
    # only an admin takes an entry off the list
    assert client.post(f"/allow/{entry.id}/remove", data={"csrf": token, "reason": "r"}).status_code == 403
    admin, admin_token = login(app, "admin")
    assert admin.post(f"/allow/{entry.id}/remove", data={"csrf": admin_token, "reason": "误加"}).status_code == 303
    with Session() as s:
        assert s.scalar(select(func.count(AllowEntry.id))) == 0
        assert s.scalar(select(AuditLog).where(AuditLog.action == "allow_remove")).before["phrase"] == "法轮功"


def _pdf(size: int = 2000) -> bytes:
    return b"%PDF-1.4\n" + b"0" * size


def test_appeal_with_files_decided_and_the_score_follows(web_both) -> None:
    app, Session, ids, settings = web_both
    client, token = login(app, "insp")
    client.post("/events/decide", data={"csrf": token, "ids": [str(ids["text_event"])], "action": "confirm"})
    with Session() as s:
        scheme = resolve_scheme(s, None)
        before = load_sheet(s, Quarter(2024, 3), scheme).unit("u-bad").total
    url = f"/events/{ids['text_event']}/appeal"
    refused = [
        [("files", ("evil.exe", b"MZ\x90\x00", "application/octet-stream"))],  # type not allowed
        [("files", ("fake.pdf", b"MZ\x90\x00" * 10, "application/pdf"))],  # a .pdf that is not a PDF
        [("files", ("big.pdf", _pdf(settings.upload_max_bytes), "application/pdf"))],  # over the limit
    ]
    for files in refused:
        r = client.post(url, data={"csrf": token, "filed_by": "县教育局", "reason": "已整改"}, files=files)
        assert r.status_code == 303
        assert states(Session)[ids["text_event"]] == "confirmed"
    assert not settings.upload_dir.exists() or not any(settings.upload_dir.iterdir())  # nothing kept of refused files
    name = "../../<img src=x onerror=alert(1)>说明.pdf"
    r = client.post(url, data={"csrf": token, "filed_by": "县教育局", "reason": "该词为批判性引用"},
                    files=[("files", (name, _pdf(), "application/pdf")),
                           ("files", ("截图.png", b"\x89PNG\r\n\x1a\n" + b"1" * 50, "image/png"))])
    assert r.status_code == 303 and states(Session)[ids["text_event"]] == "appealed"
    with Session() as s:
        appeal = s.scalar(select(Appeal))
        stored = list(s.scalars(select(AppealFile).order_by(AppealFile.id)))
        assert appeal.filed_by == "县教育局" and len(stored) == 2
        assert load_sheet(s, Quarter(2024, 3), scheme).unit("u-bad").total > before  # an appealed event does not count
    on_disk = sorted(p.name for p in settings.upload_dir.iterdir())
    assert on_disk == sorted(f.stored_name for f in stored) and all(re.fullmatch(r"[0-9a-f]{32}\.(pdf|png)", n) for n in on_disk)
    assert stored[0].original_name == "<img src=x onerror=alert(1)>说明.pdf"  # the path is dropped, the name kept as text
    page = client.get("/appeals").text
    assert "&lt;img src=x onerror=alert(1)&gt;说明.pdf" in page and "<img src=x" not in page
    download = client.get(f"/appeal-files/{stored[0].id}")
    assert download.status_code == 200 and download.content == _pdf()
    assert download.headers["content-type"] == "application/octet-stream"
    assert download.headers["content-disposition"].startswith("attachment;")
    # decide: a reason is required, then overturned, and the deduction no longer counts
    r = client.post(f"/appeals/{appeal.id}/decide", data={"csrf": token, "outcome": "overturn", "reason": ""})
    assert states(Session)[ids["text_event"]] == "appealed"
    r = client.post(f"/appeals/{appeal.id}/decide", data={"csrf": token, "outcome": "overturn", "reason": "引用批判，不扣分"})
    assert r.status_code == 303 and states(Session)[ids["text_event"]] == "rejected"
    with Session() as s:
        assert s.get(Appeal, appeal.id).outcome == "overturned"
        assert load_sheet(s, Quarter(2024, 3), scheme).unit("u-bad").total > before


def test_appeal_outside_the_window_is_refused(web) -> None:
    app, Session, ids, _ = web
    with Session() as s, s.begin():
        decide(s, ids["text_event"], "confirm", actor="insp", now=datetime.now(UTC) - timedelta(days=60))
    client, token = login(app, "insp")
    client.post(f"/events/{ids['text_event']}/appeal", data={"csrf": token, "filed_by": "县教育局", "reason": "迟了"})
    assert states(Session)[ids["text_event"]] == "confirmed"
    assert "已超过复核申请期限" in client.get("/").text  # the refusal is flashed on the next page
    with Session() as s:
        assert s.scalar(select(func.count(Appeal.id))) == 0


def test_quarter_page_charts_and_export(web_both) -> None:
    app, Session, _, _ = web_both
    client, token = login(app, "insp")
    client.post("/events/decide", data={"csrf": token, "ids": ["2", "3"], "action": "confirm"})
    page = client.get("/quarter?q=2024Q3").text
    assert page.count("<svg") >= 4 and "各单位得分" in page and "县卫生健康局" in page
    assert "&lt;script&gt;document.title" in page  # the hostile unit name, escaped inside the SVG too
    r = client.get("/export?q=2024Q3")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(r.content))
    assert len(book.worksheets) >= 2
    with Session() as s:
        assert s.scalar(select(AuditLog).where(AuditLog.action == "export")).actor == "insp"


def test_users_add_reads_the_password_twice_and_keeps_only_a_hash(sqlite_url: str) -> None:
    from zwgk.cli import main

    env = {"ZWGK_DATABASE_URL": sqlite_url}
    runner = CliRunner()
    r = runner.invoke(main, ["users", "add", "张三", "--role", "inspector"], input="s3cret-pass\ns3cret-pass\n", env=env)
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["users", "add", "李四", "--role", "viewer"], input="s3cret-pass\nother-pass\n", env=env)
    assert r.exit_code == 2 and "两行相同" in r.output
    r = runner.invoke(main, ["users", "add", "王五", "--role", "boss"], input="s3cret-pass\ns3cret-pass\n", env=env)
    assert r.exit_code == 2
    engine = make_engine(sqlite_url)
    with make_sessionmaker(engine)() as s:
        users = list(s.scalars(select(User)))
        assert [(u.name, u.role) for u in users] == [("张三", "inspector")]
        assert users[0].password_hash.startswith("$argon2id$") and "s3cret" not in users[0].password_hash
    engine.dispose()
    out = runner.invoke(main, ["audit", "--action", "user_add", "--format", "jsonl"], env=env).output
    assert '"actor": "cli"' in out and "张三" in out


def test_audit_page_and_command_show_decisions(web) -> None:
    app, Session, _, settings = web
    client, token = login(app, "insp")
    client.post("/events/decide", data={"csrf": token, "ids": ["1"], "action": "reject", "reason": "栏目已迁移"})
    page = client.get("/audit?action=reject").text
    assert "栏目已迁移" in page and "驳回" in page
    assert "状态：待审核" in page and "状态：已驳回" in page  # before and after, by their Chinese names
    from zwgk.cli import main

    out = CliRunner().invoke(main, ["audit", "--actor", "insp"], env={"ZWGK_DATABASE_URL": settings.database_url}).output
    assert "reject" in out and "login" in out and "栏目已迁移" in out


@pytest.mark.parametrize(("context", "matched", "html"), [
    ("推广【网络赌．博】和", "网络赌博", "推广<mark>网络赌．博</mark>和"),  # the check's own brackets win
    ("【通知】发布【台独】言论", "台独", "【通知】发布<mark>台独</mark>言论"),
    ("前文<b>台独</b>后文", "台独", "前文&lt;b&gt;<mark>台独</mark>&lt;/b&gt;后文"),
    ("【<script>】x", None, "<mark>&lt;script&gt;</mark>x"),
    ("没有命中", "台独", "没有命中"),
])
def test_highlight_marks_the_match_and_escapes_the_rest(context: str, matched: str | None, html: str) -> None:
    from web.app import highlight

    assert str(highlight(context, matched)) == html


@pytest.mark.parametrize(("url", "link"), [
    ("http://a.gov.cn/x", True), ("HTTPS://a.gov.cn/", True), ("javascript:alert(1)", False), (" JavaScript:alert(1)", False),
    ("data:text/html,<script>", False), ("vbscript:x", False), ("//evil.example/", False), ("http://a\n.gov.cn", False),
    (None, False), ("", False),
])
def test_only_http_urls_become_links(url: str | None, link: bool) -> None:
    from web.app import safe_url

    assert (safe_url(url) is not None) == link


def test_one_address_guessing_many_names_is_slowed(web) -> None:
    from web.app import CLIENT_FAILURES

    app, _, _, _ = web
    client = TestClient(app, follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    for i in range(CLIENT_FAILURES):
        r = client.post("/login", data={"csrf": token, "name": f"guess{i}", "password": "x" * 9})
        assert "用户名或密码错误" in r.text
    r = client.post("/login", data={"csrf": token, "name": "insp", "password": PASSWORD})
    assert r.status_code == 401 and "该地址" in r.text


def test_zwgk_serve_starts_the_ui(sqlite_url: str, tmp_path: Path) -> None:
    """The command itself, as an ops person starts it: a real server process on 127.0.0.1."""
    import os
    import subprocess
    import sys
    import time

    import httpx

    from fixtures.farm import closed_port

    port = closed_port()
    env = {**os.environ, "ZWGK_DATABASE_URL": sqlite_url, "ZWGK_DATA_DIR": str(tmp_path / "var")}
    proc = subprocess.Popen([sys.executable, "-m", "zwgk", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(100):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/", follow_redirects=False, timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert r.status_code == 303 and r.headers["location"] == "/login?next=/"
        login_page = httpx.get(f"http://127.0.0.1:{port}/login", timeout=2)
        assert "登录" in login_page.text and "httponly" in login_page.headers["set-cookie"].lower()
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in out
    assert (tmp_path / "var" / "web_secret").stat().st_mode & 0o077 == 0  # the session key is the owner's only


def test_false_alarm_holds_on_the_next_check(cli, crawled, tmp_path: Path) -> None:
    """On the real crawled farm: allow-list a sensitive-word finding from the UI, run the check again."""
    Session_, _, settings = crawled
    with Session_() as s, s.begin():
        add_user(s, "insp", "inspector", PASSWORD)
    with Session_() as s:
        finding = s.scalars(select(Finding).where(Finding.check == "text.sensitive").order_by(Finding.id)).first()
        assert finding is not None and finding.evidence.get("matched")
        finding_id, word = finding.id, finding.evidence["matched"]
    app = create_app(settings.model_copy(update={"data_dir": tmp_path / "var"}), Session_)
    client, token = login(app, "insp")
    r = client.post(f"/findings/{finding_id}/false-alarm",
                    data={"csrf": token, "what": "phrase", "phrase": word, "scope": "unit", "reason": "报道打击违法活动"})
    assert r.status_code == 303
    cli("check", "--as-of", "2024-09-30")
    with Session_() as s:
        again = s.get(Finding, finding_id)
        assert again.closed_as == "false_alarm" and again.rectified_on is not None  # not reopened
        same = s.scalars(select(Finding).where(Finding.check == "text.sensitive", Finding.unit_id == again.unit_id,
                                               Finding.subject_key == again.subject_key)).all()
        assert [f.id for f in same] == [finding_id]  # and not found anew
        assert {e.state for e in again.events} == {"rejected"}


def test_a_disabled_account_is_logged_out_at_once(web) -> None:
    from zwgk.cli import main

    app, _, _, settings = web
    client, _ = login(app, "insp")
    assert client.get("/").status_code == 200
    env = {"ZWGK_DATABASE_URL": settings.database_url}
    assert CliRunner().invoke(main, ["users", "disable", "insp"], env=env).exit_code == 0
    r = client.get("/")
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    listed = CliRunner().invoke(main, ["users", "list", "--format", "jsonl"], env=env).output
    assert '"name": "insp"' in listed and '"active": false' in listed and "argon2" not in listed
    assert CliRunner().invoke(main, ["users", "disable", "insp", "--enable"], env=env).exit_code == 0
    login(app, "insp")
