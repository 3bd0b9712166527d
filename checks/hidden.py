"""Content a visitor cannot see, and every outbound link: the raw material of dark-link (暗链) detection.

Injected spam hides in a handful of ways: inline styles (display:none, visibility:hidden, opacity:0,
off-screen positions, zero font size or zero size with overflow hidden, text the colour of its background,
white text), a hiding class of the page's own stylesheet, a script that hides an element by id, a tiny
<marquee>, a zero-size iframe, links written by a script (document.write, innerHTML, insertAdjacentHTML,
jQuery's append/html/prepend …, also escaped), and
redirects (meta refresh, location=…). This module only finds and labels them; checks.sensitive judges
whether what is hidden or linked is spam.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re
from urllib.parse import unquote, urlsplit

from lxml import etree

from checks.hosts import host_of, is_known_service, is_public_body, site_of

_STYLE_RULE_RX = re.compile(r"([^{}]+)\{([^{}]*)\}")
_PX_RX = r"(-?\d+(?:\.\d+)?)(?:px|em|rem|pt)?"
_SCRIPT_LINK_RX = re.compile(r"""<a\s[^>]*href\s*=\s*\\?["']?([^"'\s>\\]+)[^>]*>(.*?)</a>""", re.I | re.S)
# markup put into the page by a script: document.write, innerHTML/outerHTML, insertAdjacentHTML, and jQuery's
# insertion methods ($('.box').append(html)), with which the ad and link-farm scripts of hijacked pages write
# their links (two real scripts in benchmarks/data/sensitive_real.jsonl, untouched2)
_SCRIPT_WRITE_RX = re.compile(
    r"document\.write(?:ln)?\s*\(|\.(?:inner|outer)HTML\s*[+]?=|\.insertAdjacentHTML\s*\("
    r"|\.(?:append|prepend|after|before|html|replaceWith|wrap)\s*\(", re.I)
# a <script src> or <iframe src> written by a script: the loader of an injected script (document.write of
# the 党政机关 emblem or a statistics snippet looks the same; checks.sensitive judges the host)
_SCRIPT_RESOURCE_RX = re.compile(r"""<(script|i?frame)\b[^>]*?\bsrc\s*=\s*\\?["']?\s*((?:https?:)?//[^"'\s>\\]+)""", re.I)
# javascript-obfuscator's names (_0x4311 …): an injected loader that hides the address it writes out
_OBFUSCATED_RX = re.compile(r"\b_0x[0-9a-f]{4,6}\b")
# a VBScript that writes a file and runs it: the dropper that file infectors (Ramnit) append to every .html
# they find, after </html> (two real cases: benchmarks/data/sensitive_real.jsonl y02, vscode issue #72569)
_VBS_DROPPER_RX = re.compile(r"CreateObject\(\s*\"(?:WScript\.Shell|Scripting\.FileSystemObject)\"", re.I)
_SCRIPT_HIDE_RX = re.compile(r"getElementById\(\s*['\"]([\w-]+)['\"]\s*\)\.style\.display\s*=\s*['\"]none", re.I)
_SCRIPT_REDIRECT_RX = re.compile(
    r"(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*['\"](https?://[^'\"]+)['\"]"
    r"|location\.(?:replace|assign)\(\s*['\"](https?://[^'\"]+)|window\.open\(\s*['\"](https?://[^'\"]+)",
    re.I)
_FROM_CHAR_CODE_RX = re.compile(r"String\.fromCharCode\(\s*((?:(?:0x[0-9a-fA-F]+|\d+)\s*,\s*)+(?:0x[0-9a-fA-F]+|\d+))\s*\)")
_ATOB_RX = re.compile(r"atob\(\s*['\"]([A-Za-z0-9+/=]{8,})['\"]\s*\)")
# a title for search engines' spiders and another for visitors (blind73: a county news site whose <title> is a private
# lottery's keywords, written in character references, and `if (navigator.userAgent…indexOf("baidu") == -1)
# {document.title = "泾县新闻网"}`): the hijacked title shows in search results, never to the site's own staff
_SPIDER_TITLE_RX = re.compile(r"navigator\.userAgent.{0,160}?(?:baidu|spider|sogou|googlebot|bingbot|yisou|bot\b)"
                              r".{0,240}?document\.title\s*=\s*['\"]([^'\"]*)['\"]", re.I | re.S)
SPIDER_TITLE = "脚本按访问者改写标题"  # the technique's name, which text.sensitive reports whatever the title says
# a redirect only for visitors who come from a search engine: the hijack that hides from the site's owner; the
# engine's name is a string or a regular expression the script tests (indexOf("baidu"), /baidu/.test(…)), not
# any "360" or "google" of the code (a width, googleapis)
_SEARCH_REFERRER_RX = re.compile(r"document\.referrer", re.I)
_SEARCH_ENGINE_RX = re.compile(r"""["'/][^"'/\n]{0,40}(?:baidu|sogou|soso|so\.com|sm\.cn|google|bing|yahoo|360|youdao|yisou)"""
                               r"""[^"'/\n]{0,40}["'/]""", re.I)
SEARCH_REDIRECT = "搜索引擎来路跳转"  # the technique's name: the cloaking is the evidence, wherever it sends them


def _unescape(code: str) -> str:
    """Script text with the encodings that injected links hide behind decoded and appended: unescape('%3Ca…'),
    \\x3c / \\u003c escapes (also \\u4e2d for Chinese spam words), String.fromCharCode(104,116,…) and
    atob('aHR0cDovL…') (both seen in write-ups of hijacked sites that redirect search-engine visitors)."""
    extra = []
    if "%3C" in code or "%3c" in code or "%2F%2F" in code or "%2f%2f" in code:
        extra.append(unquote(code))
    if "\\x" in code or "\\u" in code:
        extra.append(re.sub(r"\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})",
                            lambda m: chr(int(m.group(1) or m.group(2), 16)), code))

    def chars(m: re.Match[str]) -> str:
        try:
            numbers = re.findall(r"0x[0-9a-fA-F]+|\d+", m.group(1))
            return "'" + "".join(chr(int(n, 16) if n.startswith("0x") else int(n)) for n in numbers) + "'"
        except (ValueError, OverflowError):
            return m.group(0)

    def b64(m: re.Match[str]) -> str:
        try:
            return "'" + base64.b64decode(m.group(1) + "=" * (-len(m.group(1)) % 4)).decode("utf-8", "replace") + "'"
        except (ValueError, binascii.Error):
            return m.group(0)

    decoded = _ATOB_RX.sub(b64, _FROM_CHAR_CODE_RX.sub(chars, code))  # in place: location.href = '<decoded>'
    if decoded != code:
        extra.append(decoded)
    return "\n".join([code, *extra])


# clip:rect(0 0 0 0) (blanks are gone by then: rect(0000) or rect(0,0,0,0)), clip-path:inset(50%) or circle(0)
_CLIPPED_RX = re.compile(r"(?:^|;)(?:clip:rect\((?:0(?:px)?,?){4}\)|clip-path:(?:inset\(50%\)|circle\(0(?:px|%)?\)))")


@functools.lru_cache(maxsize=4096)  # a site repeats its inline styles on every page
def hiding_technique(style: str) -> str | None:
    """The trick an inline style (or a class rule) uses to hide content from visitors, in Chinese."""
    css = re.sub(r"\s+", "", style.lower())
    if not css:
        return None
    if "position:fixed" in css and _near_zero_opacity(css) and _covers_viewport(css):
        return "全屏透明覆盖层"  # a link laid invisibly over the whole page: every click goes to it (clickjacking)
    if "display:none" in css:
        return "display:none 隐藏"
    if "visibility:hidden" in css:
        return "visibility:hidden 隐藏"
    if _near_zero_opacity(css):
        return "opacity:0 透明"
    offset = re.search(r"(?:^|;)(?:left|top|margin-left|margin-top|text-indent):" + _PX_RX, css)
    if offset and float(offset.group(1)) <= -500:
        return "定位到可视区域之外"
    if ("position:absolute" in css or "position:fixed" in css) and _CLIPPED_RX.search(css):
        return "裁剪为不可见（clip）"  # clip:rect(0 0 0 0), clip-path:inset(50%): the screen-reader-only trick
    if re.search(r"(?:^|;)font-size:0(?:px|em|pt)?(?:;|$|!)", css):
        return "字号为0"
    small = re.search(r"(?:^|;)(?:height|width):" + _PX_RX, css)
    if small and float(small.group(1)) <= 2 and "overflow:hidden" in css:
        return "零尺寸并隐藏溢出"
    color = re.search(r"(?:^|;)color:([#\w]+)", css)
    background = re.search(r"background(?:-color)?:([#\w]+)", css)
    if color and background and _colour(color.group(1)) == _colour(background.group(1)):
        return "文字与背景同色"
    if color and not background and _colour(color.group(1)) == "#ffffff":
        return "白色文字（与页面白底同色）"
    return None


def _near_zero_opacity(css: str) -> bool:
    """opacity 0 or below 0.05 (0.01: invisible, yet some filters test only for 0)."""
    return re.search(r"opacity:(?:0(?:\.0\d*)?|\.0\d*)(?:;|$|!)", css) is not None


def _covers_viewport(css: str) -> bool:
    """inset:0, or a width and height of 100% (or vw/vh) or of a screen's size in pixels."""
    if re.search(r"(?:^|;)inset:0(?:px)?(?:;|$|!)", css):
        return True
    sizes = dict(re.findall(r"(?:^|;)(width|height):(\d+(?:\.\d+)?(?:px|%|vw|vh)?)", css))
    return len(sizes) == 2 and all(v.endswith(("%", "vw", "vh")) and float(v.rstrip("%vwh")) >= 90
                                   or not v.endswith(("%", "vw", "vh")) and float(v.rstrip("px")) >= 400
                                   for v in sizes.values())


def _colour(value: str) -> str:
    value = value.lower()
    value = {"white": "#ffffff", "black": "#000000"}.get(value, value)
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        value = "#" + "".join(c * 2 for c in value[1:])
    return value


def _class_rules(styles: list) -> dict[str, str]:
    """`.name` and `#name` selectors of the page's <style> blocks that hide what they select."""
    rules: dict[str, str] = {}
    for block in styles:
        for selectors, body in _STYLE_RULE_RX.findall(block.text or ""):
            how = hiding_technique(body)
            if how is None:
                continue
            for selector in selectors.split(","):
                selector = selector.strip()
                if re.fullmatch(r"[.#][\w-]+", selector):
                    rules[selector] = how
    return rules


# elements hidden_content looks at whatever their attributes
_HIDING_TAGS = frozenset({"font", "iframe", "frame", "marquee"})
_FRAME_TAGS = frozenset({"iframe", "frame"})
_UNREADABLE_SCROLL = 500  # pixels a <marquee> moves per step: beyond this its text flashes past unread
# el.text_content() of lxml.html, for plain lxml.etree elements too
string_content = etree.XPath("string()", smart_strings=False)


def hidden_content(doc) -> list[tuple[str, str, str, object]]:
    """(technique, text, href, element) for content a visitor cannot see and for every link.

    Hidden elements (inline style, a hiding class of the page's own stylesheet, a tiny <marquee>) give
    their text and each link inside; links written by a script (document.write, innerHTML) are reported
    as such; every other absolute link is returned with technique "" so that the sensitive check can judge
    its target and its text. Judging happens there: a hidden drop-down menu of the site's own pages is
    harmless, a hidden link to a casino is a dark link.
    """
    scripts, metas, rules = page_scripts(doc)
    return hidden_among(doc, scripts, metas, rules, [el for el in doc.iter(etree.Element) if el.attrib])


def page_scripts(doc) -> tuple[list, list, dict[str, str]]:
    """The page's scripts and <meta http-equiv>s, and the hiding rules of its stylesheets and scripts: what
    //script, //style and //meta find (the whole document, whatever element `doc` is)."""
    found = list(doc.getroottree().getroot().iter("script", "style", "meta"))
    scripts = [el for el in found if el.tag == "script"]
    rules = _class_rules([el for el in found if el.tag == "style"])
    for script in scripts:  # document.getElementById('x').style.display = 'none'
        for name in _SCRIPT_HIDE_RX.findall(script.text or ""):
            rules.setdefault(f"#{name}", "脚本隐藏")
    return scripts, [el for el in found if el.tag == "meta" and el.get("http-equiv") is not None], rules


# a foreign script or frame repeated this often on one page was pasted in by a tool, not by a web designer
REPEATED_RESOURCE = 3
# hidden deep links into one outside site that make a link farm (one hidden credit link to a plugin's home
# page does not)
HIDDEN_LINK_FARM = 2


def _link_farms(out: list[tuple[str, str, str, object]], plain: list[int]) -> list[tuple[str, str, str, object]]:
    """`out` with "（同一外站 N 条隐藏链接）" added to the technique of links that HIDDEN_LINK_FARM or more
    hidden links point into one outside site with (not at its home page), each hidden by an element without
    class or id: injected blocks are bare <div style="display:none">, a site's own hidden tabs and drop-down
    menus carry the class or id its scripts toggle them by. Government and well-known service sites are
    left out here; the site's own domain is left out by checks.sensitive, which knows it. The site must also
    take at least half of the page's bare hidden outbound links: a farm promotes its target, while a hidden
    list of references (a musician's Google, Amazon, two Yahoo! and Wikipedia pages, blind10 m01) spreads
    over many sites."""
    deep: dict[str, list[int]] = {}
    outbound: set[str] = set()
    for i in plain:
        href = out[i][2]
        host = host_of(href)
        if host:
            outbound.add(href)
        if host and not is_public_body(host) and not is_known_service(host) and urlsplit(href).path.strip("/"):
            deep.setdefault(site_of(host), []).append(i)
    marked = list(out)
    for indexes in deep.values():
        count = len({out[i][2] for i in indexes})
        if count >= HIDDEN_LINK_FARM and 2 * count >= len(outbound):
            for i in indexes:
                how, text, href, el = out[i]
                marked[i] = (f"{how}（同一外站 {count} 条隐藏链接）", text, href, el)
    return marked


def foreign_resources(scripts: list, frames: list, hidden: set[int], reported: set[int]
                      ) -> list[tuple[str, str, str, object]]:
    """("外站脚本" or "外站框架", "", src, element) for every <script>, <iframe> and <frame> that loads an
    absolute address, once per address; a position that injected code takes is added to the technique in
    parentheses: the same address included REPEATED_RESOURCE times or more, or a frame inside a hidden
    element (a script there is no sign: statistics snippets are put in hidden divs to hide their icon).
    Frames already reported (a zero-size iframe) are left out. checks.sensitive judges the host."""
    out: list[tuple[str, str, str, object]] = []
    counts: dict[str, int] = {}
    first: dict[str, tuple[str, object, bool]] = {}
    for el in (*scripts, *(f for f in frames if id(f) not in reported)):
        src = (el.get("src") or "").strip()
        if not src.lower().startswith(("http://", "https://", "//")):
            continue
        counts[src] = counts.get(src, 0) + 1
        if src not in first:
            first[src] = ("外站脚本" if el.tag == "script" else "外站框架", el, id(el) in hidden)
    for src, (kind, el, inside_hidden) in first.items():
        if counts[src] >= REPEATED_RESOURCE:
            kind += f"（同一地址重复引入 {counts[src]} 次）"
        elif inside_hidden and kind == "外站框架":  # statistics scripts sit in hidden divs for a reason
            kind += "（放在隐藏元素内）"
        out.append((kind, "", src, el))
    return out


SPAM_TEMPLATE = "泛目录模板的空标签"  # the technique's name: the template is the evidence, whatever the page says
_SAME_ID_TAGS = 4  # empty elements sharing one id: an id names one element …
_SAME_ID_KINDS = 3  # … of as many kinds (bdo, mark, legend, noscript …): a template's clearfix repeats one <div id="clear">


def _spam_template_tags(attributed: list) -> list[tuple[str, str, str, object]]:
    """The empty inline elements that spam page generators (泛目录, 寄生虫 programs) scatter through their
    pages, all with one random id: <bdo id="fjoxn"><mark id="fjoxn"><legend id="fjoxn"></legend></mark></bdo>
    (blind133 s11 and nine earlier spam rows, each with four to seven kinds of element under the one id; none among 78
    government and 123 news pages or any decoy)."""
    empty: dict[str, list] = {}
    for el in attributed:
        name = el.get("id")
        if name and not (el.text or "").strip() and all(child.get("id") == name for child in el):
            empty.setdefault(name, []).append(el)
    return [(f"{SPAM_TEMPLATE}（id “{name[:20]}” 重复 {len(els)} 次）", "", "", els[0]) for name, els in empty.items()
            if len(els) >= _SAME_ID_TAGS and len({el.tag for el in els}) >= _SAME_ID_KINDS]


def hidden_among(doc, scripts: list, metas: list, rules: dict[str, str], attributed: list
                 ) -> list[tuple[str, str, str, object]]:
    """hidden_content, given page_scripts(doc) and the elements of `doc` that have attributes, in document
    order (an element without any cannot be hidden by one of the tests below)."""
    out: list[tuple[str, str, str, object]] = []
    seen: set[int] = set()
    alive: list[object] = []
    frames: list[object] = []
    plain: list[int] = []  # indexes in `out` of links hidden by an element without class or id
    for el in attributed:
        # only elements that one of the tests below can hold for
        tag = el.tag
        if tag not in _HIDING_TAGS and el.get("style") is None \
                and not (rules and (el.get("class") is not None or el.get("id") is not None)):
            continue
        if tag in _FRAME_TAGS:
            frames.append(el)
        if id(el) in seen:
            continue
        how = hiding_technique(el.get("style") or "")
        if how is None and el.tag.lower() == "font" and _colour(el.get("color") or "") == "#ffffff":
            how = "白色文字（与页面白底同色）"
        if how is None and el.tag.lower() in ("iframe", "frame") and el.get("src") and \
                (el.get("width") or "").strip() in ("0", "1") and (el.get("height") or "").strip() in ("0", "1"):
            how = "零尺寸 iframe"
        if how is None and rules:
            marks = [f".{c}" for c in (el.get("class") or "").split()] + ([f"#{el.get('id')}"] if el.get("id") else [])
            how = next((rules[m] for m in marks if m in rules), None)
        if how is None and el.tag.lower() == "marquee":
            # either side tiny hides it (blind40: width="1" height="6"), and so does a scroll too fast to read
            # (scrollAmount=10000 moves the text 10,000 pixels a step)
            sizes = [int(m.group()) for m in (re.search(r"\d+", el.get(k) or "") for k in ("height", "width")) if m]
            speed = re.search(r"\d+", el.get("scrollamount") or "")
            if sizes and min(sizes) <= 5:
                how = "marquee 滚动且尺寸极小"
            elif speed and int(speed.group()) >= _UNREADABLE_SCROLL:
                how = "marquee 滚动过快无法阅读"
        if how is None:
            continue
        for inner in el.iter():
            seen.add(id(inner))
            alive.append(inner)  # keeps the proxy, so that its id stays its own
        text = " ".join(string_content(el).split())
        links = [a for a in el.iter("a") if a.get("href")]
        if el.tag.lower() == "a" and el.get("href"):
            links = [el]
        if el.tag.lower() in ("iframe", "frame"):
            out.append((how, text, (el.get("src") or "").strip(), el))
            continue
        bare = el.get("class") is None and el.get("id") is None  # no part of the page's own tabs and menus
        for a in links:
            if bare:
                plain.append(len(out))
            out.append((how, " ".join(string_content(a).split()), a.get("href").strip(), el))
        if text and not links:
            out.append((how, text[:300], "", el))
    if len(plain) >= HIDDEN_LINK_FARM:
        out = _link_farms(out, plain)
    out += _spam_template_tags(attributed)
    out += foreign_resources(scripts, frames, seen, {id(el) for _, _, _, el in out})
    for script in scripts:
        code = _unescape(script.text or "")
        if _SCRIPT_WRITE_RX.search(code):
            for href, text in _SCRIPT_LINK_RX.findall(code):
                out.append(("脚本动态写入", re.sub(r"<[^>]+>", "", text).strip(), href, script))
            for tag, src in dict.fromkeys(_SCRIPT_RESOURCE_RX.findall(code)):
                out.append(("脚本写入的外站" + ("脚本" if tag.lower() == "script" else "框架"), "", src, script))
        if "_0x" in code and len(set(_OBFUSCATED_RX.findall(code))) >= 5 \
                and ("<script" in code.lower() or "createElement" in code):
            out.append(("混淆脚本动态加载外部脚本", "", "", script))
        if "CreateObject" in code and _VBS_DROPPER_RX.search(code) \
                and "vbscript" in f"{script.get('language')} {script.get('type')}".lower():
            out.append(("VBScript 木马代码", "", "", script))
        if "userAgent" in code and (spider := _SPIDER_TITLE_RX.search(code)):
            served = next((" ".join(string_content(t).split()) for t in doc.iter("title")), "")
            if served and served != spider.group(1).strip():
                out.append((f"{SPIDER_TITLE}（访客看到“{spider.group(1).strip()[:40]}”）", served[:300], "", script))
        cloaked = bool(_SEARCH_REFERRER_RX.search(code) and _SEARCH_ENGINE_RX.search(code))
        for groups in _SCRIPT_REDIRECT_RX.findall(code):
            out.append((SEARCH_REDIRECT if cloaked else "脚本跳转", "", next(g for g in groups if g), script))
    for meta in metas:
        if (meta.get("http-equiv") or "").lower() == "refresh":
            target = re.search(r"url\s*=\s*['\"]?([^'\";]+)", meta.get("content") or "", re.I)
            if target:
                out.append(("自动跳转（meta refresh）", "", target.group(1).strip(), meta))
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if id(a) not in seen and href.lower().startswith(("http://", "https://", "//")):
            out.append(("", " ".join(string_content(a).split()), href, a))
    return out
