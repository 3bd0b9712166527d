"""A person's name written two ways in one text (part of `text.typo`, class 名称错误): 王建华 three times, 王建化 once.

No list holds the names of a county's officials, but a news item names them again and again: "县委书记王建华主持会议
……王建华强调……王建化指出". A name of three characters (a common surname and two more) is taken as a name when it
stands right after a title (书记, 县长, 主任 …) or right before one, 同志 or a verb that follows a name (主持, 强调, 指出
…), and when it occurs at least twice. Another run of the same surname and two characters that occurs once, differs
from it in one character of the given name, and differs by a same-sounding or look-alike character, is reported as
a slip of it, unless
* it is a word of jieba's dictionary (王建设), or its last character begins a word with what follows (张明得到表彰 is
  张明 with 得到, not a slip of 张明德);
* the name it would correct is itself a word that is no person's name (高质量, 方面).

Two people whose names differ by one same-sounding character rarely share a page with one of them named twice and
the other once; a list of names (公示, 名单) names each person once, so it never has the repeated form. On 93.5 MB of
correct text cut into pages of 5,000 characters (laws, reports, People's Daily 1998 and 2023–24; the 1998 half alone
holds ~500 repeated titled names) it reports nothing. Real slips of this kind are rare too: a helper who read ~440
excerpts of government news for them found one, a name written once each way (杨梅岭, 杨梅玲), which this leaves alone.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from checks.confusables import homophones
from checks.lexicon import PERSON_TAGS, tagged_words, tokenizer, typo_lexicon
from checks.word_slips import SURNAMES

_TITLES = ("书记|副书记|县长|市长|省长|区长|镇长|乡长|主任|局长|部长|厅长|处长|科长|所长|院长|校长|主席|委员|常委|"
           "秘书长|会长|理事长|董事长|总经理|经理|组长|队长|站长|馆长|检察长|庭长|代表|同志")
# what follows a name in a report (主持, 强调 …): a run of a surname and two characters before one of these ends a name
_AFTER_NAME = _TITLES + "|主持|强调|指出|表示|要求|介绍|出席|参加|讲话|致辞|一行|带队|率队|陪同|调研|深入"
_CJK = "\u4e00-\u9fff"
_SURNAME_CLASS = "".join(sorted(SURNAMES))
# a name after a title (县委书记王建华), or before a title or a verb of a report (王建华主持): found from the title, a
# literal, so the scan does not try a character class at every character of the page
_AFTER_TITLE = re.compile(f"(?:{_TITLES})(?=([{_SURNAME_CLASS}][{_CJK}]{{2}})(?:{_AFTER_NAME}|[，。、；：（(]))")
_BEFORE_WORD = re.compile(f"(?:{_AFTER_NAME})")
_THREE_CJK = re.compile(f"[{_CJK}]{{3}}")
_MIN_REPEATS = 2


@functools.lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return tagged_words(PERSON_TAGS)


def _no_name(word: str) -> bool:
    """A word of jieba's dictionary that is not a person's name (高质量, 方面; 王建华 may be both)."""
    return tokenizer().FREQ.get(word, 0) > 0 and word not in _people()


def _confusable(a: str, b: str) -> bool:
    return b in homophones(False).get(a, "") or b in typo_lexicon().shapes.get(a, "")


def _titled_names(text: str) -> set[str]:
    """Names of three characters that stand right after a title, or right before a title or a verb of a report."""
    names = {m.group(1) for m in _AFTER_TITLE.finditer(text)}
    for m in _BEFORE_WORD.finditer(text):
        run = text[max(0, m.start() - 3):m.start()]
        if len(run) == 3 and run[0] in SURNAMES and _THREE_CJK.fullmatch(run):
            names.add(run)
    return names


def find_name_variants(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, the name as written elsewhere, how often it is written so) for each once-written variant of a
    repeated name; typos.describe says which character differs and how."""
    names = {n for n in _titled_names(text) if not _no_name(n)}
    repeated = {n: c for n in names if (c := text.count(n)) >= _MIN_REPEATS}
    if not repeated:
        return []
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in repeated:
        by_surname[name[0]].append(name)
    runs: Counter[str] = Counter()
    first: dict[str, int] = {}
    for surname in by_surname:  # every run of the surname and two characters (str.find: a regex would try each place)
        at = text.find(surname)
        while at >= 0:
            run = text[at:at + 3]
            if _THREE_CJK.fullmatch(run):
                runs[run] += 1
                first.setdefault(run, at)
            at = text.find(surname, at + 1)
    found: list[tuple[int, int, str, int]] = []
    for run, count in runs.items():
        if count != 1 or run in repeated or tokenizer().FREQ.get(run, 0) > 0:
            continue
        at = first[run]
        if tokenizer().FREQ.get(text[at + 2:at + 4], 0) > 0 or tokenizer().FREQ.get(text[at + 2:at + 5], 0) > 0:
            continue  # 张明得到表彰: 张明 and 得到, not a slip of 张明德
        for name in by_surname[run[0]]:
            diff = [i for i in (1, 2) if name[i] != run[i]]
            if len(diff) == 1 and _confusable(name[diff[0]], run[diff[0]]):
                found.append((at, at + 3, name, repeated[name]))
                break
    return found
