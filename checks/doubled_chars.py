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

import re

from checks.lexicon import tokenizer

_FUNCTION_CHARS = "的了和与及在是对把被从向为以将就也都还而并或其于按由给让使这那有不要能可应该如若则但又再才已所着过地得"
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
    tk = tokenizer()
    freq = tk.FREQ
    for m in _DOUBLED.finditer(text):
        i, char = m.start(), m.group(1)
        if (freq.get(char * 2) or 0) >= DOUBLED_WORD or text[i + 2:i + 3] == text[i + 3:i + 4] != "" \
                or i >= 2 and text[i - 2] == text[i - 1] or char in (text[i - 1:i], text[i + 2:i + 3]):
            continue  # 等等, 可可; 的的确确, 是是非非; 不不不 (said three times on purpose)
        if any(freq.get(text[i + 1:i + 1 + n], 0) > 0 or freq.get(text[i + 1 - n:i + 1], 0) > 0 for n in (2, 3)):
            continue  # one copy belongs to a word jieba's cut may still split: 对对账单 (对账, counted 7 times)
        lo = max(0, i - _REACH)
        at, tokens = lo, {}
        for word in tk.cut(text[lo:i + 2 + _REACH], HMM=False):
            for k in range(at, at + len(word)):
                tokens[k] = word
            at += len(word)
        if len(tokens.get(i, "")) == 1 and len(tokens.get(i + 1, "")) == 1:
            found.append((i, i + 2, char))
    return found
