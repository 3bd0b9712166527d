"""Keep-alive as the server means it: no reuse of a connection that an HTTP/1.0 server is closing.

Twisted's HTTP/1.1 client puts a connection back in the pool after any response without
``Connection: close``, even an HTTP/1.0 one, and such a server closes the connection after answering
(persistence is opt-in in HTTP/1.0). A request sent on that connection before its close is read fails
with nothing received. Twisted retries that for GET; a POST (the form-paged lists of many portals)
fails, and on a busy night so can Scrapy's retries of it: a list page is lost. Measured with the
fixture farm's HTTP/1.0 servers and back-to-back POSTs: every second one failed before this.
"""

from __future__ import annotations

from typing import Any

from scrapy.core.downloader.handlers.http11 import _LenientHTTP11ClientFactory, _LenientHTTP11ClientProtocol
from twisted.internet.interfaces import IAddress


def closes_after(version: tuple[bytes, int, int], connection: list[bytes]) -> bool:
    """Whether a server closes the connection after this response: HTTP/1.0 unless it offered keep-alive,
    HTTP/1.1 when it said close."""
    tokens = {token.strip().lower() for value in connection for token in value.split(b",")}
    if version[1:] < (1, 1):
        return b"keep-alive" not in tokens
    return b"close" in tokens


class _HonestKeepAliveProtocol(_LenientHTTP11ClientProtocol):
    def _finishResponse_WAITING(self, rest: bytes) -> None:
        parser: Any = self._parser
        response = parser.response if parser is not None else None
        if response is not None and self._currentRequest is not None \
                and closes_after(response.version, parser.connHeaders.getRawHeaders(b"Connection", [])):
            self._currentRequest.persistent = False  # so the parent gives the connection up
        super()._finishResponse_WAITING(rest)

    # Twisted dispatches on the state's name; the parent binds its own function to this name
    _finishResponse_TRANSMITTING = _finishResponse_WAITING


class HonestKeepAliveFactory(_LenientHTTP11ClientFactory):
    """The connection pool's protocol factory (``pool._factory``): Scrapy's lenient parser, and no reuse
    of a connection the server is closing."""

    def buildProtocol(self, addr: IAddress | None) -> _HonestKeepAliveProtocol:
        return _HonestKeepAliveProtocol(self._quiescentCallback)
