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


_RARE_SHARE = 0.05  # a reading used in fewer than this share of the phrases that hold the character is rare


@functools.lru_cache(maxsize=1)
def _reading_uses() -> dict[str, dict[str, int]]:
    """char → toneless reading → in how many phrases of pypinyin's phrase dictionary it is read so."""
    from pypinyin.phrases_dict import phrases_dict

    uses: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for phrase, spelled in phrases_dict.items():
        if len(phrase) == len(spelled):
            for ch, reading in zip(phrase, spelled, strict=True):
                uses[ch][_toneless(reading[0])] += 1
    return uses


def _live(ch: str, spelled: list[str]) -> list[str]:
    """The readings a typist meets `ch` under: its first (pypinyin lists the usual one first) and those of at
    least `_RARE_SHARE` of the phrases that hold it. 单 is read chán only in 单于, 见 xiàn only in classical
    phrases, 包 never fù: an IME offers them under those sounds far down the list, so 单品 is no slip of 产品,
    nor 初显成效 of 初见成效, nor 包盖 of 覆盖. A character pypinyin's phrases never hold keeps every reading."""
    uses = _reading_uses().get(ch)
    if not uses:
        return spelled
    total = sum(uses.values())
    return [r for i, r in enumerate(spelled)
            if i == 0 or (uses.get(_toneless(r), 0) >= 2 and uses.get(_toneless(r), 0) >= _RARE_SHARE * total)]


@functools.lru_cache(maxsize=4)
def readings(toned: bool = False, rare: bool = False) -> dict[str, frozenset[str]]:
    """char → its readings (toneless, or with the tone), rare ones left out unless `rare`."""
    from pypinyin.pinyin_dict import pinyin_dict

    how = _toned if toned else _toneless
    out = {}
    for code, raw in pinyin_dict.items():
        ch, spelled = chr(code), [r for r in raw.split(",") if r]
        out[ch] = frozenset(how(r) for r in (spelled if rare else _live(ch, spelled)))
    return out


def same_sound(a: str, b: str) -> bool:
    """`a` and `b` share a toneless reading (rare readings left out)."""
    return bool(readings().get(a, frozenset()) & readings().get(b, frozenset()))


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
