"""A well-known classical line quoted with one character wrong: 又疑瑶台境 for 又疑瑶台镜, 灯火澜珊处 for
灯火阑珊处, 人生得意须欢尽 for 人生得意须尽欢 (park steles, museum boards and culture pages quote poems, and
typists slip there as anywhere).

The lines are lexicons/classic_lines.txt (scripts/build_classic_lines.py: the anthologies people quote and the most
searched poems, cut at their punctuation, 5 to 12 characters) and ops' own file of the same name. A line is looked
for through its first and its last three characters (one character replaced leaves one of them intact; a line of
five also through its outer four), probed as word_slips probes its candidates, and the text there is compared
with the line character by character. Reported:

* one character differs (or the same one twice: 水泠泠 written 水冷冷) and the written one sounds or looks like
  the line's: a typist's slip; a word put in on purpose (春风又绿江北岸) is neither; or two neighbours are the
  other way round;
* no numeral changed (月二十六日 is a date, no 二月十六日), the written clause is itself no line of the list (poems
  have variant readings), and the changed characters are in no dictionary word of four or more characters as
  written: 拒人于千里之外 is the idiom's modern form of 孟子's 距, 风吹草低见牛羊 a line the list lacks; nor,
  swapped, in a word with a neighbour (风波|起 is no 风起波); the line's character is in GB 2312 (a rare variant
  such as 鴈 is rightly written 雁).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import NamedTuple

import numpy as np

from checks.compiled_cache import array_data, cached, data_array
from checks.lexicon import CHINESE_NUMERALS, tokenizer, word_list
from checks.names import confusable
from checks.run_probes import RUN, bloom_filter, hashes, near_owners, offsets, sorted_hits
from checks.text import bmp_table
from checks.word_slips import _key, code_point_set, text_codes

_LINES = "classic_lines.txt"
_OUTER = offsets(0, 1, 3, 4)  # a line's outer four of five: two characters, one left out, two more
_LONGEST_WORD = 8
_COMMON = 100  # a common word (风波 1,000s), not one jieba saw a few times (半家 3)


class _Probe(NamedTuple):
    """Keys of runs of text that open a line, a Bloom filter of them, and for each key its owners: the lines
    (`owner_line`, indexes into _Lines.lines) and how many characters before the run each starts
    (`owner_offset`), key k's owners at owner_start[k]:owner_start[k + 1]."""

    keys: np.ndarray
    bloom: np.ndarray
    owner_start: np.ndarray
    owner_line: np.ndarray
    owner_offset: np.ndarray


class _Lines(NamedTuple):
    """The lines (sorted), their characters' codes (padded with 0) and lengths, and the two probes."""

    lines: tuple[str, ...]
    codes: np.ndarray
    lengths: np.ndarray
    ends: _Probe
    outer: _Probe


def _probe(owners: dict[int, list[tuple[int, int]]]) -> _Probe:
    keys = np.array(sorted(owners), dtype=np.uint64)
    flat = [owners[k] for k in keys.tolist()]
    starts = np.zeros(len(flat) + 1, dtype=np.int64)
    starts[1:] = np.cumsum([len(o) for o in flat])
    return _Probe(keys, bloom_filter(hashes(keys)), starts,
                  np.array([line for o in flat for line, _ in o], dtype=np.int64),
                  np.array([offset for o in flat for _, offset in o], dtype=np.int64))


@functools.lru_cache(maxsize=1)
def _lines() -> _Lines:
    """The lines, and the probes of them by their first and by their last three characters (one character
    replaced leaves one of them intact, except the middle of five) and, for the lines of five, by their outer
    four. Built once per fingerprint (about half a second) and kept on disk (checks.compiled_cache)."""
    def dump(built: _Lines) -> tuple:
        return (built.lines, array_data(built.codes), array_data(built.lengths),
                *(tuple(array_data(a) for a in p) for p in (built.ends, built.outer)))

    def load(raw: tuple) -> _Lines:
        lines, codes, lengths, ends, outer = raw
        return _Lines(lines, data_array(codes).reshape(len(lines), -1), data_array(lengths),
                      *(_Probe(*(data_array(a) for a in p)) for p in (ends, outer)))

    return cached("classic-lines", [], _build, dump, load)


def _build() -> _Lines:
    lines = tuple(sorted({line for line in word_list(_LINES) if len(line) >= 5 and all(c <= "\uffff" for c in line)}))
    codes = np.zeros((len(lines), max(map(len, lines), default=1)), dtype=np.uint64)
    for i, line in enumerate(lines):
        codes[i, :len(line)] = [ord(c) for c in line]
    ends: dict[int, list[tuple[int, int]]] = defaultdict(list)
    outer: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, line in enumerate(lines):
        ends[_key(line[:3])].append((i, 0))
        ends[_key(line[-3:])].append((i, len(line) - 3))
        if len(line) == 5:
            outer[_key(line[:2] + line[3:])].append((i, 0))
    return _Lines(lines, codes, np.array([len(line) for line in lines], dtype=np.int64), _probe(ends), _probe(outer))


@functools.lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(_lines().lines)


@functools.lru_cache(maxsize=1)
def _code_tables() -> tuple[np.ndarray, np.ndarray]:
    """(the Chinese numerals, the characters of GB 2312) as tables of the BMP's code points."""
    return code_point_set(CHINESE_NUMERALS), bmp_table(_in_gb2312)


def _slip(written: str, line: str) -> tuple[list[int], str] | None:
    """(where, how `written` slips from `line`, in Chinese), or None when it is not one typist's slip of it.
    `written` is one of near_owners' candidates: no numeral changed (a date), and the line's character is in GB 2312
    (the line's rare variant 鴈 is rightly written 雁 today)."""
    diff = [i for i, (a, b) in enumerate(zip(written, line, strict=True)) if a != b]
    if diff and len({(line[i], written[i]) for i in diff}) == 1:  # one character, or the same one twice (泠泠)
        a, b = line[diff[0]], written[diff[0]]
        if "\u4e00" <= b <= "\u9fff" and confusable(a, b):
            return diff, f"“{a}”误为“{b}”"
    elif len(diff) == 2 and diff[1] == diff[0] + 1 and written[diff[0]] == line[diff[1]] and written[diff[1]] == line[diff[0]]:
        return diff, f"“{line[diff[0]:diff[1] + 1]}”颠倒"
    return None


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _glued(text: str, at: list[int]) -> bool:
    """A swapped character makes a word with its unchanged neighbour as written (浩浩风波起 reads 风波|起, no
    浩浩风起波 the other way round); the swapped pair itself may well be a word (更深月色半家人)."""
    freq = tokenizer().FREQ
    first, last = at[0], at[-1]
    return max(freq.get(text[first - 1:first + 1], 0) if first else 0, freq.get(text[last:last + 2], 0)) >= _COMMON


def _in_a_word(text: str, at: list[int]) -> bool:
    """The changed characters belong to a dictionary word of four or more characters as written: a set phrase
    in its modern form (拒人于千里之外, where 孟子 wrote 距), or a longer line the list lacks (风吹草低见牛羊)."""
    freq = tokenizer().FREQ
    first, last = at[0], at[-1]
    for a in range(max(0, last - _LONGEST_WORD + 1), first + 1):
        for b in range(max(last + 1, a + 4), min(len(text), a + _LONGEST_WORD) + 1):
            if freq.get(text[a:b]):
                return True
    return False


def find_misquotes(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, the line, why) for every well-known line quoted with one character wrong in `text`."""
    table = _lines()
    codes, (numeral, typeable) = text_codes(text), _code_tables()
    found: dict[tuple[int, int], tuple[str, str]] = {}
    near = [near_owners(codes, *sorted_hits(codes, run, probe.bloom, probe.keys), *probe[2:], table.codes,
                        table.lengths, numeral, typeable) for probe, run in ((table.ends, RUN[3]), (table.outer, _OUTER))]
    known = _known()
    for begins, which in near:
        for begin, k in zip(begins.tolist(), which.tolist(), strict=True):
            line = table.lines[k]
            stop = begin + len(line)
            if (begin, stop) in found:
                continue
            written = text[begin:stop]
            if written in known:
                continue
            slip = _slip(written, line)
            if slip is None:
                continue
            at = [begin + i for i in slip[0]]
            swapped = len(at) == 2 and at[1] == at[0] + 1 and written[slip[0][0]] != written[slip[0][1]]
            if not _in_a_word(text, at) and not (swapped and _glued(text, at)):
                found[(begin, stop)] = (line, f"{slip[1]}；名句应为“{line}”")
    return [(a, b, line, why) for (a, b), (line, why) in sorted(found.items())]
