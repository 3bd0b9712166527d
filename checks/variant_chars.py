"""Traditional and variant characters (繁体字、异体字) left in a page written in simplified characters.

A government page must use the standard characters of 《通用规范汉字表》 (国家通用语言文字法 art. 17 limits
traditional and variant forms to a few uses). A stray 復, 韓 or 內 in a simplified page is the kind of error
the statistics bureau's published division names carried (復兴村委会, 內塘村, 祁丰蔵族乡: blind19), or that a
legal text typed from print shows (群諮, 釆取). The typo checks read the page through to_simplified, so they
never see these characters; this check reads the page as written.

A character is reported when it is not in the table, OpenCC's traditional→simplified table or char-converter's
variant table (PyPI char-converter, CC BY-SA 4.0: 恵→惠, 髙→高, 郞→郎) turns it into a first-level (常用) standard
character, and nothing suggests it was written on purpose:
- the page is written in simplified characters (it has at least `_SIMPLIFIED_PER_STRAY` times as many
  characters that only simplified text uses, such as 国 or 们, as stray characters);
- no other such character stands within `_CLUSTER` characters (a deliberately traditional title, a
  quoted Hong Kong notice or classic, an exhibition named 雲·幾);
- it is not in a person's given name (潘啟安, 朱文榘: `_in_name`), and no kana or Hangul
  stands near it (a Japanese name, 三塚博; a language menu's 日本語 beside 한국어);
- it does not name a river (濛江, 濛溪河), nor the script itself in a language menu (简体 繁體 English);
- the page holds at most `_MOST` of them once the rules above are applied: more, far apart, are a page that mixes
  scripts (an SEO list of Japanese names written with 沢 and 咲);
- its standard form is a first-level character: rare standard forms (𬶨 for 鱀, 浚 for 濬) are
  what writers of names and fish species keep in their traditional form.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

import msgpack
import numpy as np

from checks.lexicon import LEXICONS, PERSON_TAGS
from checks.text import opencc_dictionary, to_simplified
from checks.word_slips import SURNAMES, code_point_set, codes_of

_LEVEL_ONE = 3500  # the first level of 《通用规范汉字表》: the common characters
_SIMPLIFIED_PER_STRAY = 5
# characters either side: a traditional passage quoted in a simplified page (a chapter of 红楼梦, 幾米's 《月亮忘記了》)
_CLUSTER = 30
_FOREIGN_SCRIPT = re.compile("[\u3040-\u30ff\uac00-\ud7af]")
_NEAR = 12
_MOST = 3
_WATER = frozenset("江河溪湖")  # rivers keep their old characters: 濛江, 濛溪河 (2026 四川 work report)
# a language menu names the traditional script in it ("简体 繁體 English" in a TRS portal's header)
_SCRIPT_NAMES = ("繁體", "正體")


@functools.lru_cache(maxsize=1)
def standard_chars() -> tuple[str, ...]:
    """《通用规范汉字表》 in its order (the first 3,500 are the first level)."""
    lines = (LEXICONS / "standard_chars.txt").read_text("utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _variant_rows() -> dict[str, list[str]]:
    """char-converter's variant→simplified table, read from its data file: importing the package would
    import pkg_resources, which recent setuptools no longer ships."""
    spec = importlib.util.find_spec("char_converter")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "v2s.msgpack"
    with path.open("rb") as f:
        table = msgpack.unpack(f, raw=False)
    return table if isinstance(table, dict) else {}


@functools.lru_cache(maxsize=1)
def _standard() -> frozenset[str]:
    return frozenset(standard_chars())


@functools.lru_cache(maxsize=1)
def variant_table() -> dict[str, str]:
    """Non-standard character → its first-level standard form."""
    standard = _standard()
    common = frozenset(standard_chars()[:_LEVEL_ONE])
    table: dict[str, str] = {}
    candidates = [(row[0], row[1:]) for row in opencc_dictionary("TSCharacters.txt") if len(row) >= 2]
    candidates += list(_variant_rows().items())
    for char, targets in candidates:
        if len(char) != 1 or char in standard or char in table:
            continue
        first = next((t for t in targets if t in standard and t != char), None)
        if first is not None and first in common:
            table[char] = first
    return table


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[np.ndarray, np.ndarray]:
    """Whether each code point of the BMP is (a reported character, a character only simplified text uses), looked up
    on the text's code points: regex classes of some 2,700 characters tried at every character took 4 % of the typo
    check."""
    standard = _standard()
    return code_point_set(variant_table()), code_point_set(
        row[0] for row in opencc_dictionary("STCharacters.txt")
        if len(row) >= 2 and len(row[0]) == 1 and row[0] in standard and any(t != row[0] for t in row[1:]))


def _in_name(text: str, i: int) -> bool:
    """Whether text[i] is in the given name of a person (潘啟安, 朱文榘): jieba tags the word holding it (or the
    two characters before it, when it stands alone) as a name that starts with a common surname. The surname
    itself is not a name's licence: 韓桥村 is a village."""
    import jieba.posseg

    start = max(0, i - 4)
    window = to_simplified(text[start:i + 4])
    at, previous = 0, ("", "")
    for word, flag in jieba.posseg.cut(window):
        if at <= i - start < at + len(word):
            if flag in PERSON_TAGS and word[0] in SURNAMES and i - start > at:
                return True
            return len(word) == 1 and previous[1] in PERSON_TAGS and len(previous[0]) == 2 and previous[0][0] in SURNAMES
        at, previous = at + len(word), (word, flag)
    return False


def find_variant_chars(text: str) -> list[tuple[int, str, str]]:
    """(position, character, standard form) of every stray traditional or variant character in `text`."""
    strays, simplified_only = _patterns()
    codes = codes_of(text)
    found = [(i, text[i]) for i in np.flatnonzero(strays[codes]).tolist()]
    if not found or int(np.count_nonzero(simplified_only[codes])) < _SIMPLIFIED_PER_STRAY * len(found):
        return []
    table = variant_table()
    out: list[tuple[int, str, str]] = []
    for k, (i, char) in enumerate(found):
        if (k and i - found[k - 1][0] <= _CLUSTER) or (k + 1 < len(found) and found[k + 1][0] - i <= _CLUSTER):
            continue
        if text[i + 1:i + 2] in _WATER or text[max(0, i - 1):i + 1] in _SCRIPT_NAMES or _in_name(text, i) \
                or _FOREIGN_SCRIPT.search(text, max(0, i - _NEAR), i + _NEAR):
            continue
        out.append((i, char, table[char]))
    return out if len(out) <= _MOST else []  # many, far apart: a page that mixes scripts (a list of Japanese names)
