"""The bare-engine side of benchmarks/crawl_speed.py: a Scrapy spider that fetches a given list of URLs
with zwgk's engine settings and does nothing else (no parsing, no storage). Not meant to be run alone.

    python benchmarks/bare_scrapy.py URLS.json CONCURRENT PER_HOST DELAY OBEY_ROBOTS
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import scrapy
from scrapy.crawler import CrawlerProcess


class Bare(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: list[str], **kwargs):
        super().__init__(**kwargs)
        self.urls = urls
        self.pages = 0

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, dont_filter=True)

    def parse(self, response):
        self.pages += 1
        yield {"url": response.url, "status": response.status, "bytes": len(response.body)}


def main(argv: list[str]) -> None:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return
    urls = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    process = CrawlerProcess({
        "CONCURRENT_REQUESTS": int(argv[1]), "CONCURRENT_REQUESTS_PER_DOMAIN": int(argv[2]),
        "DOWNLOAD_DELAY": float(argv[3]), "ROBOTSTXT_OBEY": argv[4] == "1", "CONCURRENT_ITEMS": 8,
        "HTTPERROR_ALLOW_ALL": True, "TELNETCONSOLE_ENABLED": False, "LOG_LEVEL": "WARNING",
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    })
    crawler = process.create_crawler(Bare)
    process.crawl(crawler, urls=urls)
    process.start()
    print(json.dumps({"pages": crawler.spider.pages}))


if __name__ == "__main__":
    main(sys.argv[1:])
