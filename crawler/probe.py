"""`zwgk probe`: one availability probe of every active unit's home page.

Tells apart a site that is down (DNS, refused, timeout, 5xx), one that blocks us (403, WAF page) and
one that is merely slow. Many probes a day make `site.unreachable` a share, not one bad night.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.names import display
from core.settings import Settings
from core.vocab import FailureKind
from crawler.egress import EgressPolicy
from crawler.failures import from_exception, from_status
from crawler.httpfetch import client, read_capped
from crawler.plan import egress_policy
from storage.clock import utcnow
from storage.models import Probe, Unit

_BODY_PEEK = 64 * 1024  # enough of the page to recognise a WAF notice


@dataclass(frozen=True)
class ProbeResult:
    unit: str
    url: str
    at: datetime
    ok: bool
    status: int | None
    error_kind: FailureKind | None
    elapsed_ms: int | None


async def probe_one(http, unit: str, url: str, slow_ms: int, deadline: float = 15.0) -> ProbeResult:
    """One GET of the home page, all of it (connect, headers, the peek) within `deadline` seconds."""
    at = utcnow()
    started = time.monotonic()
    try:
        async with asyncio.timeout(deadline), http.stream("GET", url) as response:
            peek, _ = await read_capped(response, _BODY_PEEK)
            status = response.status_code
            try:
                text = peek.decode(response.encoding or "utf-8", "replace")
            except LookupError:  # a charset Python does not know
                text = peek.decode("utf-8", "replace")
    except Exception as exc:
        elapsed = int((time.monotonic() - started) * 1000)
        return ProbeResult(unit, url, at, False, None, from_exception(exc), elapsed)
    elapsed = int((time.monotonic() - started) * 1000)
    kind = from_status(status, text)
    if kind is None and elapsed > slow_ms:
        return ProbeResult(unit, url, at, True, status, FailureKind.SLOW, elapsed)
    return ProbeResult(unit, url, at, kind is None, status, kind, elapsed)


async def _probe_all(targets: list[tuple[str, str]], settings: Settings,
                     policy: EgressPolicy | None = None) -> list[ProbeResult]:
    limit = asyncio.Semaphore(settings.concurrent_requests)
    async with client(settings.user_agent, settings.probe_timeout, policy or EgressPolicy()) as http:
        async def guarded(unit: str, url: str) -> ProbeResult:
            async with limit:
                return await probe_one(http, unit, url, settings.probe_slow_ms, settings.probe_timeout)

        return list(await asyncio.gather(*(guarded(u, url) for u, url in targets)))


def run_probes(settings: Settings, Session_: sessionmaker[Session],
               unit_slugs: list[str] | None = None) -> list[ProbeResult]:
    with Session_() as session:
        query = select(Unit.id, Unit.slug, Unit.portal).where(Unit.active.is_(True)).order_by(Unit.slug)
        if unit_slugs:
            query = query.where(Unit.slug.in_(unit_slugs))
        units = session.execute(query).all()
        policy = egress_policy(session, settings)
    results = asyncio.run(_probe_all([(slug, portal) for _, slug, portal in units], settings, policy))
    ids = {slug: id_ for id_, slug, _ in units}
    with Session_() as session, session.begin():
        session.add_all(Probe(unit_id=ids[r.unit], url=r.url, at=r.at, ok=r.ok, status=r.status,
                              error_kind=r.error_kind, elapsed_ms=r.elapsed_ms) for r in results)
    return results




def probe_lines(results: list[ProbeResult]) -> list[str]:
    out = ["可用性探测：单位 | 状态 | HTTP | 用时(毫秒)"]
    for r in results:
        out.append(f"  {r.unit} | {display(FailureKind, r.error_kind) or '正常'} | {r.status or '-'} | "
                   f"{r.elapsed_ms if r.elapsed_ms is not None else '-'}")
    down = sum(1 for r in results if not r.ok and r.error_kind != FailureKind.BLOCKED)
    blocked = sum(1 for r in results if r.error_kind == FailureKind.BLOCKED)
    slow = sum(1 for r in results if r.error_kind == FailureKind.SLOW)
    out.append(f"  合计：{len(results)} 个单位，无法访问 {down}，拦截 {blocked}，缓慢 {slow}")
    return out
