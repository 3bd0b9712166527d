"""A clause, a label or a two-character word typed twice is reported as 多字; reduplications, enumerations and words that
go on are not. A template's hint left in print is reported; placeholders printed on purpose are not."""

from datetime import date

import pytest

from checks.doubled_chars import find_doubled_words
from checks.names import doubled_town_suffixes
from checks.template_leftovers import find_template_hints
from checks.typos import CLASS_COMMON, find_typo_hits

# real pages and documents, errors published and never corrected: blind50 (2025 annual reports), blind49, blind29,
# blind26, and 浙江省南麂列岛国家级海洋自然保护区管理条例 as github LawRefBook/Laws prints it
REAL = [
    ("如对年报有疑问，如对年报有疑问，请与街道党政办联系。", "如对年报有疑问，"),
    ("如对本报告有疑问，请与我局联系（地址：地址：山东省淄博市高青县）。", "地址："),
    ("报告包括总体情况、主动公开政府信息情况、主动公开政府信息情况、收到和处理政府信息公开申请情况。", "主动公开政府信息情况、"),
    ("县人大常委会提出意见，并转交县人民政府政府及其有关部门办理。", "政府"),
    ("全年检查特种设备设备377台次。", "设备"),
    ("禁止在保护区内从事科学研究研究、教学实习和标本采集活动。", "研究"),
    ("关于关于对老旧小区改造项目的批复", "关于"),
    # four characters, and a three-character noun, typed twice (blind75, blind70: county pages)
    ("坚持把深入学习深入学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务。", "深入学习"),
    ("负责制定辖区经济辖区经济和社会发展规划。", "辖区经济"),
    ("本年度报告电子版电子版可以从区政府门户网站下载。", "电子版"),
    # a label typed twice with ASCII marks, and a word typed twice before an amount (blind81: budget notes)
    ("支出合计6449万元,其中:其中:一般公共预算支出6000万元。", "其中:"),
    ("土地征迁补偿和安置支出支出355.80万元。", "支出"),
]
CORRECT = [
    "本规定规定的行政处罚，实行综合执法。",  # a document and its verb
    "省人民政府政府采购监督管理部门负责本条例的实施。",  # 人民政府 | 政府采购
    "企业应当报送上一年度年度报告。",  # 上一年度 | 年度报告
    "太岳区党委根据根据地有雄厚的群众基础作出决定。",  # 根据 | 根据地
    "一百来块钱也要跟家人商量商量，甚至上街买菜。",  # reduplicated verb
    "天空中蜿蜒盘绕着一条细长细长的飘带。",
    "“很好，很好，相识是一种缘分嘛。”",  # speech
    "一个问题一个问题跟进解决，一个节点一个节点扎实推进。",  # distributive
    "制定临时管理规约、管理规约、业主大会议事规则。",  # an enumeration: the first copy ends a longer item
    "事故分为特别重大事故、重大事故、较大事故和一般事故。",
    "我军新型超轻重机枪曝光 军事 重机枪机枪 | 观察者网",  # two keyword links side by side (a 163.com page)
    # four or three characters that repeat by chance or on purpose (laws as LawRefBook/Laws prints them, People's Daily)
    "最高人民法院人民法院对外委托司法鉴定管理规定",  # a longer word ends at the first copy
    "国有土地有土地使用权人的，应当签订临时用地合同。",
    "审查再审申请期间，再审申请人申请人民法院委托鉴定。",
    "不知化缘经过了多少人家，一文钱一文钱地积累。",
    "“过奖过奖，不敢当不敢当！”",
    "马耳他总统会见钱其琛钱其琛同韦拉副总理会谈",  # two headlines run together
]


@pytest.mark.parametrize(("sentence", "once"), REAL)
def test_a_clause_label_or_word_typed_twice_is_reported(sentence: str, once: str) -> None:
    found = find_doubled_words(sentence)
    assert [(sentence[a:b], word) for a, b, word in found] == [(once * 2, once)]


@pytest.mark.parametrize("sentence", CORRECT)
def test_reduplications_enumerations_and_words_that_go_on_are_left_alone(sentence: str) -> None:
    assert find_doubled_words(sentence) == []


def test_the_finding_says_what_is_doubled_and_suggests_it_once() -> None:
    hits = find_typo_hits("全年检查特种设备设备377台次。", date(2026, 1, 1))
    assert [(h["matched"], h["suggestion"], h["class"]) for h in hits] == [("设备设备", "设备", CLASS_COMMON)]
    assert "多字" in str(hits[0]["why"])


HINTS = [
    ("累计主动公开政府信息23条（请根据实际情况填写）。", "（请根据实际情况填写）"),
    ("公众可登录县政府门户网站（具体网址）查阅或下载本报告。", "（具体网址）"),
    ("如对本报告有任何疑问，请与行政机关规范全称联系。", "行政机关规范全称"),
    ("本单位共受理申请5件(请核实后填报)。", "(请核实后填报)"),
]
NO_HINTS = [
    "××××年××月××日（院印）",  # a court's sample document
    "据报载，××市一位中学生得知此事。",  # anonymised news
    "请于每月5日前填写统计报表（附件1）。",  # a request in the prose, not a bracketed hint
    "申请人应如实填写申请表（见附件）。",
]


@pytest.mark.parametrize(("sentence", "hint"), HINTS)
def test_a_template_hint_left_in_print_is_reported(sentence: str, hint: str) -> None:
    assert [sentence[a:b] for a, b, _ in find_template_hints(sentence)] == [hint]
    hits = find_typo_hits(sentence, date(2026, 1, 1))
    assert [h["matched"] for h in hits] == [hint] and "模板提示" in str(hits[0]["why"])


@pytest.mark.parametrize("sentence", NO_HINTS)
def test_placeholders_and_requests_in_the_prose_are_left_alone(sentence: str) -> None:
    assert find_template_hints(sentence) == []


def test_a_townships_suffix_typed_twice_before_its_organ() -> None:
    # blind74–75: a township's 乡 and 镇 doubled before 人民政府; 乌镇镇 is the name of 乌镇
    found = doubled_town_suffixes("西吉县硝河乡乡人民政府2023年工作总结")
    assert [(a, b, name) for a, b, name, _ in found] == [(3, 7, "硝河乡")]
    assert [h["suggestion"] for h in find_typo_hits("山王坪镇镇人民政府关于防汛工作的通知", date(2026, 1, 1))] == ["山王坪镇"]
    assert doubled_town_suffixes("桐乡市乌镇镇人民政府发布通告") == []


# a noun or an unreduplicated verb typed twice before the next word of its clause: sentences written for this test, on
# the pattern of the published slips in benchmarks/data/reported_typos.tsv (加大加大交通, 官兵官兵讲解, 受理受理审批)
@pytest.mark.parametrize(("sentence", "once"), [
    ("三是加快加快农村道路建设，确保年底完工。", "加快"),
    ("县应急局对辖区企业进行进行安全检查，发现隐患12处。", "进行"),
    ("民警向群众群众讲解防范电信诈骗知识，发放资料300份。", "群众"),
    ("我局全年办理办理行政许可事项，均在承诺时限内办结。", "办理"),  # a verbal noun
])
def test_a_noun_or_an_unreduplicated_verb_typed_twice_before_a_word(sentence: str, once: str) -> None:
    assert [sentence[a:b] for a, b, _ in find_doubled_words(sentence)] == [once * 2]


@pytest.mark.parametrize("sentence", [
    "老人说：“人老了，照顾照顾后代也是一件乐事。”",  # speech, in quotation marks
    "他要我们在自己的小块土地上考虑考虑这个问题。",  # a verb of activity, softened
    "一来多活动活动对身体好，二来心情也舒畅。",  # a verbal noun after 多
    "山丘中蜿蜒盘绕着一条细长细长的飘带。",  # an adjective before 的
    "孩子们唱起在学校学的《国旗国旗真美丽》。",  # a title
    "信息安全业界 业界动态查询 广东省医疗行业协会 协会查询",  # a menu of links
    "鼓励高等院校和专业组织组织利用网络媒体开展科普。",  # an organisation, then its verb
    "交警支队支队长李长水出席会议。",  # the second copy begins a longer word
])
def test_speech_titles_menus_and_words_that_go_on_are_not_doubled_words(sentence: str) -> None:
    assert find_doubled_words(sentence) == []


# round 52: an everyday word typed twice where no rule above decided — the published sentences of blind401–405
# (benchmarks/data/reported_typos.tsv)
@pytest.mark.parametrize(("sentence", "once"), [
    ("经核查,感谢您对学校工作工作的关注和支持。", "工作"),  # a verbal noun after a noun, 的 after it
    ("督导结果可以可以下达《教育督导整改通知书》，限期整改。", "可以"),  # jieba's conjunction
    ("对保障能力、推动农业绿色高质量发展具有重要意义意义。", "意义"),  # a noun before the sentence's end
    ("主要包括政策文件、专题专栏、党建工作工作等，均按时更新。", "工作"),  # after a short form (党建)
])
def test_an_everyday_word_typed_twice(sentence: str, once: str) -> None:
    assert [sentence[a:b] for a, b, _ in find_doubled_words(sentence)] == [once * 2]


@pytest.mark.parametrize("sentence", [
    "开支百来块钱也要跟家人商量商量，甚至上街买菜也要转几个摊位。",  # jieba tags 商量 a noun; speech reduplicates it
    "有人为他出主意，让他去找领导活动活动。",  # 活动活动 after a noun: speech
    "带些礼品到上级单位意思意思，加深感情。",
    "我们更需要讲点家常话，提醒提醒大家。",  # a verb
    "“没有没有。”他连连摆手。",  # said twice before the clause's end
    "省人民政府政府采购监督管理部门应当会同有关部门制定办法。",  # the second copy begins 政府采购
    "他说：“我永远永远不会忘记这一天。”",  # an adverb, for emphasis
])
def test_everyday_words_said_twice_on_purpose_are_not_slips(sentence: str) -> None:
    assert find_doubled_words(sentence) == []


@pytest.mark.parametrize(("sentence", "once"), [
    # round 56: a two-character word written twice before an organ's tail (published rows)
    ("10月17日,县教育教育局专项检查组到马河口中心校就营养餐经费使用情况进行检查。", "教育"),
    ("英山县农村公路公路局加大危桥改造力度。", "公路"),
    ("在辖区设置12个便民服务服务站,设置321个村(社区)便民服务室。", "服务"),
    # a noun written twice after the word before it, the second copy beginning a longer word
    ("今年我乡政务政务信息公开工作有序推进。", "政务"),
    ("开展防震减灾宣传宣传教育活动,发放资料2000余份。", "宣传"),
    ("巩固脱贫稳定性和基层基层工作能力建设。", "基层"),
    # formal verbs written twice before their object
    ("按照要求,定期对公开公开信息进行审核。", "公开"),
    ("由于2019年未安排安排公务接待费预算,故无此项支出。", "安排"),
])
def test_a_word_typed_twice_before_an_organ_or_a_longer_word(sentence: str, once: str) -> None:
    assert [sentence[a:b] for a, b, _ in find_doubled_words(sentence)] == [once * 2]


@pytest.mark.parametrize("sentence", [
    # round 56: correct text that doubles a noun where two words meet, or in speech and amounts (the 70 MB of correct text)
    "社会团体应当于每年3月31日前向登记管理机关报送上一年度年度报告。",
    "中国天主教主教团主席刘元仁出席。",
    "后任八路军平绥游击大队大队长。",
    "在拉练的途中见到大片大片水仙。",
    "俩人不服气，决定再比试比试。",
    "以拒不执行判决、裁定罪定罪处罚。",
])
def test_nouns_doubled_where_two_words_meet_are_left_alone(sentence: str) -> None:
    assert find_doubled_words(sentence) == []
