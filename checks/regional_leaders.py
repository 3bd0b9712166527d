"""Provincial leaders' names after their titles (part of `text.typo`, class 名称错误).

A county portal names its province's Party secretary and governor far more often than a national leader
(省委书记杜家毫来我县调研), and a slip in one of those names is a 严重错别字 under the national indicators:
Hengyang's 2018 inspection notice reported 湖南省委书记杜家毫 written 杜家豪. lexicons/regional_leaders.tsv
lists the secretaries and governors of the 31 province-level divisions since 2012-11 (ops add rows). A name
is read only right after its title: 杜家豪 alone is someone else's name, 湖南省委书记杜家豪 is a slip.

The names are not read for dates of office: a county's review of past years names the secretary of the day
without 时任, and no deduction may rest on that.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from checks.lexicon import lexicon_paths
from core.sourcefile import SourceFileError

FILE = "regional_leaders.tsv"
HEADER = ("province", "post", "name", "from", "to")
SECRETARY, GOVERNOR = "书记", "省长"  # 省长 stands for 自治区主席 and a municipality's 市长 too

# the 31 divisions, their short names and what their posts are called
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
AUTONOMOUS = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏", "宁夏回族自治区": "宁夏",
              "新疆维吾尔自治区": "新疆"}
PROVINCES = ("河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省",
             "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省",
             "甘肃省", "青海省")
_NAME = re.compile("[\u4e00-\u9fff][\u4e00-\u9fff·]{1,9}")
_DAY = re.compile(r"\d{4}(-\d{2}){0,2}")  # a year, a month or a day: what the sources say


@dataclass(frozen=True)
class RegionalLeader:
    province: str
    post: str  # SECRETARY or GOVERNOR
    name: str
    start: date
    end: date | None


def _day(text: str) -> date:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


@functools.lru_cache(maxsize=1)
def regional_leaders() -> tuple[RegionalLeader, ...]:
    """The rows of regional_leaders.tsv, shipped and ops' own; a bad row stops the night with its line."""
    divisions = frozenset((*MUNICIPALITIES, *AUTONOMOUS, *PROVINCES))
    out: list[RegionalLeader] = []
    for path in lexicon_paths(FILE):
        problems: list[tuple[int | None, str]] = []
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#") or line.startswith("province\t"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) < len(HEADER):
                problems.append((number, f"应有 {len(HEADER)} 列以上（{'、'.join(HEADER)}），此行只有 {len(cells)} 列"))
                continue
            province, post, name, start, end = cells[:5]
            if province not in divisions:
                problems.append((number, f"“{province}”不是省级行政区的全称（如 湖南省、广西壮族自治区、北京市）"))
            elif post not in (SECRETARY, GOVERNOR):
                problems.append((number, f"职务“{post}”应为“{SECRETARY}”或“{GOVERNOR}”（自治区主席、直辖市市长也写{GOVERNOR}）"))
            elif not _NAME.fullmatch(name):
                problems.append((number, f"姓名“{name}”应为 2 至 10 个汉字（少数民族姓名可含间隔号“·”）"))
            elif not _DAY.fullmatch(start) or (end and not _DAY.fullmatch(end)):
                problems.append((number, f"任职起止日期应写作 YYYY-MM-DD、YYYY-MM 或 YYYY（“{start}”“{end}”）"))
            else:
                try:
                    out.append(RegionalLeader(province, post, name, _day(start), _day(end) if end else None))
                except ValueError as exc:
                    problems.append((number, f"日期无效：{exc}"))
        if problems:
            raise SourceFileError(str(path), problems)
    return tuple(out)


def titled_forms(leader: RegionalLeader) -> tuple[str, ...]:
    """How pages write the title before (or after) the name, "{}" standing for the name. A title without the
    province (省委书记) only with a three-character name: 省委书记王宁 with one character changed may be
    another province's secretary of an earlier time, 省委书记杜家豪 is nobody's. 省长 right before the name only
    after 、 (省委副书记、省长): 副省长 ends in 省长, and a vice-governor may be named one character from the governor."""
    p, generic = leader.province, len(leader.name) >= 3
    if p in MUNICIPALITIES:
        short = p[:-1]
        forms = [f"{short}市委书记{{}}"] if leader.post == SECRETARY else [f"{p}市长{{}}", f"{short}市长{{}}", f"{p}代市长{{}}"]
    elif p in AUTONOMOUS:
        short = AUTONOMOUS[p]
        if leader.post == SECRETARY:
            forms = [f"{p}党委书记{{}}", f"{short}自治区党委书记{{}}"] + (["自治区党委书记{}"] if generic else [])
        else:
            forms = [f"{p}主席{{}}", f"{p}人民政府主席{{}}", f"{short}自治区主席{{}}"] + (
                ["自治区主席{}", "自治区代主席{}"] if generic else [])
    else:
        short = p[:-1]
        if leader.post == SECRETARY:
            forms = [f"{short}省委书记{{}}"] + (["省委书记{}"] if generic else [])
        else:
            forms = [f"{p}省长{{}}", f"{short}省长{{}}", f"{p}代省长{{}}"] + (
                ["代省长{}", "、省长{}", "{}省长"] if generic else [])
    return tuple(forms)


def name_slips(name: str, sounds: dict[str, str], shapes: dict[str, str], surname_slips: set[str]) -> set[str]:
    """The name with a character of the given name replaced by a same-sounding or look-alike one, its two
    characters swapped, or the middle one of three dropped; and `surname_slips`, the name with its surname so
    replaced. (What each variant differs by is said when it is found: typos.describe.)"""
    out = {name[:i] + other + name[i + 1:] for i in range(1, len(name))
           for other in sounds.get(name[i], "") + shapes.get(name[i], "")}
    if len(name) == 3:
        out |= {name[0] + name[2] + name[1], name[0] + name[2]}
    return (out | surname_slips) - {name}


def titled_names() -> tuple[tuple[str, str], ...]:
    """(form with "{}", name) for every row: the phrases that are right as written."""
    return tuple(dict.fromkeys((form, leader.name) for leader in regional_leaders() for form in titled_forms(leader)))
