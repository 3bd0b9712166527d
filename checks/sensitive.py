"""`text.sensitive`: sensitive and banned words, dark links (暗链) and injected spam.

Context decides. A gambling or fraud term next to 打击、严禁、谨防、查处 … (a crackdown notice, a
warning) or a tax office's 代开发票 service is legitimate and not reported; the cues are data
(lexicons/sensitive_context.yaml). The same term in hidden markup, in a link's text or in a link to a
gambling, porn or lottery domain is reported whatever stands around it, with the hiding technique and the
target URL in the evidence.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from urllib.parse import urlsplit

from checks.base import AuditData, CheckRules, Observation
from checks.lexicon import on_word_boundaries, sensitive_context, sensitive_matcher, sensitive_words
from checks.registry import check
from checks.sources import TextSource, source_scope, text_sources
from checks.text import context, fold, fold_positions


def legitimate_use(text: str, start: int, end: int, word: str) -> str | None:
    """The cue that makes this occurrence legitimate (打击, 严禁 …), or None."""
    cues = sensitive_context()
    left, right = text[max(0, start - cues.window):start], text[end:end + cues.window]
    for cue in (*cues.legitimate, *cues.legitimate_for.get(word, ())):
        if cue in left or cue in right:
            return cue
    return None


def find_sensitive(text: str, judge_context: bool = True) -> list[tuple[str, str, str]]:
    """(word, category, context) for every sensitive word in `text`, after normalisation.

    Normalisation makes "法．轮 功", "法轮功" in full width and "臺獨" match; the context is cut from the
    original text so that the inspector sees what the page shows. judge_context: leave out occurrences
    that their surroundings make legitimate (off for hidden text and link texts).
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
        a, b = where(start), where(end - 1) + 1
        if judge_context and legitimate_use(text, a, b, word):
            continue
        hits.append((word, words[word], context(text, a, b)))
    return hits


def spam_domain(href: str) -> bool:
    host = urlsplit(href if "//" in href else f"//{href}").hostname or ""
    pattern = sensitive_context().spam_domains
    return bool(host) and pattern is not None and pattern.search(host) is not None


def find_dark_links(hidden: tuple[tuple[str, str, str], ...]) -> list[dict[str, str]]:
    """Hidden content and outbound links that are spam: technique, text, target URL, category, reason.

    A hidden element counts when its text holds a sensitive or spam word or its link goes to a spam
    domain (a hidden drop-down of the site's own pages does not); a visible link counts when its target is
    a spam domain or its text a spam word.
    """
    link_words = sensitive_context().spam_link_words
    out = []
    for technique, text, href in hidden:
        words = [w for w, _, _ in find_sensitive(text, judge_context=False)] if text else []
        spam_words = [w for w in link_words if w in text]
        bad_host = bool(href) and spam_domain(href)
        if not (words or spam_words or bad_host):
            continue
        matched = (words or spam_words or [urlsplit(href).hostname or href])[0]
        category = sensitive_words().get(matched, "赌博色情外链" if bad_host or spam_words else "敏感词")
        reasons = []
        if bad_host:
            reasons.append("链接指向赌博、色情或彩票类域名")
        if words or spam_words:
            reasons.append(f"文字含“{'、'.join(dict.fromkeys(words + spam_words))}”")
        out.append({"technique": technique or "可见外链", "text": text[:120], "href": href, "matched": matched,
                    "category": category, "reason": "；".join(reasons)})
    return out


def _finding(source: TextSource, word: str, category: str, contexts: list[str]) -> Observation:
    return source.observation(
        "text.sensitive",
        f"{source.place}“{source.subject}”出现敏感词“{word}”（{category}类）{len(contexts)}处：{contexts[0]}",
        {"matched": word, "category": category, "contexts": contexts[:5], "count": len(contexts)},
        key=word,
    )


def _dark_link_finding(source: TextSource, links: list[dict[str, str]]) -> Observation:
    first = links[0]
    hidden = first["technique"] != "可见外链"
    kind = "暗链（隐藏链接或文字）" if hidden else "违规外链"
    target = f"，指向 {first['href']}" if first["href"] else ""
    where = source.place or ""
    return source.observation(
        "text.sensitive",
        f"{where}“{source.subject}”发现{kind}：“{first['text']}”{target}（{first['technique']}；{first['reason']}）",
        {"matched": first["matched"], "category": first["category"], "technique": first["technique"],
         "target_url": first["href"], "text": first["text"], "reason": first["reason"], "links": links[:10],
         "count": len(links)},
        key=f"link:{first['href'] or first['text'][:40]}",
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
        by_target: dict[str, list[dict[str, str]]] = defaultdict(list)
        for link in find_dark_links(source.hidden):
            if data.allowed("text.sensitive", source.unit, phrase=link["matched"]) or \
                    (link["href"] and data.allowed("text.sensitive", source.unit, url=link["href"])):
                continue
            by_target[link["href"] or link["text"]].append(link)
        findings.extend(_dark_link_finding(source, links) for links in by_target.values())
    return findings
