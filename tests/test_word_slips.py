"""One-character slips of everyday words (checks/word_slips.py), on real published sentences.

The first error below was published, in a Zhejiang regulation as printed (LawRefBook/Laws @2f4c5c2, text
the check's corpus data was NOT built from). The others are reported slips (发辉, 步署: pycorrector's
common-error list and a government-site correction; 预敬: ECSpell's official-document set) planted into
real sentences of regulations. The correct sentences are real, or put together from real clauses.
"""

from __future__ import annotations

import random
from datetime import date

import numpy as np
import pytest

from checks import word_slips
from checks.lexicon import add_words
from checks.typos import find_typo_hits, recurring_slips
from checks.word_slips import find_word_slips
from core.settings import get_settings

# as published: 绍兴市居家养老服务条例 (2021). (浙江省实施《献血法》办法 also prints "建立健全投拆、举报制度",
# which the check leaves alone: a word before a comma has one neighbour to judge by, too little.)
PUBLISHED = [
    ("村（居）级居家养老服务中心应当根据老年人需求，在中心为老年人提供生活照料、休闲娱乐、健康护理和精神慰籍等日托服务。",
     "慰籍", "慰藉"),
]
PLANTED = [  # real sentences of State Council regulations and a 2021 plan with one real reported slip each
    ("科技工作者和教师应当发辉自身优势和专长，参与科学普及工作。", "发辉", "发挥"),
    ("（一）是否符合党中央、国务院的重大决策步署和国家重大改革方向", "步署", "部署"),
    ("安全风险评估和安全保障措施，强化监测预敬和应急处置，切实维护国家安全。", "预敬", "预警"),
    # a look-alike one stroke apart (木/术, shapes.txt's one_stroke_pairs), as reported on a government site
    # (benchmarks/data/reported_typos.tsv), in the title of the article it was reported from
    ("镇坪县应急救援技木中心挂牌", "技木", "技术"),
    # four-character phrases whose slip makes a word of its own inside them (黄浦, 致胜), reported in published
    # lists of errors (reported_typos.tsv), planted into real sentences (a regulation, a 2021 plan)
    ("纪念馆、黄浦军校旧址等革命遗址应当设置保护标志。", "黄浦军校", "黄埔军校"),
    ("坚持创新驱动，这是赢得发展主动的致胜之道。", "致胜之道", "制胜之道"),
    # corrected, the word is part of a common longer word (烈士陵园): a signpost's 董存瑞烈土陵园, as reported
    ("沿汤头沟镇北出口路前往董存瑞烈土陵园参观。", "烈土", "烈士"),
    # a slip that is no word, near the right form with no conjunction between (reported_typos.tsv blind10),
    # planted into a real regulation (收费公路管理条例 art. 7)
    ("收费公路的经营管理者，经依法批准有权向通行收费公路的车俩收取车辆通行费。", "车俩", "车辆"),
]
CORRECT = [
    "出发辉煌的新征程，全面建设社会主义现代化国家。",  # 发辉 across 出发|辉煌
    "在130帕到20千帕的压力下分解而产生出热解产物。",  # 千帕 after a digit: a unit
    "人薪发［1995］32号文件同时废止。",  # an issuing office's abbreviation
    "设区的市、县（市、区）人民政府应当加强养犬管理，养犬人应当依法依规投保犬只责任保险。",  # terms of the corpus
    "会计师事务所提出辞聘的，应当向股东大会说明公司有无不当情事。",
    "各环节打通制约消费扶贫的痛点、难点和堵点，推动贫困地区产品和服务融入全国大市场。",
    # real regulations that the formulation check once flagged: an organ one character from a canonical one,
    # the next word after an organ's name, a canonical name with its inner character replaced
    "人民检察院副检察长、检察委员会委员、检察员的职务任免，依照有关法律规定执行。",
    "经安全评价证明对人类、动植物、微生物和生态环境不存在危险的，可以不予审批。",
    "中国共产党领导中国人民进行革命、建设、改革的历史，具有纪念意义、教育意义。",
    # real regulations once flagged: two terms set side by side on purpose (中期/终期), and the head of a
    # list's items (重力仪、重力梯度仪及 …, not 以及)
    "自治县人民政府应当对梅江河流域水生态环境保护规划实施情况开展中期和终期评估。评估情况应当及时向自治县人民代表大会常务委员会报告，并向社会公开。",
    "至多为2分钟的机载或舰载重力仪、重力梯度仪及为其专门设计的部件",
    # a real heading of a regulation: another ordinal, not 第十三届
    "### 第十三节 补充侦查 第二十九条 县级以上人民政府应当加强侦查工作。",
    # a real film listing (GeneralNewsExtractor's test pages): a part of a transliterated name, not 克里斯塔
    "奇幻 / 埃里康·卡萨罗萨 / 克丽斯塔·谢富勒 托尼·弗希勒 月亮上的男人",
]
# 2026 provincial work reports: policy terms newer than jieba's dictionary, which the word model reads as slips
# (一老一少, 促进, 制造, 风险). typos.yaml `correct` lists them, so the typo check matches them as right forms and
# drops the word model's hits over them, on any page where they stand once.
POLICY_TERMS = [
    ("加强“一老一小”服务，实施好养老服务相关法律法规，健全社会保障体系。", "一老一小"),
    ("推动发展与保护互促共进，我省获建全国首批省域美丽中国先行区。", "促共"),
    ("江河融合绿色智造等2个园区纳入国家零碳园区试点。", "智造"),
    ("资担保机构和银行业金融机构共同参与、合理分险的银担合作机制。", "分险"),
]


def test_a_leaders_name_with_any_character_of_the_given_name_replaced() -> None:
    # 习近乎: reported on a county government site (benchmarks/data/reported_typos.tsv)
    [hit] = find_typo_hits("深入学习贯彻习近乎新时代中国特色社会主义思想", date(2024, 9, 30))
    assert (hit["matched"], hit["suggestion"], hit["class"]) == ("习近乎", "习近平", "名称错误")
    assert find_typo_hits("各单位要加强学习近期出台的文件。", date(2024, 9, 30)) == []


def test_a_leaders_surname_typed_as_a_look_alike_but_not_as_a_common_surname() -> None:
    # 刁近平: a Xinhua headline as reprinted (reported_typos.tsv blind10); 姜泽民 may be another person
    [hit] = find_typo_hits("刁近平抵达罗安达开始对安哥拉进行正式访问", date(2024, 9, 30))
    assert (hit["matched"], hit["suggestion"], hit["class"]) == ("刁近平", "习近平", "名称错误")
    assert find_typo_hits("村党支部书记姜泽民同志带头走访困难群众。", date(2024, 9, 30)) == []
    # People's Daily, January 1998: 沪宁 is a word, so 往 before it is no surname of 王沪宁
    assert find_typo_hits("新立交桥竣工通车，北往沪宁、东接宁波、南去浙中的汽车，再也不用绕行。", date(2024, 9, 30)) == []


def test_a_past_leaders_or_a_models_name_with_a_same_sounding_or_look_alike_character() -> None:
    # 王歧山: reported_typos.tsv blind12 (a party newspaper's page); typos.yaml figures
    [hit] = find_typo_hits("王歧山同志在会上作重要讲话。", date(2024, 9, 30))
    assert (hit["matched"], hit["suggestion"], hit["class"]) == ("王歧山", "王岐山", "名称错误")
    [hit] = find_typo_hits("大力弘扬焦裕录同志的亲民爱民精神。", date(2024, 9, 30))
    assert (hit["matched"], hit["suggestion"]) == ("焦裕录", "焦裕禄")
    assert find_typo_hits("大力弘扬焦裕禄精神，学习邓稼先、黄大年的爱国情怀。", date(2024, 9, 30)) == []
    # only same-sounding or look-alike characters: the surnames 南 and 华 are common characters (People's Daily, 1998)
    assert find_typo_hits("记上海市公安局南京东路警察署。", date(2024, 9, 30)) == []
    assert find_typo_hits("王国维先生二十年代在清华国学研究院的讲义。", date(2024, 9, 30)) == []


def test_published_lists_flag_their_pairs_with_the_source() -> None:
    from checks.lexicon import typo_lexicon

    right, label = typo_lexicon().known["迁徒"]
    assert right == "迁徙" and "《咬文嚼字》" in label
    [hit] = find_typo_hits("候鸟迁徒的季节，保护区加强巡护。", date(2024, 9, 30))
    assert (hit["matched"], hit["suggestion"]) == ("迁徒", "迁徙") and "《咬文嚼字》" in str(hit["why"])


@pytest.mark.parametrize(("sentence", "wrong", "right"), PUBLISHED + PLANTED)
def test_finds_the_slip_with_its_correction(sentence: str, wrong: str, right: str) -> None:
    hits = find_word_slips(sentence)
    assert [(h["matched"], h["suggestion"]) for h in hits] == [(wrong, right)]
    assert sentence[int(hits[0]["start"]):int(hits[0]["end"])] == wrong


@pytest.mark.parametrize("sentence", CORRECT)
def test_leaves_correct_text_alone(sentence: str) -> None:
    assert find_word_slips(sentence) == []
    assert find_typo_hits(sentence, date(2024, 9, 30)) == []


@pytest.mark.parametrize(("sentence", "candidate"), POLICY_TERMS)
def test_policy_terms_listed_as_correct_are_no_slips(sentence: str, candidate: str) -> None:
    assert [h["matched"] for h in find_word_slips(sentence)] == [candidate]  # what the word model alone reads
    assert find_typo_hits(sentence, date(2024, 9, 30)) == []


def test_typo_hits_say_what_flagged_the_slip() -> None:
    sentence, wrong, right = PLANTED[0]
    [hit] = find_typo_hits("<p>" + sentence + "</p>", date(2024, 9, 30))
    assert (hit["matched"], hit["suggestion"], hit["class"]) == (wrong, right, "常见错别字")
    assert "“挥”误为同音字“辉”" in str(hit["why"]) and "词频模型" in str(hit["why"])


def test_a_candidate_recurring_in_two_documents_is_a_term_not_a_slip() -> None:
    one = "工作机构应当报本级人民政府主要负责人予以辞聘，并说明理由。"
    other = "会计师事务所提出辞聘的，应当向股东大会说明公司有无不当情事。"
    sentence = PLANTED[0][0]
    recurring = recurring_slips([sentence, one + sentence.replace("发辉", "发挥"), other])
    assert "发辉" not in recurring
    assert find_typo_hits(sentence, date(2024, 9, 30), recurring=recurring)
    recurring = recurring_slips([sentence, "教师应当发辉专长。" + one])
    assert "发辉" in recurring
    # the word model keeps quiet; 发辉 is also a slip reported in the press (reported_typos.tsv), which is no
    # candidate of the night and stays reported
    assert [h["why"] for h in find_typo_hits(sentence, date(2024, 9, 30), recurring=recurring)] == [
        "常见错误写法（公开报道的差错）"]


@pytest.fixture
def fresh_caches():
    caches = (get_settings, word_slips.attested, word_slips.variant_index, word_slips._bloom_filters)
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


def test_ops_add_their_own_correct_terms_outside_the_code(tmp_path, monkeypatch, fresh_caches) -> None:
    sentence = PLANTED[0][0]
    (tmp_path / "attested.txt").write_text("# 本地术语\n发辉\n", "utf-8")
    monkeypatch.setenv("ZWGK_LEXICON_DIR", str(tmp_path))
    assert find_word_slips(sentence) == []
    assert "发辉" in word_slips.attested() and "设区" in word_slips.attested()  # shipped entries stay


def test_the_hashed_lookup_finds_what_a_binary_search_over_the_sorted_keys_finds() -> None:
    """candidates() probes a Bloom filter and a bucketed hash table; the sorted keys of variant_index are the
    reference. Texts are made of real candidates (decoded from their keys), everyday words and other characters."""
    rnd = random.Random(5)
    index = word_slips.variant_index()
    pieces = []
    for length, (keys, _, words) in index.items():
        table = word_slips._bloom_filters()[length]
        fullest = int(np.diff(table.starts).argmax())  # every key of the fullest bucket, the last one too
        chosen = rnd.sample(keys.tolist(), 300) + table.keys[table.starts[fullest]:table.starts[fullest + 1]].tolist()
        for key in chosen:
            pieces.append("".join(chr((key >> (16 * (length - 1 - i))) & 0xFFFF) for i in range(length)))
        pieces += rnd.sample(words, 100)
    pieces += ["，", "。", "2024年", "\n", "𠀀", "abc"]
    total = 0
    for _ in range(200):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 60)))
        codes = word_slips.codes_of(text)
        expected: dict[int, tuple[int, str]] = {}
        for length, (keys, word_of, words) in index.items():
            at, found = word_slips.lookup(keys, word_slips.packed(codes, length))
            for start in np.nonzero(found)[0].tolist():
                expected.setdefault(start, (length, words[word_of[at[start]]]))
        assert word_slips.candidates(text) == expected
        total += len(expected)
    assert total > 1000  # the texts do hold candidates


def test_self_typed_for_already_and_rare_set_phrases() -> None:
    # as published: 柳州市环保局's sign (reported_typos.tsv, blind7); 聚碳酸脂 in 导弹及相关物项和技术出口管制条例
    # (2002) as printed (LawRefBook/Laws, a part the corpus data was not built from)
    [hit] = word_slips.find_self_for_already("您己进入柳州市柳江饮用水水源二级保护区")
    assert (hit["start"], hit["suggestion"]) == (1, "已")
    for correct in ("加快发展数智消费、悦己消费、银发经济等新型消费", "任何组织和个人不得据为己有", "严于律己", "各抒己见"):
        assert word_slips.find_self_for_already(correct) == [], correct
    [slip] = find_word_slips("3．聚碳酸脂复合材料")
    assert (slip["matched"], slip["suggestion"]) == ("聚碳酸脂", "聚碳酸酯")
    # 警钟长鸣 (jieba: 9) is a set phrase; 主副食品 (13) is not corrected towards where 主辅 is a term
    assert [s["suggestion"] for s in find_word_slips("安全生产要警钟常鸣，防患于未然")] == ["警钟长鸣"]
    assert not [s for s in find_word_slips("供婴幼儿和其他特定人群的主辅食品；") if len(str(s["matched"])) == 4]


def test_a_month_dropped_from_a_date() -> None:
    # as published: 诸暨市人民法院's judgment, p. 57 (reported_typos.tsv, blind7)
    [hit] = [h for h in find_typo_hits("该笔借款于2017年12底前归还。", date(2024, 1, 1)) if h["suggestion"] == "12月"]
    assert hit["matched"] == "12"
    assert not find_typo_hits("截至2017年12月底，借款已归还；2018年底前完成。", date(2024, 1, 1))


def test_a_month_dropped_between_the_month_and_the_day() -> None:
    # as published (blind376, blind377, blind379, round 50): 隆回县's sports meeting, a 12345 hotline story, a hospital's news
    hits = find_typo_hits("1011日,隆回县2021中小学田径运动会开幕。", date(2024, 1, 1))
    assert [(h["matched"], h["suggestion"]) for h in hits] == [("1011日", "10月11日")]
    [hit] = find_typo_hits("113日下午,窗口工作人员接到来电。", date(2024, 1, 1))
    assert hit["suggestion"] == "1月13日或11月3日"  # which one the page cannot say
    # a span of days, a day alone, a date written right
    assert not find_typo_hits("历时113日，完成全部工程。28日，会议闭幕。11月3日下午召开。", date(2024, 1, 1))


def test_the_shipped_attested_list_was_counted_for_the_candidates_the_check_generates() -> None:
    # attested.txt holds the candidates correct text uses; generated for another candidate set, it misses some
    # (七十一条 was reported in laws until it was counted again): change the candidates, then rerun the script
    assert word_slips.attested_fingerprint() == word_slips.candidates_fingerprint(), \
        "checks/lexicons/attested.txt is stale: run scripts/build_slip_data.py on LawRefBook/Laws @2f4c5c2"


def test_one_more_lexicon_word_moves_no_other_words_count() -> None:
    # jieba's add_word without a count estimates it from the running total: one more canonical form moved the
    # counts of the words added after it, and the word model's candidates (and attested.txt's fingerprint) with them
    import jieba

    words = ["乐山市", "一年之计在于春", "阿克陶县", "村务监督委员会", "政务服务和数据管理局"]
    before, after = jieba.Tokenizer(), jieba.Tokenizer()
    add_words(before, words)
    add_words(after, ["营商环境优化提升年", *words])
    assert {w: after.FREQ[w] for w in words} == {w: before.FREQ[w] for w in words}
    assert before.lcut("乐山市政务服务和数据管理局", HMM=False) == ["乐山市", "政务服务和数据管理局"]


def test_news_text_of_peoples_daily_1998_that_read_as_slips() -> None:
    # article and item numbers are no phrases: a changed character there is another number or counter
    assert find_typo_hits("公安部直属机关第三十期党校班２０余名处级干部学员深入到广东。", date(1998, 2, 1)) == []
    assert find_typo_hits("冬运以来，共查缴危禁品二百零八起。", date(1998, 2, 1)) == []
    # a household named by its surname, and a word that borrows a neighbour from a commoner word (物价)
    assert find_typo_hits("在郭家和闫家，李鹏都具体地了解了他们退休后的生活。", date(1998, 2, 1)) == []
    assert find_typo_hits("省物价部门把农村电价高低作为反映物价管理工作是否扎实的重要标志。", date(1998, 2, 1)) == []
    # a form listed as correct wins over a public list that has the pair the wrong way round
    assert find_typo_hits("仅属于消遣，仅得之皮毛，享受不到个中三昧。", date(1998, 2, 1)) == []


def test_a_short_formulation_with_a_character_dropped_that_reads_on_as_other_words() -> None:
    # People's Daily, 1998: 家政 and 人为 are pairs correct text writes often, so the words read on
    assert find_typo_hits("这首先得益于国家政局和经济的稳定。", date(1998, 2, 1)) == []
    assert find_typo_hits("发展是以人为中心的全面发展。", date(1998, 2, 1)) == []
    # where the two characters never meet, the drop stays a slip
    [hit] = find_typo_hits("坚持全面从治党，推动管党治党。", date(2024, 9, 30))
    assert (hit["matched"], hit["suggestion"]) == ("全面从治党", "全面从严治党")


def test_numbers_and_people_that_the_word_model_leaves_alone() -> None:
    # People's Daily, 1998: a numeral for another, a counter after a number, a person before 同志
    assert find_typo_hits("把初轧厂、连轧厂、炼钢厂合三为一，组建股份公司。", date(1998, 2, 1)) == []
    assert find_typo_hits("城区由四大街、八小街、七十二巷构成。", date(1998, 2, 1)) == []
    assert find_typo_hits("青岛火车站广告部的单伟同志在电话中告诉工作人员。", date(1998, 2, 1)) == []
    # a lone 一 is no number: LEMON's 一阵见血 is still a slip of 一针见血
    [hit] = find_typo_hits("他的评论一阵见血，说到了问题的要害。", date(2024, 9, 30))
    assert hit["suggestion"] == "一针见血"


def test_a_surname_after_a_role_begins_a_name() -> None:
    # People's Daily, 2023–24 (zejunwang1/csc_hard's corrected sentences): no 成立, no 陈述
    assert find_typo_hits("他还收到了教导员陈立的提醒：已经3个月没有去医院复诊。", date(2024, 6, 1)) == []
    assert find_typo_hits("清人陈舒的《天中佳卉图之一》，同样以时令花卉入画。", date(2024, 6, 1)) == []


def test_names_that_the_list_and_the_word_model_leave_alone() -> None:
    # People's Daily, 1998: transliterations written another way, and given names in a roll of names or after a
    # surname that starts an item (九洲 is listed as a slip of 九州)
    assert find_typo_hits("当选的１０名运动员是：贾雅辛格（斯里兰卡，女，田径），陈妍（中国，女，游泳）", date(1998, 2, 1)) == []
    assert find_typo_hits("先后在达特茅思、哈佛和布朗大学取得了学位。", date(1998, 2, 1)) == []
    assert find_typo_hits("谢国良、谢德财、蒙美路（女）、裴九洲、管德、谭方之、谭伯源", date(1998, 2, 1)) == []
    assert find_typo_hits("选举王向民、董九洲为省人大常委会副主任；选举张国光为省长。", date(1998, 2, 1)) == []
    # a surname character inside a word, or a preposition, begins no name: 工程峻工 and 于禁鱼区 stay slips
    for text, wrong in (("建设工程峻工验收后，建设单位应当报送备案。", "峻工"),
                        ("违反关于禁鱼区、禁渔期的规定进行捕捞的", "禁鱼")):
        assert [h["matched"] for h in find_typo_hits(text, date(2024, 9, 30))] == [wrong]


def test_a_look_alike_in_an_idiom_that_makes_a_word_is_another_wording() -> None:
    # People's Daily, 1998: 暴雪, 老少, 不是 are words; a pinyin IME types sounds, not shapes
    for text in ("被当地人称为“白毛旋风”的狂风暴雪袭击了通往地震灾区的唯一通道。", "图为大河乡武立祥一家老少三代在整理防震棚。",
                 "他们认为，首先，东亚金融动荡不是一个暂时性的国际收支问题。"):
        assert find_typo_hits(text, date(1998, 2, 1)) == []
    # a look-alike that makes no word stays a slip (《咬文嚼字》's list: 病入膏盲)
    [hit] = find_typo_hits("这家企业已病入膏盲，无力回天。", date(2024, 9, 30))
    assert (hit["matched"], hit["suggestion"]) == ("病入膏盲", "病入膏肓")


def test_a_placeholder_and_sayings_that_stand_on_their_own() -> None:
    # People's Daily, 1998: 某部 is an unnamed unit on purpose; 为之一怔 and 缺衣少粮 are sayings of their own
    assert find_typo_hits("刘伯承元帅次子、总参某部干部刘蒙说，父亲一生简朴。", date(1998, 2, 1)) == []
    assert find_typo_hits("两条新闻还是使大家为之一怔。", date(1998, 2, 1)) == []
    assert find_typo_hits("雪灾中只剩下５０多头了，一家人缺衣少粮，愁眉不展。", date(1998, 2, 1)) == []


def test_namely_then_also_namely_is_no_both_and() -> None:
    # People's Daily, 1998: “即……，也即……” paraphrases twice; “即迅捷又准确” is the slip of 既……又……
    assert find_typo_hits("汇率亦称汇价、外汇行市，即两国货币之间的兑换比率，也即一种货币用另一种货币表示的价格。",
                          date(1998, 2, 1)) == []
    [hit] = find_typo_hits("指路卡指路，即迅捷又准确。", date(1998, 2, 1))
    assert hit["suggestion"] == "既"
