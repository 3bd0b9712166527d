"""A function word typed twice (对直接负责的的主管人员, 负责危险房屋解危的的具体工作): part of `text.typo`, class 常见错别字.

A key pressed twice leaves the character doubled. For content characters that is mostly right: 县县通高速, 账账相符,
原原种 and 广汕汕高铁 are distributive reduplications, seed grades and place abbreviations, and 市市场监管 or 目的的 are
a word followed by a character. Function words (的, 和, 在, 对 …) are not reduplicated, so one written twice is
reported when
* both copies stand alone in jieba's cut (目的|的, 可以|以, 会|会长 are a word and a character), and neither forms a
  word of jieba's dictionary with its neighbours either (对对账单: 对账 is counted 7 times, and the cut splits it);
* the pair is no word (等等, 可可: counted 10 times or more; 对对, 了了 are listed 3 times, and 对对需要主动公开的
  政府文件 in an annual report is a slip), nor part of an AABB reduplication (的的确确, 是是非非), nor of three in a
  row (“不不不，我当然愿意”: emphasis in speech).
之 is left out: classical quotations double it (圣而不可知之之谓神); so is 会: 去会会他 is colloquial Chinese.

Measured on 35.5 MB of correct text (benchmarks/text_real.py's 28 MB of laws, policies and 2026 work reports,
People's Daily 1998 and 2023–24): 2 hits, both real errors of the source (the two sentences above).
"""

from __future__ import annotations

import functools
import re

import numpy as np

from checks.lexicon import CJK_RUN, PERSON_TAGS, tagged_words, tokenizer
from checks.word_slips import code_point_set, text_codes

# 们 is a suffix, never doubled either (blind108: 身着红马甲的义工们们; none in 69.5 MB of correct text); nor is 到 (blind130:
# 持本人身份证到到西峰区; the one 到到 of the 69.5 MB is 想到|到北京, which the cut splits)
_FUNCTION_CHARS = "的了和与及在是对把被从向为以将就也都还而并或其于按由给让使这那有不要能可应该如若则但又再才已所着过地得们到"
_DOUBLED = re.compile(f"([{_FUNCTION_CHARS}])\\1")
_REACH = 6  # characters of context either side that jieba cuts
# jieba's count from which a doubled character is a word (等等 29,000, 可可 602, 声声 115; typos.py's doubled idiom
# characters too); its dictionary also lists 对对, 了了, 顶顶 3 times each, and 对对需要主动公开的政府文件 (blind27, an
# annual report) is a slip
DOUBLED_WORD = 10


def find_doubled_function_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the character once) for each function word written twice in `text`."""
    found: list[tuple[int, int, str]] = []
    if not _DOUBLED.search(text):
        return found
    freq = tokenizer().FREQ
    for m in _DOUBLED.finditer(text):
        i, char = m.start(), m.group(1)
        if (freq.get(char * 2) or 0) >= DOUBLED_WORD or _in_aabb(text, i, freq) \
                or char in (text[i - 1:i], text[i + 2:i + 3]):
            continue  # 等等, 可可; 的的确确, 是是非非; 不不不 (said three times on purpose)
        if any(freq.get(text[i + 1:i + 1 + n], 0) > 0 or freq.get(text[i + 1 - n:i + 1], 0) > 0 for n in (2, 3)):
            continue  # one copy belongs to a word jieba's cut may still split: 对对账单 (对账, counted 7 times)
        tokens = {k: word for start, word in _tokens(text, i - _REACH, i + 2 + _REACH)
                  for k in range(start, start + len(word))}
        if len(tokens.get(i, "")) == 1 and len(tokens.get(i + 1, "")) == 1:
            found.append((i, i + 2, char))
    return found


def _in_aabb(text: str, i: int, freq: dict) -> bool:
    """The doubled character at `i` is half of an AABB reduplication of a word (的的确确: 的确, 是是非非: 是非); an ABB
    adjective before it is not one (热腾腾的的姜茶: 腾的 is no word; blind330, round 47)."""
    after = text[i + 2:i + 3] == text[i + 3:i + 4] != "" and freq.get(text[i] + text[i + 2], 0) > 0
    before = i >= 2 and text[i - 2] == text[i - 1] and freq.get(text[i - 1] + text[i], 0) > 0
    return after or before


# A clause or a label typed twice (如对年报有疑问，如对年报有疑问，请与; （地址：地址：): the first copy starts a clause.
# Two characters are a label only before a colon: 很好，很好， and 起来，起来， are speech.
# (the ASCII marks too: pages typed on an English keyboard, and PDF conversions, write 其中:其中:)
_CLAUSE_MARK = code_point_set("。，；：、！？（【\n,;:")  # a clause starts after one
_UNIT_END = code_point_set("：，、；。:,;")  # … and ends with one of these
# a two-character word typed twice (人民政府政府的, 特种设备设备377台次): prepositions and conjunctions are never
# reduplicated (关于关于对老旧小区)
_NOT_REDUPLICATED = frozenset(["关于", "由于", "对于", "根据", "按照", "依照", "依据", "通过", "为了", "围绕", "针对",
                               "以及", "并且", "而且", "但是", "因为", "所以", "如果", "虽然", "即使", "或者",
                               "作为",  # blind132: 把生态环境作为作为改善民生的头等大事
                               "如下"])  # blind364 (round 49): 总结如下如下：
_DOCUMENT_VERBS = frozenset(("规定", "决定"))  # a document and its verb: 本规定规定的行政处罚
# the tail of an organ's name after a two-character word written twice (县教育教育局, 农村公路公路局, 便民服务服务站,
# 出入境检验检验局, 综合行政执法执法大队: round 56; the published sentences found by find_doubled_words 131 → 137); none in
# the 70 MB of correct text (laws, policies, work reports, People's Daily 1998 and 2023–24, LEMON)
_ORGAN_SUFFIX = re.compile("局|委员会|办公室|厅|研究院|研究所|中心|协会|学会|站|大队|支队")
_COMMON_WORD = 100  # jieba's count from which a two-character word is an everyday word
_AFTER_PAIR = "的及和与等"
_PUNCTUATION = "，。；：、！？）」”,.;:!?)"


def find_doubled_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the words once) for a clause, a label or a two-character word written twice in `text`.

    A two-character word counts where the second copy stands alone in jieba's cut (not 根据|根据地) and it is a
    preposition or conjunction, or the first copy ends a longer word of jieba's dictionary (人民政府|政府,
    特种设备|设备) and punctuation, a number or 的/及/和/与/等 follows (not a blank or a line's end: keyword links side
    by side read 重机枪机枪). Reduplicated verbs and adjectives (商量商量, 细长细长) end no longer word;
    省人民政府政府采购 and 上一年度年度报告 go on into a word.
    Measured on 93.5 MB of correct text (laws, policies, 2026 work reports, People's Daily 1998, csc_hard): 3 hits,
    all errors of the source (科学研究研究、教学实习 twice; 从业人员人员（万人） in a flattened table).
    """
    found = _doubled_clauses(text)
    found += [unit for unit in _doubled_units(text) if not any(a < unit[1] and unit[0] < b for a, b, _ in found)]
    pairs = _doubled_pairs(text)
    if not pairs:
        return found
    freq = tokenizer().FREQ
    for i in pairs:
        word = text[i:i + 2]
        if freq.get(word, 0) < _COMMON_WORD or word in _DOCUMENT_VERBS or any(a <= i < b for a, b, _ in found):
            continue
        if text[i + 4:i + 6] == word or text[max(0, i - 2):i] == word:
            continue  # three in a row: said so on purpose
        if _ORGAN_SUFFIX.match(text, i + 4):  # 县教育教育局, 综合行政执法执法大队: no organ's name doubles a word
            found.append((i, i + 4, word))
            continue
        if word not in _NOT_REDUPLICATED:  # a preposition's object follows it (关于关于对老旧小区)
            after = text[i + 4:i + 5]
            if not (after in _AFTER_PAIR or after in _PUNCTUATION or after.isdigit()):
                if _unreduplicated_before_a_word(text, i, word):
                    found.append((i, i + 4, word))
                continue  # 省人民政府政府采购: the second copy may begin a word; 重机枪 机枪: two tags, side by side
            if not after.isdigit() and not any(freq.get(text[i - k:i + 2], 0) for k in range(1, 5) if i >= k):
                continue  # 商量商量: no longer word ends at the first copy; an amount follows no reduplicated verb
                #   (安置支出支出355.80万元)
        if dict(_tokens(text, i - _REACH, i + 4 + _REACH)).get(i + 2) == word:
            found.append((i, i + 4, word))
    for i in pairs:
        if any(a <= i < b for a, b, _ in found) or _doubled_on_purpose(text, i, freq):
            continue
        if _everyday_word_doubled(text, i, freq) or _noun_doubled_after_a_word(text, i, freq):
            found.append((i, i + 4, text[i:i + 2]))
    return found


def _doubled_on_purpose(text: str, i: int, freq: dict) -> bool:
    """What neither of the two rules below reports: a word too rare to judge, a noun that is also a verb or a document
    and its verb (专业组织组织利用, 本规定规定的), speech's reduplications (商量商量), and three in a row."""
    word = text[i:i + 2]
    return freq.get(word, 0) < _COMMON_WORD or word in _NOUN_VERBS or word in _DOCUMENT_VERBS \
        or word in _REDUPLICATED_IN_SPEECH or text[i + 4:i + 6] == word or text[max(0, i - 2):i] == word


# A noun written twice after the word before it, where the second copy may begin a longer word (我乡政务政务信息,
# 防震减灾宣传宣传教育活动, 脱贫稳定性和基层基层工作, 县纪委纪委派驻: round 56). Correct text doubles a noun so where two
# words meet at it (省人民政府|政府采购, 中国天主教|主教团, 游击大队|大队长, 上一年度|年度报告, 裁定|罪定罪), where amounts
# reduplicate (见到大片大片水仙) and in speech (再比试比试). So: a noun (jieba's tags), its first copy ending no longer word
# of jieba's dictionary and its second beginning no three-character one, after a Chinese character that is no time
# determiner, no speech cue and no part of a word with the noun's first character, in running text outside quotes.
# Measured: the published sentences of reported_typos.tsv 137 → 145 found by find_doubled_words; no new hit on the 70 MB of
# correct text (laws, policies, work reports, People's Daily 1998 and 2023–24, LEMON, csc_hard).
_DOUBLED_AFTER_TAGS = frozenset({"n", "nz", "nt", "vn", "j"})
_TIME_DETERMINERS = frozenset("一本每该各当上下")
_SIZES = frozenset("大小")


def _noun_doubled_after_a_word(text: str, i: int, freq: dict) -> bool:
    word = text[i:i + 2]  # past _doubled_on_purpose
    if word[0] in _SIZES or word not in tagged_words(_DOUBLED_AFTER_TAGS):
        return False
    if any(freq.get(text[i - k:i + 2], 0) for k in (1, 2, 3) if i >= k) or freq.get(text[i + 2:i + 5], 0):
        return False  # 省人民政府|政府采购; 游击大队|大队长
    previous = text[i - 1:i]
    if not CJK_RUN.match(previous) or previous in _SPEECH_BEFORE or previous in _TIME_DETERMINERS \
            or freq.get(previous + word[0], 0):
        return False  # ，大片大片; 再比试比试; 上一年度年度报告; 裁定罪定罪
    before = _before_in_running_text(text, i)
    return before is not None and _outside_quotes(before)


# An everyday word written twice where no rule above decided (round 52: 学校工作工作的关注, 组织相关相关单位学习,
# 门户网站网站查阅, 可以可以下达): reduplication softens verbs of activity and colours adjectives in speech (比试比试,
# 商量商量, 细长细长, 没有没有。”), adverbs repeat for emphasis (永远永远), and a noun that is also a verb may be an
# organisation's name followed by its act (专业组织组织利用, 有关规定规定应当). So: not after a speech cue (再, 多 …), not an
# adverb, not such a noun-verb, not a non-noun just before the clause's end (speech), the second copy a word of its own
# in the cut, in a clause of running text outside 《》 and quotes. Measured: the published sentences of the 160 doubled-word
# rows of reported_typos.tsv 84 → 97 found; no new hit on all of LawRefBook/Laws (58.1 MB), text_real's 23 MB, People's
# Daily 1998 (5.5 MB), LEMON (3 MB) or csc_hard (1.8 MB).
_NOUN_VERBS = frozenset(("组织", "规定", "决定", "要求", "计划", "建议", "安排", "领导", "报告", "通知", "指示", "批示"))
# words jieba tags as nouns that speech does reduplicate (找领导活动活动, 意思意思, 商量商量, 细长细长的飘带)
_REDUPLICATED_IN_SPEECH = frozenset(("意思", "商量", "细长", "活动", "热闹", "老远", "比划", "打听", "溜达", "琢磨"))
# nouns, places, conjunctions (可以可以 is a slip in prose; jieba tags 可以 c); jieba's verbal nouns (vn) only after a
# noun (学校工作工作的, 攻坚行动行动): after a verb or a pronoun they are speech (去锻炼锻炼, 大家交流交流)
_NEVER_REDUPLICATED_TAGS = frozenset({"n", "nt", "nz", "ns", "s", "c"})
_VERBAL_NOUN_TAGS = frozenset({"vn"})
_NOUN_OR_SHORT_TAGS = frozenset({"n", "nt", "nz", "ns", "vn", "j"})  # j: short forms (党建|工作工作等)


def _everyday_word_doubled(text: str, i: int, freq: dict) -> bool:
    word = text[i:i + 2]  # past _doubled_on_purpose
    if word[0] == "一":
        return False
    cut = _tokens(text, i - _REACH, i + 4 + _REACH)
    tokens = dict(cut)
    if tokens.get(i + 2) != word:
        return False  # 省人民政府政府采购: the second copy begins a longer word
    if tokens.get(i) != word and not (text[i + 4:i + 5] in _AFTER_PAIR or text[i + 4:i + 5] in _PUNCTUATION):
        return False  # 省人民政府|政府|采购: the first copy ends a longer word, the second may begin one (政府采购)
    previous = next((w for start, w in cut if start + len(w) == i), "")
    verbal_noun_after_a_noun = word in tagged_words(_VERBAL_NOUN_TAGS) and previous in tagged_words(_NOUN_OR_SHORT_TAGS)
    if word not in tagged_words(_NEVER_REDUPLICATED_TAGS) and word not in _FORMAL_VERBS and not verbal_noun_after_a_noun:
        return False
    if previous in _SPEECH_BEFORE:
        return False  # 再比试比试 (重要|意义意义 is no speech)
    before = _before_in_running_text(text, i)  # not 信息安全业界业界动态查询: a menu's links side by side
    return before is not None and _outside_quotes(before)


# A noun, or a verb that is never reduplicated to soften it, written twice before the next word of its clause
# (二是加大加大交通基础设施建设, 对该车进行进行检测, 向中队官兵官兵讲解了, 张家山街道街道认真贯彻落实): both copies and the
# word after them stand alone in jieba's cut. Speech reduplicates verbs of activity (考虑考虑这个问题, 提醒提醒大家, 多活动活动),
# not verbs with a result (加大, 收到, 做到, 用好) nor the formal verbs of official prose (any other word after 多, 再, 请 …
# is such a verb, whatever jieba tags it: 多活动活动, 再商量商量); adjectives reduplicate before 的
# and 地 (细长细长的飘带); a title or a quotation repeats on purpose (《国旗国旗真美丽》); and a menu of links puts an office
# before its service with only a blank between (信息安全业界 业界动态查询), so the clause must hold a mark of running text.
# On 69.5 MB of correct text (all of LawRefBook/Laws, the gov.cn policies, the Guangdong guides, the 2026 work reports,
# People's Daily 1998 and 2023–24): 7 hits. Four are slips of the source (每周工作工作时长, 布图设计设计专有权, 从业资格资格满5年,
# 官兵官兵冬季); two are People's Daily headlines run into their text by the corpus (痛说赝品赝品横行); one is unclear
# (政府代表代表祝有容). On LEMON's 23,000 sentences: 上汽大众大众品牌 (a company, then its brand) is the one false alarm.
_DOUBLED_NOUN_TAGS = frozenset({"n", "nz", "nt", "vn"})
_VERB_TAGS = frozenset({"v"})
_RESULT_COMPLEMENTS = frozenset("到好大高强实化快完成住清紧深牢")
_FORMAL_VERBS = frozenset(("进行", "开展", "坚持", "受理", "实施", "推进", "推动", "落实", "建立", "健全", "完善", "保障",
                           "召开", "举办", "印发", "制定", "贯彻", "部署", "发布", "审批", "执行",
                           "申请", "办理", "提交", "审核", "核实",  # blind98: "作出工伤认定后申请申请医疗…费用"
                           "参加",  # blind340: "青年教师参加参加决赛"
                           # round 51, the doubled verbs of the collected rows (严厉打击打击哄抬物价, 共出动出动执法人员,
                           # 巩固文明创建创建成果, 带头带头参加, 更加符合符合预期, 能耗统计统计培训会, 视频解读解读链接):
                           # none reduplicated in speech
                           "打击", "出动", "创建", "带头", "符合", "统计", "解读",
                           # round 56 (定期对公开公开信息, 未安排安排公务接待费预算): the published sentences 145 → 147, no
                           # new hit on the 70 MB of correct text
                           "公开", "安排"))
_PROSE_MARKS = frozenset("，。；、：,;")
_NOT_AFTER = frozenset("的地得")
_SPEECH_BEFORE = frozenset("多再去来请想让要该得")
_QUOTE_OPEN, _QUOTE_CLOSE = "《“", "》”"


def _unreduplicated_before_a_word(text: str, i: int, word: str) -> bool:
    """Whether `word` at text[i:i + 4], written twice, is a slip before the next word (see above)."""
    if word in _DOCUMENT_VERBS or word[0] == "一":
        return False
    unsoftened_verb = word in tagged_words(_VERB_TAGS) and (word[1] in _RESULT_COMPLEMENTS or word in _FORMAL_VERBS)
    if not unsoftened_verb and word not in tagged_words(_DOUBLED_NOUN_TAGS):
        return False
    cut = _tokens(text, i - _REACH, i + 4 + _REACH)
    tokens = dict(cut)
    after = tokens.get(i + 4, "")
    # a formal verb's first copy may end a longer word of the cut (严格执行|执行|进货: blind343); a noun's may not:
    #   省人民政府|政府|采购 is 政府采购, 换装小游戏|游戏|大小 two fields of a table
    first_ends = tokens.get(i) == word or unsoftened_verb and any(start < i and start + len(w) == i + 2
                                                                  for start, w in cut)
    if not first_ends or tokens.get(i + 2) != word or not after or after[0] in _NOT_AFTER \
            or not "\u4e00" <= after[0] <= "\u9fff":
        return False
    before = _before_in_running_text(text, i)
    if before is None:
        return False
    if before[-1:] in _SPEECH_BEFORE and not unsoftened_verb:
        return False  # 多活动活动对身体好, 再商量商量办法: jieba tags some verbs of activity as nouns (活动 vn, 商量 n)
    return _outside_quotes(before)


def _before_in_running_text(text: str, i: int) -> str | None:
    """What stands before the doubled word at `i` in its stretch between blanks, when that stretch (the pair's four
    characters included) holds a mark of running text; None for a menu or a table's cells, whose items the page
    separates with blanks only."""
    lo = max(text.rfind(c, 0, i) for c in " \t\n\u3000")
    hi = min((at for c in " \t\n\u3000" if (at := text.find(c, i + 4)) >= 0), default=len(text))
    return None if _PROSE_MARKS.isdisjoint(text[lo + 1:hi]) else text[lo + 1:i]


def _outside_quotes(before: str) -> bool:
    """Every 《 and “ before the pair is closed: a title or a quotation repeats on purpose (《国旗国旗真美丽》)."""
    return all(before.rfind(o) <= before.rfind(c) for o, c in zip(_QUOTE_OPEN, _QUOTE_CLOSE, strict=True))


# jieba's tags of the three-character nouns a unit may be (电子版, 新媒体, 北京市): not people (钱其琛钱其琛 is two
# headlines run together), not idioms or phrases of speech (不敢当不敢当)
_NOUN_TAGS = frozenset({"n", "nz", "nt", "ns", "vn"})


def _doubled_units(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the unit once) for four Chinese characters written twice in a row (深入学习深入学习贯彻,
    制定辖区经济辖区经济和社会发展规划), and for a three-character noun written twice that jieba cuts as two words
    (本年度报告电子版电子版可以从, 政务新媒体新媒体上).

    Four characters repeat by chance where a longer word ends at the first copy (最高人民法院人民法院对外委托), and on
    purpose in 一个问题一个问题跟进解决 (and 一文钱一文钱地积累); three repeat by chance across words all the time
    (国有土地有土地使用权人, 申请人申请人民法院, 高等教育等教育机构), so only a noun that the cut keeps whole, twice,
    counts. On 93.5 MB of correct text (laws, policies, 2026 work reports, People's Daily 1998, csc_hard):
    科学传播科学传播活动查询 (a catalogue's own slip), no other hit. A copy that ends a line, with the other beginning the
    next, is left to the caller (a forum's user card prints the name twice)."""
    codes = text_codes(text)
    found: list[tuple[int, int, str]] = []
    freq = tokenizer().FREQ
    cjk = (codes >= 0x4E00) & (codes <= 0x9FFF)
    for size in (4, 3):
        n = len(codes) - 2 * size + 1
        if n <= 0:
            continue
        # a Chinese character equal to the one `size` on, `size` times in a row
        again = (codes[:-size] == codes[size:]) & cjk[:-size]
        same = again[:n].copy()
        for k in range(1, size):
            same &= again[k:k + n]
        for i in np.flatnonzero(same).tolist():
            unit = text[i:i + size]
            if len(set(unit)) < 2 or unit[0] == "一" or any(a < i + 2 * size and i < b for a, b, _ in found) \
                    or text[i + 2 * size:i + 3 * size] == unit or text[max(0, i - size):i] == unit:
                continue  # 一文钱一文钱地积累: on purpose; three in a row; a stretch already reported
            if size == 4:
                if any(freq.get(text[i - k:i + 4]) for k in range(1, 4) if i >= k):
                    continue
            elif unit not in _three_character_nouns():
                continue
            else:
                tokens = dict(_tokens(text, i - _REACH, i + 6 + _REACH))
                if tokens.get(i) != unit or tokens.get(i + 3) != unit:
                    continue
            found.append((i, i + 2 * size, unit))
    return found


@functools.lru_cache(maxsize=1)
def _three_character_nouns() -> frozenset[str]:
    return frozenset(w for w in tagged_words(_NOUN_TAGS) if len(w) == 3) - tagged_words(PERSON_TAGS)


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(start in `text`, token) of jieba's cut of text[lo:hi] (lo clipped to the text's start)."""
    at = lo = max(0, lo)
    out = []
    for token in tokenizer().cut(text[lo:hi], HMM=False):
        out.append((at, token))
        at += len(token)
    return out


def _doubled_clauses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the clause once) where a clause of Chinese characters and its mark (three characters or more, or
    a label of two before a colon) is followed by itself. The marks whose clause's last character and mark recur one
    clause length on are found on the text's code points; only those few are read (a back-reference regex tried at
    every character took a seventh of the whole typo check)."""
    codes = text_codes(text)
    marks = np.flatnonzero(_CLAUSE_MARK[codes])
    if len(marks) == 0:
        return []
    starts = np.concatenate(([0], marks[:-1] + 1))
    again = 2 * marks + 1 - starts  # where the second copy's mark would be
    near = (again < len(codes)) & (marks - starts >= 2)
    ends, starts, again = marks[near], starts[near], again[near]
    same = (codes[again] == codes[ends]) & (codes[again - 1] == codes[ends - 1]) & _UNIT_END[codes[ends]]
    found: list[tuple[int, int, str]] = []
    for start, end, stop in zip(starts[same].tolist(), ends[same].tolist(), again[same].tolist(), strict=True):
        if (end - start >= 3 or text[end] in "：:") and text.startswith(text[start:end + 1], end + 1) \
                and not (found and start < found[-1][1]) and CJK_RUN.fullmatch(text, start, end):
            found.append((start, stop + 1, text[start:end + 1]))
    return found


def _doubled_pairs(text: str) -> list[int]:
    """Where two different Chinese characters are followed by themselves (ABAB), found on the text's code points."""
    codes = text_codes(text)
    if len(codes) < 4:
        return []
    a, b = codes[:-3], codes[1:-2]
    at = np.flatnonzero((a == codes[2:-1]) & (b == codes[3:]) & (a != b) & (a >= 0x4E00) & (a <= 0x9FFF)
                        & (b >= 0x4E00) & (b <= 0x9FFF))
    return at.tolist()
