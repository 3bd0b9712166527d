"""The Starlette application: login, sessions, CSRF, roles, security headers, and the page decorator
every other route goes through.

Every route except `/login` and `/static/…` is registered with `WebApp.page`, which loads the logged-in
user, refuses anyone without the route's role, checks the CSRF token of every POST, and runs the
handler in a thread with one database session that commits only when the handler returns.
"""

from __future__ import annotations

import hmac
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.settings import Settings
from core.urls import readable
from storage.accounts import AccountError, authenticate
from storage.web_models import User
from web import names

HERE = Path(__file__).resolve().parent
RANK = {"viewer": 0, "inspector": 1, "admin": 2}
# The UI's own pages: nothing but its own script and styles, never framed by anyone else.
UI_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
          "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
MAX_FORM_FILES = 5
CLIENT_FAILURES, CLIENT_WINDOW = 20, 15 * 60.0  # failed logins from one address within this many seconds


def safe_url(value: str | None) -> str | None:
    """A crawled URL that may become a link: http(s) only, so `javascript:` and `data:` never do."""
    if not value:
        return None
    text = value.strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    return text if scheme in ("http", "https") and not any(ch in text for ch in "\r\n\t") else None


_BRACKETED = re.compile(r"【([^【】]*)】")


def highlight(context: str | None, matched: str | None) -> Markup:
    """`context` escaped, with the match marked: the checks put it in 【】 (checks.text.context); a context
    without them gets every occurrence of `matched` marked."""
    if not context:
        return Markup("")
    spans = list(_BRACKETED.finditer(context))
    if spans:
        hit = next((m for m in spans if m.group(1) == matched), spans[0])
        return (escape(context[:hit.start()]) + Markup("<mark>%s</mark>") % hit.group(1)
                + escape(context[hit.end():]))
    if not matched or matched not in context:
        return escape(context)
    return (Markup("<mark>%s</mark>") % matched).join(escape(part) for part in context.split(matched))


@dataclass
class Ctx:
    """What a page handler gets: the request, its parsed form, one DB session and the logged-in user."""

    web: WebApp
    request: Request
    session: Session
    user: User
    form: FormData | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        return self.web.render(self.request, template, status=status, user=self.user, **values)

    def value(self, name: str, default: str = "") -> str:
        source = self.form if self.form is not None else self.request.query_params
        raw = source.get(name, default)
        return raw.strip() if isinstance(raw, str) else default

    def values(self, name: str) -> list[str]:
        """Every text value a form field sent (checkboxes)."""
        return [v for v in (self.form.getlist(name) if self.form is not None else []) if isinstance(v, str)]

    def files(self, name: str) -> list[UploadFile]:
        """The files a form field sent, without the empty ones a browser sends for "no file chosen"."""
        found = self.form.getlist(name) if self.form is not None else []
        return [f for f in found if isinstance(f, UploadFile) and f.filename]

    def flash(self, message: str, kind: str = "ok") -> None:
        self.request.session.setdefault("flash", []).append([kind, message])

    def back(self, fallback: str = "/") -> RedirectResponse:
        """Redirect to the form's `next` (a local path only) or `fallback`."""
        target = self.value("next") or fallback
        if not target.startswith("/") or target.startswith("//") or "\\" in target:
            target = fallback
        return RedirectResponse(target, status_code=303)

    def require(self, role: str) -> None:
        if RANK[self.user.role] < RANK[role]:
            raise Forbidden()


class Forbidden(Exception):
    pass


class SecurityHeaders:
    """Headers on every response; a route that sets its own Content-Security-Policy keeps it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                defaults = [(b"content-security-policy", UI_CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY"),
                            (b"cache-control", b"no-store")]
                headers += [(k, v) for k, v in defaults if k not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class WebApp:
    def __init__(self, settings: Settings, Session: sessionmaker[Session]) -> None:
        self.settings = settings
        self.Session = Session
        self.zone = ZoneInfo(settings.timezone)
        self.routes: list[Route | Mount] = []
        self.failures: dict[str, list[float]] = {}  # client address -> monotonic times of failed logins
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(names=names, check_name=names.check_name, state_name=names.state_name,
                                category_name=names.category_name, safe_url=safe_url, RANK=RANK,
                                upload_mb=settings.upload_max_bytes // (1024 * 1024))
        self.env.filters.update(local=self.local, highlight=highlight, safe_url=safe_url, readable=readable)

    def local(self, value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        return value.astimezone(self.zone).strftime(fmt) if value else ""

    def render(self, request: Request, template: str, *, status: int = 200, **values: Any) -> HTMLResponse:
        flashes = request.session.pop("flash", []) if "session" in request.scope else []
        csrf = request.session.get("csrf", "") if "session" in request.scope else ""
        html = self.env.get_template(template).render(request=request, csrf=csrf, flashes=flashes, **values)
        return HTMLResponse(html, status_code=status)

    def page(self, path: str, *, methods: tuple[str, ...] = ("GET",), role: str = "viewer",
             name: str | None = None) -> Callable[[Callable[[Ctx], Response]], Callable[[Ctx], Response]]:
        """Register a handler; the role is the least one that may call it (viewer < inspector < admin)."""

        def register(handler: Callable[[Ctx], Response]) -> Callable[[Ctx], Response]:
            async def endpoint(request: Request) -> Response:
                form = None
                if request.method == "POST":
                    limit = self.settings.upload_max_bytes * MAX_FORM_FILES + 1024 * 1024
                    if int(request.headers.get("content-length") or 0) > limit:
                        return PlainTextResponse("提交的内容过大", status_code=413)
                    form = await request.form(max_files=MAX_FORM_FILES, max_fields=20_000)
                try:
                    return await run_in_threadpool(self._serve, handler, role, request, form)
                finally:
                    if form is not None:
                        await form.close()

            self.routes.append(Route(path, endpoint, methods=list(methods), name=name or handler.__name__))
            return handler

        return register

    def _serve(self, handler: Callable[[Ctx], Response], role: str, request: Request, form: FormData | None) -> Response:
        uid = request.session.get("uid")
        with self.Session() as session:
            user = session.get(User, uid) if isinstance(uid, int) else None
            if user is None or not user.active or request.session.get("pw") != user.password_hash[-16:]:
                request.session.clear()
                if request.method == "GET":
                    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                    return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
                return PlainTextResponse("请先登录", status_code=401)
            if request.method == "POST":
                token = form.get("csrf") if form is not None else None
                if not isinstance(token, str) or not hmac.compare_digest(token, request.session.get("csrf", "")):
                    return PlainTextResponse("表单已失效或来源不明（CSRF 校验失败），请刷新页面后重试", status_code=403)
            ctx = Ctx(self, request, session, user, form, dict(request.path_params))
            try:
                if RANK[user.role] < RANK[role]:
                    raise Forbidden()
                response = handler(ctx)
            except Forbidden:
                session.rollback()
                return self.render(request, "forbidden.html", status=403, user=user)
            session.commit()
            return response

    # --- login and logout: the only handlers outside `page` ---

    def login_page(self, request: Request) -> Response:
        if "csrf" not in request.session:
            request.session["csrf"] = secrets.token_urlsafe(32)
        return self.render(request, "login.html", next=request.query_params.get("next", "/"), error=None, user=None)

    async def login_post(self, request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=10)
        token = form.get("csrf")
        if not isinstance(token, str) or not hmac.compare_digest(token, request.session.get("csrf", "")):
            return PlainTextResponse("表单已失效或来源不明（CSRF 校验失败），请刷新页面后重试", status_code=403)
        name, password = str(form.get("name", "")), str(form.get("password", ""))
        client = request.client.host if request.client else ""
        user, error = await run_in_threadpool(self._login, name, password, client)
        nxt = str(form.get("next") or "/")
        if not nxt.startswith("/") or nxt.startswith("//") or "\\" in nxt:
            nxt = "/"
        if user is None:
            return self.render(request, "login.html", status=401, next=nxt, error=error, user=None)
        request.session.clear()  # a fresh session (and CSRF token) for the logged-in user
        request.session.update(uid=user.id, pw=user.password_hash[-16:], csrf=secrets.token_urlsafe(32))
        return RedirectResponse(nxt, status_code=303)

    def _login(self, name: str, password: str, client: str) -> tuple[User | None, str | None]:
        # besides the per-name throttle (storage.accounts): one address guessing at many names is slowed too
        now = time.monotonic()
        recent = [t for t in self.failures.get(client, []) if now - t < CLIENT_WINDOW]
        self.failures[client] = recent
        if len(recent) >= CLIENT_FAILURES:
            return None, "该地址登录失败次数过多，请稍后再试"
        with self.Session() as session:
            try:
                user = authenticate(session, name, password, client=client)
            except AccountError as exc:
                session.commit()  # the failed attempt is kept: it feeds the throttle and the audit log
                self.failures[client].append(now)
                return None, str(exc)
            session.commit()
            return user, None

    def build(self) -> Starlette:
        web = self

        @self.page("/logout", methods=("POST",))
        def logout(ctx: Ctx) -> Response:
            from storage.models import AuditLog

            ctx.session.add(AuditLog(actor=ctx.user.name, action="logout", entity="user", entity_id=ctx.user.id))
            ctx.request.session.clear()
            return RedirectResponse("/login", status_code=303)

        routes = [
            Route("/login", web.login_page, methods=["GET"], name="login"),
            Route("/login", web.login_post, methods=["POST"], name="login_post"),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
            *self.routes,
        ]
        middleware = [
            Middleware(SecurityHeaders),
            Middleware(SessionMiddleware, secret_key=secret_key(self.settings), session_cookie="zwgk_session",
                       max_age=self.settings.session_hours * 3600, same_site="lax", https_only=self.settings.web_https),
        ]
        return Starlette(routes=routes, middleware=middleware)


def secret_key(settings: Settings) -> str:
    """The configured key, or one made once and kept (owner-only) in the data directory."""
    if settings.web_secret_key:
        return settings.web_secret_key
    path = settings.resolved_data_dir() / "web_secret"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(48), encoding="ascii")
    return path.read_text(encoding="ascii").strip()


def create_app(settings: Settings, Session: sessionmaker[Session]) -> Starlette:
    from web import appeals, overview, review

    web = WebApp(settings, Session)
    review.register(web)
    appeals.register(web)
    overview.register(web)
    return web.build()
