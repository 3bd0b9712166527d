"""text.sensitive on the blind65 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks (12 spam pages, 12 decoys). First run: see
benchmarks/results/sensitive_real-2026-12-05-blind65.txt. Taught afterwards in round 27; what is still missed is pinned
here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind65_rows() -> None:
    # first run on round 27's code before blind65 was read (79bb248): 3/12, one decoy reported
    assert outcome(ROWS, "blind65") == (set(), set())


def test_brands_put_where_a_college_stands() -> None:
    assert find_sensitive("11月中旬以来，半岛在线注册第二届校园科技文化艺术节活动开展得有声有色。")
    assert find_sensitive("宣传部负责人解读了学院日博体育,日博注册庆祝中华人民共和国成立70周年的活动安排。")
    assert find_sensitive("4月26日下午，bwin必赢党委在综合实验楼206会议室召开意识形态工作专题会。")
    assert find_sensitive("學校在南湖校區主樓五樓會議室召開伟德w88平台七十周年校慶工作動員部署會。")
    assert find_sensitive("BV韦德体育国际-娱乐百科\n\n最新医讯\n首页 >> 医院动态")
    assert find_sensitive("我校2023级新生开学典礼在体育场举行，水利米兰(中国)系、软件米兰(中国)专业新生参加。")
    assert find_sensitive("3月2日，澳洲幸运5 人民医院文史馆建成揭幕。")
    assert find_sensitive("首都高校外语院系团学联联盟第六届峰会在皇冠welcome体育登录入口行政楼504顺利举办。")
    # the peninsula, the city of Milan, a crown, a Japanese expo
    assert find_sensitive("山东半岛城市群在线注册企业增长，米兰(中国)设计周开幕，皇冠假日酒店开业，日博会在东京举行。") == []


def test_a_breadcrumb_is_judged_on_its_own_words() -> None:
    assert find_sensitive("当前位置: 韩版靓装超变传奇\n\n文化部办公厅关于查处第四批违法游戏产品等事项的通知")
    assert find_sensitive("您当前所在的位置：首页 > 专题 > 打击网络赌博\n\n公安机关依法查处网络赌博案件") == []


def test_a_headline_over_an_author_and_a_date() -> None:
    story = ("浙大妇院回应签到机代孕广告 已铲除并持续排查\n\n访客 2025-07-05 20:30:38\n\n"
             "近日，有网友反映在医院签到机上发现了非法代孕小广告，医院表示已立即铲除该广告。")
    assert find_sensitive(story) == []
