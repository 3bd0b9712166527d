"""`text.sensitive`: sensitive and banned words in page main content, attachments and (once) site chrome."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from checks.base import AuditData, CheckRules, Observation
from checks.lexicon import on_word_boundaries, sensitive_matcher, sensitive_words
from checks.registry import check
from checks.sources import TextSource, source_scope, text_sources
from checks.text import context, fold, fold_positions


def find_sensitive(text: str) -> list[tuple[str, str, str]]:
    """(word, category, context) for every sensitive word in `text`, after normalisation.

    Normalisation makes "法．轮 功", "法轮功" in full width and "臺獨" match; the context is cut from the
    original text so that the inspector sees what the page shows.
    """
    norm = fold(text)
    automaton = sensitive_matcher()
    found = automaton.find(norm)
    if not found:
        return []
    words, where = sensitive_words(), fold_positions(text)
    hits = []
    for index, start, end in found:
        if not on_word_boundaries(norm, start, end):
            continue
        word = automaton.words[index]
        hits.append((word, words[word], context(text, where(start), where(end - 1) + 1)))
    return hits


def _finding(source: TextSource, word: str, category: str, contexts: list[str]) -> Observation:
    return Observation(
        check="text.sensitive",
        unit=source.unit,
        subject_key=f"{source.subject_key}#{word}",
        subject=source.subject,
        url=source.url,
        detail=f"{source.place}“{source.subject}”出现敏感词“{word}”（{category}类）{len(contexts)}处：{contexts[0]}",
        observed_at=source.observed_at,
        evidence={"snapshots": list(source.snapshot_ids), "matched": word, "category": category,
                  "contexts": contexts[:5], "count": len(contexts)},
    )


@check("text.sensitive", scope=source_scope)
def sensitive_words_check(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    findings: list[Observation] = []
    for source in text_sources(data):
        if data.allowed("text.sensitive", source.unit, url=source.url):
            continue
        grouped: dict[str, list[str]] = defaultdict(list)
        categories: dict[str, str] = {}
        for word, category, where in find_sensitive(source.text):
            if data.allowed("text.sensitive", source.unit, phrase=word):
                continue
            grouped[word].append(where)
            categories[word] = category
        findings.extend(_finding(source, w, categories[w], c) for w, c in grouped.items())
    return findings
