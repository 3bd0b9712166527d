"""Bytes as they came off the wire: a downloader middleware that sits between the download handler and
Scrapy's HttpCompressionMiddleware (590), so that it sees a response before gzip/deflate/br is undone and
keeps those bytes in the request's meta. The spider puts them in the Capture; the storage pipeline writes
them to the night's WARC file (crawler.warcfile), while the store keeps the decoded body the checks read.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.http import Response

PRIORITY = 595  # process_response runs from high to low numbers: before HttpCompressionMiddleware (590)


class WireBodyMiddleware:
    def process_response(self, request: Request, response: Response, spider: object = None) -> Response:
        if response.headers.get("Content-Encoding"):
            # HttpCompressionMiddleware drops Content-Encoding once it has decoded the body: keep both
            request.meta["wire_body"] = response.body
            request.meta["wire_headers"] = {k.decode("latin-1"): [v.decode("latin-1") for v in vs]
                                            for k, vs in response.headers.items()}
        return response
