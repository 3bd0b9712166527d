"""Why a fetch gave no usable page: the one classifier of FailureKind for the spider, the link checker,
the prober and the new-media collectors. Each kind of thing classified has one function here."""

from __future__ import annotations

import re
import socket
from urllib.parse import urlsplit

import httpx
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from twisted.internet import error as tx_error
from twisted.web._newclient import ResponseNeverReceived

from core.vocab import FailureKind
from crawler.egress import EgressIgnored, EgressRefused

# A WAF or block notice in an error page; on a 200 page these words are too common to mean a block.
BLOCK_MARKS = ("访问被拒绝", "安全狗", "waf", "云防护", "访问受限", "非法请求", "请求已被拦截")
BLOCK_STATUSES = (401, 403, 418, 429)
# WAF and block pages served with status 200: phrases only such a page says, on a short page
BLOCK_PAGE_MARKS = ("请求已被拦截", "访问已被拦截", "您的访问被拦截", "您的请求已被", "访问被阻断", "已被网站防火墙",
                    "网站防火墙", "web应用防火墙", "安全狗", "云防护", "创宇盾", "waf拦截", "拦截页面", "访问被拒绝")
_BLOCK_PAGE_MAX = 20_000  # characters: a portal's home page is longer than a block notice


def is_block_page(text: str) -> bool:
    """A WAF or block notice served as an ordinary (200) page."""
    lowered = text.lower()
    return len(lowered) < _BLOCK_PAGE_MAX and any(m in lowered for m in BLOCK_PAGE_MARKS)


# Bot walls that answer a client without their cookie with a script that sets it and reloads: 瑞数 (Riversecurity,
# on many government portals: HTTP 412 and "$_ts"), 加速乐 (jsl_clearance, HTTP 521), Alibaba Cloud's WAF
# (acw_sc__v2, HTTP 200), Cloudflare (challenge-platform, 403/503). The page is there for a browser's reader.
JS_WALL_MARKS = ("$_ts", "jsl_clearance", "acw_sc__v2", "challenge-platform", "cf-chl", "cf_chl")
_JS_WALL_MAX = 16_384  # characters: a wall is a short page of script


_NOT_TEXT_RX = re.compile(r"<script\b.*?</script>|<[^>]*>|\s+", re.S | re.I)  # scripts, tags, blanks


def is_js_wall(text: str) -> bool:
    """A bot wall's script page (JS_WALL_MARKS), or an error page with nothing to read that only sets a cookie
    by script and reloads (a real 404 page's font-size script sets a cookie too, amid the page's text)."""
    lowered = text.lower()
    if len(lowered) >= _JS_WALL_MAX:
        return False
    if any(m in lowered for m in JS_WALL_MARKS):
        return True
    return "document.cookie" in lowered and "location" in lowered and len(_NOT_TEXT_RX.sub("", lowered)) < 50


# Where a portal sends a reader whose page is gone: /404.html, /error.jsp, /error/404.htm, /notfound.aspx, /404/.
# Many CMSs answer a missing page with a redirect there, and the error page itself with 200.
_ERROR_PAGE_RX = re.compile(r"/(?:404|error|errors|err|notfound|not[-_]found|pagenotfound|page[-_]not[-_]found)"
                            r"(?:/(?:404|index)?)?(?:\.[a-z]{2,5})?/?$", re.I)


def is_error_page_redirect(requested: str, final: str) -> bool:
    """A request that was redirected to the site's "page not found" page: a broken link, however the error page
    answers. A link to the error page itself is not (its address says so already)."""
    if final == requested:
        return False
    return bool(_ERROR_PAGE_RX.search(urlsplit(final).path)) and not _ERROR_PAGE_RX.search(urlsplit(requested).path)


# The <title> of a "page not found" page that a server answers with 200 at the address asked for: the whole title,
# so that a document about 404 errors or with "不存在" in its name is never one.
_ERROR_TITLE_RX = re.compile(r"<title[^>]*>\s*(?:404(?:\s*(?:not found|错误|页面))?|not found|页面不存在|您访问的页面不存在|"
                             r"页面未找到|找不到页面|页面找不到了?|错误页面?|该页面不存在)[!！。.]?\s*</title>", re.I)


def is_error_page_title(head: str) -> bool:
    """The start of a page (its <head>) titles it as a "page not found" page."""
    return bool(_ERROR_TITLE_RX.search(head))


# A small page that only says the item is gone, served with 200 at the address asked for: dynamic CMS pages
# (show.asp?id=…, detail.aspx?…) answer a deleted record so, with a script alert that sends the reader back
# (ASP.NET CMSs' JscriptMsg("信息不存在或已被删除！", "back")) or a line of text and nothing else.
_GONE_RX = re.compile(r"(?:信息|文章|内容|页面|网页|文档|记录|新闻|稿件|栏目|文件|资源|该条|此条|"
                      r"您(?:要|所)?(?:访问|查看|浏览|查找)的)"
                      r"[^<>'\"\n]{0,8}?(?:不存在|已被?删除|已被?撤销|已下线|找不到|未找到|无法找到)")
_ALERT_RX = re.compile(r"""alert\s*\(\s*['"]([^'"]{1,80})['"]\s*\)""")
_LEAVES_RX = re.compile(r"history\.(?:back|go)\s*\(|(?:window\.|document\.)?location(?:\.href)?\s*=[^=]|"
                        r"location\.(?:replace|assign)\s*\(|window\.close\s*\(")
_SCRIPT_OR_STYLE_RX = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_TAG_RX = re.compile(r"<[^>]*>|&nbsp;|\s+")
# what such a page says besides: apologies, "prompt" headings, back and home links, the redirect countdown
_NOTICE_FILLER_RX = re.compile(r"对不起|很?抱歉|sorry|(?:信息|系统|温馨|操作)?提示(?:信息)?|"
                               r"返回(?:首页|上一?页|主页)?|首页|关闭|确定|点击|这里|[该此本]|或已?被?(?:删除|撤销|下线|移除)|如果您的浏览器没有自动跳转|秒?后?自动跳转|\d+|"
                               r"[，。！!：:、,.?？()（）\[\]【】…]", re.I)
_GONE_TEXT_MAX = 60  # visible characters of a page that says nothing but that
_GONE_PAGE_MAX = 8192  # characters: a notice page is tiny; a full page's scripts may alert and redirect in handlers
_LEAVES_WITHIN = 120  # characters after the alert: alert('…');history.back();


def is_gone_notice(text: str) -> bool:
    """A small page that only says the item is gone: a script alert saying so, right before leaving the page,
    or visible text that says so and nothing else (a document that mentions 信息不存在 has more to say)."""
    if len(text) > _GONE_PAGE_MAX:
        return False
    for alert in _ALERT_RX.finditer(text):
        if _GONE_RX.search(alert.group(1)) and _LEAVES_RX.search(text, alert.end(), alert.end() + _LEAVES_WITHIN):
            return True
    visible = _TAG_RX.sub("", _SCRIPT_OR_STYLE_RX.sub("", text))
    if len(visible) > _GONE_TEXT_MAX or not (said := _GONE_RX.search(visible)):
        return False
    return not _NOTICE_FILLER_RX.sub("", visible[:said.start()] + visible[said.end():])  # nothing else to say


def from_status(status: int, text: str = "", *, asked: str | None = None, final: str | None = None) -> FailureKind | None:
    """An HTTP answer: None when usable; blocked for 401/403/418/429, 412 (瑞数 answers every client without its
    cookie so; a plain GET has no precondition to fail), WAF pages (also when served with 200) and bot walls'
    script pages; status for other errors. `asked`, `final`: the address requested and the one that answered,
    after redirects: a redirect to the site's "page not found" page is an error page, whatever its status, and
    so is a 200 page that only says the item is gone (`is_gone_notice`)."""
    if asked is not None and final is not None and is_error_page_redirect(asked, final):
        return FailureKind.ERROR_PAGE
    if status in BLOCK_STATUSES or status == 412 or (status >= 400 and (
            any(m in text.lower() for m in BLOCK_MARKS) or is_js_wall(text))):
        return FailureKind.BLOCKED
    if status < 300 and text and is_block_page(text):
        return FailureKind.BLOCKED
    if status == 200 and text and is_gone_notice(text):
        return FailureKind.ERROR_PAGE
    if status >= 400:
        return FailureKind.STATUS
    return None


_CHALLENGE_MARKS = ("安全验证", "人机验证", "访问验证", "滑动验证", "正在验证")


def is_challenge(status: int, body: bytes, text: str) -> bool:
    """A WAF's JavaScript challenge answered with 200: a small page that asks the browser to prove
    itself (and reloads), never the page asked for."""
    return status == 200 and len(body) <= 8192 and (
        (any(m in text for m in _CHALLENGE_MARKS) and (any(m in text.lower() for m in BLOCK_MARKS) or "location.reload" in text))
        or any(m in text.lower() for m in JS_WALL_MARKS))


def from_page(status: int, body: bytes, text: str = "", location: str | None = None, *,
              asked: str | None = None, final: str | None = None, head: str = "") -> FailureKind | None:
    """A crawled page: like `from_status`, and an empty body is no page; 304 means the stored body stands.
    A redirect to file: or ftp: that the crawler did not follow is an egress refusal; a WAF challenge
    served with 200 is a block; a 200 page whose `head` (the start of its text) titles it as "page not found",
    or a small one whose `text` only says the item is gone (`is_gone_notice`), is an error page."""
    if status == 200 and is_error_page_title(head):
        return FailureKind.ERROR_PAGE
    if status == 304:
        return None
    if 300 <= status < 400 and location and urlsplit(location).scheme.lower() not in ("", "http", "https"):
        return FailureKind.EGRESS
    if is_challenge(status, body, text):
        return FailureKind.BLOCKED
    kind = from_status(status, text, asked=asked, final=final)
    if kind is None and not body.strip():
        return FailureKind.EMPTY
    return kind


def from_collector_status(status: int) -> FailureKind | None:
    """A new-media collector's answer (RSSHub, platform APIs): 401 means the account's token expired."""
    if status == 401:
        return FailureKind.TOKEN
    if status in (418, 429):
        return FailureKind.RATE_LIMITED
    if status == 403:
        return FailureKind.BLOCKED
    return FailureKind.STATUS if status >= 400 else None


def from_exception(exc: BaseException) -> FailureKind:
    """A failed request, from Scrapy/Twisted (the crawl) or httpx (probes, link checks, feeds)."""
    message = str(exc).lower()
    # refused by the egress policy; httpx says UnsupportedProtocol for a redirect to file: or ftp:
    if isinstance(exc, EgressRefused | EgressIgnored | httpx.UnsupportedProtocol):
        return FailureKind.EGRESS
    if isinstance(exc, httpx.TooManyRedirects) or (isinstance(exc, IgnoreRequest) and "max redirections" in message):
        return FailureKind.REDIRECTS
    if isinstance(exc, IgnoreRequest | DownloadCancelledError) and any(
            m in message for m in ("maxsize", "max size", "larger than")):
        return FailureKind.TOO_LARGE  # DOWNLOAD_MAXSIZE, on the wire or once inflated (a gzip bomb)
    if isinstance(exc, TimeoutError):  # asyncio.timeout: a request's total deadline
        return FailureKind.TIMEOUT
    if isinstance(exc, IgnoreRequest):
        from crawler.middlewares import HostGivenUp

        if isinstance(exc, HostGivenUp):
            return FailureKind.GIVEN_UP
        return FailureKind.ROBOTS if "robots" in message else FailureKind.IGNORED
    # Scrapy 2.19 wraps Twisted's errors in its own; older paths still raise Twisted's.
    if isinstance(exc, CannotResolveHostError | tx_error.DNSLookupError):
        return FailureKind.DNS
    if isinstance(exc, DownloadTimeoutError | tx_error.TimeoutError | tx_error.TCPTimedOutError
                  | httpx.TimeoutException):
        return FailureKind.TIMEOUT
    if isinstance(exc, DownloadConnectionRefusedError | tx_error.ConnectionRefusedError):
        return FailureKind.REFUSED
    if isinstance(exc, httpx.ConnectError):
        return _httpx_connect(exc)
    if isinstance(exc, DownloadFailedError | ResponseDataLossError | tx_error.ConnectError | tx_error.ConnectionLost
                  | ResponseNeverReceived | httpx.TransportError):
        return FailureKind.CONNECTION
    return FailureKind.OTHER


def _httpx_connect(exc: httpx.ConnectError) -> FailureKind:
    # the async transport says only "All connection attempts failed": look down the cause chain
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and len(chain) < 8:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    if any(isinstance(c, socket.gaierror) for c in chain):
        return FailureKind.DNS
    if any(isinstance(c, ConnectionRefusedError) for c in chain):
        return FailureKind.REFUSED
    text = " ".join(str(c).lower() for c in chain)
    return FailureKind.REFUSED if "refused" in text else FailureKind.DNS if "name or service" in text \
        else FailureKind.CONNECTION


def from_browser_error(message: str) -> FailureKind:
    """A Playwright navigation error, known only by its message (net::ERR_…)."""
    if "Timeout" in message:
        return FailureKind.TIMEOUT
    if "REFUSED" in message:
        return FailureKind.REFUSED
    if "NAME_NOT_RESOLVED" in message:
        return FailureKind.DNS
    return FailureKind.CONNECTION
