"""The content checks' word lists (data files under checks/lexicons/), loaded once and compiled once.

Ops extend them without touching code: every file may also exist under the directory of the
`ZWGK_LEXICON_DIR` setting, and its entries are added to the shipped ones (same format, same name).
Where each shipped list comes from, and under which licence, is in checks/lexicons/SOURCES.md.

Matching uses ahocorasick-rs (40–67 MB/s on a real-sized CJK lexicon, where pyahocorasick drops to
0.7–2 MB/s). Word boundaries are confirmed with jieba, only in a small window around a match,
because jieba itself runs at ~0.7 MB/s.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation, MatchKind

from core.sourcefile import SourceFileError, line_of, load_yaml

LEXICONS = Path(__file__).resolve().parent / "lexicons"


def lexicon_paths(name: str) -> list[Path]:
    """The shipped file and, when ops have one, the file of the same name in the extra directory."""
    from core.settings import get_settings  # the one reader of the environment

    paths = [LEXICONS / name]
    extra = get_settings().lexicon_dir
    if extra is not None and (Path(extra) / name).is_file():
        paths.append(Path(extra) / name)
    return paths


def read_yaml_lexicon(path: Path) -> tuple[dict, dict]:
    """A lexicon YAML file as a mapping and the line of each of its values, or a SourceFileError naming the
    line: a duplicate key (which plain YAML loading keeps silently, dropping the first), a bad tag, a syntax
    error. Ops edit these files; the night stops with the file's lines rather than a traceback."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceFileError(str(path), [(None, f"无法读取：{exc}")]) from exc
    data, lines = load_yaml(text, str(path))
    if not isinstance(data, dict):
        raise SourceFileError(str(path), [(1, "文件顶层应为“键: 值”的表")])
    return data, lines


# Chinese numerals: a change among them makes another number or date (二十届/十二届, 月二十六日), never a slip
CHINESE_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
CJK_RUN = re.compile("[\u4e00-\u9fff]+")  # a run of Chinese characters (fullmatch: nothing else)


@dataclass(frozen=True)
class Matcher:
    words: tuple[str, ...]
    automaton: AhoCorasick

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """Non-overlapping leftmost-longest matches: (word index, start, end)."""
        return self.automaton.find_matches_as_indexes(text)

    @functools.cached_property
    def longest(self) -> int:
        return max(map(len, self.words), default=0)

    def find_fitting(self, text: str, fits: Callable[[int, int], bool]) -> list[tuple[int, int, int]]:
        """find(), where a match that `fits` rejects (no word of the sentence) no longer hides the matches that
        begin inside it: in 传奇私服发布网 jieba cuts 传奇/私服发布网, so the leftmost 传奇私服 is rejected and
        私服发布网, which leftmost-longest matching skipped, is looked for. Rejected matches are left out."""
        found = []
        for index, start, end in self.find(text):
            if fits(start, end):
                found.append((index, start, end))
                continue
            at = start + 1
            while at < end:  # the first match beginning inside the rejected one, and so on while they are rejected
                first = self.find(text[at:end + self.longest])[:1]
                if not first or at + first[0][1] >= end:
                    break  # the next match begins after the rejected one: the scan above finds it
                inner, s, e = first[0]
                if fits(at + s, at + e):
                    found.append((inner, at + s, at + e))
                    break
                at += s + 1
        return found


_DFA_MAX_WORDS = 20_000  # a DFA scans small automata two to three times as fast; for the typo lexicon's 850,000
# patterns it would take gigabytes, and ahocorasick_rs's own choice (an NFA) is the one to keep


def small_automaton(words: Sequence[str], kind: MatchKind) -> AhoCorasick:
    """An automaton over `words`, a DFA when they are few: ahocorasick_rs otherwise picks an NFA for small sets
    too, which scan at 40–50 % of the DFA's speed (text.sensitive's 135 anchors, the 3,072 divisions)."""
    if len(words) <= _DFA_MAX_WORDS:
        return AhoCorasick(words, matchkind=kind, implementation=Implementation.DFA)
    return AhoCorasick(words, matchkind=kind)


def small_bytes_automaton(words: Sequence[bytes], kind: MatchKind) -> BytesAhoCorasick:
    """small_automaton over byte strings."""
    if len(words) <= _DFA_MAX_WORDS:
        return BytesAhoCorasick(words, matchkind=kind, implementation=Implementation.DFA)
    return BytesAhoCorasick(words, matchkind=kind)


def matcher(words: list[str] | tuple[str, ...]) -> Matcher:
    words = tuple(words)
    return Matcher(words, small_automaton(words, MatchKind.LeftmostLongest))


def lexicon_rows(name: str) -> list[list[str]]:
    """The rows of a whitespace-separated list (sensitive.txt, de_pairs.tsv), shipped and extra rows together."""
    rows = []
    for path in lexicon_paths(name):
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                rows.append(line.split())
    return rows


def word_list(name: str) -> tuple[str, ...]:
    """A one-word-a-line list (places.txt, idioms.txt, shapes.txt), shipped and extra entries together."""
    return tuple(dict.fromkeys(row[0] for row in lexicon_rows(name)))


def noted_list(name: str) -> dict[str, str]:
    """A one-entry-a-line list with a note after the entry (compromised_hosts.txt): entry → note, shipped and
    extra entries together (an extra line replaces the shipped note of the same entry)."""
    return {row[0]: " ".join(row[1:]) for row in lexicon_rows(name)}


@functools.lru_cache(maxsize=1)
def sensitive_words() -> dict[str, str]:
    """word → category, already in normalised form (simplified, no symbols)."""
    from checks.text import fold

    words: dict[str, str] = {}
    for row in lexicon_rows("sensitive.txt"):
        word = fold(row[0])
        if word:
            words[word] = row[1] if len(row) > 1 else "敏感词"
    return words


@functools.lru_cache(maxsize=1)
def sensitive_matcher() -> Matcher:
    return matcher(sorted(sensitive_words()))


@dataclass(frozen=True)
class SensitiveContext:
    """What makes a sensitive word legitimate or suspicious where it stands (sensitive_context.yaml)."""

    legitimate: tuple[str, ...]  # cue words near the term: 打击, 严禁, 谨防 …
    legitimate_for: dict[str, tuple[str, ...]]  # extra cues for one word (代开发票: 税务, 办税 …)
    window: int
    spam_domains: re.Pattern[str] | None  # host names of gambling, porn and lottery sites
    spam_link_words: tuple[str, ...]  # words that make an outbound link's text spam
    legitimate_for_category: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # 分裂: 反对, 遏制 …


@functools.lru_cache(maxsize=1)
def sensitive_context() -> SensitiveContext:
    legitimate: list[str] = []
    per_word: dict[str, list[str]] = {}
    per_category: dict[str, list[str]] = {}
    domains: list[str] = []
    link_words: list[str] = []
    window = 12
    for path in lexicon_paths("sensitive_context.yaml"):
        raw, _ = read_yaml_lexicon(path)
        legitimate += [str(w) for w in raw.get("legitimate_cues") or []]
        for word, cues in (raw.get("legitimate_cues_for") or {}).items():
            per_word.setdefault(str(word), []).extend(str(c) for c in cues)
        for category, cues in (raw.get("legitimate_cues_for_category") or {}).items():
            per_category.setdefault(str(category), []).extend(str(c) for c in cues)
        domains += [str(d) for d in raw.get("spam_domain_patterns") or []]
        link_words += [str(w) for w in raw.get("spam_link_words") or []]
        window = int(raw.get("window", window))
    return SensitiveContext(
        legitimate=tuple(dict.fromkeys(legitimate)),
        legitimate_for={w: tuple(c) for w, c in per_word.items()},
        window=window,
        spam_domains=re.compile("|".join(domains), re.I) if domains else None,
        spam_link_words=tuple(dict.fromkeys(link_words)),
        legitimate_for_category={c: tuple(dict.fromkeys(w)) for c, w in per_category.items()},
    )


@dataclass(frozen=True)
class Term:
    title: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class ContextRule:
    """A confusable that is wrong only in context: `pattern` (a regex) matches the wrong use. `right` may take a named group's
    text (\\g<unit>), so that one rule serves the measure words 名, 人, 个, 家 alike."""

    pattern: re.Pattern[str]
    wrong: str
    right: str
    why: str

    def suggestion(self, match: re.Match[str]) -> str:
        return match.expand(self.right) if "\\g<" in self.right else self.right


@dataclass(frozen=True)
class TypoLexicon:
    known: dict[str, tuple[str, str]]  # wrong → (right, source, "" when none is named)
    canonical: tuple[str, ...]
    shapes: dict[str, str]  # char → the other chars of its similar-shape group
    leaders: dict[str, tuple[Term, ...]]
    titles: tuple[str, ...]
    context_rules: tuple[ContextRule, ...]
    places: tuple[str, ...]
    idioms: tuple[str, ...]
    correct: tuple[str, ...] = ()  # one edit from a canonical phrase or an idiom, yet correct
    names: tuple[str, ...] = ()  # leaders' names judged on their own, without a title
    # wrong forms known only from list_typos.tsv or reported_typos.tsv (their right forms are not jieba words)
    listed: frozenset[str] = frozenset()
    # wrong → what it damages, where the file says (reported_typos.tsv: "name", "formulation"; else by its right form)
    kinds: dict[str, str] = dataclasses.field(default_factory=dict)
    reported: frozenset[str] = frozenset()  # wrong forms of reported_typos.tsv: found when no other rule explains them
    departments: tuple[str, ...] = ()  # three-character government departments (财政局): near-misses only, not in jieba
    # past leaders and national models with three-character names nobody else is known by (周恩来, 焦裕禄): a
    # same-sounding or look-alike character only, whatever the surname
    figures: tuple[str, ...] = ()


# a named group of the pattern that a rule's `right` takes its text from (近\d+(?P<wrong>余(?P<unit>[名人个家])) → \g<unit>)
_GROUP_REFERENCE = re.compile(r"\\g<(\w+)>")


def _context_rules(raw: dict, lines: dict, path: Path) -> list[ContextRule]:
    """typos.yaml context_rules, each checked: the four fields present, the pattern a regex with a group `wrong`, and
    every group that `right` refers to (\\g<name>) one of the pattern's."""
    rules, problems = [], []
    entries = raw.get("context_rules") or []
    if not isinstance(entries, list):
        raise SourceFileError(str(path), [(line_of(lines, ("context_rules",)), "context_rules 应为列表")])
    for i, rule in enumerate(entries):
        where = ("context_rules", i)
        missing = [k for k in ("pattern", "wrong", "right", "why") if not isinstance(rule, dict) or not rule.get(k)]
        if missing:
            problems.append((line_of(lines, where), f"规则缺少 {'、'.join(missing)}"))
            continue
        try:
            pattern = re.compile(str(rule["pattern"]))
        except re.error as exc:
            problems.append((line_of(lines, (*where, "pattern")), f"pattern 不是有效的正则表达式：{exc}"))
            continue
        if "wrong" not in pattern.groupindex:
            problems.append((line_of(lines, (*where, "pattern")), "pattern 须用命名分组 (?P<wrong>…) 标出错误部分"))
            continue
        unknown = sorted(set(_GROUP_REFERENCE.findall(str(rule["right"]))) - set(pattern.groupindex))
        if unknown:
            problems.append((line_of(lines, (*where, "right")), f"right 引用了 pattern 里没有的命名分组：{'、'.join(unknown)}"))
            continue
        rules.append(ContextRule(pattern, str(rule["wrong"]), str(rule["right"]), str(rule["why"])))
    if problems:
        raise SourceFileError(str(path), problems)
    return rules


def _leaders(raw: dict, lines: dict, path: Path) -> dict[str, tuple[Term, ...]]:
    out, problems = {}, []
    for i, entry in enumerate(raw.get("leaders") or []):
        titles = entry.get("titles") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not entry.get("name") or not isinstance(titles, list) or not all(
                isinstance(t, dict) and t.get("title") for t in titles):
            problems.append((line_of(lines, ("leaders", i)), "领导人条目须有 name 和 titles（每项有 title，可有 from、to）"))
            continue
        out[str(entry["name"])] = tuple(Term(str(t["title"]), t.get("from"), t.get("to")) for t in titles)
    if problems:
        raise SourceFileError(str(path), problems)
    return out


def _sourced_pairs(name: str) -> Iterator[tuple[str, str, str]]:
    """(wrong, right, source) of a generated pair list (wrong<TAB>right<TAB>source…), shipped file first, then ops'.
    A missing file holds none (list_typos.tsv while its build script runs)."""
    for wrong, right, source, _ in _classed_pairs(name):
        yield wrong, right, source


ERROR_KINDS = ("common", "name", "formulation")  # the optional fifth column of a pair list: what the slip damages


def _classed_pairs(name: str) -> Iterator[tuple[str, str, str, str]]:
    """_sourced_pairs with the fifth column (ERROR_KINDS, "" when absent or unknown)."""
    for path in lexicon_paths(name):
        for line in (path.read_text("utf-8") if path.is_file() else "").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and not line.startswith("#") and parts[0] != parts[1]:
                kind = parts[4].strip() if len(parts) > 4 else ""
                yield parts[0], parts[1], parts[2], kind if kind in ERROR_KINDS else ""


@functools.lru_cache(maxsize=1)
def typo_lexicon() -> TypoLexicon:
    known: dict[str, tuple[str, str]] = {}
    canonical: list[str] = []
    groups: list[str] = list(word_list("shapes.txt"))
    leaders: dict[str, tuple[Term, ...]] = {}
    titles: list[str] = []
    rules: list[ContextRule] = []
    correct: list[str] = []
    names: list[str] = []
    figures: list[str] = []
    departments: list[str] = []
    for path in lexicon_paths("typos.yaml"):
        raw, lines = read_yaml_lexicon(path)
        for section, entries in raw.items():
            if section.startswith("known") and isinstance(entries, dict):
                source = section.partition("_")[2]  # known_<source>: named in the finding; plain known: no source
                for wrong, right in entries.items():
                    if str(wrong) != str(right):
                        known[str(wrong)] = (str(right), source)
        canonical += [str(c) for c in raw.get("canonical") or []]
        groups += [str(g) for g in raw.get("similar_shapes") or []]
        leaders.update(_leaders(raw, lines, path))
        titles += [str(t) for t in raw.get("titles") or []]
        correct += [str(c) for c in raw.get("correct") or []]
        names += [str(n) for n in raw.get("names") or []]
        figures += [str(n) for n in raw.get("figures") or []]
        departments += [str(d) for d in raw.get("departments") or []]
        rules += _context_rules(raw, lines, path)
    for wrong, right, source in _sourced_pairs("known_typos.tsv"):  # published lists of misspellings
        known.setdefault(wrong, (right, source))
    listed: set[str] = set()
    kinds: dict[str, str] = {}
    reported: set[str] = set()
    for name, into in (("list_typos.tsv", listed),  # large public lists, vetted by a build script
                       ("reported_typos.tsv", reported)):  # errors reported on portals and in the press, vetted alike
        for wrong, right, source, kind in _classed_pairs(name):
            if wrong not in known:
                known[wrong] = (right, source)
                listed.add(wrong)
                into.add(wrong)
                if kind:
                    kinds[wrong] = kind
    # a form ops list as correct is no slip, whichever list calls it one (word-checker writes 个中三昧 → 个中三味)
    for right_form in correct:
        if known.pop(right_form, None):
            listed.discard(right_form)
            reported.discard(right_form)
    shapes: dict[str, str] = {}
    for group in groups:
        for ch in group:
            others = "".join(c for c in group if c != ch and c not in shapes.get(ch, ""))
            shapes[ch] = shapes.get(ch, "") + others
    return TypoLexicon(
        known=known,
        canonical=tuple(dict.fromkeys(canonical)),
        shapes=shapes,
        leaders=leaders,
        titles=tuple(dict.fromkeys(titles)),
        context_rules=tuple(rules),
        places=word_list("places.txt"),
        idioms=word_list("idioms.txt"),
        correct=tuple(dict.fromkeys(correct)),
        names=tuple(dict.fromkeys(names)),
        figures=tuple(dict.fromkeys(n for n in figures if n not in names)),
        listed=frozenset(listed),
        kinds=kinds,
        reported=frozenset(reported),
        departments=tuple(dict.fromkeys(departments)),
    )


@functools.lru_cache(maxsize=1)
def tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    lexicon = typo_lexicon()
    # the right forms of list_typos.tsv are left out: thousands of idioms and phrases would change every cut
    rights = (r for w, (r, _) in lexicon.known.items() if w not in lexicon.listed)
    add_words(tk, (*sensitive_words(), *lexicon.canonical, *rights, *lexicon.leaders, *lexicon.places))
    return tk


def add_words(tk, words: Iterable[str]) -> None:
    """Add `words` to jieba's tokenizer `tk`, each with the count that makes it one token against jieba's own
    dictionary, all estimated before the first is added: `add_word` without a count estimates it from the running
    total, so one more canonical form moved the counts of every word added after it (乐山市, 一年之计), and the
    word model's candidates with them."""
    counts = {word: tk.suggest_freq(word) for word in dict.fromkeys(words)}
    for word, count in counts.items():
        tk.add_word(word, count)


PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})  # jieba's tags of people's names, transliterations included


@functools.lru_cache(maxsize=8)
def tagged_words(tags: frozenset[str]) -> frozenset[str]:
    """Words jieba's dictionary tags with one of `tags` (nr: 周恩来, nrt: 希特勒, ns: 布拉格, 南环路)."""
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    return frozenset(parts[0] for line in path.read_text("utf-8").splitlines()
                     if len(parts := line.split()) >= 3 and parts[2] in tags)


def token_cuts(text: str) -> set[int]:
    """Where jieba's tokens of `text` begin and end (0 and len(text) included)."""
    cuts, pos = {0}, 0
    for token in tokenizer().cut(text, HMM=False):
        pos += len(token)
        cuts.add(pos)
    return cuts


def token_at(text: str, pos: int) -> tuple[int, str]:
    """(start, token) of the jieba token that covers text[pos]."""
    start = 0
    for token in tokenizer().cut(text, HMM=False):
        if start <= pos < start + len(token):
            return start, token
        start += len(token)
    return pos, ""


def word_sides(text: str, start: int, end: int, window: int = 12) -> tuple[bool, bool]:
    """Whether jieba's cut of the sentence around text[start:end] (`window` characters each side) cuts at its start,
    and at its end."""
    left = max(0, start - window)
    cuts = token_cuts(text[left:end + window])
    return (start - left) in cuts, (end - left) in cuts


def on_word_boundaries(text: str, start: int, end: int, window: int = 12) -> bool:
    """True when text[start:end] is not glued into a longer word of the sentence (jieba)."""
    return all(word_sides(text, start, end, window))
