"""Local government departments' names and the disclosure columns' names damaged (checks/typos.py:
`_department_misses`, `_headless_department`; typos.yaml `departments` and `canonical`), reported by `text.typo`.

The names (checks/lexicons/typos.yaml `departments`) are those seen on at least three real government sites saved in
public repositories, plus their common short forms. The damaged forms below follow the published rows of
benchmarks/data/reported_typos.tsv (高阳县化广电和旅游局, blind101; 陕西省卫键委, blind108) in other sentences; the
correct sentences are real sentences of People's Daily 1998 and 2023–24, laws and news that an earlier version of the
rule flagged.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.typos import find_typo_hits

ON = date(2026, 1, 1)

DAMAGED = [
    ("根据安排，灵丘县化广电和旅游局召开专题会议", "化广电和旅游局", "文化广电和旅游局"),
    ("灵丘县场监督管理局开展节前食品安全检查", "场监督管理局", "市场监督管理局"),
    ("甘肃省卫键委召开全省卫生健康工作会议", "卫键委", "卫健委"),
    ("县政务服务和数据管里局召开会议", "政务服务和数据管里局", "政务服务和数据管理局"),
    ("灵丘县文化广电和旅油局开展文物安全检查", "文化广电和旅油局", "文化广电和旅游局"),
    # township and village bodies
    ("县党群服务重心开展志愿服务活动", "党群服务重心", "党群服务中心"),
    ("选举产生新一届村务监督委圆会", "村务监督委圆会", "村务监督委员会"),
    # the columns every unit's disclosure page lists
    ("首页 > 政府信息公开 > 依申请工开", "依申请工开", "依申请公开"),
    ("政策解渎：《关于进一步做好防汛工作的通知》", "政策解渎", "政策解读"),
    ("首页 > 通知公高 > 正文", "通知公高", "通知公告"),
    ("政府信息公开制渡 法定主动公开内容 政府信息公开年报", "政府信息公开制渡", "政府信息公开制度"),
]
CORRECT = [
    # the rest of a name after its first character begins or ends other words
    "跟着走访了顺德市政管理局、规划国土局、市招标办",
    "正式启用外国人就业居留事务服务中心及外国人综合服务管理平台",
    "由卫生部会同国家医药管理局、国家中医药管理局规定",
    "河北省石家庄市公安交通管理局根据公安部部署开展整治",
    "南京市场监督管理局召开会议",
    # two official ways of writing one department
    "区住房城乡建设局与区住房和城乡建设局是同一机构，政务服务数据管理局也称政务服务和数据管理局。",
    "政府信息公开指南 政府信息公开制度 法定主动公开内容 政府信息公开年报 依申请公开 政策解读 通知公告",
    "全国人民代表大会设立环境与资源保护委员会、农业与农村委员会、社会建设委员会。",
]


@pytest.mark.parametrize(("sentence", "wrong", "right"), DAMAGED)
def test_a_damaged_department_name_is_reported(sentence: str, wrong: str, right: str) -> None:
    hits = find_typo_hits(sentence, ON)
    assert any(h["matched"] == wrong and h["suggestion"] == right for h in hits), hits


@pytest.mark.parametrize("sentence", CORRECT)
def test_correct_department_names_are_left_alone(sentence: str) -> None:
    assert find_typo_hits(sentence, ON) == []
