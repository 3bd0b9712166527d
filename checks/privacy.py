"""`text.privacy`: ID card, mobile and bank card numbers exposed in pages and attachments.

Only numbers that are really personal data count: an 18-digit ID with a valid region prefix, birth date and
ISO 7064 MOD 11-2 check digit; an 11-digit mobile number that is not part of a longer digit run; a 16–19
digit card number that passes Luhn and stands near a card word. Masked forms (138****5678) are what a
careful office publishes and never count. Findings show masked numbers only: the snapshot in the evidence
keeps the original.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from datetime import date

import numpy as np

from checks.base import AuditData, CheckRules, Observation
from checks.memo import key as memo_key
from checks.memo import memoised, text_hash
from checks.registry import check
from checks.sources import source_scope, text_sources
from checks.text import bmp_codes, bmp_table

# GB/T 2260 province-level codes
_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
              53, 54, 61, 62, 63, 64, 65, 71, 81, 82}
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
# an ID number may be written in its 6-8-4 groups (330102 19850101 0028), as forms and tables do
_ID_RX = re.compile(r"(?<![0-9A-Za-z*])(\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx])(?![0-9A-Za-z*])")
# a mobile number may carry the country code (+86 138…, 0086-138…, 86138…)
_MOBILE_RX = re.compile(r"(?<![\d*])(?:(?:\+|00)?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![\d*])")
_CARD_RX = re.compile(r"(?<![\d*])(\d{4}(?: ?\d{4}){2,3}(?: ?\d{1,3})?)(?![\d*])")
_CARD_WORDS = ("银行卡", "卡号", "账号", "帐号", "银行账户", "开户行", "储蓄卡", "信用卡", "借记卡", "社保卡", "收款账户")
_CARD_WINDOW = 30
# Every number above holds 11 or more digits joined by at most single spaces or hyphens. Finding those
# runs first and matching the three patterns only there (one pass instead of three over mostly
# Chinese text) keeps the check cheap; a window reaches one character past the run each side, so the
# patterns' own look-arounds and a leading "+" (+86 138…) are judged as on the whole text.
_NUMBER_RUN_RX = re.compile(r"\d(?:[ -]?\d){10,}")


# Registration numbers that a page's footer or metadata shows (网络安全等级保护备案 42011393001-17001, 公网安备,
# ICP备, 网站标识码, 索引号, 文号) can hold 11 digits that look like a mobile number: a run joined to more
# digits by a hyphen, or one right after such a label, is a code, never a phone number
# (benchmarks/real_pages.py: a city's footer "信息系统安全等级保护备案证明13100…-17001").
_CODE_JOIN_RX = re.compile(r"[-－]\d")
_CODE_LABELS = ("备案", "标识码", "ICP", "公网安备", "许可证", "索引号", "文号", "证号", "编码", "代码")


def _part_of_a_code(text: str, start: int, end: int) -> bool:
    if _CODE_JOIN_RX.match(text, end) or (start >= 2 and _CODE_JOIN_RX.match(text[start - 2:start])):
        return True
    before = text[max(0, start - 12):start]
    return any(label in before for label in _CODE_LABELS)


def _inside_a_token(text: str, start: int, end: int) -> bool:
    """Latin letters right before and right after the digits: a hash or an identifier ("…b74f17844831981f57d…"
    in a real regulation database dump), not a phone number written in prose or a table."""
    return start > 0 and end < len(text) and text[start - 1].isascii() and text[start - 1].isalpha() \
        and text[end].isascii() and text[end].isalpha()


def _number_windows(text: str) -> list[tuple[int, int]]:
    """The windows of `_NUMBER_RUN_RX`'s matches, found on the text's code points: the regex, which starts with a
    digit class, is tried at every character of a page of Chinese (10 ms/MB); here the digits are found with one
    table lookup, and a run is a chain of digits linked by nothing or by a single space or hyphen."""
    codes = bmp_codes(text)
    if codes is None:  # beyond the BMP (rare): the regex's way
        return [(max(0, m.start() - 1), min(len(text), m.end() + 1)) for m in _NUMBER_RUN_RX.finditer(text)]
    digits = np.flatnonzero(_decimal_bmp()[codes])
    if len(digits) < _RUN_DIGITS:
        return []
    gaps = np.diff(digits)
    between = codes[np.minimum(digits[:-1] + 1, len(codes) - 1)]
    linked = (gaps == 1) | ((gaps == 2) & ((between == ord(" ")) | (between == ord("-"))))
    breaks = np.flatnonzero(~linked)
    firsts = np.concatenate(([0], breaks + 1))
    lasts = np.concatenate((breaks, [len(digits) - 1]))
    long = lasts - firsts + 1 >= _RUN_DIGITS
    return [(max(0, start - 1), min(len(text), end + 2))
            for start, end in zip(digits[firsts[long]].tolist(), digits[lasts[long]].tolist(), strict=True)]


_RUN_DIGITS = 11  # the fewest digits of a number above (a mobile number)


@functools.lru_cache(maxsize=1)
def _decimal_bmp() -> np.ndarray:
    """For each code point of the BMP, whether `\\d` matches it (a decimal digit of any script, as re reads it)."""
    return bmp_table(str.isdecimal)


def id_number_valid(number: str) -> bool:
    """An 18-digit resident ID: region prefix, birth date and ISO 7064 MOD 11-2 check digit."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if int(number[:2]) not in _PROVINCES or number[2:4] == "00" and number[:2] not in ("11", "12", "31", "50"):
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born.year < 1900:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == number[17].upper()


def luhn_valid(number: str) -> bool:
    digits = [int(d) for d in number]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def mask(number: str) -> str:
    """Keep what identifies the number to its owner's office, hide the rest: 330102********1234, 138****5678."""
    if len(number) == 18:
        return number[:6] + "*" * 8 + number[-4:]
    if len(number) == 11:
        return number[:3] + "****" + number[-4:]
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def find_personal_data(text: str, on: date | None = None) -> list[tuple[str, str, int, int]]:
    """(kind, digits, start, end) for each ID card, mobile and bank card number in `text`."""
    found: list[tuple[str, str, int, int]] = []
    taken: list[tuple[int, int]] = []
    windows = _number_windows(text)
    for m in (m for a, b in windows for m in _ID_RX.finditer(text, a, b)):
        number = re.sub(r"[ -]", "", m.group(1))
        if id_number_valid(number) and (on is None or date(int(number[6:10]), 1, 1) <= on):
            found.append(("身份证号", number, m.start(1), m.end(1)))
            taken.append(m.span(1))
    for m in (m for a, b in windows for m in _CARD_RX.finditer(text, a, b)):
        digits = m.group(1).replace(" ", "")
        if not 16 <= len(digits) <= 19 or any(s <= m.start(1) < e for s, e in taken):
            continue
        near = text[max(0, m.start(1) - _CARD_WINDOW):m.end(1) + _CARD_WINDOW // 3]
        if luhn_valid(digits) and any(word in near for word in _CARD_WORDS):
            found.append(("银行卡号", digits, m.start(1), m.end(1)))
            taken.append(m.span(1))
    for m in (m for a, b in windows for m in _MOBILE_RX.finditer(text, a, b)):
        if any(s <= m.start() < e for s, e in taken) or _part_of_a_code(text, m.start(), m.end()) \
                or _inside_a_token(text, m.start(), m.end()):
            continue
        found.append(("手机号码", "".join(m.groups()), m.start(), m.end()))
    return sorted(found, key=lambda f: f[2])


def masked_text(text: str, hits: list[tuple[str, str, int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """`text` with every hit masked, and where each hit now is: a context never shows a neighbour's digits."""
    parts, spans, pos, shift = [], [], 0, 0
    for _, number, start, end in hits:
        parts += [text[pos:start], mask(number)]
        new_start = start + shift
        shift += len(mask(number)) - (end - start)
        spans.append((new_start, end + shift))
        pos = end
    parts.append(text[pos:])
    return "".join(parts), spans


def _context(masked: str, span: tuple[int, int], width: int = 15) -> str:
    start, end = span
    return " ".join(f"{masked[max(0, start - width):start]}【{masked[start:end]}】{masked[end:end + width]}".split())


@check("text.privacy", scope=source_scope)
def personal_data(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """One finding per page or attachment, with how many numbers of each kind it exposes."""
    findings = []
    sources = list(text_sources(data))
    # find_personal_data reads the as-of day only as "has the birth year begun": memoised by text and year
    keys = [memo_key(data.memo.fingerprint, "privacy", text_hash(s.text), as_of.year) for s in sources]
    per_source = memoised(data.memo, "privacy", keys, lambda i: find_personal_data(sources[i].text, as_of))
    for source, stored in zip(sources, per_source, strict=True):
        if data.allowed("text.privacy", source.unit, url=source.url):
            continue
        found = [(str(kind), str(number), int(a), int(b)) for kind, number, a, b in stored]
        hits = [h for h in found if not data.allowed("text.privacy", source.unit, phrase=h[1])]
        if not hits:
            continue
        counts = Counter(kind for kind, *_ in hits)
        masked, spans = masked_text(source.text, hits)
        summary = "、".join(f"{kind}{n}个" for kind, n in counts.items())
        findings.append(source.observation(
            "text.privacy",
            f"{source.place or '页面'}“{source.subject}”公开了未脱敏的个人信息：{summary}，如{_context(masked, spans[0])}",
            {"counts": dict(counts),
             "matches": [{"kind": k, "masked": mask(n), "context": _context(masked, span)}
                         for (k, n, _, _), span in zip(hits[:20], spans, strict=False)]},
        ))
    return findings
