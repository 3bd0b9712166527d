"""Full-page screenshots of captured pages, for pages that carry a text finding (a typo, a sensitive word,
personal data): an inspector can show the unit what the page looked like.

Chromium draws the page *as captured*: the request for the page itself is answered with the stored bytes
(and their Content-Type), so the text in the picture is the text the finding quotes, even if the site
has changed since; images and style sheets load from the site as a visitor's browser would load them.
The PNG goes to the blob store (content-addressed, like every body) and a `screenshots` row names it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.settings import CHROMIUM_ARGS, Settings
from storage.blobs import read_snapshot_body, store_blob
from storage.clock import utcnow
from storage.evidence_store import open_store
from storage.models import Snapshot
from storage.warc_models import Screenshot


@dataclass(frozen=True)
class Shot:
    snapshot_id: int
    content_hash: str | None
    error: str | None = None


def _content_type(snap: Snapshot) -> str:
    headers = {k.lower(): v for k, v in (snap.headers or {}).items()}
    value = headers.get("content-type") or "text/html"
    value = value[0] if isinstance(value, list) and value else value
    if "charset" not in str(value) and snap.encoding:  # draw it with the encoding the crawler read it in
        value = f"{value}; charset={snap.encoding}"
    return str(value)


def _as_captured(body: bytes | None, content_type: str):
    def fulfil(route, request=None) -> None:
        route.fulfill(status=200, body=body or b"", headers={"Content-Type": content_type})
    return fulfil


def take_screenshots(settings: Settings, Session_: sessionmaker[Session], snapshot_ids: Iterable[int]) -> list[Shot]:
    """Screenshots of these snapshots' pages that have none yet; one browser for all of them."""
    store = open_store(settings)
    with Session_() as session:
        done = set(session.scalars(select(Screenshot.snapshot_id)))
        todo = [session.get(Snapshot, i) for i in dict.fromkeys(snapshot_ids) if i not in done]
        pages = [(s.id, s.url.split("#", 1)[0], read_snapshot_body(session, s.id, store), _content_type(s))
                 for s in todo if s is not None and s.content_hash and s.status and s.status < 400]
    if not pages:
        return []
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    shots: list[Shot] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=settings.chromium_path, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(user_agent=settings.user_agent, viewport={"width": 1280, "height": 900})
            for snapshot_id, url, body, content_type in pages:
                page = context.new_page()
                png, error = None, None
                try:
                    page.route(url, _as_captured(body, content_type))
                    page.goto(url, wait_until="load", timeout=settings.download_timeout * 1000)
                    png = page.screenshot(full_page=True, timeout=settings.download_timeout * 1000)
                except PlaywrightError as exc:
                    error = str(exc).splitlines()[0][:500]
                finally:
                    page.close()
                with Session_() as session, session.begin():
                    digest = store_blob(session, png, store=store) if png else None
                    session.add(Screenshot(snapshot_id=snapshot_id, content_hash=digest, taken_at=utcnow(),
                                           error=error))
                shots.append(Shot(snapshot_id, digest, error))
        finally:
            browser.close()
    return shots
