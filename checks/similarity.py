"""Character-shingle overlap of Chinese texts (copied interpretations, copy-paste annual reports)."""

from __future__ import annotations

import re

from checks.text import to_simplified

K = 5  # 5-character shingles: long enough that common two-word phrases do not count as copying
_SENTENCE_RX = re.compile(r"[。！？；;!?\n]+")


def plain(text: str) -> str:
    """Simplified Chinese letters only: punctuation, spacing and digits do not decide similarity."""
    return "".join(ch for ch in to_simplified(text) if ch.isalpha())


def shingles(text: str, k: int = K) -> set[str]:
    text = plain(text)
    return {text[i:i + k] for i in range(max(0, len(text) - k + 1))}


def containment(part: set[str], whole: set[str]) -> float:
    """Share of `part`'s shingles that also occur in `whole`."""
    return len(part & whole) / len(part) if part else 0.0


def sentences(text: str, min_len: int = 12) -> list[str]:
    return [s.strip() for s in _SENTENCE_RX.split(text) if len(plain(s)) >= min_len]


def similar_passages(text: str, other: set[str], limit: int = 3, floor: float = 0.8) -> list[dict]:
    """The sentences of `text` that most repeat `other`, with their share of repeated shingles."""
    scored = [(containment(shingles(s), other), s) for s in sentences(text)]
    scored = sorted((p for p in scored if p[0] >= floor), key=lambda p: -p[0])
    return [{"share": round(share, 2), "text": sentence[:200]} for share, sentence in scored[:limit]]
