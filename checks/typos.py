"""`text.typo`: known wrong forms, near-misses of canonical expressions, and leaders' titles out of term.

A list of known wrong forms only catches what someone has already seen. So every canonical expression
(国名, 国家机构, fixed formulations, place names, the registry's own unit names, leaders' names with their
titles) is expanded into its near-misses: one character replaced by a same-sounding (pypinyin) or
similar-looking one, one dropped, doubled, or two neighbours swapped. All of them go into one
Aho-Corasick automaton together with the canonical forms themselves, so that correct text matches its
canonical form first (leftmost-longest) and never a variant. A hit must sit on jieba word boundaries:
"中国共产党党员" contains the doubled variant "中国共产党党" but is correct.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from checks.base import AuditData, CheckRules, Observation
from checks.lexicon import Matcher, matcher, on_word_boundaries, tokenizer, typo_lexicon
from checks.registry import check
from checks.sources import TextSource, source_scope, text_sources
from checks.text import context, to_simplified

_MIN_NEAR_MISS = 4  # shorter expressions have too many innocent neighbours (云和县 ~ 云河县 is a real risk)
_MIN_DROP = 5
_FORMER = ("时任", "原任", "原", "前任", "前")


@dataclass(frozen=True)
class Pattern:
    kind: str  # canonical | known | near
    right: str  # the correct form ("" for canonical)
    how: str  # how the near-miss differs, in Chinese


@functools.lru_cache(maxsize=1)
def _common_chars() -> str:
    """The 6,763 characters of GB 2312: candidates for a typing slip (rare characters are not)."""
    chars = []
    for hi in range(0xB0, 0xF8):
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


@functools.lru_cache(maxsize=1)
def _homophones() -> dict[str, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    by_sound: dict[str, set[str]] = defaultdict(set)
    sounds: dict[str, set[str]] = {}
    for ch in _common_chars():
        readings = {_toneless(r) for r in pinyin_dict.get(ord(ch), "").split(",") if r}
        sounds[ch] = readings
        for r in readings:
            by_sound[r].add(ch)
    return {ch: "".join(sorted(set().union(*(by_sound[r] for r in rs)) - {ch})) for ch, rs in sounds.items()}


def near_misses(phrase: str) -> dict[str, str]:
    """variant → how it differs from `phrase` (Chinese)."""
    homophones, shapes = _homophones(), typo_lexicon().shapes
    out: dict[str, str] = {}
    for i, ch in enumerate(phrase):
        for other in homophones.get(ch, ""):
            out.setdefault(phrase[:i] + other + phrase[i + 1:], f"“{ch}”误为同音字“{other}”")
        for other in shapes.get(ch, ""):
            out.setdefault(phrase[:i] + other + phrase[i + 1:], f"“{ch}”误为形近字“{other}”")
        # an inner character only: without its first or last character a phrase is just a fragment of
        # itself, which line breaks and PDF columns produce far more often than typists do
        if len(phrase) >= _MIN_DROP and 0 < i < len(phrase) - 1:
            out.setdefault(phrase[:i] + phrase[i + 1:], f"漏字“{ch}”")
        out.setdefault(phrase[:i + 1] + ch + phrase[i + 1:], f"多字“{ch}”")
        if i + 1 < len(phrase) and phrase[i + 1] != ch:
            out.setdefault(phrase[:i] + phrase[i + 1] + ch + phrase[i + 2:], f"“{ch}{phrase[i + 1]}”颠倒")
    out.pop(phrase, None)
    return out


def _canonical_phrases(extra: tuple[str, ...]) -> list[str]:
    lexicon = typo_lexicon()
    phrases = list(lexicon.canonical) + list(extra)
    for name, terms in lexicon.leaders.items():
        for term in terms:
            if term.end is None:
                phrases += [f"{name}{term.title}", f"{term.title}{name}"]
    return phrases


@functools.lru_cache(maxsize=8)
def typo_matcher(extra: tuple[str, ...] = ()) -> tuple[Matcher, tuple[Pattern, ...]]:
    """One automaton for canonical forms, known wrong forms and near-misses (extra: unit names)."""
    lexicon = typo_lexicon()
    dictionary = tokenizer().FREQ
    canonical = _canonical_phrases(extra)
    patterns: dict[str, Pattern] = {c: Pattern("canonical", "", "") for c in canonical}
    for phrase in canonical:
        if len(phrase) < _MIN_NEAR_MISS:
            continue
        for variant, how in near_misses(phrase).items():
            # a variant that is itself a word or another canonical form is not a slip
            if variant not in patterns and not dictionary.get(variant):
                patterns[variant] = Pattern("near", phrase, how)
    for wrong, right in lexicon.known.items():
        patterns[wrong] = Pattern("known", right, "常见错误写法")
    words = tuple(patterns)
    return matcher(words), tuple(patterns[w] for w in words)


def _leader_mentions(text: str, on: date) -> list[tuple[int, int, str, str]]:
    """(start, end, as written, why) for a leader named with a title he did not hold on `on`."""
    lexicon = typo_lexicon()
    titles = sorted(lexicon.titles, key=len, reverse=True)
    found = []
    for name, terms in lexicon.leaders.items():
        for m in re.finditer(re.escape(name), text):
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
            if any((t.start is None or t.start <= on) and (t.end is None or on < t.end) for t in held):
                continue
            if held:
                why = f"{name}于{on:%Y年%m月%d日}已不任（或尚未任）“{title}”"
            else:
                why = f"“{title}”不是{name}的职务"
            found.append((start, end, text[start:end], why))
    return found


def find_typos(text: str, on: date, extra: tuple[str, ...] = ()) -> list[tuple[str, str, str, str]]:
    """(wrong text, suggestion, why, context) for every typo found in `text`."""
    simplified = to_simplified(text)
    automaton, patterns = typo_matcher(extra)
    hits = []
    for index, start, end in automaton.find(simplified):
        pattern = patterns[index]
        if pattern.kind == "canonical" or not on_word_boundaries(simplified, start, end):
            continue
        hits.append((text[start:end], pattern.right, pattern.how, context(text, start, end)))
    for start, end, _written, why in _leader_mentions(simplified, on):
        hits.append((text[start:end], "", why, context(text, start, end)))
    return hits


def _finding(source: TextSource, wrong: str, right: str, why: str, contexts: list[str]) -> Observation:
    advice = f"，应为“{right}”" if right else ""
    return Observation(
        check="text.typo",
        unit=source.unit,
        subject_key=f"{source.subject_key}#{wrong}",
        subject=source.subject,
        url=source.url,
        detail=f"{source.place}“{source.subject}”疑似错误表述“{wrong}”{advice}（{why}）：{contexts[0]}",
        observed_at=source.observed_at,
        evidence={"snapshots": list(source.snapshot_ids), "matched": wrong, "suggestion": right, "why": why,
                  "contexts": contexts[:5], "count": len(contexts)},
    )


@check("text.typo", scope=source_scope)
def typos(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    extra = tuple(sorted({u.name for u in data.units if len(u.name) >= _MIN_NEAR_MISS and "（" not in u.name}))
    findings: list[Observation] = []
    for source in text_sources(data):
        if data.allowed("text.typo", source.unit, url=source.url):
            continue
        on = source.publish_date or as_of
        grouped: dict[str, list[str]] = defaultdict(list)
        advice: dict[str, tuple[str, str]] = {}
        for wrong, right, why, where in find_typos(source.text, on, extra):
            if data.allowed("text.typo", source.unit, phrase=wrong):
                continue
            grouped[wrong].append(where)
            advice[wrong] = (right, why)
        findings.extend(_finding(source, w, *advice[w], c) for w, c in grouped.items())
    return findings
