"""Entry point of the crawl subprocess: `python -m crawler.crawl_process PLAN.json [--redis URL]`.

A crawl runs in its own process because Twisted's reactor cannot be restarted (scrapy#2941).
"""

from __future__ import annotations

import logging
import sys

from scrapy.crawler import CrawlerProcess
from scrapy.logformatter import LogFormatter

from core.settings import get_settings
from crawler.plan import CrawlPlan
from crawler.scrapy_settings import scrapy_settings
from crawler.spiders.portal import PortalSpider


class QuietDownloadErrors(LogFormatter):
    """A dead site is an expected outcome, recorded on its snapshot and in the coverage report; its
    traceback in the log would only bury real errors. "Crawled" and "Scraped" are not logged at all: the
    pipeline prints the progress, and Scrapy would build (and then drop, below LOG_LEVEL) a log record with
    the caller's frame for each of them, two per page."""

    def crawled(self, request, response, spider):
        return None

    def scraped(self, item, response, spider):
        return None

    def download_error(self, failure, request, spider, errmsg=None):
        entry = super().download_error(failure, request, spider, errmsg)
        entry["level"] = logging.DEBUG
        return entry


def main(argv: list[str]) -> int:
    """argv: PLAN.json [--redis URL] (one worker of a shared night: crawler.distributed)."""
    plan_path = argv[0]
    settings = get_settings()
    plan = CrawlPlan.load(plan_path)
    shared: dict[str, object] = {}
    if "--redis" in argv:
        from crawler.distributed import shared_scrapy_settings

        shared = shared_scrapy_settings(settings, argv[argv.index("--redis") + 1], plan.run_id)
    own = scrapy_settings(settings, plan.run_id, plan.egress_allow)
    if "SPIDER_MIDDLEWARES" in shared:  # both switch spider middlewares on or off
        shared["SPIDER_MIDDLEWARES"] = {**own["SPIDER_MIDDLEWARES"], **shared["SPIDER_MIDDLEWARES"]}  # type: ignore[dict-item]
    process = CrawlerProcess({**own, "LOG_FORMATTER": "crawler.crawl_process.QuietDownloadErrors", **shared})
    # Both log a dead site's traceback; the failure is already on its snapshot and in the coverage report.
    for name in ("scrapy.downloadermiddlewares.retry", "scrapy.downloadermiddlewares.robotstxt"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    process.crawl(PortalSpider, plan=plan_path, max_list_pages=settings.max_list_pages,
                  max_unit_pages=settings.max_unit_pages)
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
