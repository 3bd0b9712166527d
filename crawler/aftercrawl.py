"""What a night does after the Scrapy crawl, in the parent process: attachment texts, link checks
and the new-media collectors. Each step owns its transaction; one failing step never hides the crawl."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from core.progress import Progress
from core.settings import Settings
from crawler.attachment_texts import extract_run_texts
from storage.evidence_store import using_store


def after_crawl(settings: Settings, Session_: sessionmaker[Session], run_id: int,
                unit_slugs: list[str] | None, echo: Callable[[str], None]) -> dict[str, Any]:
    with using_store(settings):  # bodies are read from (and new-media pages written to) the night's store
        return _after_crawl(settings, Session_, run_id, unit_slugs, echo)


def _after_crawl(settings: Settings, Session_: sessionmaker[Session], run_id: int,
                 unit_slugs: list[str] | None, echo: Callable[[str], None]) -> dict[str, Any]:
    stats: dict[str, Any] = {}

    def progress(label: str) -> Callable[[int], Progress]:
        return lambda total: Progress(label, total, echo, settings.progress_interval)

    with Session_() as session, session.begin():
        stats["attachment_texts"] = extract_run_texts(session, run_id, settings.attachment_text_chars,
                                                      progress("附件文字"))
    if settings.check_links:
        from crawler.linkcheck import check_run_links

        echo("[链接] 开始检查本次抓取页面上的链接……")
        outcomes = check_run_links(settings, Session_, run_id, progress("链接"))
        stats["links_checked"] = len(outcomes)
        stats["links_failed"] = sum(1 for o in outcomes if o.error_kind)
        echo(f"[链接] 检查 {len(outcomes)} 个链接，异常 {stats['links_failed']} 个")
    if settings.collect_new_media:
        from crawler.newmedia import collect_new_media

        echo("[新媒体] 开始读取政务新媒体账号……")
        collected = collect_new_media(settings, Session_, run_id, unit_slugs)
        stats["new_media"] = len(collected)
        stats["new_media_failed"] = sum(1 for c in collected if c.error_kind)
        if collected:
            echo(f"[新媒体] 读取 {len(collected)} 个账号，采集失败 {stats['new_media_failed']} 个")
    return stats
