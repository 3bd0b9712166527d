"""的 written for 得 before a degree complement (part of `text.typo`, class 语境易混词): 住的很开心 for 住得很开心; and 的
or 地 for 得 between a verb of doing work and an idiom of how it went (活动开展地有声有色).

A verb followed by a degree word and an adjective that ends the clause (做得很好, 跑得非常快) takes 得, which links a
complement to its verb; 的 there makes "what was done" a noun, which the clause's end does not allow in written
Chinese. Only that frame is judged: the character or two before 的 end in a verb of jieba's dictionary (tag v), the
degree word is one of a short list, and the word after it is one jieba tags as an adjective, a distinguishing word, an
adverb or a verb (its tags are loose: 开心 v, 高兴 b, 整齐 d) followed by punctuation;
我们做的很多工作 (很多 + a noun) and 他的很多朋友 (no verb) are other frames.

A doubled adjective (AABB) after the verb is judged alike (打扫的干干净净, 摆放的整整齐齐); a doubled noun is not (融入
乡村振兴的方方面面: 方面 is no adjective).

On 93.5 MB of laws, reports, People's Daily and csc_hard the degree frame occurs 36 times with 得 and never with 的,
the doubled frame 19 times with 得 and 3 times with 的, all three doubled nouns (round 29); blind66–69 and the earlier
batches hold 住的很开心 and 走的安全 among the 的-for-得 slips. 更 before a listed one-character adjective (round 44: 做的更好,
跑的更快) adds no hit on 64.8 MB of correct text and People's Daily 1998.
"""

from __future__ import annotations

import functools
import re

from checks.lexicon import tagged_words, tokenizer

_DEGREE = "很|非常|十分|挺|太|相当|极其|极为|更加|越来越|格外"  # not 特别: 给予的特别扶助 (special); 格外: round 42
# (听的格外认真); not 这么, 那么: 像我们感觉的那么大 compares
# the clause ends: full-width marks, and the ASCII ones some portals type (blind107: "建议提的很好,")
_CLAUSE_END = "，。！；、？”\",.!;?"
# 更 before a one-character adjective, once or twice (做的更好, 迈的更快更稳: round 44); not before any character: 设备的更新,
# 作出的更正 are nouns
_MORE = "好快多大高强稳美深远实细准宽广亮早"
# 地 too, after a verb it makes no word with (讲解地还挺详细: blind349; not 当地很多, 落地很快), and 还 before the degree word
# 了: 修的太好了 (blind157)
# 都, 也 before the degree word too, and 特别 before a listed one-character adjective (讲的都很好, 教的特别好: round 49;
# 给予的特别扶助 is a noun phrase)
_FRAME = re.compile(f"[的地](?=(?:还|都|也)?(?:{_DEGREE}|(?:更|特别)(?=[{_MORE}]))([\u4e00-\u9fff]{{1,2}}?)(?:更[{_MORE}])?了?"
                    f"(?:[{_CLAUSE_END}]|$))")
# … or a doubled adjective (AABB) that ends the clause: 打扫的干干净净 for 打扫得干干净净; 融入乡村振兴的方方面面 and 村寨
#   周围的山山岭岭 double a noun (方面, 山岭), whose AABB is a noun too
_DOUBLED = re.compile(f"的(?=((.)\\2(.)\\3)(?:[{_CLAUSE_END}]|$))")
# both begin with 的, a literal the engine skips to: one that began with the verb was tried at every character (17 ms/MB)
# … or 的 or 地 between a verb of doing work and an idiom that says how it went (活动开展地有声有色, blind129; 开展的如火如荼):
#   after the verb the idiom is its complement, which only 得 links; none of these in 69.5 MB of correct text
_RESULT_IDIOMS = ("有声有色|如火如荼|红红火火|热火朝天|井井有条|风生水起|轰轰烈烈|卓有成效|有条不紊|井然有序|扎实有效|扎扎实实"
                  "|庄严隆重|隆重热烈|有模有样|像模像样"  # the last four: round 40 (会议开的庄严隆重)
                  "|秀美如画|焕然一新|美轮美奂|五彩缤纷|整洁有序|干净整洁|花团锦簇")  # round 48 (村庄装扮的秀美如画)
_WORK_VERBS = ("开展|进行|搞|办|干|做|落实|推进|组织|举办|抓|安排|管理|布置|打扫|整理|收拾|发展|建设"  # 收拾: blind142
               "|经营|过|开|学"  # round 40: 农家乐经营的红红火火, 会议开的庄严隆重, 学的有模有样
               "|装扮|打扮|装饰|粉刷|修缮|整治|清扫")  # round 48: 装扮的秀美如画
# … or 的 between a word of feeling and an idiom of what it did to someone (感动的潸然泪下, 高兴的合不拢嘴): such an idiom
#   heads no noun, so 的 can only stand for 得
_FELT = "感动|激动|高兴|开心|(?<![快欢娱音])乐|笑|急|气|累|忙|吓|羞"  # 快乐的手舞足蹈 wants 地, not 得
_FELT_IDIOMS = ("潸然泪下|热泪盈眶|泪流满面|合不拢嘴|手舞足蹈|说不出话来?|直掉眼泪|满头大汗|团团转|不知所措|前仰后合"
                "|不知道该|不知如何|不可开交|一点也不|喘不过气"  # the last five: round 42 (急的不知道该怎么办, 急的一点也不想睡)
                "|喜气洋洋|乐开了花|晕头转向|焦头烂额")  # round 48 (忙的喜气洋洋)
# 地 there too (高兴地合不拢嘴: blind216)
_FEELING = re.compile(f"(?:{_FELT})([的地])(?:{_FELT_IDIOMS})")
_RESULT = re.compile(f"(?:{_WORK_VERBS})([的地])(?:{_RESULT_IDIOMS})(?=[{_CLAUSE_END}]|$)")
_IDIOM_FRAMES = ((_FEELING, "表示情态程度的补语用“得”（{}得{}）；“的”用在名词前"),
                 (_RESULT, "动词后接说明结果的补语用“得”（{}得{}）；“的”用在名词前，“地”用在动词前"))
_VERB_REACH = 2
# … or 很 alone after 的 at the clause's end (看上去精神的很, round 52): 很 as a complement, which only 得 links (好得很);
#   none of the 70 MB of correct text (text_real's 23 MB, all other LawRefBook/Laws, People's Daily 1998, LEMON, csc_hard)
#   writes 的很 before a clause mark, 9 places write 得很 there
_VERY_AT_THE_END = re.compile(f"的(?<=[\u4e00-\u9fff]的)(?=很[{_CLAUSE_END}])")  # 的 first: the engine skips to it
_WHY = "动词后接程度补语用“得”（{}得{}）；“的”用在名词前"
_WHY_DI = "动词后接程度补语用“得”（{}得{}）；“地”用在动词前"


# one-character verbs and adjectives jieba tags otherwise (学 n, 管 vn, 种 m; 美 ns, 及时 c): round 47's rows 学的很实用,
# 将村庄装扮的越来越美, 孩子们来的太及时了
_MORE_VERBS = frozenset(("学", "管", "种"))
_MORE_ADJECTIVES = frozenset(("美", "及时"))


@functools.lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return tagged_words(frozenset({"v"})) | _MORE_VERBS


@functools.lru_cache(maxsize=1)
def _verbs_or_verbal_nouns() -> frozenset[str]:
    return _verbs() | tagged_words(frozenset({"vn"}))


@functools.lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    # jieba tags many of them otherwise: 开心 and 满意 v, 高兴 b, 整齐 d, 安全 an
    return tagged_words(frozenset({"a", "ad", "an", "b", "d", "v"})) | _MORE_ADJECTIVES


def find_complement_de(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, "得", why) of each 的 between a verb and a degree complement that ends the clause, and of each 的 or
    地 between a work verb and an idiom of how it went."""
    found: list[tuple[int, int, str, str]] = []
    for pattern, why in _IDIOM_FRAMES:  # the idiom frames: the pattern's group 1 is the particle to replace
        for m in pattern.finditer(text):
            at = m.start(1)
            found.append((at, at + 1, "得", why.format(text[m.start():at], text[at + 1:m.end()])))
    if "的" not in text and "地" not in text:
        return found
    for m in _VERY_AT_THE_END.finditer(text):
        at = m.start()
        found.append((at, at + 1, "得", _WHY.format(text[at - 2:at], "很")))
    verbs, adjectives = _verbs(), _adjectives()
    for pattern in (_FRAME, _DOUBLED):
        for m in pattern.finditer(text):
            at, after = m.start(), m.group(1)
            if (after[0] + after[2] if pattern is _DOUBLED else after) not in adjectives:
                continue
            before = text[max(0, at - _VERB_REACH):at]
            # before 越来越, a verb jieba tags as a noun too (发展的越来越好, blind73): the frame allows no noun there
            able = _verbs_or_verbal_nouns() if text.startswith("越来越", at + 1) else verbs
            verb = before if before in able else before[-1:] if before[-1:] in able else ""
            if text[at] == "地" and (text[at - 1:at + 1] in tokenizer().FREQ or len(verb) < 2):
                continue  # 当地很多, 落地很快: 地 ends a word; a one-character verb is too often a noun's first half
            if verb and text[at - len(verb) - 1:at - len(verb)] != "所":  # 所说的很对: what was said
                why = _WHY_DI if text[at] == "地" else _WHY
                found.append((at, at + 1, "得", why.format(verb, text[at + 1:m.end(1)])))
    return sorted(found)
