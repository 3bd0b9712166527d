import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from core.sourcefile import SourceFileError
from storage.models import Column, Unit
from zwgk.cli import main
from zwgk.units_file import import_registry, parse_registry

GOOD = textwrap.dedent("""\
    jurisdiction: 云和县
    scheme: yunhe-2022
    level: county
    units:
      - id: jyj
        name: 县教育局
        kind: department
        portal: https://example.gov.cn/jyj/
        columns:
          - {name: 通知公告, url: https://example.gov.cn/jyj/tzgg/}
          - {name: 工作动态, url: https://example.gov.cn/jyj/gzdt/, category: news}
        new_media:
          - {platform: wechat, name: 云和县教育局, feed: https://example.gov.cn/feed.xml}
      - id: wjw
        name: 县卫健局
        kind: department
        portal: https://example.gov.cn/wjw/
    """)


def errors(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(SourceFileError) as info:
        parse_registry(text, "units.yaml", known_schemes={"yunhe-2022"})
    return info.value.problems


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("    portal: https://example.gov.cn/jyj/",
         "    portal: https://example.gov.cn/jyj/\n    colour: red", 9, "未知的键 “colour”"),
        ("    name: 县卫健局\n", "", 14, "缺少必填项 “units.1.name”"),
        ("id: wjw", "id: jyj", 14, "单位 id “jyj” 重复"),
        ("portal: https://example.gov.cn/wjw/", "portal: example.gov.cn/wjw", 17, "不是有效的 http(s) 网址"),
        ("category: news", "category: weather", 11, "units.0.columns.1.category"),
        ("kind: department\n    portal: https://example.gov.cn/wjw/", "kind: bureau\n    portal: https://example.gov.cn/wjw/", 16,
         "units.1.kind"),
        ("scheme: yunhe-2022", "scheme: nowhere-2020", 2, "未知的考核方案"),
        ("  - id: wjw", "  - id: wjw\n    id: again", 15, "键 “id” 重复"),
        ("feed: https://example.gov.cn/feed.xml}", "}", 13, "feed 或 page"),
        ("level: county", "level: [county", 4, "YAML 语法错误"),
    ],
)
def test_registry_errors_name_the_line(old: str, new: str, line: int, words: str) -> None:
    assert old in GOOD
    problems = errors(GOOD.replace(old, new, 1))
    assert any(p_line == line and words in message for p_line, message in problems), problems


def test_bad_file_changes_nothing(sqlite_url: str, tmp_path: Path) -> None:
    path = tmp_path / "units.yaml"
    path.write_text(GOOD.replace("kind: department", "kind: ministry", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["units", "import", str(path)], env={"ZWGK_DATABASE_URL": sqlite_url})
    assert result.exit_code == 2
    assert "units.yaml:7: 第 7 行" in result.output and "未做任何修改" in result.output
    from storage.db import make_engine

    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Unit)) == 0
    engine.dispose()


def test_import_reports_added_changed_removed(Session) -> None:
    with Session() as s, s.begin():
        first = import_registry(s, parse_registry(GOOD, "u.yaml"))
    assert sorted(first.added) == ["jyj", "wjw"]
    with Session() as s, s.begin():
        again = import_registry(s, parse_registry(GOOD, "u.yaml"))
    assert (again.added, again.changed, again.removed, again.unchanged) == ([], [], [], 2)
    changed = (GOOD.replace("name: 县教育局", "name: 云和县教育局").replace("/feed.xml", "/rss.xml")
               .split("  - id: wjw")[0])
    with Session() as s, s.begin():
        third = import_registry(s, parse_registry(changed, "u.yaml"))
    assert third.changed == [("jyj", ["name", "新媒体 云和县教育局 已更新"])] and third.removed == ["wjw"]
    with Session() as s:
        units = {u.slug: u for u in s.scalars(select(Unit))}
        assert units["wjw"].active is False  # kept: its evidence stays
        categories = {c.name: c.category for c in s.scalars(select(Column))}
        assert categories == {"通知公告": "notice", "工作动态": "news"}  # classified from the name


PARENTS = textwrap.dedent("""\
    jurisdiction: 武威市
    scheme: wuwei-2022
    level: city
    units:
      - {id: lz-gov, name: 凉州区政府, kind: government, portal: "http://127.0.0.1:1/", internal: true}
      - {id: lz-jyj, name: 凉州区教育局, kind: department, portal: "http://127.0.0.1:2/", internal: true, parent: lz-gov}
      - {id: city-fgw, name: 市发展改革委, kind: department, portal: "http://127.0.0.1:3/", internal: true}
""")


def test_units_name_their_county(Session) -> None:
    with Session() as s, s.begin():
        import_registry(s, parse_registry(PARENTS, "units.yaml"))
        assert dict(s.execute(select(Unit.slug, Unit.parent)).all()) == {"lz-gov": None, "lz-jyj": "lz-gov",
                                                                         "city-fgw": None}
    with pytest.raises(SourceFileError) as info:
        parse_registry(PARENTS.replace("parent: lz-gov", "parent: gz-gov"), "units.yaml")
    assert "gz-gov" in info.value.render() and ":6" in info.value.render()
