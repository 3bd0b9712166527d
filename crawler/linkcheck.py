"""After a crawl: check every link target of tonight's pages that the crawl itself did not fetch.

HEAD first (cheap); GET when the server refuses HEAD or answers with an error, since many portal
servers mishandle HEAD. Transient failures are retried with a growing pause. Each outcome is one
append-only `link_checks` row; `link.broken` needs several nights of them before it speaks.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.progress import Progress
from core.settings import Settings
from core.vocab import FailureKind
from crawler.egress import EgressPolicy
from crawler.failures import from_exception, from_status
from crawler.httpfetch import client, read_capped
from crawler.plan import egress_policy
from storage.clock import utcnow
from storage.link_models import LinkCheck, PageLink
from storage.models import Snapshot


@dataclass(frozen=True)
class LinkOutcome:
    unit_id: int
    url: str
    method: str
    status: int | None
    error_kind: str | None
    elapsed_ms: int


_PEEK = 16384  # the start is enough to see a WAF notice; never read whole files
# a page a script writes per record (show.asp?id=…, detail.aspx?…) answers a deleted record with 200 and a notice
# (crawler.failures.is_gone_notice): a HEAD cannot tell, its body must be read
_DYNAMIC_PAGE = (".asp", ".aspx", ".php", ".jsp", ".jspx", ".do", ".action", ".cgi")
_NOT_RETRIED = (FailureKind.DNS, FailureKind.REFUSED, FailureKind.EGRESS)


async def _once(http: httpx.AsyncClient, method: str, url: str,
                deadline: float) -> tuple[int | None, FailureKind | None]:
    """One request under a total deadline (connect, headers and the peek together)."""
    try:
        async with asyncio.timeout(deadline):
            if method == "HEAD":
                response = await http.head(url)
                return response.status_code, from_status(response.status_code, asked=url, final=str(response.url))
            async with http.stream("GET", url) as response:
                peek, _ = await read_capped(response, _PEEK)
                return response.status_code, from_status(response.status_code, peek.decode("utf-8", "replace"),
                                                         asked=url, final=str(response.url))
    except Exception as exc:
        return None, from_exception(exc)


async def check_link(http: httpx.AsyncClient, unit_id: int, url: str, retries: int, pause: float,
                     deadline: float = 15.0) -> LinkOutcome:
    """HEAD, then GET, then retries of transient failures; each request within `deadline` seconds and
    the whole link within twice that, however slowly the server drips its answer."""
    started = time.monotonic()
    method, status = "HEAD", None
    kind: FailureKind | None = FailureKind.TIMEOUT
    try:
        async with asyncio.timeout(2 * deadline):
            status, kind = await _once(http, "HEAD", url, deadline)
            if (kind is not None and kind not in _NOT_RETRIED) or (kind is None and _dynamic(url)):
                method = "GET"  # HEAD refused (405/501), mishandled or failed, or blind to the body: ask properly
                status, kind = await _once(http, "GET", url, deadline)
            attempt = 0
            while attempt < retries and (kind in (FailureKind.TIMEOUT, FailureKind.CONNECTION) or (status or 0) >= 500):
                attempt += 1
                await asyncio.sleep(pause * 2 ** (attempt - 1))
                status, kind = await _once(http, "GET", url, deadline)
    except TimeoutError:
        pass  # the link's budget is spent: what the last attempt said stands, a timeout if none finished
    return LinkOutcome(unit_id, url, method, status, kind, int((time.monotonic() - started) * 1000))


def _dynamic(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.query) or parts.path.lower().endswith(_DYNAMIC_PAGE)


def link_targets(session: Session, run_id: int) -> list[tuple[int, str]]:
    """Links seen tonight whose target tonight's crawl did not fetch itself (those have snapshots)."""
    fetched = set(session.scalars(select(Snapshot.url).where(Snapshot.crawl_run_id == run_id)))
    rows = session.execute(select(PageLink.unit_id, PageLink.url).where(PageLink.last_seen_run_id == run_id)
                           .order_by(PageLink.id))
    return [(unit_id, url) for unit_id, url in rows if url not in fetched]


async def _check_all(targets: list[tuple[int, str]], settings: Settings,
                     policy: EgressPolicy | None = None, tracker: Progress | None = None) -> list[LinkOutcome]:
    hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(settings.per_host_concurrency))
    overall = asyncio.Semaphore(settings.concurrent_requests)
    pause = max(settings.backoff_base, 0.1)
    async with client(settings.user_agent, settings.download_timeout, policy or EgressPolicy()) as http:
        async def guarded(unit_id: int, url: str) -> LinkOutcome:
            async with overall, hosts[urlsplit(url).netloc]:
                outcome = await check_link(http, unit_id, url, settings.retry_times, pause, settings.download_timeout)
                if settings.download_delay:
                    await asyncio.sleep(settings.download_delay)
                if tracker is not None:
                    tracker.step()
                return outcome

        return list(await asyncio.gather(*(guarded(u, url) for u, url in targets)))


def check_run_links(settings: Settings, Session_: sessionmaker[Session], run_id: int,
                    progress: Callable[[int], Progress] | None = None) -> list[LinkOutcome]:
    """Check tonight's link targets; `progress(total)` gives the Progress to report to, if any."""
    with Session_() as session:
        targets = link_targets(session, run_id)
        policy = egress_policy(session, settings)
    tracker = progress(len(targets)) if progress and targets else None
    outcomes = asyncio.run(_check_all(targets, settings, policy, tracker)) if targets else []
    if tracker is not None:
        tracker.finish()
    at = utcnow()
    with Session_() as session, session.begin():
        session.add_all(LinkCheck(crawl_run_id=run_id, unit_id=o.unit_id, url=o.url, at=at, method=o.method,
                                  status=o.status, error_kind=o.error_kind, elapsed_ms=o.elapsed_ms)
                        for o in outcomes)
    return outcomes
