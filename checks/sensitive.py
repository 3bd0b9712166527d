"""`text.sensitive`: sensitive and banned words, dark links (暗链) and injected spam.

Context decides. A gambling or fraud term next to 打击、严禁、谨防、查处 … (a crackdown notice, a
warning) or a tax office's 代开发票 service is legitimate and not reported; so is a term in the running
prose of a page that is itself a crackdown report or a police warning (several distinct cues on the page).
A term written with symbols or spaces between its characters ("网络赌．博") is evasion and always reported.
Keyword stuffing — the injected titles and footers of hijacked pages, "国产…在线观看…一区二区",
"365bet网址…app下载" — is recognised by markers of a spam family that crowd together, and is reported
whatever the page is about. Cues, families and thresholds are data (lexicons/sensitive_context.yaml).
The same term in hidden markup, in a link's text or in a link to a gambling, porn or lottery domain
is reported whatever stands around it, with the hiding technique and the target URL in the evidence.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlsplit

from ahocorasick_rs import AhoCorasick, MatchKind

from checks.base import AuditData, CheckRules, Observation
from checks.hidden import SEARCH_REDIRECT, SPAM_TEMPLATE, SPIDER_TITLE
from checks.hosts import compromised, host_of, is_stranger, own_sites, site_of
from checks.lexicon import (
    CJK_RUN,
    Matcher,
    lexicon_paths,
    matcher,
    on_word_boundaries,
    read_yaml_lexicon,
    sensitive_context,
    sensitive_matcher,
    sensitive_words,
    small_automaton,
    tokenizer,
)
from checks.memo import key as memo_key
from checks.memo import memoised, text_hash
from checks.names import in_place_name
from checks.registry import check
from checks.sources import TextSource, page, source_scope, text_sources
from checks.text import context, fold, fold_positions, to_simplified

_CJK = re.compile("[\u4e00-\u9fff]")
_SENTENCE_BREAK = re.compile(r"[，。；：、！？,;:!?（）()《》〈〉【】\[\]“”\"\n\r]")
_SENTENCE_END = re.compile(r"[。！？!?\n\r]")
# emoji (pictographs, dingbats, flags, skin tones, joiners, variation selectors, keycaps) written between the
# characters of a phrase: "动漫贞子被❎黄漫在线观看", "无码⛹🏽‍♀️裸体🇲🇬写真" — SEO spam's way past keyword filters
_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u200D\uFE0F\u20E3"
_EMOJI_PHRASE_RX = re.compile(f"[\\w{_EMOJI}]*\\w[{_EMOJI}]+\\w[\\w{_EMOJI}]*")
_EMOJI_RX = re.compile(f"[{_EMOJI}]")
# how an advertiser of an illegal service is reached ("代开发票 微信 13800000000"): a page that is about taxes
# throughout still reports 代开发票 with such a contact beside it. The account is Latin letters and digits: in
# "QQ主動與郭某進行視頻裸聊" (a police warning, blind24) no contact follows QQ
# Ads also write the contact evasively (blind27: "薇：RYG622 扣：157764444 飞机@LMG567", "微5374.777"): 薇, 微, 扣, 企鹅
# for WeChat and QQ, 飞机, 纸飞机, TG for Telegram; the account may hold dots
_CONTACT_RX = re.compile(r"(?:QQ|qq|微信|威信|V信|v信|vx|VX|wx|加V|加v|薇|微|扣扣|扣|企鹅|纸飞机|飞机|TG|tg|[Tt]elegram)"
                         r"\s*[:：号@]?\s*[(（【\[]?\s*@?"  # blind78: "WX:( RYG622)", "飞机：（@lmg567）"
                         r"[A-Za-z0-9_\uff10-\uff19\uff21-\uff3a\uff41-\uff5a.-]{5,}|(?<!\d)1[3-9]\d{9}(?!\d)")


# The same contact in folded text (fold drops the marks and brackets that ads wrap it in), as the illegal trades write it
# to slip past filters (blind89: "微信购买✅「『薇』——6759129——」", "【╬溦542394562】", "【十(V)4190_9866】", "岱发TG:@ybseo7",
# "【41530556】q、v同号", a mobile split by the marks of its carriers "178(电)7383(溦)9004"). A family that sells
# something only criminals sell (sold_with_contact) reports its subject when such a contact is within _SELLER_REACH
# characters: "办毕业证" or "花呗取现" beside a WeChat is an ad, whatever the page says about it elsewhere.
_FOLDED_CONTACT_RX = re.compile(r"(?:qq|微信|威信|v信|薇信|vx|wx|加v|薇|溦|徴|扣扣|企鹅|飞机|(?<![a-z0-9])tg|telegram)"
                                r"[a-z0-9_]{5,}"
                                r"|(?<![a-z0-9])v\d{5,}|\d{5,}(?:qv|vq|q微|微q)同号"
                                r"|(?<!\d)1[3-9]\d[\u4e00-\u9fff]?\d{4}[\u4e00-\u9fff]?\d{4}(?!\d)")
_SELLER_REACH = 20


@dataclass(frozen=True)
class SpamFamily:
    """Markers of one kind of keyword stuffing: what is offered (subjects) and the call to action."""

    category: str
    subjects: tuple[str, ...]
    actions: tuple[str, ...]
    patterns: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]  # spam on their own (一肖一码 …), unless the
    # family's prose_may_discuss; with anchors that must be in the text before the pattern is tried (cheaper)
    prose_may_discuss: bool  # crackdown reports discuss this vocabulary in running prose (gambling)
    min_subjects: int  # distinct subject markers needed (国产 alone in 国产纪录片高清视频 is no porn)
    min_actions: int = 1  # distinct action markers needed (0: a menu of subjects alone, 偷拍 美图 写真 走光)
    window: int | None = None  # characters within which this family's markers must crowd (None: the page rule's)
    gated: bool = False  # markers looked for only in a text that holds one of the subjects (rare subjects, common
    # actions such as 体育, 会员, 免费: one scan for them in every government text would cost more than it finds)
    brands: tuple[str, ...] = ()  # casino brands (开云, 乐鱼 …): before 官网, 开户 …, and as a school's replaced name
    sold_with_contact: bool = False  # a subject with a seller's contact right beside it is an ad on its own


@dataclass(frozen=True)
class PageRules:
    families: tuple[SpamFamily, ...]
    window: int  # characters within which the markers must crowd
    min_markers: int  # distinct markers, at least one subject and one action
    page_cues: int  # distinct legitimate cues that make a page a crackdown report or a warning
    prose_chars: int  # Chinese characters that make a line running prose
    emoji_terms: tuple[tuple[str, str], ...] = ()  # (folded term or emoji, category): spam when emoji break the phrase
    advertised_only: frozenset[str] = frozenset()  # words reported in visible text only beside a seller's contact
    hidden_link_words: re.Pattern[str] | None = None  # English spam words of hidden links (spam_link_words_latin)
    quotation_cues: tuple[str, ...] = ()  # a page that reports a hijacked site (篡改, 植入 …) quotes the spam it found
    bare_brands: tuple[str, ...] = ()  # online-only betting brands that name an institution on their own (必赢共获金奖)
    stock_notices: re.Pattern[str] | None = None  # notices every site of a kind prints (健康游戏忠告): no cue in them
    disguised: frozenset[str] = frozenset()  # names written backwards to dodge filters (凯时尊龙): never prose, never legitimate
    # words reported in visible text only where the page also holds one of their selling words (代孕: 费用, 微信 …)
    sold_on_page: tuple[tuple[str, tuple[str, ...]], ...] = ()


@functools.lru_cache(maxsize=1)
def page_rules() -> PageRules:
    """The keyword-stuffing families and page-level thresholds of sensitive_context.yaml (ops may add)."""
    families: dict[str, SpamFamily] = {}
    window, min_markers, page_cues, prose_chars = 40, 3, 3, 30
    emoji_terms: dict[str, str] = {}
    advertised: set[str] = set()
    latin: list[str] = []
    quotation: list[str] = []
    bare: list[str] = []
    notices: list[str] = []
    disguised: set[str] = set()
    sold: dict[str, tuple[str, ...]] = {}
    for path in lexicon_paths("sensitive_context.yaml"):
        raw, _ = read_yaml_lexicon(path)
        bare += [to_simplified(fold(str(w))) for w in raw.get("bare_brands") or []]
        quotation += [to_simplified(fold(str(w))) for w in raw.get("quotation_cues") or []]
        notices += [str(p) for p in raw.get("stock_notices") or []]
        advertised.update(fold(str(w)) for w in raw.get("advertised_only") or [])
        for word, cues in (raw.get("sold_on_page") or {}).items():
            sold[fold(str(word))] = sold.get(fold(str(word)), ()) + tuple(to_simplified(str(c)).lower() for c in cues or [])
        disguised.update(fold(str(w)) for w in raw.get("disguised_names") or [])
        latin += [str(w).lower() for w in raw.get("spam_link_words_latin") or []]
        stuffing = raw.get("keyword_stuffing") or {}
        window = int(stuffing.get("window", window))
        min_markers = int(stuffing.get("min_markers", min_markers))
        page_cues = int(raw.get("page_cues_min", page_cues))
        prose_chars = int(raw.get("prose_line_chars", prose_chars))
        for category, terms in (raw.get("emoji_evasion") or {}).items():
            emoji_terms.update({str(t) if _EMOJI_RX.search(str(t)) else fold(str(t)): str(category) for t in terms or []})
        for name, spec in (stuffing.get("families") or {}).items():
            old = families.get(str(name))
            subjects = tuple(str(w).lower() for w in spec.get("subjects") or [])
            actions = tuple(str(w).lower() for w in spec.get("actions") or [])
            patterns = tuple(_pattern(p) for p in spec.get("patterns") or [])
            brands = [str(b).lower() for b in spec.get("brands") or []]
            if brands:  # a brand name right before 官网, 开户, app …: built here so that ops only list names
                suffixes = "|".join(map(re.escape, (str(x).lower() for x in spec.get("brand_suffixes") or ["官网"])))
                # a Chinese brand's pinyin stands before or after it (开云kaiyun.平台(中国)官方网站, kaiyun开云平台:
                # casino sites print both, blind40): the pinyin is a name, and a name a middle word, so every
                # alternative still begins with a literal name (an optional group before each made the scan slow)
                spelt = [_pinyin(b) for b in brands if _CJK.search(b)]
                names = [*brands, *spelt]
                middles = "|".join(map(re.escape, [*(str(x).lower() for x in spec.get("brand_middles") or []), *names]))
                # up to four middle words: "星空体育平台网址", "威廉希尔公司官方网站", "开云kaiyun平台中国官方",
                # "米乐平台(中国)股份有限公司官网" (blind193)
                alternatives = "|".join(map(re.escape, names))
                rx = f"(?:{alternatives})(?:{middles}){{0,4}}(?:{suffixes})"
                patterns += ((re.compile(rx, re.I), tuple(names)),)
            if old is not None:
                subjects, actions, patterns = old.subjects + subjects, old.actions + actions, old.patterns + patterns
            window_spec = spec.get("window", old.window if old is not None else None)
            families[str(name)] = SpamFamily(str(spec.get("category", name)), subjects, actions, patterns,
                                             bool(spec.get("prose_may_discuss", False)),
                                             int(spec.get("min_subjects", 1)), int(spec.get("min_actions", 1)),
                                             int(window_spec) if window_spec is not None else None,
                                             bool(spec.get("gated", old.gated if old is not None else False)),
                                             (old.brands if old is not None else ()) + tuple(brands),
                                             bool(spec.get("sold_with_contact",
                                                           old.sold_with_contact if old is not None else False)))
    latin_rx = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, dict.fromkeys(latin))) + r")(?![a-z0-9])", re.I) \
        if latin else None
    notices_rx = re.compile("|".join(f"(?:{p})" for p in notices)) if notices else None
    return PageRules(tuple(families.values()), window, min_markers, page_cues, prose_chars, tuple(emoji_terms.items()),
                     frozenset(advertised), latin_rx, tuple(dict.fromkeys(quotation)), tuple(dict.fromkeys(bare)),
                     notices_rx, frozenset(disguised), tuple(sold.items()))


def without_stock_notices(simplified: str, notices: re.Pattern[str] | None) -> str:
    """The text with the stock notices blanked out (same length, so positions hold): the 健康游戏忠告 every
    game site must print says 抵制, 谨防 and 受骗, and would make a private-server ad a warning page."""
    if notices is None:
        return simplified
    return notices.sub(lambda m: " " * len(m.group()), simplified)


@functools.lru_cache(maxsize=2)  # one per value of `gated`: with 1, a page holding a gated family's subject rebuilt both
def _marker_matcher(gated: bool = False) -> tuple[Matcher, tuple[tuple[tuple[int, bool], ...], ...]]:
    """One automaton over the markers of every family (of the gated ones with gated=True, of the others without);
    per marker, the (family, is_subject) pairs it belongs to."""
    owners: dict[str, list[tuple[int, bool]]] = {}
    for i, family in enumerate(page_rules().families):
        if family.gated != gated:
            continue
        for word in family.subjects:
            owners.setdefault(word, []).append((i, True))
        for word in family.actions:
            owners.setdefault(word, []).append((i, False))
    words = tuple(owners)
    return matcher(words), tuple(tuple(owners[w]) for w in words)


@functools.lru_cache(maxsize=1)
def _anchor_matcher() -> AhoCorasick | None:
    """One automaton over the anchors of every family's patterns and the subjects of gated families: which of
    them a text holds, in one scan."""
    families = page_rules().families
    anchors = sorted({a for family in families for _, anchors in family.patterns for a in anchors if a}
                     | {w for family in families if family.gated for w in family.subjects})
    return small_automaton(anchors, MatchKind.Standard) if anchors else None


def _pattern(spec: object) -> tuple[re.Pattern[str], tuple[str, ...]]:
    if isinstance(spec, dict):
        return re.compile(str(spec["pattern"]), re.I), tuple(str(a).lower() for a in spec.get("anchors") or [])
    return re.compile(str(spec), re.I), ()


def keyword_stuffing(norm: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, category, prose_may_discuss) in the folded text where markers of a spam family crowd."""
    rules = page_rules()
    out: list[tuple[int, int, str, bool]] = []
    anchor_automaton = _anchor_matcher()
    present = set(anchor_automaton.find_matches_as_strings(norm, overlapping=True)) if anchor_automaton else set()
    present.add("")  # `"" in norm`
    per_family: dict[int, list[tuple[int, int, str, bool]]] = defaultdict(list)
    gated = any(f.gated and not present.isdisjoint(f.subjects) for f in rules.families)
    for automaton, owners in (_marker_matcher(), *([_marker_matcher(True)] if gated else [])):
        if automaton.words:
            for index, start, end in automaton.find(norm):
                for family_index, subject in owners[index]:
                    per_family[family_index].append((start, end, automaton.words[index], subject))
    for family_index, family in enumerate(rules.families):
        marks = per_family.get(family_index, [])
        if family.sold_with_contact:
            out += [(start, end, family.category, family.prose_may_discuss) for start, end, _, subject in marks
                    if subject and _FOLDED_CONTACT_RX.search(norm, max(0, start - _SELLER_REACH), end + _SELLER_REACH)]
        for rx, anchors in family.patterns:
            if not anchors or not present.isdisjoint(anchors):  # an anchor is in the text
                out += [(m.start(), m.end(), family.category, family.prose_may_discuss) for m in rx.finditer(norm)]
        if len(marks) < rules.min_markers or family.min_subjects and not any(m[3] for m in marks):
            continue  # common action words alone (体育, 会员, 免费 in government text): nothing to crowd
        window = family.window if family.window is not None else rules.window
        i = 0
        while i < len(marks):
            j, found = i, dict[str, bool]()
            while j < len(marks) and marks[j][0] - marks[i][0] <= window:
                found.setdefault(marks[j][2], marks[j][3])
                j += 1
            subjects = sum(found.values())
            if len(found) >= rules.min_markers and subjects >= family.min_subjects \
                    and len(found) - subjects >= family.min_actions:
                out.append((marks[i][0], max(m[1] for m in marks[i:j]), family.category, family.prose_may_discuss))
                i = j
            else:
                i += 1
    # a span inside another of its category is one finding, reported once at its longest (亚搏体育 of 亚搏体育app)
    return sorted(x for x in set(out) if not any(o[2] == x[2] and o[0] <= x[0] and x[1] <= o[1] and o[:2] != x[:2]
                                                for o in out))


def emoji_evasion(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, term, category) of phrases with emoji written between their characters that hold a porn
    or gambling term (emoji_evasion in sensitive_context.yaml): "被❎黄漫在线观看", "免费🔞美女". Emoji as
    decoration ("👉点击查看", "1️⃣无码人员" without such a term) are not reported."""
    if not _EMOJI_RX.search(text):
        return []
    terms = page_rules().emoji_terms
    out = []
    for m in _EMOJI_PHRASE_RX.finditer(text):
        phrase = m.group()
        folded = fold(phrase)
        found = next(((t, c) for t, c in terms if (t in phrase if _EMOJI_RX.search(t) else t in folded)), None)
        if found:
            out.append((m.start(), m.end(), *found))
    return out


# official text and the press name separatism and cults in quotation marks, as a term they reject: “台独”分子,
# 解放军剑指“台独”, 揭批“法轮功”邪教; what hostile text writes is the bare word (台独万岁, 法轮大法好)
_QUOTED_OFFICIALLY = frozenset({"分裂", "邪教"})
# A news story's dateline names its outlet, a place and the day (人民网北京3月13日电): a term written there was put there, by a
# hijacker rewriting the page's stories (blind305: "人民网尊龙凯时3月13日电", a story on illegal loan brokers whose prose the
# crackdown cues rightly judge legitimate). The place takes at most four characters; the outlet ends in 网, 社, 报 or 台.
_DATELINE_BEFORE = re.compile(r"(?:网|社|报|台)(?:[\u4e00-\u9fff]{1,4}?)?$")
_DATELINE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?\d{1,2}月\d{1,2}日(?:电|讯)")


def in_dateline(text: str, start: int, end: int) -> bool:
    """text[start:end] stands in a news story's dateline (人民网【尊龙凯时】3月13日电)."""
    return _DATELINE_AFTER.match(text, end) is not None and _DATELINE_BEFORE.search(text, max(0, start - 6), start) is not None


def legitimate_use(text: str, start: int, end: int, word: str, warning_page: bool = False,
                   category: str = "") -> str | None:
    """The cue that makes this occurrence legitimate (打击, 严禁 …), or None.

    `text` is the page in simplified characters (to_simplified: 打擊 is 打击, positions unchanged), as
    find_sensitive converts it once for all its occurrences. The cues count within the window either
    side; the cues of one word (六合彩: 搅珠, 金多宝 in Hong Kong news; 代开发票: 税务, 办税) or of its
    category (分裂: 反对, 遏制 in statements on 台独; 邪教: 取缔, 反邪教 in anti-cult education) also anywhere in
    the same sentence, and anywhere on the page when it holds one of them and page_cues_min cues in all (a
    tax notice, a police warning on 裸聊 extortion) and no contact of an advertiser (QQ, 微信, a mobile
    number) stands beside the word. warning_page: the page
    holds several distinct cues (a crackdown report, a police warning); then a term in a line of running
    prose is legitimate too, while a short line (an injected title or footer) still needs a cue of its own.
    """
    quoted = start > 0 and end < len(text) and text[start - 1] in "“‘「『\"" and text[end] in "”’」』\""
    if category in _QUOTED_OFFICIALLY and quoted:
        return "（加引号的官方称法）"
    cues = sensitive_context()
    left, right = text[max(0, start - cues.window):start], text[end:end + cues.window]
    own = (*cues.legitimate_for.get(word, ()), *cues.legitimate_for_category.get(category, ()))
    for cue in (*cues.legitimate, *own):
        if cue in left or cue in right:
            return cue
    if own:
        on_page = [c for c in own if c in text]
        general = {c for c in cues.legitimate if c in text} if on_page else set()
        if on_page and len(set(on_page) | general) >= page_rules().page_cues \
                and not _contact_beside(text, start, end):
            return f"（全文为该词的正当语境：{'、'.join(dict.fromkeys([*on_page, *general]))}）"
        ends = [m.start() for m in _SENTENCE_END.finditer(text, max(0, start - 120), start)]
        sentence_start = ends[-1] + 1 if ends else max(0, start - 120)
        stop = _SENTENCE_END.search(text, end, end + 120)
        sentence = text[sentence_start:stop.start() if stop else min(len(text), end + 120)]
        for cue in own:
            if cue in sentence:
                return cue
    if warning_page and in_prose(text, start, end):
        return "（全文为打击整治或警示内容）"
    return None


def legitimate_stuffing(text: str, start: int, end: int, category: str, warning_page: bool) -> str | None:
    """The cue that makes keyword stuffing of a family that crackdown reports discuss legitimate, or None.
    In a line of prose the category's cues count as for a word (邪教: 歪理邪说 in a police report quoting a
    slogan); a short line (a title, a footer, a slogan on its own) counts only the cues in that line."""
    if in_prose(text, start, end):
        return legitimate_use(text, start, end, "", warning_page, category)
    line_start, line = _line_of(text, start, end)
    return legitimate_use(line, start - line_start, end - line_start, "")


_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"', "'": "'", "`": "`"}


def quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside one pair of quotation marks on its line ("…", “…”, 「…」, `…`)."""
    line_start, line = _line_of(text, start, end)
    a, b = start - line_start, end - line_start
    for opening, closing in _QUOTES.items():
        left = line.rfind(opening, 0, a)
        if left < 0 or line.find(closing, b) < 0 or closing in line[left + 1:a] or opening in line[a:b]:
            continue
        if opening != closing or line.count(opening, 0, a) % 2 == 1:
            return True
    return False


_QUOTED_LIST = re.compile(r"(?:“[^“”\n]{1,16}”[、，,]?){2,}等")


def _named_in_a_quoted_list(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies in a list of quoted names followed by 等: a regulator's report names the sites it
    closed ("关闭“牛竞技”“新葡京”“金沙娱乐城”等一批聚众赌博违法网站", blind67), a reporter the ads found ("发现仍有“代孕”
    “招聘代妈”等内容", blind68). Injected spam is not set out in quotation marks."""
    for m in _QUOTED_LIST.finditer(text, max(0, start - 80), min(len(text), end + 80)):
        if m.start() <= start and end <= m.end():
            return True
    return False


def quotation(text: str, start: int, end: int) -> str | None:
    """The cue that makes stuffing a quotation (a bug report or a news story on a hijacked site quoting the
    injected "亚搏体育app"), or None: the match stands in quotation marks and the page names how sites are
    hijacked (quotation_cues: 篡改, 植入, 注入 …). The injected text itself is not quoted, or quoted on a page
    that says nothing of hijacking (a translation file's "IssueTracker-GitLab": "亚搏体育app")."""
    cues = page_rules().quotation_cues
    if not cues or not quoted(text, start, end):
        return None
    return next((c for c in cues if c in text), None)


def _unsold(simplified: str, word: str, sold_on_page: tuple[tuple[str, tuple[str, ...]], ...]) -> bool:
    """`word` is one that only a page selling it uses as spam (sold_on_page), and this page holds none of its selling
    words (the page is lowered once, and only for such a word)."""
    cues = next((c for sold, c in sold_on_page if sold == word), None)
    if cues is None:
        return False
    page = simplified.lower()
    return not any(cue in page for cue in cues)


def _contact_beside(text: str, start: int, end: int) -> bool:
    """Whether an advertiser's contact (_CONTACT_RX) stands within 20 characters of text[start:end]."""
    return _CONTACT_RX.search(text, max(0, start - 20), end + 20) is not None


def _advertised(text: str, start: int, end: int) -> bool:
    """Whether an advertiser's contact (a WeChat, QQ or Telegram account, a mobile number) stands on the line of
    text[start:end] within 40 characters: no cue of a crackdown report makes stuffing beside it legitimate."""
    line_start, line = _line_of(text, start, end)
    return _CONTACT_RX.search(line, max(0, start - line_start - 40), end - line_start + 40) is not None


def _line_of(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the line holding text[start:end] starts, and the line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, text[line_start:line_end if line_end >= 0 else len(text)]


# what counts towards a line of prose: Chinese characters, Hangul syllables, kana, and Latin words (a foreign-
# language version of a government site reports crackdowns too: blind38's Korean police report)
_PROSE_UNIT = re.compile("[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]|[A-Za-z]{2,}")


def in_prose(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands in a line of running prose (not a title, a footer or a slogan), in a
    shorter line that is a whole sentence (a photo caption: "图为上海某代孕机构向暗访记者出示的代孕预算表。",
    blind43; one that opens with 图为 needs no full stop) unless a visitor says it ("网友留言：…"), or in a
    sentence of a page that breaks its sentences into short lines (`_broken_into_lines`)."""
    line = _line_of(text, start, end)[1]
    units = len(_PROSE_UNIT.findall(line))
    if units >= page_rules().prose_chars or (units >= _BROKEN_LINE_MIN and _broken_into_lines(text)):
        return True
    if units < _SENTENCE_LINE_MIN:
        return False
    simplified = to_simplified(line)  # once, for the photo credit and the visitor's comment
    return (line.rstrip().endswith(_FULL_STOP) or line.lstrip().startswith(_CAPTION)
            or _PHOTO_CREDIT.search(simplified) is not None) and not _VISITOR_SAYS.match(simplified)


_SENTENCE_LINE_MIN = 12  # units of a line that ends a sentence (titles and injected keyword lines end without a full stop)
_FULL_STOP = ("。", "！", "？")
# a photo caption, its full stop left out ("图为代孕机构对求孕者的聊天截图", blind63)
_CAPTION = ("图为", "上图为", "下图为", "图片为")
# a caption that ends by crediting its photo ("有偿捐卵广告，图据健康时报", blind150 l01): a news page's, not an ad's
_PHOTO_CREDIT = re.compile(r"[，,（(\s](?:图据|图源|图片来源|图片据|图片由|供图|摄影?)[：:]?\s*"
                           r"[\u4e00-\u9fffA-Za-z]{2,12}[）)]?\s*$")
# a visitor's comment is one sentence too, and the place where spam and separatist slogans are posted: "网友留言：支持台独…"
_VISITOR_SAYS = re.compile(r"\s*[^：:\n]{0,8}?(?:网友|游客|访客|匿名|留言|评论|回复)[^：:\n]{0,8}?[：:]")
_BROKEN_LINE_MIN = 6  # units on a line of a sentence broken into lines (a title or a slogan is one line of its own)
_CLAUSE_END = tuple("，,、；;：:")
_BROKEN_SHARE = 0.3  # of the page's lines of Chinese text, this share ends in the middle of a sentence …
_BROKEN_LINES = 8  # … and at least this many


@functools.lru_cache(maxsize=8)
def _broken_into_lines(text: str) -> bool:
    """The page breaks its sentences into short lines, as WeChat articles reposted on government accounts do
    ("由于存在代孕、买卖卵子等 / 非法技术的需求, / 地下代孕中介机构迅速滋生,": blind40's health-supervision
    article): many of its lines end in the middle of a sentence, with a comma or an enumeration mark."""
    lines = [line.strip() for line in text.splitlines() if _CJK.search(line)]
    broken = sum(line.endswith(_CLAUSE_END) for line in lines)
    return broken >= _BROKEN_LINES and broken >= _BROKEN_SHARE * len(lines)


def _breadcrumb_use(simplified: str, start: int, end: int, word: str, warning_page: bool, category: str) -> str | None:
    """legitimate_use, except that in a breadcrumb, which names the site's own column, only the breadcrumb's own words
    can excuse a term (blind65: a private server's "当前位置: 韩版靓装超变传奇" over a copied 文化部 notice on 查处
    private servers; "当前位置：首页 > 专题 > 打击网络赌博" is excused by its 打击)."""
    line_start, line = _line_of(simplified, start, end)
    if _BREADCRUMB.match(line):
        return legitimate_use(line, start - line_start, end - line_start, word, False, category)
    return legitimate_use(simplified, start, end, word, warning_page, category)


_BREADCRUMB = re.compile(r"\s*(?:您?(?:当前|现在|目前)?的?(?:所在)?位置|当前栏目)\s*[:：]")
# the line under a news story's headline: its date (after an author's name: "访客 2025-07-05", blind65), or who wrote or
# published it
_BYLINE = re.compile(r"\s*(?:[^\n\d]{0,12}?\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}"
                     r"|(?:发布|发表|更新)(?:时间|日期)|来源|作者|记者|供稿)")
_HEADLINE_MAX = 40  # characters of a headline
# an advertiser's call in a title (blind59: "超变态传世私服发布网久久传世精品立即加入畅玩" over a 发布日期 line)
_CALL_TO_ACT = re.compile("立即|马上|加入|畅玩|下载|注册|登录|入口|官网|网址|咨询|热线|推荐|首选|包成功|价格|优惠|免费")


def _headline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands in a story's headline: a short line whose next line of text is the byline (a date,
    来源, 作者). A story the page tells legitimately names its subject in its headline ("代孕，游走在灰色地带" over
    三联生活周刊's report, blind64); a keyword put in a page's title bar has no byline under it, and an advertiser's
    title calls to act (立即加入, 下载)."""
    line_start, line = _line_of(text, start, end)
    if len(line.strip()) > _HEADLINE_MAX or _CALL_TO_ACT.search(to_simplified(line)):
        return False
    following = text[line_start + len(line):line_start + len(line) + 200].lstrip("\n \t\u3000")
    return _BYLINE.match(following) is not None


def _straddles(norm: str, start: int, end: int) -> bool:
    """Whether norm[start:end] is the tail of one ordinary word and the head of the next: "全台独家" is 全台 + 独家,
    not 台独 (jieba, told of the sensitive words, cuts 全/台独/家). Both words must reach past the term's ends, and
    their dictionary counts multiplied must reach twice the term's: "地下代孕产业" (下代 3 × 孕产 3 against 代孕 31)
    keeps its 代孕."""
    freq = tokenizer().FREQ
    term = freq.get(norm[start:end]) or 1
    for k in range(1, end - start):
        left = max((freq.get(norm[start - a:start + k]) or 0 for a in range(1, min(3, start) + 1)), default=0)
        right = max((freq.get(norm[start + k:end + b]) or 0 for b in range(1, min(3, len(norm) - end) + 1)), default=0)
        if left * right >= 2 * term:
            return True
    return False


_INSERTED_FROM = 100  # jieba's count from which the two sides of a term, joined, are an everyday word (第三方 134)


def _inserted_into_a_word(norm: str, start: int, end: int) -> bool:
    """Whether the term norm[start:end] was pushed into the middle of an everyday word: two characters on one side of it
    and one on the other, joined, make one, and the single character is stranded, in no word with its other neighbours
    ("第三博彩百科方支付": 第三方, and 方支 is no word; blind367 s03). Keyword injection does this to a copied article;
    a writer does not, so the term is reported whatever the article around it discusses. Two characters join by chance
    (地下代孕场所: 下场), and so does a character that ends a word of its own (必要性|代孕行为: 性行为)."""
    freq = tokenizer().FREQ
    for a, b in ((2, 1), (1, 2)):
        if start - a < 0 or end + b > len(norm):
            continue
        joined = norm[start - a:start] + norm[end:end + b]
        if (freq.get(joined) or 0) < _INSERTED_FROM or not CJK_RUN.fullmatch(joined):
            continue
        if b == 1:
            stranded = not any(freq.get(norm[end:end + k]) for k in (2, 3) if end + k <= len(norm))
        else:
            stranded = not any(freq.get(norm[start - k:start]) for k in (2, 3) if start - k >= 0)
        if stranded:
            return True
    return False


_SEO_ITEM = re.compile(r"[^,，|_\-\s]{2,14}")
_SEO_SEPARATED = re.compile(r"(?:[^,，|_\-\s]{2,14}[,，|_\-]){4,}[^,，|_\-\s]{2,14}")
_SEO_PREFIX_REPEATS = 3


def seo_keyword_list(text: str, start: int, end: int) -> bool:
    """text[start:end] lies in a run of five or more short items separated by commas, bars, dashes or
    underscores that repeat one brand at their head ("爱体育,爱体育官网,爱体育APP,爱体育百家乐", blind41): the keyword
    list of a hijacked page, glued to the front of a real article, which no crackdown report writes. A run in
    quotation marks is someone's words, parallel clauses of an interview ("“该机构分工明确,专人通过网络物色卵妹,专人
    寻找代孕客户,专人陪产,…", blind53's report on a surrogacy ring), not an injected list. Nor is a run that a full stop
    ends: parallel clauses of a sentence ("为了反对和遏制“台独”分裂势力分裂国家，促进祖国和平统一，维护台湾海峡地区和平稳定，维护
    国家主权和领土完整，维护中华民族的根本利益，根据宪法，制定本法。": 反分裂国家法's first article, found in round 39)."""
    for m in _SEO_SEPARATED.finditer(text, max(0, start - 200), min(len(text), end + 200)):
        if m.start() <= end and start <= m.end() and m.group()[0] not in _QUOTES and not quoted(text, m.start(), m.end()) \
                and not m.group().endswith(_FULL_STOP) and text[m.end():m.end() + 1] not in _FULL_STOP:
            heads = Counter(item[:2] for item in _SEO_ITEM.findall(m.group()))
            if heads and heads.most_common(1)[0][1] >= _SEO_PREFIX_REPEATS:
                return True
    return False


# A betting site's keyword list: four or more short items, one per line or between commas, bars or underscores, that
# share their head and end in a site's words (blind67–68: "金年会,金年会体育,金年会体育app,金年会体育官方网站,金年会注册,
# 金年会最新入口", "游艇会官方网站入口 / 游艇会官方网 / 游艇会官方网址", "365有没有反水的_365bet娱乐网站_365万博首页"): the
# brand need not be listed. An office's menu shares no head across its items (网站首页|网站地图 are two).
_LIST_ITEM = re.compile(r"[^,，|_\n]{2,16}")
_LIST_RUN = re.compile(r"(?:^|(?<=[,，|_\n]))(?:[^,，|_\n]{2,16}(?:[,，|_]|\n)){3,}[^,，|_\n]{2,16}(?=[,，|_\n]|$)", re.M)
_HEAD = re.compile("[\u4e00-\u9fffA-Za-z0-9]{2}")
_SITE_ENDINGS = ("官网", "官方网站", "官方网", "网址", "入口", "注册", "登录", "线路", "app", "下载", "平台", "首页", "娱乐网站")
_BRAND_LIST_ITEMS = 4  # items that share a head …
# an office's or a public institution's own site: a province's related-links menu ("广东省文化馆官网 /
# 广东省立中山图书馆官方网站 / 广东省星海音乐厅官网", policy.json) shares the head 广东 and ends in 官网 like a brand's
# list, but names no brand
_OFFICE_SITE = re.compile("(?:馆|厅|局|院|委|办|政府|学校|大学|学院|中心)(?:官网|官方网站|官方网|网址|入口|首页)\\s*$")
_BRAND_LIST_SITES = 2  # … of which this many end in a site's words


def brand_keyword_lists(simplified: str) -> list[tuple[int, int, str]]:
    """(start, end, the shared head) of each betting site's keyword list in `simplified` (see above). Only the stretches
    around a site's word right before a separator are read (the list regex over a whole page cost a third of the check)."""
    automaton = _site_endings()
    ends = [end for _, _, end in automaton.find_matches_as_indexes(simplified)
            if _AT_BREAK.match(simplified, end)]
    if len(ends) < _BRAND_LIST_SITES:
        return []
    found: list[tuple[int, int, str]] = []
    for lo, hi, count in _stretches(ends, _LIST_REACH, len(simplified)):
        if count >= _BRAND_LIST_SITES:  # a lone 首页 or 登录 at a line's end is a menu's
            found += _lists_in(simplified, lo, hi)
    return found


_AT_BREAK = re.compile("[ \t]*(?:[,，|_\n]|$)")


@functools.lru_cache(maxsize=1)
def _site_endings() -> AhoCorasick:
    return small_automaton([*_SITE_ENDINGS, "APP", "App"], MatchKind.LeftmostLongest)


_LIST_REACH = 300  # characters either side of such a word: a list of a dozen items


def _stretches(points: list[int], reach: int, length: int) -> list[tuple[int, int, int]]:
    """(start, end, how many points) of the stretches of `reach` characters either side of the points, overlapping
    ones merged."""
    out: list[tuple[int, int, int]] = []
    for at in points:
        lo, hi = max(0, at - reach), min(length, at + reach)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi, out[-1][2] + 1)
        else:
            out.append((lo, hi, 1))
    return out


def _lists_in(simplified: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    found = []
    for run in _LIST_RUN.finditer(simplified, lo, hi):
        items = [(run.start() + m.start(), m.group()) for m in _LIST_ITEM.finditer(run.group())
                 if not _CJK_PUNCTUATION.search(m.group())]
        heads = Counter(item[:2] for _, item in items if len(item) >= 3 and _HEAD.match(item))
        if not heads:
            continue
        head, count = heads.most_common(1)[0]
        listed = [(at, item) for at, item in items if item.startswith(head)]
        sites = {item for _, item in listed if item.lower().rstrip().endswith(_SITE_ENDINGS) and not _OFFICE_SITE.search(item)}
        if count >= _BRAND_LIST_ITEMS and len(sites) >= _BRAND_LIST_SITES:
            found.append((listed[0][0], listed[-1][0] + len(listed[-1][1]), head))
    return found


_CJK_PUNCTUATION = re.compile("[。；：？！“”]")  # an item of prose, not of a keyword list


def _pinyin(brand: str) -> str:
    """A Chinese brand's name in toneless pinyin (开云 → kaiyun)."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(brand, style=Style.NORMAL))


# a toned pinyin syllable in brackets right after a Chinese character (場(chǎng)所), as a script converter leaves it
_PINYIN_NOTE = re.compile("(?<=[\u4e00-\u9fff])\\((?=[a-z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\\)")
_PERCENT_ENCODED = re.compile(r"(?:%[eE][0-9a-fA-F]%[89abAB][0-9a-fA-F]%[89abAB][0-9a-fA-F]){2}")  # two CJK characters


# An institution's name replaced by a betting site's throughout a mirrored page (泛目录 pages of universities and offices).
# 1. A title or a signature line whose author is a "官网" with a betting brand's make-up (集团, 体育, 娱乐, 平台, 国际, 城,
#    Latin letters), blind43: "太阳集团城官网关于举办第八届田径运动会的通知" signed "太阳集团城官网", "beat365中文官方网站研究生
#    国家奖学金评审实施细则". No office titles its own notice "…官网关于" or signs it as a website.
_LINE_HEAD = r"(?m)^[ \t]*(?:附件)?(?:\d{1,2}[.．、:：]?)?[ \t]*(?:关于)?"
_SITE_AS_AUTHOR = re.compile(
    _LINE_HEAD + r"(?P<name>[^\n，。,：:（）()《》“”]{0,20}?(?:集团|体育|娱乐|平台|国际|城|[A-Za-z]{2,}\d*)"
    r"[^\n，。,：:]{0,6}?(?:官网|官方网站))"
    r"(?=关于|研究生|本科|硕士|博士|第[一二三四五六七八九十百\d]+届|\d{4}年|[ \t]*\n[ \t]*\d{4}[年\-/.])")
# 2. A graduate school's or a sports office's document title that starts with a site's name instead of the school's
#    (blind39-43: "开云网博士硕士学位授权审核实施办法", "乐竞首页博士生培养基金实施细则", "jinnianhui今年会2026年博士研究生申请
#    考核制招生实施办法", "星空XK硕士研究生三助工作暂行实施办法", "1. 华体平台第十七届田径运动会"): a two-to-four-character
#    name ending in 网 or 首页 before 博士, 硕士, 研究生 …; a lower-case Latin brand; a name ending in 平台 or 娱乐; or a listed
#    casino brand. Sites that really publish graduate admissions (研招网, 学信网), the national news sites (中国网, 人民网),
#    a school's own 首页 and 博士后 (a news site's 博士后 station) are not names of
#    this kind, and 网 or 首页 before 第N届 is a news site's event (新华网第十三届…), so it is not taken there.
_LOWER_LATIN = re.compile("[a-z]")
_DEGREE = r"(?:\d{4}年)?(?:博士(?!后)|硕士|研究生|本科生|学位)"
_EVENT = r"(?:\d{4}年)?(?:博士(?!后)|硕士|研究生|本科生|学位|招生|第[一二三四五六七八九十百\d]+届)"
_NOT_A_BRAND = re.compile("招生|教育|考试|人事|人才|学信|研招|网站|学校|学院|本站|返回|大学"
                          "|^(?:中国|人民|新华|光明|央视|中新|中青)网")


@functools.lru_cache(maxsize=1)
def _chinese_brands() -> tuple[str, ...]:
    """The casino brands of sensitive_context.yaml written in Chinese (开云, 乐鱼, 美高梅 …), longest first."""
    return tuple(sorted({b for f in page_rules().families for b in f.brands if _CJK.match(b)}, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _brand_titles() -> re.Pattern[str]:
    listed = "|".join(map(re.escape, _chinese_brands())) or "(?!)"
    return re.compile(
        _LINE_HEAD + "(?P<name>"
        rf"[\u4e00-\u9fff]{{2,4}}(?:网|首页)(?={_DEGREE})"
        rf"|[a-z]{{4,}}\d*[\u4e00-\u9fff]{{0,3}}?(?={_EVENT})"
        rf"|[\u4e00-\u9fff]{{2}}(?:平台|娱乐)(?={_EVENT})"
        rf"|(?:{listed})[A-Za-z]{{0,4}}(?={_DEGREE}))")


# 3. Anywhere in the text, a listed casino brand with a company's or an app's make-up (（中国）, 体育, 娱乐, 游戏app) where a
#    school's name belongs: before 党委, 师生, 第N届, 事业发展 … (blind44: "开云(中国)党委召开会议", "关于澳门新莆京游戏app师生
#    员工返校安排的通知"). The make-up keeps out the brands that are also places (金沙县党委, 银河街道党委).
_WHERE_A_SCHOOL_STANDS = ("党委|党总支|师生|教职工|全体|事业发展|参加学校|新型冠状病毒|领导小组|研究生院|体育运动委员会|团委"
                          "|工会|调研|学子|学生会|党支部|第[一二三四五六七八九十百\\d]+届")


@functools.lru_cache(maxsize=1)
def _brand_for_school() -> re.Pattern[str]:
    listed = "|".join(map(re.escape, _chinese_brands())) or "(?!)"
    make_up = "[（(]中国[）)]|体育|娱乐|游戏app|集团|国际|官网|唯一网站|网站"
    # a brand's Latin name before it is make-up too (blind65: "bwin必赢党委"); a department or a major is the school's too
    # (blind65: "水利米兰(中国)系", "软件米兰(中国)专业": the mirror replaced 工程)
    # … or holds the school's meeting or laboratory (blind71: "皇冠体育举办中国出生队列联盟筹备研讨会", "皇冠体育生殖医学国家
    # 重点实验室")
    return re.compile(rf"(?P<name>[a-z]{{2,10}}(?:{listed})|(?:{listed})(?:{make_up}){{1,3}})"
                      rf"(?={_WHERE_A_SCHOOL_STANDS}|系|专业|举办|召开|举行|承办|[\u4e00-\u9fff]{{0,6}}重点实验室)", re.I)


@functools.lru_cache(maxsize=1)
def _latin_and_brand() -> re.Pattern[str]:
    """3b. A listed casino brand right after a lower-case Latin name, its own or its pinyin, and with a casino's make-up,
    anywhere (blind67: "引导bbin宝盈国际农民参与到…"): the site's name as its logo writes it, never a word of an office's
    text ("下载pdf宝盈年报" has no make-up)."""
    listed = "|".join(map(re.escape, _chinese_brands())) or "(?!)"
    return re.compile(rf"(?P<name>(?<![A-Za-z])[a-z]{{3,10}}(?:{listed})(?:体育|娱乐|国际|集团|平台|官网)+)")


# 4. A name made of a casino's Latin-and-digit site name and Chinese words where a school's name or its signature stands
#    (blind45: "yh86银河国际党委", "主办单位:yh86银河国际体育运动委员会", "大发dafa888:举办学校第三十五届田径运动会的通知",
#    "williamhill英国威廉希尔2024年硕士研究生复试工作办法", a news item signed "Bevictor伟德" and dated). The Latin part holds
#    a lower-case letter: organisations' acronyms are capitals (UNESCO世界遗产委员会第44届会议)
_SITE_NAME = r"(?<![A-Za-z0-9])(?=[A-Za-z0-9]*[a-z])(?:[A-Za-z]{1,10}\d{2,6}(?:com|net|cc|vip)?|[A-Za-z]{5,12})(?![A-Za-z0-9])"
# found from what follows the name (rare on a page), then the name read backwards from there: a scan for the name
# itself tried its lookaheads at every character (18 MB/s)
_AFTER_A_SCHOOL = re.compile(_WHERE_A_SCHOOL_STANDS
                             + r"|[:：]举办|\d{4}年(?:博士|硕士|研究生|招生)|\n[ \t]*\d{4}年\d{1,2}月\d{1,2}日"
                             # a meeting's place (blind49: "william威廉中文在海滨校区礼堂举行", "伟德国际victor1946在学院325
                             # 学术报告厅召开"): only for a name in lower case or with digits (not 专家Smith在报告厅)
                             + r"|在[\u4e00-\u9fff0-9]{0,8}(?:校区|礼堂|会议室|报告厅|体育馆|运动场|操场)|于我校")
_ALNUM_BRAND = re.compile(rf"(?P<name>{_SITE_NAME}[\u4e00-\u9fff]{{2,8}}|[\u4e00-\u9fff]{{2,4}}{_SITE_NAME})$")
_ALNUM_REACH = 24  # characters before what follows: the longest name above
_CAPITALISED = re.compile("[A-Z][a-z]")
_DIGIT = re.compile("[0-9]")


# 5. A Macau casino site's name put into running text as a label, a colon after it (blind47: "努力培养澳门新濠天地游戏:高端技术
#    技能人才", "镇人大主席团组织江门市、澳门和记娱乐场,菠菜导航网:、镇三级人大代表"). Read on the simplified text: the folded
#    text drops the colon. Macau's own offices (澳门特别行政区政府网站：) end in 局, 网站 or 政府, not in a casino's make-up.
_MACAU_LABEL = re.compile(r"(?P<name>澳门[\u4e00-\u9fff]{2,6}(?:游戏|娱乐场|娱乐城|娱乐|赌场|博彩))[:：]")
# … or before a school's party branch (blind67: "澳门新浦新京娱乐党总支组织全院师生党员", a variant of 新葡京 not listed)
# … or, with a site number, before a hospital (blind99 s08, taught after the first run: a mirrored hospital's news opening
# "澳门888新莆京游戏医院特别举行")
# … or with a site's number after 网址 before a party meeting or the staff (blind159 s06, taught after the first run: "中共澳门
# 新葡平台网址7906第一次党员大会", "澳门新葡平台网址7906全体师生党员")
_MACAU_SCHOOL = re.compile(r"(?P<name>澳门\d{0,4}[\u4e00-\u9fff]{2,6}?(?:游戏|娱乐城|娱乐|赌场|博彩|网址\d{2,5}))"
                           r"(?=党委|党总支|党支部|师生|学院|团委|医院|全体|第[一二三四五六七八九十]次党员大会)")

# 6. A betting brand that names no place, company or team (必赢, 亚博), written bare three times or more, once where an
#    institution acts (blind55: "必赢共获金奖11项", "必赢高度重视"; "亚博有两支团队", "由亚博院党委副书记带队"): a mirror
#    that replaced the college's name everywhere (blind76: 研究生 replaced, "杏盛教育院"). 亚博会 (the China–ASEAN
#    expo) is followed by 会, not by an act.
_WHERE_AN_INSTITUTION_ACTS = (_WHERE_A_SCHOOL_STANDS
                             + "|共获|荣获|高度重视|召开|举办|承办|院党委|教育院|有[一二三四五六七八九十两]+[支个名位]"
                             + "|在[\u4e00-\u9fff]{2,5}校区"  # blind99 s04: "杏盛在金鸡岭校区正平馆…召开"
                             + "|赴[\u4e00-\u9fff]{2,8}(?:大学|学院|学校|调研|考察)")  # blind445 s05: "伟德赴武汉大学…调研"
_BARE_BRAND_REPEATS = 3

# 7. A betting site's "官网" given a post where a person's post stands (blind64: "会上英国正版365官方网站经理赵宏带领大家一起
#    学习"): a website has no 经理 or 主任. The name carries a casino's make-up (a number, 集团, 体育, 娱乐, 国际, Latin letters),
#    so "学校官网主任" would not be taken.
_SITE_WITH_A_POST = re.compile(
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{0,8}?(?:\d{2,}|集团|体育|娱乐|国际|[A-Za-z]{2,})[\u4e00-\u9fff]{0,4}?(?:官网|官方网站))"
    r"(?=副?(?:总经理|经理|主任|主席|院长|书记|校长|部长|处长|局长|董事长))")
# 8. A site's name in the title bar and footer replaced by a casino's greeting (blind64: a school's news page titled
#    "我校召开2024年体育工作会暨第十三届田径运动会筹备会-太阳集团欢迎您", the same words alone as its banner and footer). An
#    office greets its visitors as "欢迎访问…"; a line that is only a name with a casino's make-up and 欢迎您 is the mirror's.
_WELCOME_LINE = re.compile(r"(?m)(?:^|[-_|—])[ \t]*"
                           r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{0,8}?(?:集团|娱乐|国际|体育|[a-z]{3,}\d*)[A-Za-z0-9]{0,6})"
                           r"欢迎您[!！]?[ \t]*$")
# 9. A numbered lottery app (blind64: "卫生《22彩票878官方版app下载》站" put into a news story): China's welfare and sports
#    lotteries are named by their issuer, never by a number, and sell no tickets through downloaded apps.
_NUMBERED_LOTTERY = re.compile(r"(?P<name>(?:\d{2,}彩票|彩票\d{2,})[\u4e00-\u9fffA-Za-z0-9]{0,8}?"
                               r"(?:官方版|官网版|[Aa][Pp][Pp]下载|下载安装))")

# 10. A made-up name where a mirrored school or hospital stands, no listed brand in it (blind69, taught after the first run):
#    a "官网" that holds a meeting in a room of the campus ("新普京澳官网在行政楼一号会议室召开", "英国上市公司官网365在东门篮球场
#    举行"); a name with a company's "(中国)" before a cohort or a party committee, twice on the page ("华体(中国)2023级新生开学
#    典礼", "外国语开元(中国)党委书记"); a site number and a name before a cohort ("24848威尼斯2018届毕业生"); a betting
#    platform with a discipline office ("欧洲杯竞猜平台纪检系统"). A website holds no meeting; a company in China with a party
#    committee is "…(中国)有限公司党委", and no company or platform has a cohort of students ("华体平台2023级新生"); a number
#    before a name is a year, a count or an address (年, 号, 名 …) or nothing.
_COHORT = r"(?:\d{4}(?:级|届)|党委|党总支|纪委|纪检|师生|教职工|学子)"
_SITE_HOLDS_A_MEETING = re.compile(r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{1,10}?(?:官网|官方网站)\d{0,6})"
                                   r"(?=在[\u4e00-\u9fff0-9]{0,10}?(?:召开|举行|举办))")
_CHINA_BRANCH = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,4}}[（(]中国[）)])(?={_COHORT})")
_A_COHORT = re.compile(r"\d{4}(?:级|届)")
# … or as the root of a school's breadcrumb (blind72: "当前位置: 九州(中国)> 新闻中心> 校园动态> 正文")
_CHINA_ROOT = re.compile(r"当前位置[:：]?[ \t]*(?P<name>[\u4e00-\u9fff]{2,4}[（(]中国[）)])[ \t]*[>＞»]"
                         r"(?=[^\n]*(?:校园|学院|学校|校区|教务|招生))")
# the last two are found from what follows the name (a literal the engine skips to), the name read backwards from there:
# a scan for the name itself tried its lookarounds at every character (14 ms/MB for the numbered name alone)
_NUMBERED_NAME = re.compile(r"(?P<name>(?<![\d.])(?!(?:19|20)\d\d(?!\d))\d{3,6}"
                            r"(?![年月日号届级期次名人个元万亿千百米天时分秒度家所项条件份批户平位余多])[\u4e00-\u9fff]{2,4}?)$")
# … or a two-character name and 娱乐 before a party committee (blind85 s03, taught after the first run: a mirrored
# university paper's "万泰娱乐黨委宣傳部"): a casino calls itself 娱乐; a company with a party committee on a government
# or school page is named in full (…文化娱乐有限公司党委)
_ENTERTAINMENT_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{2}娱乐)$")
_PLATFORM_TAIL = re.compile(rf"平台(?={_COHORT})")
# 11. A betting platform numbered by its branch site, before registering or an agent (blind85 s11, taught after the first
#    run: a mirrored university's news with the school's name replaced by "意昂4代理", "意昂4注册"; 摩登3, 杏耀2 and the like):
#    two Chinese characters and one digit. An office or a school carries no such number (嫦娥4号 has 号). Found from the
#    digit (a literal the engine skips to), the name read backwards; on the simplified text, where "更长。5.注册" keeps
#    its marks (the folded text joins it into 更长5注册)
_SIGN_UP_WORDS = ("注册", "代理", "登录", "开户", "招商", "总代")
_NUMBERED_TAILS = frozenset(f"{digit}{word}" for digit in "23456789" for word in _SIGN_UP_WORDS)
_NUMBERED_SITE_TAIL = re.compile(f"[2-9](?:{'|'.join(_SIGN_UP_WORDS)})")
_NUMBERED_SITE = re.compile(f"(?P<name>[\u4e00-\u9fff]{{2}}{_NUMBERED_SITE_TAIL.pattern})")
_BETTING_PLATFORM = re.compile(r"(?P<name>[\u4e00-\u9fff]{0,4}(?:竞猜|投注|博彩)平台)$")
_COHORT_PLATFORM = re.compile(r"(?P<name>[\u4e00-\u9fff]{2}平台)$")
_NAME_REACH = 12  # characters before the tail that hold the name


@functools.lru_cache(maxsize=1)
def _bare_brand_acts() -> re.Pattern[str] | None:
    brands = page_rules().bare_brands
    if not brands:
        return None
    listed = "|".join(map(re.escape, sorted(brands, key=len, reverse=True)))
    return re.compile(f"(?P<name>{listed})(?={_WHERE_AN_INSTITUTION_ACTS})")


_SITE_WORDS = frozenset({"官网", "官方网站"})
_TITLE_WORD_LIST = frozenset({"博士", "硕士", "研究生", "本科生", "学位", "招生", "届"})
_RULE_WORDS = _SITE_WORDS | _TITLE_WORD_LIST | _NUMBERED_TAILS  # of rules 1, 2 and 11: any other trigger found is a
# listed brand (rule 3)


@functools.lru_cache(maxsize=1)
def _trigger_automaton() -> tuple[AhoCorasick, tuple[str, ...]]:
    """One scan tells which of rules 1–3 and 11 a page needs: their words (官网; 博士, 届 …; 4注册) and the listed
    brands."""
    words = (*sorted(_RULE_WORDS), *_chinese_brands())
    return small_automaton(list(words), MatchKind.Standard), words


def _numbered_name_ends(simplified: str) -> list[int]:
    """Where rule 10's numbered name would end: before a party committee, or before a cohort's year (2018届, 2023级).
    Found with str.find: a regex that starts with a digit or an alternation tries every character (6–10 ms/MB)."""
    ends = []
    for word in ("党委", "党总支"):
        at = simplified.find(word)
        while at >= 0:
            ends.append(at)
            at = simplified.find(word, at + 1)
    for mark in "级届":
        at = simplified.find(mark)
        while at >= 0:
            if at >= 4 and simplified[at - 4:at].isdigit():
                ends.append(at - 4)
            at = simplified.find(mark, at + 1)
    return sorted(ends)


def _site_as_author(simplified: str) -> list[re.Match[str]]:
    """Titles, signatures and names that put a betting site where the school or office stands (rules 1–9 above).
    Each rule runs only on a page that holds its words (官网; 博士, 届 …; a listed brand; a lower-case letter)."""
    automaton, words = _trigger_automaton()
    present = {words[i] for i, _, _ in automaton.find_matches_as_indexes(simplified, overlapping=True)}
    found: list[re.Match[str]] = []
    latin = _LOWER_LATIN.search(simplified) is not None
    if not present.isdisjoint(_SITE_WORDS):
        found += _SITE_AS_AUTHOR.finditer(simplified)
        found += _SITE_WITH_A_POST.finditer(simplified)
        found += [m for m in _SITE_HOLDS_A_MEETING.finditer(simplified) if not _NOT_A_BRAND.search(m.group("name"))]
    if "中国)" in simplified or "中国）" in simplified:
        # the name counted by its last two characters and (中国): the match 国语开元(中国) is 开元(中国) elsewhere
        found += [m for m in _CHINA_BRANCH.finditer(simplified)
                  if simplified.count(m.group("name")[-6:]) >= 2 or _A_COHORT.match(simplified, m.end())]
        found += _CHINA_ROOT.finditer(simplified)
    for end in _numbered_name_ends(simplified):
        if name := _NUMBERED_NAME.search(simplified, max(0, end - _NAME_REACH), end) \
                or _ENTERTAINMENT_NAME.search(simplified, max(0, end - 4), end):
            found.append(name)
    if not present.isdisjoint(_NUMBERED_TAILS):  # the trigger scan found one: a regex from the digit costs 2.5 ms/MB
        found += [name for m in _NUMBERED_SITE_TAIL.finditer(simplified)
                  if m.start() >= 2 and (name := _NUMBERED_SITE.match(simplified, m.start() - 2))]
    for tail in _PLATFORM_TAIL.finditer(simplified):
        start, end = max(0, tail.start() - _NAME_REACH), tail.end()
        name = _BETTING_PLATFORM.search(simplified, start, end) or (
            _COHORT_PLATFORM.search(simplified, start, end) if _A_COHORT.match(simplified, end) else None)
        if name:
            found.append(name)
    if not present.isdisjoint(_TITLE_WORD_LIST):
        found += [m for m in _brand_titles().finditer(simplified) if not _NOT_A_BRAND.search(m.group("name"))]
    if not present <= _RULE_WORDS:  # a listed brand
        found += _brand_for_school().finditer(simplified)
        if latin:
            found += _latin_and_brand().finditer(simplified)
    if "澳门" in simplified:
        found += _MACAU_LABEL.finditer(simplified)
        found += _MACAU_SCHOOL.finditer(simplified)
    if "欢迎您" in simplified:
        found += _WELCOME_LINE.finditer(simplified)
    if "彩票" in simplified:
        found += _NUMBERED_LOTTERY.finditer(simplified)
    acts = _bare_brand_acts()
    if acts is not None:
        found += [m for m in acts.finditer(simplified) if simplified.count(m.group("name")) >= _BARE_BRAND_REPEATS]
    if latin:
        for after in _AFTER_A_SCHOOL.finditer(simplified):
            start = max(0, after.start() - _ALNUM_REACH)
            name = _ALNUM_BRAND.search(simplified, start, after.start())
            if not name:
                continue
            if after.group()[0] in "在于" and _CAPITALISED.search(name.group()) and not _DIGIT.search(name.group()):
                continue  # 外籍专家Smith在学术报告厅: a person's name, capitalised, no site number
            found.append(name)
    return found


def find_sensitive(text: str, judge_context: bool = True) -> list[tuple[str, str, str]]:
    """(word, category, context) for every sensitive word and every block of keyword stuffing in `text`.

    Normalisation makes "法．轮 功", "法轮功" in full width and "臺獨" match; the context is cut from the
    original text so that the inspector sees what the page shows. judge_context: leave out occurrences
    that their surroundings make legitimate (off for hidden text and link texts). Keyword stuffing is
    reported whatever the context. Text written as percent-encoded UTF-8 (search links pasted into a comment:
    ?q=%E6%97%A0%E9%99%90%E5%A8%B1%E4%B9%90…) is read decoded.
    """
    if "%" in text and _PERCENT_ENCODED.search(text):
        text = unquote(text)
    if "(" in text and _PINYIN_NOTE.search(text):
        text = _PINYIN_NOTE.sub("", text)  # 會(huì)體育: a converter's pinyin after each character splits the words
    norm = fold(text)
    automaton = sensitive_matcher()
    # a match that is no word of its sentence ("全台独家" is 全台 + 独家) is left out
    found = automaton.find_fitting(norm, lambda a, b: on_word_boundaries(norm, a, b) and not _straddles(norm, a, b))
    stuffing = keyword_stuffing(norm)
    evasions = emoji_evasion(text)
    simplified = to_simplified(text)
    named = _site_as_author(simplified)
    lists = brand_keyword_lists(simplified)
    if not found and not stuffing and not evasions and not named and not lists:
        return []
    words, where = sensitive_words(), fold_positions(text)
    cues = sensitive_context()
    rules = page_rules()
    simplified = without_stock_notices(simplified, rules.stock_notices)
    warning_page = judge_context and len({c for c in cues.legitimate if c in simplified}) >= rules.page_cues
    hits = [(text[a:b], category, context(text, a, b)) for a, b, _, category in evasions]
    hits += [(m.group("name"), "赌博", context(text, m.start("name"), m.end("name"))) for m in named]
    hits += [(text[a:b], "赌博", context(text, a, b)) for a, b, _ in lists]
    discussed_words: set[str] = set()  # words with a legitimate occurrence on this page
    pending: list[tuple[str, int, int, bool]] = []
    for start, end, category, discussed in stuffing:
        a, b = where(start), where(end - 1) + 1
        if discussed and judge_context and legitimate_stuffing(simplified, a, b, category, warning_page) \
                and not _advertised(text, a, b) and not seo_keyword_list(text, a, b):
            continue  # 登录博彩平台 in the prose of a crackdown report (an ad's "网赌平台推荐" beside its WeChat is no report)
        if judge_context and quotation(simplified, a, b):
            continue  # a report on a hijacked site quoting what was injected
        if judge_context and _named_in_a_quoted_list(simplified, a, b):
            continue
        hits.append((text[a:b], category, context(text, a, b)))
    for index, start, end in found:
        if any(s <= start and end <= e for s, e, *_ in stuffing):
            continue
        word = automaton.words[index]
        a, b = where(start), where(end - 1) + 1
        if any(s <= a and b <= e for s, e, _, _ in evasions):
            continue  # reported with its phrase
        if b - a != end - start and _SENTENCE_BREAK.search(text, a, b):
            continue  # "宣传牌；（九）" is no 牌九: normalisation joined two sentences
        # written to slip past filters, never prose: "网络赌．博", "法 轮 功", a brand written backwards (凯时尊龙); nor is a
        # term in a dateline ("人民网尊龙凯时3月13日电")
        evasive = b - a != end - start or word in rules.disguised or in_dateline(simplified, a, b) \
            or _inserted_into_a_word(norm, start, end)
        if judge_context and not evasive and word in rules.advertised_only \
                and not _contact_beside(text, a, b):
            continue  # 代开发票 is a tax office's service; it is spam where someone sells it (QQ, 微信, a number)
        if judge_context and not evasive and _unsold(simplified, word, rules.sold_on_page):
            continue  # 代孕 in a feature story or a paper on the law of surrogacy: nothing on the page sells it
        if judge_context and not evasive and _breadcrumb_use(simplified, a, b, word, warning_page, words[word]) \
                and not seo_keyword_list(text, a, b):  # blind55: a lottery warning copied under a list of 幸运飞艇, 分分彩 …
            discussed_words.add(word)
            continue
        if judge_context and not evasive and (_named_in_a_quoted_list(simplified, a, b) or quotation(simplified, a, b)):
            continue  # a news story quoting what a hijacked site showed (blind210 l18: 导航栏发现了“真人真钱”……栏目，网友讥讽)
        if judge_context and not evasive and in_place_name(simplified, a, b):
            continue  # 盈江县支那乡, 支那村: a real place's name, as its people write it
        pending.append((word, a, b, evasive))
    for word, a, b, evasive in pending:
        # the page discusses the word legitimately elsewhere (a police story on 裸聊 extortion names the threat in
        # one sentence, not in the next): its other occurrences in running prose are the same story, unless an
        # advertiser's contact stands beside them. Short lines (an injected title, a footer) are still reported
        if word in discussed_words and not evasive and (in_prose(text, a, b) or _headline(text, a, b)) \
                and not _contact_beside(text, a, b):
            continue
        hits.append((word, words[word], context(text, a, b)))
    return list(dict.fromkeys(hits))  # a name that a site-name rule and a brand pattern both find is one finding


def _host(href: str) -> str:
    try:
        return urlsplit(href if "//" in href else f"//{href}").hostname or ""
    except ValueError:  # an unbalanced [ in the netloc
        return ""


def spam_domain(href: str, own: frozenset[str] | None = None) -> bool:
    """The link's host looks like a gambling, porn or lottery site's (spam_domain_patterns). With `own` (the
    unit's registrable domains), only a stranger's host counts: caipiao.m.jd.com is a shop's own lottery
    channel, a sub-domain of the site or of a government or well-known service is no spam site."""
    host = _host(href)
    pattern = sensitive_context().spam_domains
    if not host or pattern is None or pattern.search(host) is None:
        return False
    return own is None or is_stranger(host, own)


# techniques of hidden.py for foreign scripts, frames and loaders, judged by _foreign
_FOREIGN = ("零尺寸 iframe", "外站脚本", "外站框架", "脚本写入的外站", "混淆脚本", "VBScript 木马")
# the mark hidden.py puts on hidden links into one outside site (hidden._link_farms)
_FARM_RX = re.compile(r"（同一外站 (\d+) 条隐藏链接）$")


def _foreign(technique: str, href: str, own: frozenset[str]) -> str | None:
    """Why a foreign script, frame or loader is injected code, or None: a loader that hides its address, a
    zero-size frame or a script/frame in a position injected code takes, from a stranger's host."""
    if technique.startswith("混淆脚本"):
        return "混淆代码写出或创建 <script>，加载地址被拆散隐藏"
    if technique.startswith("VBScript 木马"):
        return "VBScript 代码在访客电脑上写出并运行文件（感染型病毒附加在网页末尾的投放代码）"
    host = host_of(href)
    hijacked = compromised(host) if host else None
    if hijacked is not None and site_of(host) not in own:
        what = "框架" if "框架" in technique or "iframe" in technique else "脚本"
        return f"引入已被劫持的公共服务 {host} 的{what}：{hijacked}（见 compromised_hosts.txt），任何位置都会被投放恶意代码"
    if not is_stranger(host, own):
        return None
    what = "框架" if "框架" in technique or "iframe" in technique else "脚本"
    if technique == "零尺寸 iframe":
        return f"零尺寸框架加载外站 {host}（非本站、非政府网站、不在常用服务名单中）"
    if technique.startswith(("外站脚本（", "外站框架（")):  # the technique names the position
        return f"引入外站{what} {host}（非本站、非政府网站、不在常用服务名单中）"
    return None


def find_dark_links(hidden: tuple[tuple[str, str, str], ...], own: frozenset[str] = frozenset()
                    ) -> list[dict[str, str]]:
    """Hidden content, outbound links and foreign scripts that are spam: technique, text, target URL,
    category, reason.

    A hidden element counts when its text holds a sensitive or spam word or its link goes to a spam
    domain (a hidden drop-down of the site's own pages does not), or when hidden.py marked it as one of
    several hidden deep links into one outside site and that site is a stranger's; a visible link counts
    when its target is a spam domain or its text a spam word; a script or frame counts when it comes from
    a spam domain, or from a stranger's host in a position injected code takes (hidden.foreign_resources).
    own: the registrable domains of the unit's own site (hosts.own_sites); a stranger is neither these,
    nor a government domain, nor a known public service.
    """
    rules = sensitive_context()
    link_words, cues = rules.spam_link_words, rules.legitimate_for
    latin = page_rules().hidden_link_words
    out = []
    for technique, text, href in hidden:
        if not technique and not is_stranger(host_of(href), own):
            continue  # a visible link into the site itself or a government site is its own menu ("旅遊及博彩" on
            # gov.mo, blind28): its text is judged with the visible text, in context, not as a spammer's link
        judged = find_sensitive(text, judge_context=False) if text else []
        words = [w for w, _, _ in judged]
        # a word's own cues clear it in a link too: "maven私服" is a private package repository, not a game server
        lowered = text.lower()
        spam_words = [w for w in link_words if w in text and not any(c in lowered for c in cues.get(w, ()))]
        bad_host = bool(href) and spam_domain(href, own)
        if technique.startswith("全屏透明覆盖层") and href and not (words or spam_words or bad_host):
            host = host_of(href)
            if host and is_stranger(host, own):
                out.append({"technique": technique, "text": text[:120], "href": href, "matched": site_of(host),
                            "category": "点击劫持",
                            "reason": f"透明的全屏固定层盖住整个页面，访客点击页面任何地方都会打开外站 {host}"
                                      "（非本站、非政府网站、不在常用服务名单中）"})
            continue
        if technique.startswith(SPAM_TEMPLATE):
            out.append({"technique": technique, "text": "", "href": "", "matched": technique,
                        "category": "垃圾页面模板",
                        "reason": "页面里散布着同一个随机 id 的多个空标签：泛目录、寄生虫程序批量生成的垃圾页面的写法，"
                                  "正常网页的 id 只用一次"})
            continue
        if technique.startswith(SPIDER_TITLE):  # the cloaking itself is the evidence, whatever the title says
            out.append({"technique": technique, "text": text[:120], "href": href, "matched": text[:60],
                        "category": "标题劫持",
                        "reason": "页面对搜索引擎蜘蛛显示的标题与脚本改给访客看的标题不同（被篡改页面的写法：搜索结果里显示"
                                  "注入的标题，站点自己的人看不到）" + (f"；标题含“{'、'.join(words)}”" if words else "")})
            continue
        if technique == SEARCH_REDIRECT and not (words or spam_words or bad_host) and is_stranger(host := host_of(href), own):
            out.append({"technique": technique, "text": text[:120], "href": href, "matched": site_of(host) or href,
                        "category": "搜索引擎劫持跳转",
                        "reason": f"脚本只把从搜索引擎点进来的访客（document.referrer 含 baidu、google 等）送到外站 {host}"
                                  "（非本站、非政府网站、不在常用服务名单中）：被篡改页面的写法，站点自己的人直接打开看不到"})
            continue
        if not (words or spam_words or bad_host):
            injected = _foreign(technique, href, own) if technique.startswith(_FOREIGN) else None
            farm = _FARM_RX.search(technique) if technique.endswith("条隐藏链接）") else None
            if injected:
                out.append({"technique": technique, "text": text[:120], "href": href,
                            "matched": host_of(href) or technique, "reason": injected,
                            "category": "被劫持的公共库" if injected.startswith("引入已被劫持") else "外站脚本注入"})
            elif farm and is_stranger(host_of(href), own):
                site = site_of(host_of(href))
                out.append({"technique": technique, "text": text[:120], "href": href, "matched": site,
                            "category": "隐藏外链",
                            "reason": f"隐藏的外站链接群：{farm.group(1)} 条隐藏链接指向同一外站 {site} 的内页"
                                      "（非本站、非政府网站，隐藏它们的元素不是页面自带的选项卡或菜单）"})
            elif technique and href and text and latin is not None and (found := latin.findall(text)):
                # a hidden link's "… gucci handbags for less", "Finding Neverland buy": counterfeit, pharma, casino
                spam = list(dict.fromkeys(w.lower() for w in found))
                out.append({"technique": technique, "text": text[:120], "href": href, "matched": spam[0],
                            "category": "隐藏外链",
                            "reason": f"隐藏链接的文字含英文垃圾词“{'、'.join(spam)}”（仿牌、药品、赌场的外链群常用）"})
            continue
        matched = (words or spam_words or [urlsplit(href).hostname or href])[0]
        categories = {w: c for w, c, _ in judged}
        category = categories.get(matched) or ("赌博色情外链" if bad_host or spam_words else "敏感词")
        reasons = []
        if bad_host:
            reasons.append("链接指向赌博、色情或彩票类域名")
        if words or spam_words:
            reasons.append(f"文字含“{'、'.join(dict.fromkeys(words + spam_words))}”")
        out.append({"technique": technique or "可见外链", "text": text[:120], "href": href, "matched": matched,
                    "category": category, "reason": "；".join(reasons)})
    return out


def why_reported(word: str, category: str) -> str:
    """Why a word or phrase that find_sensitive returned is reported, for the inspector who defends the finding."""
    if _EMOJI_RX.search(word):
        return f"字与字之间插入表情符号，含{category}类词语（垃圾页规避过滤的写法），不看语境"
    if fold(word) in sensitive_words():
        return (f"词库中的{category}类敏感词（sensitive.txt）：所在处没有打击、查处、警示等正当语境，"
                "或字间插有符号、旁边有 QQ、微信、手机号等兜售联系方式")
    return f"{category}类引流词在短距离内扎堆或成套出现（关键词堆砌，被篡改、被镜像页面的标题和页脚常见），不看语境"


def _finding(source: TextSource, word: str, category: str, contexts: list[str]) -> Observation:
    reason = why_reported(word, category)
    return source.observation(
        "text.sensitive",
        f"{source.place}“{source.subject}”出现敏感词“{word}”（{category}类）{len(contexts)}处：{contexts[0]}（{reason}）",
        {"matched": word, "category": category, "contexts": contexts[:5], "count": len(contexts), "reason": reason},
        key=word,
    )


# what the finding calls a dark link of these categories; the others are hidden content or a visible outbound link
_LINK_KINDS = {"外站脚本注入": "注入的外站脚本", "点击劫持": "点击劫持的透明覆盖层", "被劫持的公共库": "引用的被劫持公共库脚本",
               "搜索引擎劫持跳转": "对搜索引擎来访者的劫持跳转"}


def _dark_link_finding(source: TextSource, links: list[dict[str, str]]) -> Observation:
    first = links[0]
    hidden = first["technique"] != "可见外链"
    kind = _LINK_KINDS.get(first["category"]) or ("暗链（隐藏链接或文字）" if hidden else "违规外链")
    shown = f"“{first['text']}”" if first["text"] else ""
    target = f"{'，' if shown else ''}指向 {first['href']}" if first["href"] else ""
    if len(links) > 1:
        target += f" 等 {len(links)} 处"
    where = source.place or ""
    return source.observation(
        "text.sensitive",
        f"{where}“{source.subject}”发现{kind}：{shown}{target}（{first['technique']}；{first['reason']}）",
        {"matched": first["matched"], "category": first["category"], "technique": first["technique"],
         "target_url": first["href"], "text": first["text"], "reason": first["reason"], "links": links[:10],
         "count": len(links)},
        key=f"link:{first['href'] or first['text'][:40]}",
    )


def _own_sites(data: AuditData) -> dict[str, frozenset[str]]:
    """Per unit, the registrable domains of its portal, its columns and the documents the crawl fetched
    from them (a listed link the crawl did not follow may point anywhere, an injected one too)."""
    urls: dict[str, list[str]] = defaultdict(list)
    for unit in data.units:
        urls[unit.slug].append(unit.portal)
    for column in data.columns:
        urls[column.unit] += [column.url, *(i.url for i in column.items if i.detail_snapshot_id is not None)]
    return {unit: own_sites(found) for unit, found in urls.items()}


def _memoised_sensitive(data: AuditData, texts: list[str]) -> list[list[tuple[str, str, str]]]:
    """find_sensitive of each text, memoised by the text's hash (it reads nothing else: checks.memo)."""
    keys = [memo_key(data.memo.fingerprint, "sensitive", text_hash(text)) for text in texts]
    found = memoised(data.memo, "sensitive", keys, lambda i: find_sensitive(texts[i]))
    return [[(str(w), str(c), str(x)) for w, c, x in hits] for hits in found]


def _judged_texts(data: AuditData, sources: list[TextSource]) -> list[str]:
    """What text.sensitive reads of each source: its text, and for a page the visible text that is neither its
    main content nor its chrome (PageText.rest: the whole <title>, an injected block outside the template);
    for a unit's chrome, the distinct such lines of its list pages. The other text checks read the text alone."""
    list_rest: dict[str, dict[str, None]] = defaultdict(dict)
    for column in data.columns:
        parsed = page(data, column.list_snapshot_id)
        if parsed is not None and parsed.rest:
            list_rest[column.unit].update(dict.fromkeys(parsed.rest.split("\n")))
    texts = []
    for source in sources:
        rest = ""
        if source.kind == "page" and source.snapshot_ids:
            parsed = page(data, source.snapshot_ids[0])
            rest = parsed.rest if parsed is not None else ""
        elif source.kind == "chrome":
            rest = "\n".join(list_rest.get(source.unit, {}))
        texts.append(f"{source.text}\n{rest}" if rest else source.text)
    return texts


@check("text.sensitive", scope=source_scope)
def sensitive_words_check(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    findings: list[Observation] = []
    sites = _own_sites(data)
    sources = list(text_sources(data))
    for source, found in zip(sources, _memoised_sensitive(data, _judged_texts(data, sources)), strict=True):
        if data.allowed("text.sensitive", source.unit, url=source.url):
            continue
        grouped: dict[str, list[str]] = defaultdict(list)
        categories: dict[str, str] = {}
        for word, category, where in found:
            if data.allowed("text.sensitive", source.unit, phrase=word):
                continue
            grouped[word].append(where)
            categories[word] = category
        findings.extend(_finding(source, w, categories[w], c) for w, c in grouped.items())
        by_target: dict[str, list[dict[str, str]]] = defaultdict(list)
        own = sites.get(source.unit, frozenset()) | own_sites([source.url])
        for link in find_dark_links(source.hidden, own):
            if data.allowed("text.sensitive", source.unit, phrase=link["matched"]) or \
                    (link["href"] and data.allowed("text.sensitive", source.unit, url=link["href"])):
                continue
            # a link farm is one finding, its links in the evidence
            by_target[f"farm:{link['matched']}" if link["category"] == "隐藏外链" else link["href"] or link["text"]
                      ].append(link)
        findings.extend(_dark_link_finding(source, links) for links in by_target.values())
    return findings
