"""text.sensitive on the blind57 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks and asked for kinds other than renamed colleges (12 spam pages, 12
decoys), and run once on round 24's final code: recall 7/12, no decoy reported
(benchmarks/results/sensitive_real-2026-12-04-blind57.txt).

Misses then, taught: a porn site's name glued to a reposted headline (青青草原综合久久大伊人精品), the Mark Six 查看特马 in a
police headline, a Japanese adult video's code in a "more news" list (ssni—101中文字幕), and two companies renamed after
betting brands (南宫28, 九州官方网站)."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind57_rows() -> None:
    assert outcome(ROWS, "blind57") == (set(), set())


def test_a_porn_site_a_mark_six_term_a_video_code_and_two_brands() -> None:
    assert find_sensitive("市场监管总局：“3·15”曝光问题已查处|青青草原综合久久大伊人精品")
    assert find_sensitive("上海警方举办警民互动查看特马嘉年华活动")
    assert find_sensitive("更多新闻\nssni—101中文字幕\n公安部通报打击电信网络诈骗成效")
    assert find_sensitive("新津县委书记、新都区区长都对南宫28落户成都表示强烈欢迎。")
    assert find_sensitive("九州官方网站(中国)有限责任公司官网董事长一行赴庆阳市考察。")
    # the cartoon's grassland, a TV drama's title, a dateline from 南宫市, the 九州 of a poem
    assert find_sensitive("喜羊羊和美羊羊生活在青青草原上。") == []
    assert find_sensitive("《要久久爱》对“悬疑”进行微创新。") == []
    assert find_sensitive("南宫28日电 南宫市举行秋季招聘会。") == []
    assert find_sensitive("九州生气恃风雷，万马齐喑究可哀。") == []
