"""Usage rules of typos.yaml context_rules written from the natural-error batches blind25–27 (errors published on real
government pages and never corrected, found by a proofreading helper; benchmarks/data/reported_typos.tsv): each real
sentence is reported at the wrong word, and the correct uses that share its characters are not."""

from datetime import date

import pytest

from checks.typos import find_typo_hits

# (sentence as published, the wrong part, its correction); the batch is named in the id
REAL = [
    pytest.param("陇右革命纪念馆做为红色旅游资源和全省爱国主义教育基地,集中反映了陇右工委在甘肃境内的所有革命历史活动"
                 "。",
                 "做", "作", id="blind26-纪念馆做为红色旅游资源"),
    pytest.param("做为政府信息公开的第一平台,“中国南平”网站在中国软件评测中心、人民网、新浪网、百度共同举办的第十一"
                 "届(2012)中国政府网站绩效评估中获全国地级城市政府网站中排名第四,较2011年又前进了三名,连续"
                 "三年位居全国前十;",
                 "做", "作", id="blind27-做为政府信息公开的第一平台"),
    pytest.param("每到天气转热时期,一些孩子会禁不住酷热而偷偷瞒着家长和老师下水游泳,这是及其危险的。",
                 "及", "极", id="blind26-这是及其危险的"),
    pytest.param("各村在做好防火宣传得同时,两委干部、护林员要不间断巡逻。", "得", "的", id="blind26-宣传得同时"),
    pytest.param("活动现场还设置了垃圾分类趣味互动游戏,居民积极参加活动,在获得礼品得同时,掌握了更多垃圾分类知识。",
                 "得", "的", id="blind26-在获得礼品得同时"),
    pytest.param("从党群服务中心一楼门面到五楼,每一个功能室里里外外打扫的干干净净,只为党群中心漂漂亮亮、干净整齐的接"
                 "待大家。",
                 "的", "得", id="blind26-打扫的干干净净"),
    pytest.param("社区老党员亚云春说,“这个活动搞的非常有意义,让我们时刻保持公仆情怀,牢记共产党员永远是劳动人民的普"
                 "通一员,我们是社区党员,今后一定起好模范带头作用。”",
                 "的", "得", id="blind26-搞的非常有意义"),
    pytest.param("各村务必充分认识今年防汛工作的重要性和艰巨性,对本村范围内的防汛重点和难点进行再次排查和巡查,提前做"
                 "好思想动员、物资储备、抗洪抢险队伍建设等工作,坚决克服麻痹侥幸心里,立足防大汛、抗大洪、战大灾,迅速"
                 "进入防汛实战状态,全力做好今年的防汛工作。",
                 "里", "理", id="blind25-麻痹侥幸心里"),
    pytest.param("说道这里,谭显伦老人已是老泪纵横。", "道", "到", id="blind25-说道这里"),
    pytest.param("此次新冠肺炎疫情是我国经历的一场重大突发公共卫生事件,在以习近平总书记为核心的党中央坚强领导下,经过"
                 "艰苦卓绝的努力,已取得了疫情防控重大成果。",
                 "总书记", "同志", id="blind25-以习近平总书记为核心的党中央"),
]
CORRECT = [
    "也要做为后人作铺垫的实事。",  # 做 + 为后人 (People's Daily 1998)
    "保护长江三峡库区及其重要支流。",  # 及其 + an adjective before its noun (local regulations)
    "证券从业人员不得同时在两个以上证券公司任职。",  # 不得同时
    "为保障电力生产和建设的顺利进行。",  # 的 before a noun phrase
    "他说道：“这里的变化真大。”",  # 说道 before what is said
    "把重点放在心理健康教育上。",
]


@pytest.mark.parametrize(("sentence", "wrong", "right"), REAL)
def test_the_published_slip_is_reported(sentence: str, wrong: str, right: str) -> None:
    hits = find_typo_hits(sentence, date(2026, 1, 1))
    assert any(wrong in str(h["matched"]) and right in str(h["suggestion"]) for h in hits), hits


@pytest.mark.parametrize("sentence", CORRECT)
def test_correct_uses_are_left_alone(sentence: str) -> None:
    assert find_typo_hits(sentence, date(2026, 1, 1)) == []
