"""New-media collectors: accounts read from RSS/Atom feeds (an RSSHub instance is the usual source)
or from a web page listing posts, rendered in Debian's Chromium through Playwright.

A collector that fails (expired token, blocked, 418/429, a feed that does not parse) leaves a failed
snapshot and no posts: the coverage report names it and `newmedia.stale` does not judge the account.
"""

from __future__ import annotations

import asyncio
import calendar
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import time as dtime
from zoneinfo import ZoneInfo

import feedparser
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.settings import CHROMIUM_ARGS, Settings
from core.text import clean_text
from core.vocab import FailureKind
from crawler.egress import EgressPolicy, EgressRefused
from crawler.extract.listing import extract_entries, parse_html
from crawler.failures import from_browser_error, from_collector_status, from_exception
from crawler.httpfetch import client, read_capped
from crawler.plan import egress_policy
from storage.blobs import store_blob
from storage.clock import utcnow
from storage.evidence_store import EvidenceStore, open_store
from storage.models import NewMediaAccount, Post, Snapshot, Unit

FEED_KIND, PAGE_KIND = "feed", "media_page"
_CHINA = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class CollectedPost:
    title: str
    url: str
    published_at: datetime | None


@dataclass
class Collected:
    """One collector run for one account: the raw answer and the posts read from it, or why not."""

    account_id: int
    kind: str
    url: str
    fetched_at: datetime
    status: int | None = None
    headers: dict[str, list[str]] = field(default_factory=dict)
    body: bytes = b""
    error_kind: FailureKind | None = None
    error_detail: str | None = None
    elapsed_ms: int | None = None
    posts: list[CollectedPost] = field(default_factory=list)


def parse_feed(body: bytes, base_url: str) -> tuple[list[CollectedPost], str | None]:
    """Posts of an RSS/Atom feed; an error text when it is not a readable feed."""
    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    if parsed.bozo and not parsed.entries:
        return [], f"{type(parsed.bozo_exception).__name__}: {parsed.bozo_exception}"[:300]
    if not parsed.entries and not parsed.feed.get("title"):
        return [], "不是 RSS/Atom 订阅源"
    posts = []
    for entry in parsed.entries:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        when = datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None
        posts.append(CollectedPost(clean_text(entry.get("title") or "").strip(), entry.get("link") or base_url, when))
    return posts, None


async def collect_feed(http, account_id: int, url: str, deadline: float = 15.0,
                       max_bytes: int = 20 * 1024 * 1024) -> Collected:
    """One feed, read within `deadline` seconds in all and at most `max_bytes` (decoded) kept."""
    fetched_at = utcnow()
    started = time.monotonic()
    try:
        async with asyncio.timeout(deadline), http.stream("GET", url) as response:
            body, cut = await read_capped(response, max_bytes)
    except Exception as exc:
        return Collected(account_id, FEED_KIND, url, fetched_at, error_kind=from_exception(exc),
                         error_detail=f"{type(exc).__name__}: {exc}"[:500])
    out = Collected(account_id, FEED_KIND, url, fetched_at, status=response.status_code,
                    headers={k: [v] for k, v in response.headers.items()}, body=body,
                    elapsed_ms=int((time.monotonic() - started) * 1000))
    if cut:
        out.error_kind, out.error_detail = FailureKind.TOO_LARGE, f"订阅源超过 {max_bytes} 字节，只保留了开头"
        return out
    out.error_kind = from_collector_status(response.status_code)
    if out.error_kind:
        out.error_detail = f"HTTP {response.status_code}"
        return out
    out.posts, problem = parse_feed(body, str(response.url))
    if problem:
        out.error_kind, out.error_detail = FailureKind.MALFORMED, problem
    return out


def _day_start(day) -> datetime:
    return datetime.combine(day, dtime(0, 0), _CHINA).astimezone(UTC)


def collect_pages(targets: list[tuple[int, str]], settings: Settings,
                  policy: EgressPolicy | None = None) -> list[Collected]:
    """Render each page in Chromium and read its post list like a column's list page. The page and
    every request it makes (scripts, frames, XHR, redirects) obey the egress policy."""
    if not targets:
        return []
    policy = policy or EgressPolicy()

    def route(r) -> None:  # playwright.sync_api.Route
        r.continue_() if policy.allows(r.request.url) else r.abort("blockedbyclient")

    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=settings.chromium_path, headless=True, args=CHROMIUM_ARGS)
        try:
            # a certificate browsers would warn about still shows the page (see crawler.httpfetch)
            context = browser.new_context(user_agent=settings.user_agent, ignore_https_errors=True)
            context.route("**/*", route)
            for account_id, url in targets:
                fetched_at = utcnow()
                started = time.monotonic()
                try:
                    policy.check_sync(url)
                except EgressRefused as refused:
                    results.append(Collected(account_id, PAGE_KIND, url, fetched_at, error_kind=FailureKind.EGRESS,
                                             error_detail=refused.reason))
                    continue
                page = context.new_page()
                try:
                    response = page.goto(url, wait_until="networkidle", timeout=settings.download_timeout * 1000)
                    html = page.content()
                except PlaywrightError as exc:
                    text = str(exc)
                    results.append(Collected(account_id, PAGE_KIND, url, fetched_at, error_kind=from_browser_error(text),
                                             error_detail=text.splitlines()[0][:500]))
                    page.close()
                    continue
                finally:
                    elapsed = int((time.monotonic() - started) * 1000)
                status = response.status if response else None
                out = Collected(account_id, PAGE_KIND, url, fetched_at, status=status,
                                headers={k: [v] for k, v in (response.headers if response else {}).items()},
                                body=html.encode("utf-8"), elapsed_ms=elapsed)
                out.error_kind = from_collector_status(status) if status else None
                if out.error_kind:
                    out.error_detail = f"HTTP {status}"
                else:
                    # 3天前 / 昨天 12:30 on a post list: counted from the capture day in China
                    today = fetched_at.astimezone(ZoneInfo("Asia/Shanghai")).date()
                    entries = extract_entries(parse_html(html), page.url, today=today)
                    out.posts = [CollectedPost(e.title, e.url, _day_start(e.publish_date) if e.publish_date else None)
                                 for e in entries]
                page.close()
                results.append(out)
        finally:
            browser.close()
    return results


async def _collect_feeds(targets: list[tuple[int, str]], settings: Settings,
                         policy: EgressPolicy | None = None) -> list[Collected]:
    limit = asyncio.Semaphore(settings.per_host_concurrency)
    async with client(settings.user_agent, settings.download_timeout, policy or EgressPolicy()) as http:
        async def guarded(account_id: int, url: str) -> Collected:
            async with limit:
                return await collect_feed(http, account_id, url, settings.download_timeout, settings.max_body_bytes)

        return list(await asyncio.gather(*(guarded(a, u) for a, u in targets)))


def store_collected(session: Session, run_id: int, unit_of: dict[int, int], item: Collected,
                    store: EvidenceStore | None = None) -> None:
    snap = session.scalar(select(Snapshot).where(Snapshot.crawl_run_id == run_id, Snapshot.url == item.url,
                                                 Snapshot.kind == item.kind))
    if snap is not None:  # collected again in the same run (or one feed shared by two accounts): keep the first
        _store_posts(session, run_id, item, snap.id)
        return
    digest = store_blob(session, item.body, store=store) if item.status is not None else None
    snap = Snapshot(crawl_run_id=run_id, unit_id=unit_of[item.account_id], kind=item.kind, url=item.url,
                    final_url=item.url, status=item.status, headers=item.headers, fetched_at=item.fetched_at,
                    error_kind=item.error_kind, error_detail=item.error_detail, content_hash=digest,
                    rendered=item.kind == PAGE_KIND, elapsed_ms=item.elapsed_ms)
    session.add(snap)
    session.flush()
    _store_posts(session, run_id, item, snap.id)


def _store_posts(session: Session, run_id: int, item: Collected, snapshot_id: int) -> None:
    known = {p.url: p for p in session.scalars(select(Post).where(Post.account_id == item.account_id))}
    for post in item.posts:
        row = known.get(post.url)
        if row is None:
            row = Post(account_id=item.account_id, url=post.url, title=post.title, first_seen_run_id=run_id)
            session.add(row)
            known[post.url] = row
        row.title, row.snapshot_id, row.last_seen_run_id = post.title, snapshot_id, run_id
        if post.published_at is not None:
            row.published_at = post.published_at


def collect_new_media(settings: Settings, Session_: sessionmaker[Session], run_id: int,
                      unit_slugs: list[str] | None = None) -> list[Collected]:
    with Session_() as session:
        query = (select(NewMediaAccount.id, NewMediaAccount.unit_id, NewMediaAccount.feed, NewMediaAccount.page)
                 .join(Unit).where(NewMediaAccount.active.is_(True), Unit.active.is_(True)))
        if unit_slugs:
            query = query.where(Unit.slug.in_(unit_slugs))
        accounts = session.execute(query.order_by(NewMediaAccount.id)).all()
        policy = egress_policy(session, settings)
    unit_of = {a.id: a.unit_id for a in accounts}
    feeds = [(a.id, a.feed) for a in accounts if a.feed]
    pages = [(a.id, a.page) for a in accounts if a.page and not a.feed]
    results = asyncio.run(_collect_feeds(feeds, settings, policy)) if feeds else []
    results += collect_pages(pages, settings, policy)
    store = open_store(settings)
    with Session_() as session, session.begin():
        for item in results:
            store_collected(session, run_id, unit_of, item, store)
    return results
