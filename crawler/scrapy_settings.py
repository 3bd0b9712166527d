"""The Scrapy settings dict, derived from zwgk's one settings module."""

from __future__ import annotations

from typing import Any

from core.settings import CHROMIUM_ARGS, EVIDENCE_FIELDS, Settings
from crawler.warcspool import spool_dir


def scrapy_settings(settings: Settings, run_id: int, egress_allow: list[str] | tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "BOT_NAME": "zwgk",
        "USER_AGENT": settings.user_agent,
        "ROBOTSTXT_OBEY": settings.obey_robots,
        "CONCURRENT_REQUESTS": settings.concurrent_requests,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.per_host_concurrency,
        "CONCURRENT_ITEMS": 8,  # Scrapy 2.19's default of 100 spawns 100 tasks per response
        "DOWNLOAD_DELAY": settings.download_delay,
        # the delay's random ±50 % drawn once per gap (Scrapy draws again at every look: a 22 % longer mean)
        "DOWNLOADER": "crawler.politeness.PerGapDownloader",
        "DOWNLOAD_TIMEOUT": settings.download_timeout,
        "DOWNLOAD_MAXSIZE": settings.max_body_bytes,
        "RETRY_TIMES": settings.retry_times,
        "RETRY_HTTP_CODES": [],  # HTTP codes: crawler.middlewares.BackoffMiddleware (Retry-After)
        # egress first: before robots.txt (100) is fetched for a host we must not reach; the wire body is
        # kept before gzip is undone (590)
        "DOWNLOADER_MIDDLEWARES": {"crawler.middlewares.EgressMiddleware": 50,
                                   "crawler.middlewares.BackoffMiddleware": 560,
                                   "crawler.wire.WireBodyMiddleware": 595,
                                   "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
                                   "crawler.middlewares.LoopSafeRedirectMiddleware": 600,
                                   "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
                                   "crawler.middlewares.QuickMetaRefreshMiddleware": 580,
                                   # the spider names no allowed_domains: every host passes (egress decides)
                                   "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None},
        # per-request work zwgk never reads: header sizes and counts per status (DownloaderStats), the depth of
        # each request (no DEPTH_LIMIT; the spider keeps its own depth_in_tree), a developer warning about
        # copied meta keys
        "DOWNLOADER_STATS": False,
        # extensions that zwgk's settings leave unconfigured: not even imported (RemoteControl imports aiohttp)
        "EXTENSIONS": {f"scrapy.extensions.{name}": None for name in (
            "telnet.TelnetConsole", "remote_control.RemoteControl", "memdebug.MemoryDebugger",
            "feedexport.FeedExporter", "spiderstate.SpiderState")},
        "SPIDER_MIDDLEWARES": {"scrapy.spidermiddlewares.depth.DepthMiddleware": None,
                               "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None},
        "REDIRECT_MAX_TIMES": 10,
        "ZWGK_EGRESS_ALLOW": list(egress_allow),
        "ZWGK_WARC_DIR": str(settings.warc_dir),
        "ZWGK_EVIDENCE": settings.model_dump(mode="json", include=EVIDENCE_FIELDS),
        "ZWGK_WARC_SEGMENT_BYTES": settings.warc_segment_bytes,
        "ZWGK_WARC_SEGMENT_SECONDS": settings.warc_segment_seconds,
        "ZWGK_WARC_SPOOL": str(spool_dir(settings)) if settings.evidence_store != "local" else None,
        "ZWGK_BACKOFF_BASE": settings.backoff_base,
        "ZWGK_RETRY_AFTER_MAX": settings.retry_after_max,
        "ZWGK_BACKOFF_GIVE_UP": settings.backoff_give_up,
        # latency-based politeness per host; a short start so that a night does not begin at 5 s a page
        "AUTOTHROTTLE_ENABLED": settings.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(settings.download_delay, 0.25),
        "AUTOTHROTTLE_MAX_DELAY": 10.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(settings.per_host_concurrency),
        "HTTPERROR_ALLOW_ALL": True,
        "COOKIES_ENABLED": True,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "ITEM_PIPELINES": {"crawler.pipelines.StoragePipeline": 300},
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        # Scrapy re-reads and compiles a callback's source for this warning on every response (its cache is
        # keyed by the bound method, new for each request): 30% of the crawl process's CPU on a static farm.
        "WARN_ON_GENERATOR_RETURN_VALUE": False,
        "DOWNLOAD_HANDLERS": {  # http(s) only: file, data, ftp and s3 are off (crawler.egress)
            # scrapy-playwright for rendered requests only, started with the first of them
            "http": "crawler.rendering.BrowserOnDemandHandler",
            "https": "crawler.rendering.BrowserOnDemandHandler",
            "file": None,
            "data": None,
            "ftp": None,
            "s3": None,
        },
        "PLAYWRIGHT_ABORT_REQUEST": "crawler.middlewares.browser_abort",
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {
            "executable_path": settings.chromium_path,
            "headless": True,
            "args": CHROMIUM_ARGS,
        },
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 4,
        # rendered pages, like Scrapy's own downloads, are read whatever the site's certificate (crawler.httpfetch)
        "PLAYWRIGHT_CONTEXTS": {"default": {"ignore_https_errors": True}},
        "ZWGK_DATABASE_URL": settings.database_url,
        "ZWGK_RUN_ID": run_id,
        "ZWGK_PROGRESS_INTERVAL": settings.progress_interval,
    }
