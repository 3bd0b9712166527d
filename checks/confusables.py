"""Which characters a typist confuses: same-sounding ones (pypinyin's readings) among the common characters."""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict


@functools.lru_cache(maxsize=1)
def common_chars() -> str:
    """The 3,755 characters of GB 2312 level 1: what a pinyin IME offers first, so what a slip produces."""
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(chars)


def _toneless(reading: str) -> str:
    """Toneless pinyin, with front and back nasals merged (xin/xing, chen/cheng): a common IME slip."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", reading) if c.isascii() and c.isalpha())
    return plain[:-1] if plain.endswith(("ing", "eng")) else plain


_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}


def _toned(reading: str) -> str:
    marks = unicodedata.normalize("NFKD", reading)
    tone = next((_TONES[c] for c in marks if c in _TONES), "5")
    return "".join(c for c in marks if c.isascii() and c.isalpha()) + tone


@functools.lru_cache(maxsize=2)
def readings(toned: bool = False) -> dict[str, frozenset[str]]:
    from pypinyin.pinyin_dict import pinyin_dict

    how = _toned if toned else _toneless
    return {ch: frozenset(how(r) for r in pinyin_dict.get(ord(ch), "").split(",") if r)
            for ch in map(chr, pinyin_dict)}


@functools.lru_cache(maxsize=2)
def homophones(toned: bool = False) -> dict[str, str]:
    """char → the common characters that sound the same (toneless, or with the same tone too)."""
    by_char = readings(toned)
    by_sound: dict[str, set[str]] = defaultdict(set)
    for ch in common_chars():
        for r in by_char.get(ch, ()):
            by_sound[r].add(ch)
    return {ch: "".join(sorted(set().union(*(by_sound[r] for r in rs)) - {ch}))
            for ch, rs in by_char.items() if rs and any(by_sound.get(r) for r in rs)}
