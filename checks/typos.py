"""`text.typo`: the errors real portals publish, in four classes, each with what flagged it.

1. Common misspellings (常见错别字): the known wrong forms of typos.yaml (published lists, cited in
   lexicons/SOURCES.md), every same-sounding or similar-looking one-character slip of ~5,000 common
   four-character idioms (idioms.txt: 迫不急待, 一愁莫展 …), and one-character slips of everyday words
   judged by a word-frequency model (word_slips.py: 发辉, 步署, 按装).
2. Names: near-misses of the county-level and higher divisions (places.txt: 齐齐哈市), of state organs and
   fixed formulations (typos.yaml canonical), of the registry's own unit names, and of leaders named with
   their titles (also with two characters of the given name swapped: 习平近, or the surname typed as a
   same-sounding or look-alike character that is no common surname: 刁近平); a leader named with a title he
   did not hold on the page's date; and, in names.py, titles of laws in 《》 one edit from a real one, leaders'
   names clipped before 同志 or a title, places whose rare character is typed as a look-alike (毫州市), and a
   division put under a province or prefecture it does not belong to (安徽省南京市); in name_variants.py, a person
   named twice or more in a text and once with a same-sounding or look-alike character (王建华 … 王建化).
3. Damaged formulations: a character dropped (also the first or last one, once line breaks are joined),
   added, doubled, or two neighbours swapped in a canonical phrase; any character replaced inside one, or its
   first where the new pair is alien to correct text (杜会主义核心价值观), or added inside a long one
   (习近平近新时代中国特色社会主义思想); and a same-sounding or look-alike
   character in one of the four-character phrases of government text (corpus_phrases.txt: 领导小姐 for
   领导小组) where correct government text never pairs that character so.
4. Confusables that are wrong only in context (截止/截至, 必需/必须 …): typos.yaml context_rules, and the
   sourced word pairs of lexicons/context_pairs.tsv judged by their neighbours' counts in correct
   government text (context_confusables.py).

All patterns go into one Aho-Corasick automaton together with the canonical forms themselves, so that
correct text matches its canonical form first (leftmost-longest) and never a variant. A variant that is a
word of jieba's dictionary, a place or an idiom itself is never a pattern, and a hit must sit on jieba word
boundaries: "中国共产党党员" contains the doubled variant "中国共产党党" but is correct.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from ahocorasick_rs import AhoCorasick, MatchKind

from checks.adverbial_de import find_adverbial_de
from checks.base import AuditData, CheckRules, Observation
from checks.classic_lines import find_misquotes
from checks.compiled_cache import cached
from checks.complement_de import find_complement_de
from checks.confusables import common_chars, homophones, same_sound
from checks.context_confusables import find_context_confusables
from checks.date_slips import find_date_slips
from checks.doubled_chars import DOUBLED_WORD, find_doubled_function_words, find_doubled_words
from checks.lexicon import (
    CHINESE_NUMERALS,
    ContextRule,
    Matcher,
    Term,
    matcher,
    on_word_boundaries,
    small_automaton,
    token_at,
    tokenizer,
    typo_lexicon,
    word_list,
    word_sides,
)
from checks.measure_words import find_missing_measure_words
from checks.memo import key as memo_key
from checks.memo import memoised, text_hash
from checks.name_variants import find_name_variants
from checks.names import DIVISION_SUFFIXES, PLACE_TAIL, confusable, in_place_name, name_hits, real_places, sentence_around
from checks.regional_leaders import name_slips, titled_names
from checks.registry import check
from checks.reply_letters import mixed_up_proposals
from checks.sources import TextSource, source_scope, text_sources
from checks.template_leftovers import find_template_hints
from checks.text import context, to_simplified
from checks.transpositions import find_transpositions
from checks.variant_chars import find_variant_chars
from checks.word_slips import (
    SURNAMES,
    Candidates,
    candidate_strings,
    candidates,
    find_self_for_already,
    find_word_slips,
    given_name,
    pair_uses,
    reads_as_attested,
    seen_trigrams,
)

CORPUS_PHRASES = "corpus_phrases.txt"
_MIN_NEAR_MISS = 4  # shorter expressions have too many innocent neighbours (云和县 ~ 云河县 is a real risk)
_MIN_DROP = 5
_MIN_EDGE_DROP = 6  # dropping the first character: only long phrases. Without its last one, an organ's name is
# a legitimate modifier (市场监督管理部门), so that variant is never generated.
_WORD_RATIO = 2
_WORD_FLOOR = 4  # jieba counts many slips 3 or 4 times (悬梁刺骨 3 against 悬梁刺股 5): below this, never a word
_ORGAN_SUFFIX = ("部", "局", "委员会", "厅", "署", "办公室", "院", "行")
_FORMER = ("时任", "原任", "原", "前任", "前")
_PLACE_SUFFIX = "省市县区旗州盟乡镇"

# the class an inspector sees, by where the pattern came from
CLASS_COMMON = "常见错别字"
CLASS_NAME = "名称错误"
CLASS_FORMULATION = "固定表述错误"
CLASS_CONTEXT = "语境误用"
CLASS_LEADER = "领导人职务错误"


def describe(wrong: str, right: str) -> str:
    """How `wrong` differs from `right`, in Chinese (同音字、形近字、漏字、多字、颠倒)."""
    if len(wrong) == len(right):
        diff = [i for i, (a, b) in enumerate(zip(wrong, right, strict=True)) if a != b]
        if len(diff) == 1:
            a, b = right[diff[0]], wrong[diff[0]]
            if same_sound(a, b):
                return f"“{a}”误为同音字“{b}”"
            if b in typo_lexicon().shapes.get(a, ""):
                return f"“{a}”误为形近字“{b}”"
            return f"“{a}”误为“{b}”"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and wrong[diff[0]] == right[diff[1]]:
            return f"“{right[diff[0]:diff[1] + 1]}”颠倒"
    if len(wrong) + 1 == len(right):
        i = next((k for k in range(len(wrong)) if wrong[k] != right[k]), len(wrong))
        return f"漏字“{right[i]}”"
    if len(wrong) == len(right) + 1:
        i = next((k for k in range(len(right)) if wrong[k] != right[k]), len(right))
        return f"多字“{wrong[i]}”"
    return "常见错误写法"


def near_misses(phrase: str, substitute: bool = True, edit: bool = True, keep_last: bool = False,
                toned: bool = False, edge_doubles: bool = True) -> dict[str, str]:
    """variant → how it differs from `phrase` (Chinese).

    substitute: one character replaced by a same-sounding or similar-looking one; edit: one dropped,
    doubled, or two neighbours swapped; keep_last: the last character (a place's 县/市) stays as it is;
    toned: a same-sounding character must have the same tone too (the slips published in idioms do);
    edge_doubles: also the first or last character doubled (the check leaves those out: 企业中|中国共产党,
    中华人民共和国|国务院 double them innocently far more often than a typist does).
    """
    sounds, shapes = homophones(toned), typo_lexicon().shapes
    out: dict[str, str] = {}
    last = len(phrase) - 1
    for i, ch in enumerate(phrase):
        if substitute and not (keep_last and i == last):
            for other in sounds.get(ch, ""):
                out.setdefault(phrase[:i] + other + phrase[i + 1:], f"“{ch}”误为同音字“{other}”")
            for other in shapes.get(ch, ""):
                out.setdefault(phrase[:i] + other + phrase[i + 1:], f"“{ch}”误为形近字“{other}”")
        if not edit:
            continue
        inner = 0 < i < last
        # the official short form of an organ drops its 和 (人力资源社会保障部): not a slip
        short_form = ch == "和" and phrase.endswith(_ORGAN_SUFFIX)
        if not short_form and ((inner and len(phrase) >= _MIN_DROP) or (i == 0 and len(phrase) >= _MIN_EDGE_DROP)):
            out.setdefault(phrase[:i] + phrase[i + 1:], f"漏字“{ch}”")
        if inner or edge_doubles:
            out.setdefault(phrase[:i + 1] + ch + phrase[i + 1:], f"多字“{ch}”")
        if i < last and phrase[i + 1] != ch and not (keep_last and i + 1 == last):
            out.setdefault(phrase[:i] + phrase[i + 1] + ch + phrase[i + 2:], f"“{ch}{phrase[i + 1]}”颠倒")
    out.pop(phrase, None)
    return out


_PARTICLES = frozenset("了着过的地得")
_ALIEN_USES = 2  # a pair of characters correct text follows with at most this many different characters


_VARIANT_CHARS = frozenset({frozenset("他它")})  # 其他/其它, 挪作他用/挪作它用: both written, as context_pairs.tsv says


_ADVERBS = frozenset("共都也还又再就才均已将要会可应并即亦曾正把被从向对于为在是")  # what follows a subject


def _alien(variant: str, phrase: str, stems: frozenset[str]) -> bool:
    """The replaced character of `variant` pairs with its neighbours in the phrase as correct government text
    never does (领导小姐: 小姐 is a word, but no law writes it), so the variant is no other wording: 共用设施,
    检测数据, 学位教育, 主管有关 (主管|有关) pair their characters as laws do. Nor is a pair the start of a
    place's name (`stems`), nor a replacement of 他 by 它, nor an adverb after a word of three (市政府共受理:
    a real annual report's 市政府 and 共, not a slip of 市政府办)."""
    i = next(k for k, (a, b) in enumerate(zip(variant, phrase, strict=True)) if a != b)
    if frozenset((variant[i], phrase[i])) in _VARIANT_CHARS:
        return False
    rest = variant[:i] if i == len(variant) - 1 else ""
    if len(rest) >= 3 and variant[i] in _ADVERBS and tokenizer().FREQ.get(rest):
        return False  # 市政府|共受理: a word of three, then an adverb that opens the predicate (专利权入 stays a slip)
    known = typo_lexicon().known  # 涉赚犯罪 holds the known 涉赚: that pattern, not a longer one, reports it
    if any(variant[a:b] in known for a in range(i + 1) for b in range(i + 1, len(variant) + 1) if b - a < len(variant)):
        return False
    pairs = [variant[j:j + 2] for j in (i - 1, i) if j >= 0 and j + 2 <= len(variant)]
    return all(pair_uses(p) <= _ALIEN_USES and p not in stems for p in pairs)


_SHORT_DROP = 6  # a phrase this short with a character dropped may read on as other words


def _reads_on(variant: str, phrase: str) -> bool:
    """`variant` is a short phrase with an inner character dropped, and the two characters that now meet are a
    pair correct government text writes with many different characters after it: the words read on as other
    words ("国家政局和经济的稳定" is no 国家邮政局, "以人为中心的发展观" no 以人民为中心; People's Daily, 1998).
    Where the two never meet (人民表大会, 全面从治党), the drop stays a slip."""
    if len(phrase) > _SHORT_DROP or len(variant) != len(phrase) - 1:
        return False
    i = next((k for k in range(len(variant)) if variant[k] != phrase[k]), len(variant))
    return 0 < i < len(variant) and pair_uses(variant[i - 1:i + 1]) > _ALIEN_USES


_LOOK_ALIKE_WORD = 20  # jieba's count of the word a look-alike makes with a neighbour: 暴雪 21, 老少 138 (膏盲 16)


def _worded_look_alike(variant: str, idiom: str) -> bool:
    """A look-alike character (not a same-sounding one) that makes a word with its neighbour: another wording,
    not a slip (狂风暴雪, 一家老少, 大展雄图, 动荡不是: People's Daily, 1998). A pinyin IME types sounds, so a
    look-alike slip is rarer, and the published ones make no word (病入膏盲, 灸手可热, 言简意骇)."""
    i = next(k for k, (a, b) in enumerate(zip(variant, idiom, strict=True)) if a != b)
    if same_sound(variant[i], idiom[i]):
        return False
    freq = tokenizer().FREQ
    return any(freq.get(variant[j:j + 2], 0) >= _LOOK_ALIKE_WORD for j in (i - 1, i) if 0 <= j <= len(variant) - 2)


@functools.lru_cache(maxsize=1)
def corpus_phrases() -> tuple[str, ...]:
    """Four-character phrases of government text (scripts/build_corpus_phrases.py), shipped and ops' own."""
    return word_list(CORPUS_PHRASES)


def _canonical_phrases(extra: tuple[str, ...]) -> list[str]:
    lexicon = typo_lexicon()
    phrases = list(lexicon.canonical) + list(extra)
    for name, terms in lexicon.leaders.items():
        for term in terms:
            if term.end is None:
                phrases += [f"{name}{term.title}", f"{term.title}{name}"]
    return phrases


@functools.lru_cache(maxsize=8)
def typo_matcher(extra: tuple[str, ...] = ()) -> tuple[Matcher, tuple[tuple[str, str], ...]]:
    """One automaton for canonical forms, known wrong forms and near-misses (extra: unit names).

    Each pattern is (right form, class); the right form is "" for a canonical form (a match is correct).
    The patterns are compiled once per fingerprint and kept on disk (checks.compiled_cache).
    """
    words, values = cached("typo-patterns", list(extra), lambda: _typo_patterns(extra))
    return matcher(words), values


def _department_misses(department: str) -> dict[str, str]:
    """near_misses of a department's name, but no drop that correct text writes run by run (通管理局 of 通信管理局
    is the end of 交通管理局); its first character dropped (化广电和旅游局) is judged where it is found, as the
    rest of a name ends other words (事务服务中心, 中医药管理局): see `_headless_department`."""
    misses = {v: why for v, why in near_misses(department, edge_doubles=False, keep_last=True).items()
              if len(v) >= len(department) or not seen_trigrams(v).all()}
    if len(department) >= _MIN_DROP:
        misses[department[1:]] = f"漏字“{department[0]}”"
    return misses


# words of a sentence that reports an error and quotes it (将“部署”写成“布署”, “截至”误作“截止”)
_REPORTS_AN_ERROR = re.compile("写成|写作|误写|误作|错写|错为|误为|应为|更正为|改为|错用|误用|错别字")
_SENTENCE_END = "。！？；\n"


def _quoted_as_an_error(joined: str, start: int, end: int) -> bool:
    """joined[start:end] stands inside quotation marks in a sentence that reports an error (an inspection notice:
    预算公开将“财政拨款”写成“财拨款”): the page quotes the error it found, it does not make it."""
    opening = joined.rfind("“", max(0, start - 30), start + 1)
    if opening < 0 or joined.find("”", opening, start) >= 0:
        return False
    closing = joined.find("”", end - 1, end + 30)
    return closing >= 0 and _REPORTS_AN_ERROR.search(sentence_around(joined, opening, closing, _SENTENCE_END)) is not None


def _headed_otherwise(joined: str, start: int, right: str) -> bool:
    """A phrase without its first character that is no slip: after a bracketed alternative (各村(居)民服务中心: 村民,
    居民) or, for a phrase that opens with a function character, quoted as a principle (按照“公开为常态、不公开为例外”)."""
    before = joined[start - 1:start]
    return before in ("）", ")") or before == "“" and right[0] in "以为在对把将于和与及"


# characters that count places or point at one before 地 (多地, 七地, 各地, 两地, 当地, 外地 …)
_PLACE_COUNTERS = frozenset("多各两三四五六七八九十几数等外本当异该此内全某")


def _places_counted(joined: str, start: int, right: str) -> bool:
    """joined[start:] is a 地方… name (地方金融监管局, 地方税务局) with 方 dropped, right after a character that counts
    places (多地金融监管局, 七地金融监管局 in real reports: the bureaus of several places)."""
    return right.startswith("地方") and joined.startswith("地", start) and not joined.startswith("地方", start) \
        and start > 0 and joined[start - 1] in _PLACE_COUNTERS


def _headless_department(joined: str, start: int, right: str) -> bool:
    """joined[start:] is the department `right` without its first character, right after the division it belongs to
    (高阳县化广电和旅游局), where the division's suffix does not begin a word with what follows (顺德市政管理局 is
    市政, not 市邮政管理局): correct text never writes those three characters."""
    lexicon = typo_lexicon()
    return start > 0 and joined[start - 1] in DIVISION_SUFFIXES and not seen_trigrams(joined[start - 1:start + 2]).all() \
        and (right in lexicon.departments or (right.endswith(_ORGAN_SUFFIX) and right in lexicon.canonical))


def _typo_patterns(extra: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    lexicon = typo_lexicon()
    dictionary = tokenizer().FREQ
    canonical = _canonical_phrases(extra)
    regional = titled_names()
    patterns: dict[str, tuple[str, str]] = {
        c: ("", "") for c in (*canonical, *lexicon.places, *lexicon.idioms, *lexicon.correct,
                              *(form.format(name) for form, name in regional))}

    def add(variants: dict[str, str], right: str, kind: str) -> None:
        # A variant that is a place, an idiom or another canonical form is not a slip, nor is one that is a
        # word in its own right. jieba's dictionary, counted on web text, also holds the common misspellings
        # themselves (按步就班 3 against 按部就班 90): a variant is a word only when it is at least a tenth as
        # frequent as the right form.
        floor = max(dictionary.get(right, 0) / _WORD_RATIO, _WORD_FLOOR)
        for variant in variants:
            if variant not in patterns and (dictionary.get(variant, 0) or 0) <= floor:
                patterns[variant] = (right, kind)

    # a known slip is reported in the class of what it damages, as its list says (a reported misquoted line is a
    # formulation), or by its right form: a canonical formulation (习近平近新时代…), a place, else a word
    formulations, places = frozenset(canonical), frozenset(lexicon.places)
    named = {"common": CLASS_COMMON, "name": CLASS_NAME, "formulation": CLASS_FORMULATION}
    for wrong, (right, _) in lexicon.known.items():
        kind = lexicon.kinds.get(wrong)
        patterns[wrong] = (right, named[kind] if kind else CLASS_FORMULATION if right in formulations
                           else CLASS_NAME if right in places else CLASS_COMMON)
    for phrase in canonical:
        if len(phrase) >= _MIN_NEAR_MISS:
            # an organ's last character replaced is mostly the next word (生态环境|不存在危险), not a slip
            add({v: why for v, why in near_misses(phrase, edge_doubles=False,
                                                  keep_last=phrase.endswith(_ORGAN_SUFFIX)).items()
                 if not _reads_on(v, phrase)}, phrase, CLASS_FORMULATION)
    # local governments' departments (生态环境厅 → 生态坏境厅) as the organs above; a three-character one (公按局,
    # 审汁局) only with a character of its field replaced where the new character pairs with its neighbours as
    # correct government text never does (宗教|有局限 holds no 教有局)
    patterns.update((d, ("", "")) for d in lexicon.departments if d not in patterns)
    for department in lexicon.departments:
        if len(department) >= _MIN_NEAR_MISS:
            add(_department_misses(department), department, CLASS_NAME)
        else:
            add({v: why for v, why in near_misses(department, edit=False, keep_last=True).items()
                 if _alien(v, department, frozenset())}, department, CLASS_NAME)
    # four-character phrases of government text (corpus_phrases.txt): a same-sounding or look-alike character
    # in one (领导小姐 for 领导小组), where correct government text never pairs the character so
    phrases = [p for p in corpus_phrases() if p not in patterns]
    patterns.update((p, ("", "")) for p in phrases)
    stems = frozenset(place[:2] for place in lexicon.places)  # 义乌 of 义乌市: 承担义乌… is no 承担义务
    for phrase in phrases:
        add({v: why for v, why in near_misses(phrase, edit=False).items() if _alien(v, phrase, stems)}, phrase,
            CLASS_FORMULATION)
    for place in lexicon.places:
        if len(place) >= _MIN_NEAR_MISS:
            add(near_misses(place, keep_last=place[-1] in _PLACE_SUFFIX, edge_doubles=False), place, CLASS_NAME)
    toned_sounds = homophones(True)
    for idiom in lexicon.idioms:
        # a particle in place of a character reads as a phrase, not a slip (谁知出了意外 is no 出于意外), and another
        # number written in is another saying (世界一分为三 is no 一分为二)
        add({v: why for v, why in near_misses(idiom, edit=False, toned=True).items()
             if not any(a != b and (b in _PARTICLES or b in CHINESE_NUMERALS)
                        for a, b in zip(idiom, v, strict=True)) and not _worded_look_alike(v, idiom)},
            idiom, CLASS_COMMON)
        # a doubled character replaced twice by the same same-sounding one (顶顶大名 in a textbook, blind20; 珊珊来迟),
        # unless the new pair is a word of its own: 声声不息的祷告声 (People's Daily 1998) plays on 生生不息
        add({idiom[:i] + ch + ch + idiom[i + 2:]: f"“{idiom[i]}{idiom[i]}”误为同音字“{ch}{ch}”"
             for i in range(len(idiom) - 1) if idiom[i] == idiom[i + 1]
             for ch in toned_sounds.get(idiom[i], "")
             if ch not in _PARTICLES and (dictionary.get(ch + ch) or 0) < DOUBLED_WORD}, idiom, CLASS_COMMON)
    sounds, shapes = homophones(False), lexicon.shapes
    for name in lexicon.names:
        # 习近乎, 习进平: a leader's given name with a character replaced. Under a rare surname any common
        # character (习近乎: 乎 is in no look-alike table); under a common one only a same-sounding or
        # look-alike one (温家室), since 李克勤 and 王沪生 are other people's names
        def others(ch: str, surname: str = name[0]) -> str:
            return common_chars() if surname not in _COMMON_SURNAMES else sounds.get(ch, "") + shapes.get(ch, "")
        add({name[:i] + ch + name[i + 1:]: "" for i in range(1, len(name)) for ch in others(name[i]) if ch != name[i]},
            name, CLASS_NAME)
        add(_surname_slips(name, sounds.get(name[0], "") + shapes.get(name[0], "")), name, CLASS_NAME)
        # 习平近: the given name's two characters swapped (香港特区政府新闻处的新闻稿)
        add({name[:i] + name[i + 1] + name[i] + name[i + 2:]: "" for i in range(1, len(name) - 1)
             if name[i] != name[i + 1]}, name, CLASS_NAME)
    for name in lexicon.figures:
        # 周思来, 王歧山, 屠哟哟: a past leader's or a national model's name with a same-sounding or look-alike
        # character, never any other (华国X and 南X东 would read 清华国学 and 南京东路); a doubled given name as a pair
        alike = {i: sounds.get(name[i], "") + shapes.get(name[i], "") for i in range(len(name))}
        variants = {name[:i] + ch + name[i + 1:] for i in range(1, len(name)) for ch in alike[i] if ch != name[i]}
        variants |= set(_surname_slips(name, alike[0]))
        if len(name) == 3 and name[1] == name[2]:
            variants |= {name[0] + ch + ch for ch in alike[1] if ch != name[1]}
        add({v: "" for v in variants}, name, CLASS_NAME)
    # 湖南省委书记杜家豪: a provincial leader's name slipped right after the title (regional_leaders.py); never
    # into another leader's name, nor into a national leader's
    people = {name for _, name in regional} | set(lexicon.leaders) | set(lexicon.names)
    for form, name in regional:
        slips = name_slips(name, sounds, shapes, set(_surname_slips(name, sounds.get(name[0], "") + shapes.get(name[0], ""))))
        add({form.format(v): "" for v in sorted(slips - people)}, form.format(name), CLASS_NAME)
    words = tuple(patterns)
    return words, tuple(patterns[w] for w in words)


# 温 is a common surname too (温家宝): any character after 温家 would call every 温家庄, 温家湾 and 温家人 a slip
_COMMON_SURNAMES = SURNAMES | frozenset("温")


def _surname_slips(name: str, alike: str) -> dict[str, str]:
    """刁近平, 席近平: a leader's surname typed as one of the characters `alike`; not as a common surname (姜泽民
    may be another person), nor before a given name that is a word itself (北往沪宁、东接宁波)."""
    if tokenizer().FREQ.get(name[1:]):
        return {}
    return {ch + name[1:]: "" for ch in alike if ch != name[0] and ch not in _COMMON_SURNAMES}
_MIN_HOLE = 5  # a canonical phrase this long with any one character replaced is a damaged phrase
_MIN_EDGE_HOLE = 6  # … its first character replaced: only where the new pair is alien to correct text
_MIN_INSERT = 7  # … a character added inside it (习近平近新时代…)
_MIN_ANCHOR = 4
_NUMERALS = "〇一二三四五六七八九十百千万两"
# 中国特色的社会主义, 高质量地发展, 全面建成了小康社会: added function characters and aspect particles are other wordings
_GLUE = "的地之和与及或、了着过"
_REPLACE, _EDGE, _INSERT = 0, 1, 2  # what a hole entry looks for

# one way a phrase may be damaged where its anchor matched: (order of the entry, phrase, open position, anchor is the
# left side, _REPLACE/_EDGE/_INSERT, the character an intact phrase has at the open place: a text that has it there
# holds no damage of this kind)
Hole = tuple[int, str, int, bool, int, str]


class AnchorHoles(NamedTuple):
    """The holes of one anchor, by the character a damaged phrase must have just beyond the open one: the
    second after the anchor's end (left anchors) or the second before its start (right ones); a first
    character replaced (_EDGE) has none. Nearly every match of an anchor has neither, and is done at once."""
    after: dict[str, tuple[Hole, ...]]
    before: dict[str, tuple[Hole, ...]]
    edges: tuple[Hole, ...]


@functools.lru_cache(maxsize=8)
def hole_matcher(extra: tuple[str, ...] = ()) -> tuple[AhoCorasick, tuple[AnchorHoles, ...]]:
    """Anchors of the canonical phrases with one character left open (中华人民?和国 …) or one added.

    Same-sound and look-alike replacements are patterns of the main automaton; a canonical name damaged by
    any other character (中华人民大和国, 中共人民共和国, 中国共产常) is found here: the longer side of the
    open character is searched, the other side checked in place. An end of a phrase is where it meets its
    context: the last character never counts (自然资源部|厅|局|和, 全面依法治国|省), the first only when it pairs
    with the second as correct government text never does (杜会主义核心价值观: 杜会). A character added inside
    a long phrase (习近平近新时代中国特色社会主义思想) counts unless it is a function character or doubles a
    neighbour (中华人民共和国国境, 中国人民解放军军级: the next word begins so).
    (anchor index → its holes)
    """
    anchors: dict[str, list[tuple[str, int, bool, int]]] = defaultdict(list)

    def add(phrase: str, left: str, right: str, i: int, kind: int) -> None:
        anchor, is_left = (left, True) if len(left) >= len(right) else (right, False)
        if len(anchor) >= _MIN_ANCHOR:
            anchors[anchor].append((phrase, i, is_left, kind))

    for phrase in _canonical_phrases(extra):
        if len(phrase) < _MIN_HOLE:
            continue
        last = len(phrase) - 1
        for i in range(len(phrase)):
            if 0 < i < last:
                add(phrase, phrase[:i], phrase[i + 1:], i, _REPLACE)
            elif i == 0 and len(phrase) >= _MIN_EDGE_HOLE:  # not the last: 人力资源和社会保障厅, 全面依法治省
                add(phrase, phrase[:i], phrase[i + 1:], i, _EDGE)
            if i > 0 and len(phrase) >= _MIN_INSERT:
                add(phrase, phrase[:i], phrase[i:], i, _INSERT)
    words = tuple(anchors)
    return small_automaton(words, MatchKind.Standard), tuple(_anchor_holes(anchors[w]) for w in words)


def _anchor_holes(holes: list[tuple[str, int, bool, int]]) -> AnchorHoles:
    after: dict[str, list[Hole]] = defaultdict(list)
    before: dict[str, list[Hole]] = defaultdict(list)
    edges: list[Hole] = []
    for order, (phrase, i, is_left, kind) in enumerate(holes):
        hole = (order, phrase, i, is_left, kind, phrase[i - 1] if kind == _INSERT and not is_left else phrase[i])
        if kind == _EDGE:
            edges.append(hole)
        elif is_left:  # the rest of the phrase follows the open (or added) character
            after[phrase[i + 1] if kind == _REPLACE else phrase[i]].append(hole)
        else:  # the start of the phrase ends just before it
            before[phrase[i - 1]].append(hole)
    return AnchorHoles({k: tuple(v) for k, v in after.items()}, {k: tuple(v) for k, v in before.items()}, tuple(edges))


def _holes(joined: str, extra: tuple[str, ...], taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, phrase) for a canonical phrase with one character replaced by an unrelated one, or one
    added inside it."""
    automaton, entries = hole_matcher(extra)
    found = []
    size = len(joined)
    for index, start, end in automaton.find_matches_as_indexes(joined, overlapping=True):
        after_table, before_table, edges = entries[index]
        after = after_table.get(joined[end + 1]) if after_table and end + 1 < size else None
        before = before_table.get(joined[start - 2]) if before_table and start >= 2 else None
        if edges and not (start and "\u4e00" <= joined[start - 1] <= "\u9fff"):
            edges = ()  # the first character replaced by another Chinese one, or nothing to find (_damaged)
        if not (after or before or edges):
            continue
        holes = (after or ()) + (before or ()) + edges
        if len(holes) > 1:
            holes = tuple(sorted(holes))  # in the order of the entries, as `taken` rules overlaps
        for _, phrase, i, is_left, kind, intact in holes:
            if joined[end if is_left else start - 1] == intact:
                continue  # the phrase as it should be there (the commonest case)
            length = len(phrase) + (kind == _INSERT)
            begin = start - 1 if kind == _EDGE else start if is_left else start - i - 1
            if begin >= 0 and begin + length <= size and _damaged(joined, phrase, i, is_left, kind, begin, length, taken):
                found.append((begin, begin + length, phrase))
                taken.append((begin, begin + length))
    return found


def _damaged(joined: str, phrase: str, i: int, is_left: bool, kind: int, begin: int, length: int,
             taken: list[tuple[int, int]]) -> bool:
    """The text at `begin` is `phrase` damaged at `i` as `kind` says, its anchor in place."""
    other = joined[begin + i]
    if not ("\u4e00" <= other <= "\u9fff") or other in _NUMERALS:
        return False
    if kind == _INSERT:
        if other in _GLUE or other in (phrase[i - 1], phrase[i]) or phrase[i - 1] in _NUMERALS or phrase[i] in _NUMERALS:
            return False
        rest = phrase[i:] if is_left else phrase[:i]
        if not (joined.startswith(rest, begin + i + 1) if is_left else joined.startswith(rest, begin)):
            return False
    else:
        if other == phrase[i] or phrase[i] in _NUMERALS:
            return False  # 党的十八大 is another congress, not a damaged 党的十九大
        # the anchor is the one side, in place: the other side must be as in the phrase
        if not (joined.startswith(phrase[i + 1:], begin + i + 1) if is_left else joined.startswith(phrase[:i], begin)):
            return False
        if kind == _EDGE and pair_uses(other + phrase[1]) > _ALIEN_USES:
            return False
    candidate = joined[begin:begin + length]
    lexicon = typo_lexicon()
    if tokenizer().FREQ.get(candidate) or candidate in lexicon.correct or candidate in lexicon.places:
        return False
    if kind == _INSERT and any(name in candidate and name not in phrase for name in lexicon.names):
        return False  # 国务院总理李克强 is another leader, not 国务院总理李强 with a character added
    end = begin + length
    # a canonical form wholly inside an added-to or edge-damaged phrase is a piece of it (中国特色社会主义)
    return not any(s < end and begin < e and (kind == _REPLACE or s < begin or e > end) for s, e in taken)


@functools.lru_cache(maxsize=8)
def _canonical_pieces(extra: tuple[str, ...]) -> frozenset[str]:
    """Every run of three characters of the canonical phrases long enough for `_holes`."""
    return frozenset(p[i:i + 3] for p in _canonical_phrases(extra) if len(p) >= _MIN_HOLE for i in range(len(p) - 2))


_ENUMERATION = re.compile("、(?=[\u4e00-\u9fff])")  # and a Chinese character before it: tested in Python, as a
# lookbehind first would make the engine try the pattern at every character of the page


def _enumerated_holes(joined: str, extra: tuple[str, ...], taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, phrase with the text's commas, why) for a canonical phrase damaged as
    `_holes` finds them, where the text writes the phrase with an enumeration comma between its parts, as
    portals write the slogans (不忘初心、牢记使命 for the canonical 不忘初心牢记使命): read the text with
    each 、 between two Chinese characters taken out, keep what spans a comma taken out (the rest is found
    as written)."""
    if "、" not in joined:
        return []
    pieces = _canonical_pieces(extra)  # a comma is read through only beside a piece of a canonical phrase
    commas = [m for m in _ENUMERATION.finditer(joined) if m.start() and "\u4e00" <= joined[m.start() - 1] <= "\u9fff"
              and (joined[m.start() - 3:m.start()] in pieces or joined[m.end():m.end() + 3] in pieces)]
    if not commas:
        return []
    kept = [0] + [m.end() for m in commas]
    ends = [m.start() for m in commas] + [len(joined)]
    view = "".join(joined[a:b] for a, b in zip(kept, ends, strict=True))  # the text without the commas
    # the characters of `view` from firsts[k] on are those of `joined` from kept[k] on
    firsts = list(itertools.accumulate((b - a for a, b in zip(kept, ends, strict=True)), initial=0))

    def where(i: int) -> int:  # place in `joined` of the character at i in `view`
        k = bisect.bisect_right(firsts, i) - 1
        return kept[k] + i - firsts[k]

    def at(j: int) -> int | None:  # place in `view` of the character at j in `joined` (None: a comma taken out)
        k = bisect.bisect_right(kept, j) - 1
        return firsts[k] + j - kept[k] if j < ends[k] else None

    # a phrase across comma k stands within a phrase's length of it in `view`: only those stretches are read, with
    # margin enough for whatever overlaps it (taken places rule some out)
    reach = 4 * _longest_hole_phrase(extra)
    spans: list[list[int]] = []
    for first in firsts[1:-1]:
        lo, hi = max(0, first - reach), min(len(view), first + reach)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    found = []
    for lo, hi in spans:
        a_lo, a_hi = where(lo), where(hi - 1) + 1
        inside = [(x - lo, y + 1 - lo) for a, b in taken if a < a_hi and a_lo < b
                  and (x := at(a)) is not None and (y := at(b - 1)) is not None]
        for start, end, phrase in _holes(view[lo:hi], extra, inside):
            start, end = start + lo, end + lo
            a, b = where(start), where(end - 1) + 1
            # it spans a comma taken out, and a character is replaced: one added across a comma is an enumeration
            # of levels (全国、省人民代表大会: the national and the provincial congress), not a damaged name
            if b - a > end - start and len(phrase) == end - start and on_word_boundaries(view, start, end):
                rest = iter(phrase)  # the suggestion with the commas where the text has them
                shown = "".join(ch if ch == "、" else next(rest) for ch in joined[a:b])
                found.append((a, b, shown, describe(view[start:end], phrase)))
    return found


@functools.lru_cache(maxsize=8)
def _longest_hole_phrase(extra: tuple[str, ...]) -> int:
    return max((len(p) + 1 for p in _canonical_phrases(extra)), default=1)


_CJK = "\u3400-\u9fff"
# starts with the newline so that the engine skips to each one; the blanks before it are walked back over
_BREAK_RX = re.compile(f"\n[ \t\u3000]*(?=[{_CJK}])")


def _line_breaks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line break, with the blanks around it, between two Chinese characters."""
    found = []
    for m in _BREAK_RX.finditer(text):
        start = m.start()
        while start and text[start - 1] in " \t\u3000":
            start -= 1
        if start and "\u3400" <= text[start - 1] <= "\u9fff":
            found.append((start, m.end()))
    return found


# each mark after a Chinese character; the mark first, so that the engine skips to it and then looks back
_HALF_WIDTH = tuple((mark, re.compile(f"{re.escape(mark)}(?<=[{_CJK}]{re.escape(mark)})"), full)
                    for mark, full in ((",", "，"), (";", "；"), (":", "："), ("!", "！"), ("?", "？")))


def full_width_punctuation(text: str) -> str:
    """`text` with a half-width comma, semicolon, colon, ! or ? after a Chinese character written full-width, one
    character for one (places stay): crawled and reposted pages often write 开灌,截止6月1日, and the rules read
    clauses by their full-width marks. After a digit they stay (1,000; 10:30)."""
    for mark, rx, full in _HALF_WIDTH:
        if mark in text:
            text = rx.sub(full, text)
    return text


def join_lines(text: str) -> tuple[str, list[list[int]]]:
    """`text` with line breaks between two Chinese characters removed, and where each kept character was.

    A PDF or a narrow column breaks "中华人民共和国" into "中华人民\\n共和国"; matching the joined text finds
    a damaged phrase across the break and never mistakes the halves for a phrase missing its ends.
    """
    breaks = _line_breaks(text)
    if not breaks:
        return text, []
    parts, starts, shifts, pos, dropped = [], [], [], 0, 0
    for start, end in breaks:
        parts.append(text[pos:start])
        dropped += end - start
        starts.append(start - (dropped - (end - start)))
        shifts.append(dropped)
        pos = end
    parts.append(text[pos:])
    return "".join(parts), [starts, shifts]


_MENU_ITEM = 8  # characters of a menu's or a list's item on its own line (政府信息公开, 依申请公开)


def _menu_items(text: str, a: int, b: int) -> bool:
    """Whether text[a:b], which spans line breaks, lies in a run of short lines without a sentence's marks, with one
    more such line either side: a menu or a list of labels, one per line (a site's navigation). A PDF's column is
    wider than a menu's item, and a phrase broken once ("中华人民\n共和国") has prose around it."""
    first = text.rfind("\n", 0, a)  # the break before a's line, then the one before the line above it
    first = text.rfind("\n", 0, first) if first > 0 else -1
    last = text.find("\n", b)  # the break after b's line, then the one after the line below it
    last = text.find("\n", last + 1) if last >= 0 else -1
    lines = text[first + 1:last if last >= 0 else len(text)].split("\n")
    return len(lines) >= 4 and all(len(line.strip()) <= _MENU_ITEM and not any(m in line for m in "。，；")
                                   for line in lines)


_LATIN_LABEL = re.compile(r"[ \t]*[A-Za-z]{3,}")  # the label's English third, after it


def _bilingual_label(text: str, a: int, b: int) -> bool:
    """text[a:b] is a unit written twice that only became the same when traditional characters were simplified, or is
    followed by its English: a page that prints each label in both scripts and in English (最后更新:最後更新:,
    审核人:審核人:, 作者:作者: Author), not a key pressed twice."""
    half = (b - a) // 2
    if (b - a) % 2 == 0 and text[a:a + half] != text[a + half:b]:
        return True
    return bool(_LATIN_LABEL.match(text, b))  # 作者:作者: Author: the same in both scripts


def _original(where: list, k: int) -> int:
    if not where:
        return k
    starts, shifts = where
    i = bisect.bisect_right(starts, k)
    return k + (shifts[i - 1] if i else 0)


@functools.lru_cache(maxsize=1)
def _leader_names() -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, typo_lexicon().leaders), key=len, reverse=True)))


def _leader_mentions(text: str, on: date) -> list[tuple[int, int, str, str]]:
    """(start, end, as written, why) for a leader named with a title he did not hold on `on`."""
    lexicon = typo_lexicon()
    titles = sorted(lexicon.titles, key=len, reverse=True)
    found = []
    for m in _leader_names().finditer(text):
        name = m.group()
        terms = lexicon.leaders[name]
        before, after = text[max(0, m.start() - 8):m.start()], text[m.end():m.end() + 8]
        title = next((t for t in titles if after.startswith(t)), None)
        start, end = m.start(), m.end() + (len(title) if title else 0)
        if title is None:
            title = next((t for t in titles if before.endswith(t)), None)
            if title is None:
                continue
            start = m.start() - len(title)
            before = text[max(0, start - 4):start]
        if any(before.endswith(word) for word in _FORMER):
            continue  # 时任国务院总理李克强: a historical mention
        held = [t for t in terms if t.title == title]
        if _in_office(held, on, on):
            continue
        if held and _dated_in_term(text, start, held):
            continue  # 2016年2月29日，国务院总理李克强召开…: the sentence dates the event inside his term
        if held:
            why = f"{name}于{on:%Y年%m月%d日}已不任（或尚未任）“{title}”"
        else:
            why = f"“{title}”不是{name}的职务"
        found.append((start, end, text[start:end], why))
    return found


_SENTENCE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_YEAR_REACH = 60  # characters before a leader's name where the sentence's own date stands


def _in_office(held: list[Term], first: date, last: date) -> bool:
    """One of the terms `held` overlaps the days from `first` to `last` (an open start or end reaches any day)."""
    return any((t.start is None or t.start <= last) and (t.end is None or first < t.end) for t in held)


def _dated_in_term(text: str, start: int, held: list[Term]) -> bool:
    """The sentence around text[start] names a year, before the leader, in which he held the title: an archived page
    or a retrospective reports an event of its day, whatever the date of the check (the page's own date is not
    always known: then the check's date stands in for it)."""
    lo = max(0, start - _YEAR_REACH)
    stop = max(text.rfind(mark, lo, start) for mark in "。！？\n")
    years = [int(y) for y in _SENTENCE_YEAR.findall(text, max(lo, stop + 1), start)]
    return bool(years) and all(_in_office(held, date(year, 1, 1), date(year, 12, 31)) for year in years)


_MAX_NEEDLES = 300  # alternatives of one rule's needles; beyond, the rule keeps the shorter set it had
_MAX_NEEDLE_SETS = 3  # needle sets a rule is gated by at most
_MAX_CLASS = 16  # a character class of at most this many plain characters is read as alternatives ([OoО0])


@functools.lru_cache(maxsize=256)
def _needles(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which every match of `pattern` holds or stands right before (a context rule's wrong word
    and what its lookahead requires: 分文件, 分材料 … for "\\d分(?=文件|材料…)"), or () when that cannot be told: a
    rule's regex is only run over a text that holds one of them. The set whose shortest string is longest of
    `_needle_sets`."""
    sets = _needle_sets(pattern)
    return sets[0] if sets else ()


@functools.lru_cache(maxsize=1024)
def _needle_sets(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Sets of strings of which every match of `pattern` holds one each, the set whose shortest string is longest
    first: a text that misses any of them is not matched. Read from the parsed pattern: from each item of its top
    level on, and of each sequence every match holds (`_mandatory_sequences`), the plain characters, the alternatives
    of a group, an optional group or a small class, and a lookahead's, in order; lookbehinds and negative
    lookarounds match no character and are stepped over. Besides the first, up to `_MAX_NEEDLE_SETS` - 1 more sets
    of strings of two or more characters: the missing-为 rule's "，推动" stands on most pages, its "提供", "作出" …
    with it on few (re's parser is private: another Python gets (), no shortcut, the same findings)."""
    if pattern.flags & re.IGNORECASE:
        return ()
    try:
        parser, constants = importlib.import_module("re._parser"), importlib.import_module("re._constants")
        items = list(parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # another Python's parser
        return ()
    best: tuple[str, ...] = ()
    more: list[tuple[str, ...]] = []
    for sequence in _mandatory_sequences(items, constants):
        for i in range(len(sequence)):
            found = set(_prefixes(sequence[i:], constants)[0])
            # 推动 stands wherever x推动 does: the longer needle is never needed
            strings = tuple(sorted(n for n in found if not any(o != n and o in n for o in found)))
            if not strings or not min(map(len, strings)):
                continue
            if min(map(len, strings)) > (min(map(len, best)) if best else 0):
                best = strings
            if min(map(len, strings)) >= 2 and strings not in more:
                more.append(strings)
    if not best:
        return ()
    return (best, *[s for s in more if s != best][:_MAX_NEEDLE_SETS - 1])


def _mandatory_sequences(items, c) -> list:  # items, c: re's private parser types
    """`items`, and the sequences inside it that every match holds too: a lookaround's (its text stands in the page,
    before or after the match: the missing-以 rule's 为主题 sits in a lookahead after a run of any characters), a
    group's, a repeat's that must occur; not a negative lookaround's or one alternative's."""
    found = [items]
    for op, arg in items:
        if op is c.ASSERT:
            found += _mandatory_sequences(list(arg[1]), c)
        elif op is c.SUBPATTERN and not arg[1] and not arg[2]:  # not a group with flags of its own, (?i:…)
            found += _mandatory_sequences(list(arg[3]), c)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
            found += _mandatory_sequences(list(arg[2]), c)
    return found


def _prefixes(items, c) -> tuple[list[str], bool]:  # items, c: re's private parser types
    """(the strings one of which text matching `items` begins with, whether they cover all of `items`)."""
    starts = [""]
    for op, arg in items:
        if op is c.LITERAL:
            more, complete = [chr(arg)], True
        elif op is c.SUBPATTERN and not arg[1] and not arg[2]:
            more, complete = _prefixes(arg[3], c)
        elif op is c.BRANCH:
            parts = [_prefixes(alternative, c) for alternative in arg[1]]
            more, complete = [p for found, _ in parts for p in found], all(done for _, done in parts)
        elif op is c.IN and len(arg) <= _MAX_CLASS and all(o is c.LITERAL for o, _ in arg):
            more, complete = [chr(a) for _, a in arg], True
        elif op is c.ASSERT_NOT or (op is c.ASSERT and arg[0] < 0):
            continue  # matches no character
        elif op is c.ASSERT:  # a lookahead: the text goes on with it, and nothing after it is read
            more, complete = _prefixes(arg[1], c)[0], False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[1] >= 1:
            # 了?, (?:更好|奋力)?: the group once or not at all, then what follows; a longer repeat (\d{1,2}, 们+)
            # begins with one copy, and nothing after it is read
            found, done = _prefixes(arg[2], c)
            more = found + [""] if arg[0] == 0 else found
            complete = done and arg[1] == 1
            if "" in found:  # what the group itself begins with could not be told
                return starts, False
        else:
            return starts, False
        if len(starts) * len(more) > _MAX_NEEDLES:
            return starts, False
        starts = [a + b for a in starts for b in more]
        if not complete:
            return starts, False
    return starts, True


@dataclass(frozen=True)
class RuleNeedles:
    """Which context rules a text needs run: the rules without needles always, the others when each of their needle
    sets has a needle in it."""
    always: tuple[int, ...]  # indexes of the rules without needles
    rules_of: dict[str, tuple[int, ...]]  # needle → indexes of the rules it belongs to
    sets_of: dict[int, tuple[frozenset[str], ...]]  # rule index → its needle sets
    automaton: AhoCorasick | None  # over the needles of each rule's first set

    def to_run(self, text: str) -> list[int]:
        """Indexes of the rules to run over `text`, in the rules' order."""
        if self.automaton is None:
            return list(self.always)
        touched = {index for needle in set(self.automaton.find_matches_as_strings(text, overlapping=True))
                   for index in self.rules_of[needle]}
        return sorted([*self.always,
                       *(i for i in touched if all(any(n in text for n in s) for s in self.sets_of[i][1:]))])


_rule_needles: list = [None, None]  # the rules last seen and their RuleNeedles


def _context_rule_needles(rules: tuple[ContextRule, ...]) -> RuleNeedles:
    """Each context rule's needle sets (`_needle_sets`), and one automaton over them all: a text's needles are found
    in one scan, not one substring search per rule, and only the rules they belong to are looked at. Kept for the
    rules object last seen (typo_lexicon's, the same each call), not in an lru_cache, which would hash some hundred
    and fifty rules for every text."""
    if _rule_needles[0] is not rules:
        rules_of: dict[str, list[int]] = defaultdict(list)
        sets_of: dict[int, tuple[frozenset[str], ...]] = {}
        always = []
        for index, rule in enumerate(rules):
            sets = _needle_sets(rule.pattern)
            if not sets:
                always.append(index)
                continue
            sets_of[index] = tuple(map(frozenset, sets))
            for needle in sets[0]:  # a rule is touched by its first set; the others must stand too
                rules_of[needle].append(index)
        # only the first sets' needles go in the automaton: the others (工作, 开展 … on most pages) are looked up
        # for the few rules touched, not reported for every occurrence in every text
        words = sorted(rules_of)
        _rule_needles[:] = [rules, RuleNeedles(tuple(always), {n: tuple(rules_of.get(n, ())) for n in words},
                                               sets_of,
                                               small_automaton(words, MatchKind.Standard) if words else None)]
    return _rule_needles[1]


def night_slips(texts: Iterable[str]) -> tuple[list[Candidates], frozenset[str]]:
    """Each text's candidate slips of everyday words (as `find_typo_hits` reads the text), and those found
    in two or more of the night's documents: a term or a name of the place (乘载, 海务), not a slip."""
    found_per_text: list[Candidates] = []
    documents: Counter[str] = Counter()
    for text in texts:
        joined = join_lines(to_simplified(text))[0]
        found_per_text.append(candidates(joined))
        documents.update(candidate_strings(joined, found_per_text[-1]))
    return found_per_text, frozenset(word for word, n in documents.items() if n >= 2)


def recurring_slips(texts: Iterable[str]) -> frozenset[str]:
    """The candidate slips found in two or more of these documents (`night_slips`)."""
    return night_slips(texts)[1]


def _idiom_whole_when_corrected(joined: str, start: int, end: int, right: str, sides: tuple[bool, bool]) -> bool:
    """An idiom whose replaced first or last character glues to the neighbour on that side in jieba's cut of the
    sentence as written (做一个名察秋毫的: 一个名|察|秋毫, 一个名 is a word of jieba's), the other side a cut, where the
    corrected sentence cuts the idiom whole (一个|明察秋毫). Not when both sides glue: 使用其所掌握 (使用|其|所|掌握) and
    项目无法继续 hold 用其所掌 and 目无法继 across four words. `sides`: `word_sides` of the text as written."""
    if len(right) != end - start or len(right) < 4 or right not in typo_lexicon().idioms:
        return False
    cut_left, cut_right = sides
    glued_left = not cut_left
    if cut_left == cut_right:
        return False
    changed = [k for k in range(len(right)) if joined[start + k] != right[k]]
    if changed != ([0] if glued_left else [len(right) - 1]):
        return False  # the glue is the slip's own doing only where the slip is
    return on_word_boundaries(joined[:start] + right + joined[end:], start, end)


def find_typo_hits(text: str, on: date, extra: tuple[str, ...] = (), recurring: frozenset[str] = frozenset(),
                   slips: Candidates | None = None) -> list[dict[str, str | int]]:
    """Every typo in `text`: matched text, suggestion, why, class, start/end in `text`, context.
    `recurring`, `slips`: the night's recurring candidate slips and this text's candidates (`night_slips`)."""
    simplified = to_simplified(text)
    joined, where = join_lines(simplified)
    joined = full_width_punctuation(joined)
    automaton, patterns = typo_matcher(extra)
    hits: list[dict[str, str | int]] = []

    def record(a: int, b: int, right: str, why: str, kind: str) -> None:  # places in `text`
        hits.append({"matched": text[a:b].replace("\n", ""), "suggestion": right, "why": why, "class": kind,
                     "start": a, "end": b, "context": context(text, a, b)})

    def hit(start: int, end: int, right: str, why: str, kind: str, place_rule: bool = False) -> None:
        if not place_rule and in_place_name(joined, start, end):
            return  # a village named 温家庄 or 蒲田咀 is written as its people write it
        if _quoted_as_an_error(joined, start, end):
            return  # an inspection notice quoting the error it found: 将“财政拨款”写成“财拨款”
        a, b = _original(where, start), _original(where, end - 1) + 1
        if text[a:b] == right:
            return  # 濛江街道: the traditional 濛 read as 蒙 by to_simplified, written right all along
        if on_more_lines(start, end) and _menu_items(text, a, b):
            return  # 政府信息公开 | 依申请公开: two items of a menu, one per line, read as one phrase
        record(a, b, right, why, kind)

    def on_more_lines(start: int, end: int) -> bool:  # places in `joined`: a line break was joined inside them
        return _original(where, end - 1) - _original(where, start) > end - 1 - start

    def overlaps_a_hit(start: int, end: int) -> bool:  # places in `joined`; hits hold places in `text`
        return overlaps_in_text(_original(where, start), _original(where, end - 1) + 1)

    def overlaps_in_text(a: int, b: int) -> bool:  # places in `text`
        return any(int(h["start"]) < b and a < int(h["end"]) for h in hits)

    reported: list[tuple[int, int, str, str, str]] = []  # slips of reported_typos.tsv, reported last
    matches = automaton.find(joined)
    # canonical forms (most matches: a page holds a hundred) and hits: a damaged phrase is not looked for there;
    # sorted out in one comprehension each, not one turn of the loop below per canonical form
    taken = [(start, end) for index, start, end in matches if not patterns[index][0]]
    for index, start, end in [m for m in matches if patterns[m[0]][0]]:
        right, kind = patterns[index]
        sides = word_sides(joined, start, end)
        if not all(sides) and not _idiom_whole_when_corrected(joined, start, end, right, sides):
            continue
        if len(right) == end - start + 1 and right.endswith(joined[start:end]) and \
                (right[0] in joined[max(0, start - 15):start] or (start and "\u4e00" <= joined[start - 1] <= "\u9fff")
                 or _headed_otherwise(joined, start, right)) \
                and not _headless_department(joined, start, right):
            # "由政 依申请公开 府信息公开": a phrase split by a column, its first character just before; and
            # "攻府信息公开" is a replaced first character (found below), not a dropped one
            continue
        if _places_counted(joined, start, right):
            continue  # 多地金融监管局: the bureaus of several places, not 地方金融监管局 with 方 dropped
        if right in typo_lexicon().names and (joined[end - 1] in PLACE_TAIL or joined[end:end + 1] in PLACE_TAIL):
            continue  # 温家庄, 温家辛庄: a village of the 温 family, not 温家宝
        if given_name(joined, start, end):
            continue  # 董九洲, 裴九洲: a person, not 九州
        known = typo_lexicon().known.get(automaton.words[index])
        why = ("常见错误写法" + (f"（{known[1]}）" if known[1] else "")) if known else describe(automaton.words[index], right)
        if automaton.words[index] in typo_lexicon().reported:
            reported.append((start, end, right, why, kind))  # after the rules that know the kind of error
            continue
        hit(start, end, right, why, kind, place_rule=right in typo_lexicon().places)
        taken.append((start, end))
    for start, end, phrase in _holes(joined, extra, taken):
        if on_word_boundaries(joined, start, end):
            hit(start, end, phrase, describe(joined[start:end], phrase), CLASS_FORMULATION)
    for start, end, phrase, why in _enumerated_holes(joined, extra, taken):  # 不忘实心、牢记使命
        hit(start, end, phrase, why, CLASS_FORMULATION)
    for slip in find_word_slips(joined, slips):
        start, end, right = int(slip["start"]), int(slip["end"]), str(slip["suggestion"])
        if slip["matched"] not in recurring and not any(a < end and start < b for a, b in taken):
            hit(start, end, right, f"{describe(joined[start:end], right)}，常用词“{right}”的误写（词频模型）", CLASS_COMMON)
    for start, end, right in find_transpositions(joined):  # 火站车, 宁市波: two neighbours the other way round
        if not any(a < end and start < b for a, b in taken):
            place = right in real_places()
            what = f"地名“{right}”" if place else f"常用词“{right}”"
            hit(start, end, right, f"{describe(joined[start:end], right)}，{what}的误写（词频模型）",
                CLASS_NAME if place else CLASS_COMMON)
    for start, end, char in find_doubled_function_words(joined):  # 负责的的主管人员: a key pressed twice
        if not overlaps_a_hit(start, end):  # a canonical phrase may begin at the second copy (在在工作中)
            hit(start, end, char, f"多字：“{char}”重复，应为一个“{char}”", CLASS_COMMON)
    for start, end, once in find_doubled_words(joined):  # 人民政府政府的, 如对年报有疑问，如对年报有疑问，
        if on_more_lines(start, end):
            continue  # the copies stand on two or more lines: a forum's user card, a table's cells, a menu's items
        if _bilingual_label(text, _original(where, start), _original(where, end - 1) + 1):
            continue  # 最后更新:最後更新: a label in simplified, then in traditional characters (round 51, blind390 l12)
        if not overlaps_a_hit(start, end):
            hit(start, end, once, f"多字：“{once}”重复，应只写一次", CLASS_COMMON)
    for start, end, why in find_template_hints(joined):  # （请根据实际情况填写） left in an annual report
        hit(start, end, "", why, CLASS_COMMON)
    for start, end, line, why in find_misquotes(joined):  # 又疑瑶台境: a well-known classical line quoted wrong
        if not any(a < end and start < b for a, b in taken):
            hit(start, end, line, why, CLASS_FORMULATION)
    # 2017年12底, 8月21下午, 9月31日; 政务动态信息47，其中 (a count without its measure word)
    for start, end, right, why in (*find_date_slips(joined), *find_missing_measure_words(joined)):
        hit(start, end, right, why, CLASS_COMMON)
    for self_slip in find_self_for_already(joined):
        start, end = int(self_slip["start"]), int(self_slip["end"])
        if not any(x < end and start < y for x, y in taken) and not overlaps_a_hit(start, end):
            written = str(self_slip["matched"])
            hit(start, end, str(self_slip["suggestion"]),
                f"“已”误为形近字“{written}”（“{written}”不在任何词中，正确文本写作“已”）", CLASS_COMMON)
    # 详细的介绍了: 的 for 地 before a verb; 住的很开心: 的 for 得 before a degree complement
    for start, end, right, why in (*find_adverbial_de(joined), *find_complement_de(joined)):
        if not overlaps_a_hit(start, end):
            hit(start, end, right, why, CLASS_CONTEXT)
            taken.append((start, end))
    rules = typo_lexicon().context_rules
    for rule in map(rules.__getitem__, _context_rule_needles(rules).to_run(joined)):
        for m in rule.pattern.finditer(joined):
            s, e = m.span("wrong")
            if s < 0:
                continue  # an alternative of an ops' pattern that leaves the group out matched: nothing is marked wrong
            hit(s, e, rule.suggestion(m), rule.why, CLASS_CONTEXT)
            taken.append((s, e))
    for found in find_context_confusables(joined):
        start, end = int(found["start"]), int(found["end"])
        if not any(a < end and start < b for a, b in taken):
            hit(start, end, str(found["suggestion"]), str(found["why"]), CLASS_CONTEXT)
    for start, end, _, why in _leader_mentions(joined, on):
        hit(start, end, "", why, CLASS_LEADER)
    # damaged law titles, clipped leaders' names, misplaced divisions … (names.py)
    for start, end, right, why in name_hits(joined, frozenset(where[0]) if where else frozenset()):
        if not overlaps_a_hit(start, end):
            hit(start, end, right, why, CLASS_NAME, place_rule=True)
    for start, end, right, repeats in find_name_variants(joined):  # 王建华 named three times, 王建化 once
        if not overlaps_a_hit(start, end):
            written = joined[start:end]
            hit(start, end, right, f"同一文中人名“{right}”出现{repeats}次，此处写作“{written}”（{describe(written, right)}）",
                CLASS_NAME)
    # a slip reported on a portal or in the press, where no rule above explained it (会当临绝顶 is a misquoted line,
    # 发辉 a word-model slip: those say what kind of error it is)
    for start, end, right, why, kind in reported:
        if not overlaps_a_hit(start, end):
            hit(start, end, right, why, kind, place_rule=right in typo_lexicon().places)
    for a, b, right, why in mixed_up_proposals(text):  # a reply to a 代表 that speaks of 您的提案 (the letter decides)
        if not overlaps_in_text(a, b):
            record(a, b, right, why, CLASS_CONTEXT)
    for i, char, right in find_variant_chars(text):  # 復兴村, 內塘村: read as written, not through to_simplified
        if not overlaps_in_text(i, i + 1):
            record(i, i + 1, right, f"“{char}”是繁体字或异体字，《通用规范汉字表》的规范字是“{right}”", CLASS_COMMON)
    # one error, one finding: the list's 截止目前 and the context rule's 截止 are the same slip, and two findings
    # would be two deductions; the earlier (then the longer) of overlapping hits stands
    kept: list[dict[str, str | int]] = []
    for h in sorted(hits, key=lambda h: (int(h["start"]), -int(h["end"]))):
        if not kept or int(h["start"]) >= int(kept[-1]["end"]):
            kept.append(h)
    return kept


def find_typos(text: str, on: date, extra: tuple[str, ...] = ()) -> list[tuple[str, str, str, str]]:
    """(wrong text, suggestion, why, context) for every typo found in `text`."""
    return [(str(h["matched"]), str(h["suggestion"]), str(h["why"]), str(h["context"]))
            for h in find_typo_hits(text, on, extra)]


_CONSENSUS_MIN = 20  # a line seen this often tonight is a formulation the units agree on
_CONSENSUS_RARE = 2  # a line seen at most this often, one edit away from it, is a candidate slip
_CONSENSUS_LEN = (6, 40)
_CONSENSUS_MAX_CLAUSES = 3_000_000  # distinct clauses counted at most (~0.5 GB); later ones are not judged
_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
_LINE_RX = re.compile(r"[^\s，。；：！？、,.;:!?]+")


def _deletions(line: str) -> list[tuple[str, int]]:
    return [(line[:i] + line[i + 1:], i) for i in range(len(line))]


def corpus_consensus(texts: Iterable[str]) -> dict[str, tuple[str, int]]:
    """Rare clauses one edit away from a clause the night's corpus repeats: rare → (common, its count).

    Government sites repeat the same formulations across units thousands of times (headings, names of
    organs, fixed phrases). A clause seen at most twice that differs by one character (dropped, added or
    replaced by another Chinese character that is not a numeral) from a clause seen 20 times or more is a
    strong candidate for a slip, whatever word lists say. Clauses are the runs between punctuation, 6–40
    characters long; numbers and numerals never count as the difference (第一章/第二章, 2023年/2024年).
    """
    return consensus_of(text_clauses(text) for text in texts)


def text_clauses(text: str) -> set[str]:
    """The clauses (runs between punctuation) of a text, as corpus_consensus counts and consensus_hits reads them."""
    return set(_LINE_RX.findall(to_simplified(text)))


def consensus_of(clause_sets: Iterable[set[str]]) -> dict[str, tuple[str, int]]:
    """corpus_consensus over each text's clauses (text_clauses)."""
    counts: dict[str, int] = {}
    for clauses in clause_sets:
        for clause in clauses:
            if _CONSENSUS_LEN[0] <= len(clause) <= _CONSENSUS_LEN[1]:
                if clause in counts:
                    counts[clause] += 1
                elif len(counts) < _CONSENSUS_MAX_CLAUSES:  # memory stays bounded on a city's night
                    counts[clause] = 1
    common = {c: n for c, n in counts.items() if n >= _CONSENSUS_MIN}
    if not common:
        return {}
    index: dict[str, list[tuple[str, int]]] = defaultdict(list)  # a deletion of a common clause → (clause, at)
    for clause in common:
        for gone, at in _deletions(clause):
            index[gone].append((clause, at))
    # a clause one edit away from a common one keeps its first three or its last three characters
    heads, tails = {c[:3] for c in common}, {c[-3:] for c in common}
    out: dict[str, tuple[str, int]] = {}
    for clause, n in counts.items():
        if n > _CONSENSUS_RARE or clause in common or (clause[:3] not in heads and clause[-3:] not in tails):
            continue
        candidates: list[str] = []
        for right, at in index.get(clause, ()):  # one character of a common clause dropped
            if 0 < at < len(right) - 1 and _inside_word(right, at) and not _word_across(clause, at) \
                    and not reads_as_attested(clause, at - 1, at + 1):
                candidates.append(right)
        for gone, at in _deletions(clause):
            here = []
            # one character added inside: only a doubled one (叠字), since 逾期仍不改正的 is not a slip
            if gone in common and 0 < at < len(clause) - 1 and clause[at] in (clause[at - 1], clause[at + 1]):
                here.append(gone)
            for right, right_at in index.get(gone, ()):  # the same position replaced
                if right_at == at and right != clause and _replaced_inside_word(clause, right, at):
                    here.append(right)
            if here and not reads_as_attested(clause, at, at + 1):  # 采取有力措施: another wording, not a slip
                candidates += here
        if candidates:
            right = max(candidates, key=lambda c: common[c])
            out[clause] = (right, common[right])
    return out


def _inside_word(clause: str, at: int) -> bool:
    """clause[at] belongs to a word of two or more characters (齐齐哈|尔|市), not to a particle (的)."""
    token = token_at(clause, at)[1]
    return len(token) >= 2 and bool(tokenizer().FREQ.get(token))


def _word_across(clause: str, at: int) -> bool:
    """A dictionary word of `clause` spans the gap before clause[at] (关键时期 → 关键|期 reads 关键期): what is
    left where a character was dropped is a word of its own, another wording, as with a replaced one below."""
    start, token = token_at(clause, at - 1)
    return start + len(token) > at and len(token) >= 2 and bool(tokenizer().FREQ.get(token))


def _replaced_inside_word(rare: str, right: str, at: int) -> bool:
    """The replaced character breaks a word of the common clause (扫黑|除|恶 read as 扫黑|险恶): a slip.

    When the rare clause has a dictionary word of its own that covers the common clause's word (行政处罚
    against 行政处分, 非法所得 against 违法所得), it says something else, and that is not a slip.
    """
    changed = rare[at] + right[at]
    if not all("\u4e00" <= c <= "\u9fff" and c not in _NUMERALS for c in changed):
        return False
    if not _inside_word(right, at):
        return False
    rare_start, rare_token = token_at(rare, at)
    right_start, right_token = token_at(right, at)
    covers = rare_start <= right_start and rare_start + len(rare_token) >= right_start + len(right_token)
    if covers and tokenizer().FREQ.get(rare_token):
        return False
    # A character neither sounding nor looking like the one it replaces, that forms a word with its neighbour
    # which correct text writes so (提名人要求撤回的 beside the 24 of 提案人要求撤回的: the nominator of an
    # appointment, 人事任免): another wording. 扫黑险恶 stays a slip: correct text never writes 黑险恶.
    return confusable(right[at], rare[at]) or not (
        len(rare_token) >= 2 and tokenizer().FREQ.get(rare_token) and 0 < at < len(rare) - 1
        and bool(seen_trigrams(rare[at - 1:at + 2]).all()))


def consensus_hits(text: str, consensus: dict[str, tuple[str, int]]) -> list[dict[str, str | int]]:
    if not consensus:
        return []
    hits: list[dict[str, str | int]] = []
    simplified = to_simplified(text)
    for m in _LINE_RX.finditer(simplified):
        if m.group() in consensus:
            right, n = consensus[m.group()]
            hits.append({"matched": text[m.start():m.end()], "suggestion": right, "class": CLASS_FORMULATION,
                         "why": f"{describe(m.group(), right)}；同类表述“{right}”在本次检查的页面中出现{n}次（语料共识）",
                         "start": m.start(), "end": m.end(), "context": context(text, m.start(), m.end())})
    return hits


def _finding(source: TextSource, hits: list[dict[str, str | int]]) -> Observation:
    first = hits[0]
    wrong, right, why = first["matched"], first["suggestion"], first["why"]
    advice = f"，应为“{right}”" if right else ""
    contexts = [str(h["context"]) for h in hits]
    return source.observation(
        "text.typo",
        f"{source.place}“{source.subject}”疑似{first['class']}“{wrong}”{advice}（{why}）：{contexts[0]}",
        {"matched": wrong, "suggestion": right, "why": why, "class": first["class"], "contexts": contexts[:5],
         "count": len(contexts)},
        key=str(wrong),
    )


def slip_facts(text: str) -> dict[str, object]:
    """What the night-wide steps need of one text (memoised by its hash): its candidate slips as written
    (night_slips counts in how many texts each recurs) and whether it names a leader (the only step of
    find_typo_hits that reads the date: without a leader's name the hits are the same on any day)."""
    joined = join_lines(to_simplified(text))[0]
    return {"slips": sorted(candidate_strings(joined, candidates(joined))),
            "leader": _leader_names().search(joined) is not None}


def _memoised_slip_facts(data: AuditData, texts: list[str]) -> list[dict]:
    keys = [memo_key(data.memo.fingerprint, "slips", text_hash(text)) for text in texts]
    return memoised(data.memo, "slips", keys, lambda i: slip_facts(texts[i]))


def typo_hits_of_night(data: AuditData, as_of: date, extra: tuple[str, ...], sources: list[TextSource]
                       ) -> list[list[dict[str, str | int]]]:
    """Per text source: find_typo_hits and the corpus-consensus hits that do not overlap them, before the
    allow-list. The night-wide inputs (recurring slips, consensus) are computed every night from every text;
    each text's hits are memoised under exactly the part of them it reads (checks.memo)."""
    texts = [source.text for source in sources]
    facts = _memoised_slip_facts(data, texts)
    documents: Counter[str] = Counter()
    for f in facts:
        documents.update(set(f["slips"]))
    recurring = frozenset(word for word, n in documents.items() if n >= 2)
    consensus = consensus_of(text_clauses(text) for text in texts)
    fp = data.memo.fingerprint
    keys = []
    for source, f in zip(sources, facts, strict=True):
        on = source.publish_date or as_of
        mine = sorted((c, *consensus[c]) for c in text_clauses(source.text) if c in consensus) if consensus else []
        keys.append(memo_key(fp, "typo", text_hash(source.text), extra, on.isoformat() if f["leader"] else None,
                             sorted(w for w in f["slips"] if w in recurring), mine))

    def hits_of(i: int) -> list[dict[str, str | int]]:
        source = sources[i]
        hits = find_typo_hits(source.text, source.publish_date or as_of, extra, recurring)
        return hits + [c for c in consensus_hits(source.text, consensus)
                       if not any(h["start"] < c["end"] and c["start"] < h["end"] for h in hits)]  # type: ignore[operator]

    return memoised(data.memo, "typo", keys, hits_of)


@check("text.typo", scope=source_scope)
def typos(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    # unit names as canonical phrases; a name without a Chinese character (a host name where the registry
    # gives no name) would make every neighbouring domain of a footer's link list a near miss
    extra = tuple(sorted({u.name for u in data.units if len(u.name) >= _MIN_NEAR_MISS and "（" not in u.name
                          and _HAS_CJK.search(u.name)}))
    findings: list[Observation] = []
    sources = list(text_sources(data))  # built once per AuditData and kept (sources.text_sources)
    for source, hits in zip(sources, typo_hits_of_night(data, as_of, extra, sources), strict=True):
        if data.allowed("text.typo", source.unit, url=source.url):
            continue
        grouped: dict[str, list[dict[str, str | int]]] = defaultdict(list)
        for h in hits:
            if data.allowed("text.typo", source.unit, phrase=str(h["matched"])):
                continue
            grouped[str(h["matched"])].append(h)
        findings.extend(_finding(source, hits) for hits in grouped.values())
    return findings
