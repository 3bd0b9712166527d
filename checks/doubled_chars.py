"""A function word typed twice (对直接负责的的主管人员, 负责危险房屋解危的的具体工作): part of `text.typo`, class 常见错别字.

A key pressed twice leaves the character doubled. For content characters that is mostly right: 县县通高速, 账账相符,
原原种 and 广汕汕高铁 are distributive reduplications, seed grades and place abbreviations, and 市市场监管 or 目的的 are
a word followed by a character. Function words (的, 和, 在, 对 …) are not reduplicated, so one written twice is
reported when both copies stand alone in jieba's cut (目的|的, 可以|以, 会|会长 are a word and a character) and
the pair is no word of jieba's dictionary (等等, 了了, 可可) nor part of an AABB reduplication (的的确确, 是是非非).
之 is left out: classical quotations double it (圣而不可知之之谓神).

Measured on 35.5 MB of correct text (benchmarks/text_real.py's 28 MB of laws, policies and 2026 work reports,
People's Daily 1998 and 2023–24): 2 hits, both real errors of the source (the two sentences above).
"""

from __future__ import annotations

import re

from checks.lexicon import tokenizer

_FUNCTION_CHARS = "的了和与及在是对把被从向为以将就也都还而并或其于按由给让使这那有不要会能可应该如若则但又再才已所着过地得"
_DOUBLED = re.compile(f"([{_FUNCTION_CHARS}])\\1")
_REACH = 6  # characters of context either side that jieba cuts


def find_doubled_function_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the character once) for each function word written twice in `text`."""
    found: list[tuple[int, int, str]] = []
    if not _DOUBLED.search(text):
        return found
    freq = tokenizer().FREQ
    for m in _DOUBLED.finditer(text):
        i, char = m.start(), m.group(1)
        if freq.get(char * 2) or text[i + 2:i + 3] == text[i + 3:i + 4] != "" or i >= 2 and text[i - 2] == text[i - 1]:
            continue  # 等等, 了了; 的的确确, 是是非非
        lo = max(0, i - _REACH)
        at, tokens = lo, {}
        for word in tokenizer().cut(text[lo:i + 2 + _REACH], HMM=False):
            for k in range(at, at + len(word)):
                tokens[k] = word
            at += len(word)
        if len(tokens.get(i, "")) == 1 and len(tokens.get(i + 1, "")) == 1:
            found.append((i, i + 2, char))
    return found
