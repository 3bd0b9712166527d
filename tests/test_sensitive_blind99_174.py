"""text.sensitive on the blind99, blind100, blind105, blind106, blind113 and blind114 rows of
benchmarks/data/sensitive_real.jsonl (real page texts and HTML, each with its source), collected by helpers that did
not see the checks. First runs: benchmarks/results/sensitive_real-2026-12-05-blind99.txt (6/12, one decoy reported: a
county's 中福在线 lottery hall), …-blind100.txt (5/9, no decoy), …-blind105.txt (1/3, no decoy) and …-blind106.txt
(8/11, no decoy), taught afterwards in round 34; blind113 (7/12, no decoy) and blind114 (8/12, no decoy), taught in
round 35; blind121 (10/12, no decoy), blind122 (7/12, no decoy) and blind126 (5/12, no decoy), taught in round 36;
blind133 (10/12, no decoy) and blind134 (2/7, no decoy), taught in round 37 (…-2026-12-06-blind133-134-first.txt);
blind139 (8/9), blind140 (13/16), blind145 (9/12) and blind146 (6/19), no decoy of 85, taught in round 38
(…-2026-12-06-blind139-146-first.txt); blind150 (5/15, two decoys reported: a Hong Kong commentary on 卖卵 ads and a
journal's case study of a surrogacy dispute), blind152 (5/13, no decoy), blind156 (3/10, no decoy), blind159 (6/12, no
decoy) and blind162 (7/13, no decoy), taught in round 39 (…-2026-12-06-blind150-162-first.txt); blind171 (0/15), blind172
(0/16), blind173 (0/14) and blind174 (0/12), no decoy of 71, taught in round 40 (…-2026-12-06-blind171-174-first.txt),
blind181 (3/13, no decoy of 19; …-2026-12-06-blind181-first.txt) and blind186 (0/11, no decoy of 15;
…-2026-12-06-blind186-first.txt); blind193 (9/18, no decoy of 20) and blind194 (8/12, no decoy of 18), taught in round 41
(…-2026-12-06-blind193-194-first.txt); blind201 (3/10, no decoy of 17) and blind202 (8/10, no decoy of 15), taught in
round 41 (…-2026-12-06-blind201-202-first.txt); blind209 (9/14, three decoys of 16 reported: casino-opening news and two
hijack reports) and blind210 (6/12, one decoy of 18: a news story on a county site's gambling menu), taught in round 41
(…-2026-12-06-blind209-210-first.txt); blind217 (9/13, one decoy of 17: a reposted report on 地下六合彩 explaining 特码),
blind218 (5/10, no decoy of 16), blind225 (3/11, two decoys of 17: reports on egg trading and surrogacy), blind226 (5/13, no
decoy of 18), blind233 (3/6, one decoy of 11: a spam filter's word list) and blind234 (9/10, one decoy of 12: an ad
blocker's regex), taught in round 42 (…-2026-12-06-blind217-218-first.txt, …-blind225-226-first.txt,
…-blind233-234-first.txt).
The outcome is pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import judge_html, load_rows, outcome
from checks.lexicon import sensitive_words
from checks.sensitive import find_dark_links, find_sensitive, page_rules
from checks.text import page_text

ROWS = load_rows()


def test_the_blind99_rows() -> None:
    # still missed: a vocational college's news with its name replaced by 杏宇娱乐, written twice, in traditional script
    assert outcome(ROWS, "blind99") == ({"99s03"}, set())


def test_the_blind100_rows() -> None:
    assert outcome(ROWS, "blind100") == (set(), set())


def test_the_blind105_and_blind106_rows() -> None:
    assert outcome(ROWS, "blind105") == (set(), set())
    # still missed: a post praising a free proxy-IP site in a proxy pool's issue tracker (no trade the check judges)
    assert outcome(ROWS, "blind106") == ({"106s10"}, set())


def test_the_blind113_and_blind114_rows() -> None:
    # still missed: the brand 爱体育 written once into a news sentence (热爱体育 is everyday Chinese)
    assert outcome(ROWS, "blind113") == ({"113s08"}, set())
    # still missed: an English hacklink block in a hidden marquee (no Chinese trade), and a malware rule quoting the
    # lottery words it injects inside a YARA string (not a page)
    assert outcome(ROWS, "blind114") == ({"114s02", "114s10"}, set())


def test_the_blind121_and_blind122_rows() -> None:
    assert outcome(ROWS, "blind121") == (set(), set())
    # still missed: an obfuscated loader quoted in a webmaster's issue (text, not the page), a script whose address is
    # written in character references (a shop template's statistics script does the same, 122l09), and an ad-blocker
    # thread about gambling pages on Brazilian government sites (mostly discussion)
    assert outcome(ROWS, "blind122") == ({"122s04", "122s10", "122s11"}, set())


def test_the_blind126_rows() -> None:
    # still missed: a 刷单 platform's rules for its buyers, a money-for-tasks post, a paid auto-run offer and a link farm
    # (no trade the check judges, no contact beside a judged word)
    assert outcome(ROWS, "blind126") == ({"126s01", "126s05", "126s06", "126s11"}, set())


def test_the_blind133_and_blind134_rows() -> None:
    assert outcome(ROWS, "blind133") == (set(), set())
    # still missed: a README selling payment-collection source code (bank SMS callbacks, a QQ number, no judged word)
    assert outcome(ROWS, "blind134") == ({"134s06"}, set())


def test_the_blind139_to_blind146_rows() -> None:
    # still missed: a GitBook page teaching a credit-card 以卡养卡 cash-flow scheme with POS app invitation links (no
    # judged word, no contact)
    assert outcome(ROWS, "blind139") == ({"139s09"}, set())
    assert outcome(ROWS, "blind140") == (set(), set())
    # still missed: two English and German ads for driving licences without an exam (no Chinese trade); 145s10 ("buy
    # registered drivers license") is found since round 41's English pattern
    assert outcome(ROWS, "blind145") == ({"145s11", "145s12"}, set())
    # still missed: pages of reputation agencies worded as compliance advice and 百度百科 entry writers (no illegal
    # trade named beside a contact), and two reworded news pages with the brand 太平洋在线 written into a sentence
    assert outcome(ROWS, "blind146") == ({"146s03", "146s04", "146s05", "146s06", "146s07", "146s10", "146s16",
                                          "146s17"}, set())


def test_the_blind150_to_blind162_rows() -> None:
    # still missed: a 捐卵 fee page dressed as a public-welfare explainer, three soft ads for sex selection or surrogacy
    # abroad (Thailand, California, the US: no judged word beside a contact), a 香港验血 guide whose WeChat stands far
    # from the service; reported: a journal's case study of a cross-border surrogacy fee dispute (代孕 with no cue but
    # 纠纷, which ads use too: "签订协议，避免纠纷")
    assert outcome(ROWS, "blind150") == ({"150s04", "150s08", "150s09", "150s12", "150s15"}, {"150l10"})
    # still missed: a private-server essay with no game named before 私服, a 雇黑客 thread in English with Telegram links
    # only, and a 卡密 shop's page head (代刷 of QQ-space likes)
    assert outcome(ROWS, "blind152") == ({"152s03", "152s09", "152s10"}, set())
    # still missed: a 网赚 post, porn-keyword pages worded as anti-fraud advice and a 真人视频 app page spelt 础笔笔; found
    # since round 46: a mirrored news page whose title ends in 凯时尊龙 (a brand written backwards is reported anywhere)
    assert outcome(ROWS, "blind156") == ({"156s02", "156s04", "156s07", "156s08"}, set())
    # still missed: mirrored college news with the school's name replaced by the names of two Macau resorts (威尼斯人,
    # 永利皇宫), which news of the resorts writes too
    assert outcome(ROWS, "blind159") == ({"159s05", "159s07"}, set())
    # still missed: a fake warning page stuffed with a 六合彩 search phrase (its own 警惕 and 非法赌博 are the cues), a
    # betting site's disclaimer and an English sportsbook agreement
    assert outcome(ROWS, "blind162") == ({"162s04", "162s12", "162s13"}, set())


def test_the_blind171_to_blind174_rows() -> None:
    # still missed: a USDT "floor" scheme's spec, a 猛犬协议 bond scheme's job post and a 消费返利 dividend-right notice
    # (no system sold, no listed subject near an action)
    assert outcome(ROWS, "blind171") == ({"171s03", "171s04", "171s09"}, set())
    # still missed: four SEO pages worded as warnings or news (“内幕!……”“重点通报!……”, a made-up customs case: their own
    # 违法, 严禁, 海关 are cues), an electronic-cigarette brand shop, an English vape shop with no contact and a list of
    # buying channels
    assert outcome(ROWS, "blind172") == ({"172s05", "172s09", "172s10", "172s11", "172s12", "172s14", "172s15"}, set())
    # still missed: 配资 SEO essays that name the risks (their 风险, 违规 are cues), a fake forum post of a futures
    # "teacher" and a stock-diagnosis lead form
    assert outcome(ROWS, "blind173") == ({"173s02", "173s04", "173s07", "173s08", "173s12", "173s13", "173s14"}, set())
    # still missed: Taiwanese drug-shop articles that read as health explainers (no shop, price or contact beside the
    # drug's name); a WeChat landing page's story (174s05) is found since round 43 (专治阳痿, 增大增粗: blind257)
    assert outcome(ROWS, "blind174") == ({"174s02", "174s04", "174s06", "174s08", "174s09", "174s10", "174s11",
                                          "174s12"}, set())


def test_the_blind181_rows() -> None:
    # still missed: spun and scrambled copies of 医美 news (synonym swaps, shuffled title words, unrelated paragraphs:
    # no sensitive word), two 医美 articles on gambling-like domains and a soft 溶脂针 ad
    assert outcome(ROWS, "blind181") == ({"181s05", "181s06", "181s07", "181s08", "181s09", "181s10", "181s11", "181s12",
                                          "181s13"}, set())


def test_the_blind186_rows() -> None:
    # still missed: building-qualification agencies (资质代办) that offer to "match" certified staff; the agency trade
    # itself is lawful, only its 挂证 side is not
    assert outcome(ROWS, "blind186") == ({"186s03", "186s04", "186s05", "186s06"}, set())


def test_the_blind193_and_blind194_rows() -> None:
    # still missed: a school's name replaced by 华球体育 and by 亚娱体育平台丨集团有限公司, neither with a site word after it
    # (华球, 亚娱 are reported only before 官网, app …)
    assert outcome(ROWS, "blind193") == ({"193s07", "193s08"}, set())
    assert outcome(ROWS, "blind194") == (set(), set())


def test_the_blind201_and_blind202_rows() -> None:
    assert outcome(ROWS, "blind201") == (set(), set())
    # still missed: an online casino's own page template (a Vue menu: SPORTS 体育赛事, LIVE CASINO 视讯直播), and links in a
    # spam issue whose addresses are written in character references to an unlisted host
    assert outcome(ROWS, "blind202") == ({"202s07", "202s08"}, set())


def test_the_blind209_and_blind210_rows() -> None:
    # still missed: a fake Macau "government plan" for lottery draws (生肖号码, 2024年343期: the welfare lottery's 东方6+1
    # has 生肖 numbers too) and a scrambled copy of casino news planted in a company site (no term in order)
    assert outcome(ROWS, "blind209") == ({"209s04", "209s12"}, set())
    # still missed: a template whose description is only 太阳城集团 (a name real companies bear), a casino's own Vue menu,
    # and two forum replies written in numeric character references
    assert outcome(ROWS, "blind210") == ({"210s09", "210s10", "210s11", "210s12"}, set())


def test_the_round42_rows() -> None:
    # still reported: the 六合彩 report's 特码 (its explanation spans a sentence the cue is not in)
    assert outcome(ROWS, "blind217") == (set(), {"217l05"})
    # still missed: a 信用卡取现 landing page (banks offer 信用卡取现 too) and a 刷信誉 platform's head with no term
    assert outcome(ROWS, "blind218") == ({"218s02", "218s06"}, set())
    # still missed: soft articles of 助孕 agencies, private clinics and supplements (no term, no contact); a surrogacy story
    # whose sentences name 代孕 with no cue of their own was reported until round 48 (代孕 needs a selling word on the page)
    assert outcome(ROWS, "blind225") == ({"225s01", "225s02", "225s04", "225s06", "225s07", "225s08", "225s09", "225s11"},
                                         set())
    # still missed: drug, spyware and gun ads in English, French and Spanish (the lexicons are Chinese), and one with a
    # Chinese 黑客 story; found since round 52: s11, an English "cheating husband with the help of …" hacker testimonial
    assert outcome(ROWS, "blind226") == ({"226s02", "226s06", "226s08", "226s09", "226s10", "226s12", "226s13"}, set())
    # still missed: two parasite pages whose body is a generic essay under a bait title, and 澳门新葡京 (a real casino's
    # name) as a page title in code; still reported: a spam filter's word list
    assert outcome(ROWS, "blind233") == ({"233s01", "233s02", "233s06"}, {"233l08"})
    # still missed: a hijacked title whose line break is lost before the report's text; still reported: an ad blocker's regex
    assert outcome(ROWS, "blind234") == ({"234s08"}, {"234l12"})
    for text in ("大发回血上岸最稳计划【企鹅：22一564一89】", "正在更新北京赛车pk10计划，请稍后",
                 "最新口子，无视黑白，有身份证就能贷，3分钟极速放款", "当前位置:主页 > 曾道人论坛 > 春耕见闻"):
        assert find_sensitive(text), text
    for text in ("每期开出6个基本号码和1个特殊号码(简称“特码”)，由香港赛马会经营。",
                 "北青报记者电话联系了这家医院，对方称政策不允许买卖卵子，且供卵试管是互盲的，至于其他问题需要咨询医生。",
                 "丰富群众的网上娱乐生活。"):
        assert find_sensitive(text) == [], text


def test_the_round43_rows() -> None:
    assert outcome(ROWS, "blind241") == (set(), set())
    # still missed: a list of 代开…发票 by county, its phone far from any one of them
    assert outcome(ROWS, "blind242") == ({"242s02"}, set())
    assert outcome(ROWS, "blind249") == (set(), set())
    # still missed: baet365 glued to a 侵权案件 sentence (the cue beside it), a 卡盟 soft article with no term; still
    # reported: two "warnings" on 自瞄辅助卡盟 and 吃鸡外挂 from SEO sites, which name the cheats in every line
    assert outcome(ROWS, "blind250") == ({"250s08", "250s15"}, {"250l20", "250l21"})
    # still missed: phentermine soft articles (the drug's name and praise, no seller's words) and a Portuguese diet-capsule ad
    assert outcome(ROWS, "blind257") == ({"257s08", "257s10", "257s13"}, set())
    # still missed: an OKX referral link given only as a URL, a 欧易 C2C how-to and an imToken explainer with another site's
    # URL spliced in
    assert outcome(ROWS, "blind258") == ({"258s02", "258s06", "258s13"}, set())
    for text in ("【扣--６ １８ ２２３--】 足 球 外 围 网 上 平 台 【备用扣--１ ３４ ２１６２--】",
                 "您当前的位置 : 中国凯发k8 >> 法治凯发k8 >> 以案说法", "随后威斯尼斯wns88888,又在窗户外的右下角玻璃上发现了",
                 '<a href="x.html">fast shipping viagra</a>', "tokenim钱包官网下载_im下载地址安卓版", "币安安卓版下载",
                 "能否通过 TP 官方渠道下载并安装最新版币安安卓?", "注册下载imToKen钱包App",
                 "十大正规平台实力比拼：大牛配资支持T+1免息配资", "注册用报单币,由报单中心报单",
                 "健康游戏忠告：抵制不良游戏 拒绝盗版游戏 注意自我保护 谨防上当受骗 适度游戏益脑 沉迷游戏伤身 合理安排时间 "
                 "享受健康生活\n115手机游戏私服发布网,是专业的手游私服发布网站,每周更新数款最新的手游私服"):
        assert find_sensitive(text), text
    for text in ("Happy Birthday to Viagra. Did you know that", "公安机关开展打击足球外围赌博专项行动，抓获犯罪嫌疑人12名。",
                 "维护货币安全，防范数字货币安全风险，不要下载来历不明的官网入口。",
                 "健康游戏忠告：抵制不良游戏 拒绝盗版游戏 注意自我保护 谨防上当受骗 适度游戏益脑 沉迷游戏伤身 "
                 "合理安排时间 享受健康生活"):
        assert find_sensitive(text) == [], text



def test_the_round44_rows() -> None:
    # still reported: a Hong Kong essay on buying the lawful Mark Six, titled 六合彩 alone; a news report on 学生六合彩 whose
    # quoted headline has no cue of its own
    assert outcome(ROWS, "blind265") == (set(), {"265l04", "265l10"})
    # still missed: a gambling site's 我要贷款 page and a fake 宜信贷款 data-collection page (no term of the trade)
    assert outcome(ROWS, "blind266") == ({"266s07", "266s08"}, set())
    assert outcome(ROWS, "blind273") == (set(), set())
    # still missed: an egg-donation soft article, an overseas IVF agency's essay and a scrambled 泰国代试管 page; still
    # reported: a Traditional-Chinese news report on surrogacy in Ukraine (it quotes the agencies' fees); the other one
    # until round 48 (no selling word on the page)
    assert outcome(ROWS, "blind274") == ({"274s05", "274s07", "274s08"}, {"274l10"})
    # found since round 45: a JSP template of a 私服 release site (传奇私服发布网: the matcher's 传奇私服 is no word of it,
    # 私服发布网 is) and a domain list whose 私服 names stand only in links' title attributes
    assert outcome(ROWS, "blind281") == (set(), set())
    # still missed: two old spam mails that claim a government backing (短信网址, a 开发区 that registers companies)
    assert outcome(ROWS, "blind282") == ({"282s02", "282s03"}, set())
    for text in ("032期:【喜气洋洋】四字成语→【平特①肖】←连准多期！", "101-107期 02,05,20,24,27,32 (连准11轮)",
                 "168开奖网比官网快一步，九五至尊,信誉老平台", "【網: W X ７ １ · C C 】澳门彩有哪些网站大全",
                 "推荐口子 最新口子 热门口子", "5000元/30天 无视黑白户 有手机即可贷 立即拿钱", "就能获得韦德体育_开户报酬",
                 "徐州火车站小巷子200元一次,附近胡同200元一回", "特别推荐单独大秀平台", "交友直播 聊骚平台盘丝洞",
                 "通过三代试管婴儿技术(PGT)选择生育男孩的费用构成复杂", "我要私服（http://51sifu.net）全力打造中国私服网络门户"):
        assert find_sensitive(text), text
    for text in ("停车场收费5元一次。", "时装大秀在老城区上演。", "连接AV线和功放。", "不得开口子、搞变通。",
                 "德维恩·韦德在比赛中得到25分。", "“六合彩”赌风已由社会蔓延到了校园。"):
        assert find_sensitive(text) == [], text

def test_the_round45_rows() -> None:
    assert outcome(ROWS, "blind289") == (set(), set())
    # still reported: a mirror of a 半月谈 report on a 百家乐 site's victim, whose cues (记者) the mirror garbled
    assert outcome(ROWS, "blind290") == (set(), {"290l01"})
    # still missed: a shop's list of 身份证10张 at 12 yuan, a blog post selling 支付宝+闲鱼 account bundles
    assert outcome(ROWS, "blind297") == ({"297s02", "297s04"}, set())
    # still missed: links to 做任务赚钱 apps and a 198/398-yuan membership page of a task platform (no term of the trade)
    assert outcome(ROWS, "blind298") == ({"298s08", "298s09"}, set())
    for text in ("文凭购买,文凭定制www.diplomaclub.net毕业证购买,毕业证定制", "日本AV荷官女郎为您发牌",
                 "Buy Fake Degree and fake Diploma online", "production of fake and real passports, identity cards",
                 "延安各类证件证书办理制作做证", "开真票项.目.齐.全-可.先.开.验", "娛樂場即時紅利可能在完成存款後、作為續存優惠",
                 "银行卡四件套", "实名微信号出售", "千牛云接码系统 API 文档", "运营级抢单系统", "约泡！全国各地都有！旅游必备！"):
        assert find_sensitive(text), text
    for text in ("警方提醒：不要出售银行卡四件套，以免沦为电诈帮凶。", "该局依法查处一起伪造毕业证案件。",
                 "澳门娱乐场的收入同比增长。", "Police seized fake passports at the border."):
        assert find_sensitive(text) == [], text


def test_the_round46_rows() -> None:
    # still missed: a payment tool's README offering a 跑分 mode (no term of the trade beside a seller)
    assert outcome(ROWS, "blind305") == ({"305s02"}, set())
    # still missed: two soft articles on Hong Kong blood tests for the baby's sex (no contact, no trade term) and an English
    # surrogacy ad; still reported: a report on a surrogacy lab quoting "试管婴儿咨询服务，暗地里涵盖了代孕", and a story on
    # surrogacy QQ groups that quotes the groups without a cue
    assert outcome(ROWS, "blind306") == ({"306s01", "306s06", "306s07"}, {"306l08", "306l10"})
    # still missed: an Indonesian ad, and two SEO pages whose titles only play on 春药 (春晚药)
    assert outcome(ROWS, "blind313") == ({"313s05", "313s10", "313s11"}, set())
    # first run after the waves' teaching: every page head stuffed with porn-site titles found, no crackdown story reported;
    # missed: a 2005 spam mail selling an app of Macau football odds (no betting term)
    assert outcome(ROWS, "blind321") == (set(), set())
    assert outcome(ROWS, "blind320") == ({"320s01"}, set())
    for text in ("人民网尊龙凯时3月13日电 随着金融市场的快速发展，一些非法金融中介悄然活跃，警方提醒谨防诈骗。",
                 "怀疑买的是假药云开体育，遂报案，法院判决。", "智能还款，美化账单，养卡提额，提高信用。", "春药商城"):
        assert find_sensitive(text), text
    # a disguised name is only looked for when it is a word of sensitive.txt: a name listed without one would do nothing
    assert page_rules().disguised and page_rules().disguised <= set(sensitive_words())
    for text in ("新华社北京3月13日电 警方破获一起网络赌博案，打击整治网络赌博。",
                 "这是非常艰难的采访。代孕意味着什么？舆论和道德各站一边。",
                 "最高检：以性关系为目的下迷药可追诉强奸罪，检察机关从严惩处。"):
        assert find_sensitive(text) == [], text


def test_page_heads_and_hijack_reports() -> None:
    # a hijacked head's keywords and description are read with the title; a lawful head is not reported
    head = '<html><head><title>{}</title><meta name="keywords" content="{}"></head><body><p>{}</p></body></html>'
    assert judge_html(head.format("营销工具", "澳门银河VIP线路中心", "会员留言板"))
    assert judge_html(head.format("成人教育招生", "成人教育,继续教育,性病防治", "本校成人教育学院招生简章")) == []
    # reports of a hijack quote what it showed; the casino-opening story counts machines and tables
    for text in ("搜索结果点击进去会打开另外一个赌博网站。点击前三的任意一个，进去的是一个赌博网站",
                 "宁强县交通运输局官网导航栏出现“真人真钱”两个栏目，网友讥讽。记者发现了“真人真钱”栏目。",
                 "该赌场共有3400台老虎机和800多张赌桌。"):
        assert find_sensitive(text) == [], text
    for text in ("澳門最新資料2024年,會議決策資料_高配版72.931", "澳門最準的資料免費公,內部信息第一手奉上"):
        assert find_sensitive(text), text


def test_round41_contacts_and_english_ads() -> None:
    for text in ("哪里有开手机发票-本地宝开票【█1 З 5-电-ЗЗ45-嶶-З429█】杨生", "哪里可以办个公章【178(电)7383(溦)9004同步】",
                 "Apply for your Registered or Fake Drivers License today",
                 "I have cvv all type (visa, master), Dumps Track 1 & 2",
                 "2024最火的实卡接码平台（独享首码）包登录"):
        assert find_sensitive(text), text
    for text in ("公安机关打掉一个为电诈团伙提供接码服务的犯罪团伙，抓获嫌疑人15名。", "联系电话：13812345678（王老师）",
                 "Renew your drivers license online at the DMV.", "Здравствуйте, город Зеленоград"):
        assert find_sensitive(text) == [], text


def test_round41_brands_and_escort_pages() -> None:
    # each taught from a row of blind193–194; the quiet texts beside them are the lawful uses of the same words
    for text in ("米乐平台(中国)股份有限公司官网新年联欢会成功举办", "5月13日下午,开云Kaiyun召开一届二次教代会",
                 "详细介绍了威尼斯wns8885556(中国)有限公司的特色和优势", "来源:2138cn太阳集团古天乐 点击:",
                 "提供最新官网平台、地址、注册、登陆、登录、入口、全站、网站、网页", "藁城同城空降约,藁城同城快速约见",
                 "午夜电影网一区_jizz内谢中国亚洲jizz_都市激情亚洲综合_特黄特色欧美大片"):
        assert find_sensitive(text), text
    for text in ("空降兵某旅开展跳伞训练，全国空降兵部队代表参加。", "威尼斯2024双年展中国馆开幕",
                 "警方打击“同城空降约”招嫖团伙，抓获违法犯罪嫌疑人12名。", "请登录网站首页，进入网上办事入口注册。"):
        assert find_sensitive(text) == [], text


def test_round40_trades() -> None:
    # each taught from the rows of blind171–174; the decoys beside them stay quiet
    for text in ("双轨制直销系统奖金制度举例：见点奖励、回本奖励、加盟费用、招商奖励",
                 "互助模式案例解析 互助系统开发 M1会员：日息2%，推荐奖拿1代",
                 "【多级推广版】投资理财系统源码全解析",
                 "正品香烟全国批发直达 货到付款支持验货更放心",
                 "越南香烟批发货到付款是一种常见的交易方式，要求供应商提供样品",
                 "配股宝向海外华人推出创新型股票操盘产品：海外配资，我出钱您炒股",
                 "恒信二元期权微交易：60秒猜涨跌",
                 "康是美藥局官網,全場九折,複製即可訪問:rolaxen.com 犀利士5mg可以每天吃嗎",
                 "医美行业乱象频发，txvlogcom糖心官网免费版亮点，消费者需谨慎选择",
                 "一级建造师挂靠价格一年多少钱？高挂靠费等你来"):
        assert find_sensitive(text), text
    for text in ("市市场监管局查处一起传销案件，涉案平台以“见点奖”“层碰奖”名义计酬，涉嫌组织、领导传销活动。",
                 "烟草专卖局提醒：网上买烟、微信购烟货到付款往往是假烟，网上销售香烟属违法行为。",
                 "证监局提醒投资者警惕非法场外配资，切勿轻信“我出钱您炒股”等宣传。",
                 "男科医生提醒，网购壮阳药往往违法添加西地那非（即“伟哥”），切勿自行服用。",
                 "拱北海关查获邮包走私电子烟烟弹、卷烟进境系列案，查扣卷烟共计72.5条。",
                 "冰糖心苹果官方旗舰店上新，糖心蛋的做法简单。",
                 "清理整治全省一级注册消防工程师资格证书挂靠问题的通知",
                 "卢先生来电反映：已签订证书挂靠合同，但公司不予支付费用。",
                 "该公司挂靠在市建工集团名下。"):
        assert not find_sensitive(text), text


def test_round39_trades() -> None:
    # each taught from the rows of blind150–156; the decoys beside them stay quiet
    for text in ("香港验血查男女如何安全寄送样本",
                 "如何将血样寄往香港进行胎儿性别检测",
                 "小编怀二胎的时候同事推荐香港验血找+v:23081028鉴定，确实准。",
                 "绝地求生卡盟24小时自动发卡平台",
                 "平顶山学生600块钱随叫随到",
                 "虚拟江湖的幽灵船，当天龙私服成为数字游民的流亡之地",
                 "2024年2月23日下午3点,88038威尼斯在紫云楼签约室召开2024年春季学期开学工作会",
                 "9月22日下午,澳门官方十大网投平台人文专业教师党支部开展了主题党日活动。",
                 "12月31日下午,中共澳门新葡平台网址7906第一次党员大会隆重召开。",
                 "“极速赛车”由菲律宾博彩执照公司审核监控，您可以放心投注、每60秒开一次奖",
                 "LEO娛樂城、LEO體育賽事籃球線上投注站規則"):
        assert find_sensitive(text), text
    for text in ("永嘉警方破获非法“寄血验性别”团伙，抓获犯罪嫌疑人12名。",
                 "卫健委提醒：将血样寄往香港鉴定胎儿性别属于违法行为，一经查实将依法处理。",
                 "燃气维修队随叫随到，我们感到更安全了。",
                 "公安机关依法查处一批架设游戏私服、销售外挂的违法犯罪团伙。",
                 "2024威尼斯双年展中国国家馆开幕。",
                 "通过浙江政务服务网投资项目在线审批监管平台办理。",
                 "警方提醒：网上“线上投注”“极速赛车”都是赌博陷阱，切勿参与。"):
        assert not find_sensitive(text), text
    # a caption that credits its photo is a sentence of the report (blind150 l01), a bare line is not
    report = ("媒体评：别让以命换钱的黑产伸向女大学生。此类无良小广告长期潜伏在高校论坛、女厕所。\n{}\n"
              "在指责卖卵女生之前，最该追责的应是诱骗女孩的黑心中介们，卵子买卖的利益链条必须斩断。")
    assert not find_sensitive(report.format("有偿捐卵广告，图据健康时报"))
    assert find_sensitive(report.format("有偿捐卵广告"))
    # a law's parallel clauses are no keyword list: 反分裂国家法's first article, three clauses opening with 维护
    assert not find_sensitive("反对和遏制“台独”分裂势力分裂国家，促进祖国和平统一，维护台湾海峡地区和平稳定，维护国家主权和"
                              "领土完整，维护中华民族的根本利益，根据宪法，制定本法。\n（四）被依法列为失信联合惩戒对象的；")


def test_round38_trades() -> None:
    # blind140 s02, s04, s16 and blind146 s01, s08, s14: each taught from one row; the decoys beside them stay quiet
    for text in ("<title>免费手机号码定位找人(寻人)系统-微信聊天记录获取-手机短信通话记录查看-开房记录查看</title>",
                 "催春水口服无色无味正品专卖网站—五种购买渠道",
                 "抹茶币新闻(抹茶币涨了多少倍)\n欧易app 欧易官网入口",
                 "💬 WeChat: yunyingseo 7x24小时紧急响应\n专业舆情公关处理 | 快速响应 | 保密协议\n危机公关负面处理步骤",
                 "秒速赛车新闻中心 秒速赛车行业资讯",
                 "宾馆人妻4p互换-處女開苞大合集-精品国产成人av制服"):
        assert find_sensitive(page_text(text).main if text.startswith("<") else text), text
    for text in ("警方提醒：不法分子以“查开房记录”“手机定位找人”为名实施诈骗，请勿轻信。",
                 "人民银行提示：币安、欧易等境外交易所向境内居民提供服务属于非法金融活动。",
                 "重庆市：经被搬迁户申请，实行货币安置。",
                 "删帖和有偿删帖操作，价格还随之水涨船高，收费删帖已涉嫌非法经营。"):
        assert not find_sensitive(text), text


def test_porn_address_pages_and_category_strings() -> None:
    assert find_sensitive("性高爱潮视频免费一区|日韩一级 片中文字幕|欧洲日韩另类精品专区在线")
    assert find_sensitive("91国产永久发布页:9dgr.com 获取最新地址")
    # planning text divides a district into 一级片区: not a film
    assert find_sensitive("规划将城区划分为三个一级片区、九个二级片区，分别配置教育、医疗设施。") == []


def test_laundering_jargon() -> None:
    assert find_sensitive("NASA跑分系统（代收代付）银行卡、USDT TRC20 自动转账，售后服务请联系 https://t.me/abc")
    assert find_sensitive("韩国 USDT 换汇担保清算公司：车队、盘口自带收款账户，只收三黑款以外的资金")
    assert find_sensitive("人民银行提醒：虚拟货币不是法定货币，切勿参与虚拟货币交易炒作。") == []


def _dark_links(html: str, own: frozenset[str] = frozenset()) -> list[dict[str, str]]:
    """find_dark_links on what page_text finds hidden in `html` (technique, text, target)."""
    return find_dark_links(tuple(h[:3] for h in page_text(html).hidden), own)


def test_a_spam_generators_empty_tags_with_one_random_id() -> None:
    # blind133 s11 and nine earlier rows: 泛目录 programs scatter empty elements that all carry one random id
    tags = '<bdo id="fjoxn"><mark id="fjoxn"><legend id="fjoxn"></legend></mark></bdo><label id="fjoxn"></label>'
    found = _dark_links(f"<html><body>{tags}<pre id=\"fjoxn\"></pre><p>宁波市疾控中心发布艾滋病疫情通报。</p></body></html>")
    assert [f["category"] for f in found] == ["垃圾页面模板"]
    # a page's own markup uses an id once; three empty anchors for a script are not the template either
    own = '<div id="nav"></div><span id="a1"></span><span id="a2"></span><i id="x"></i><i id="x"></i><i id="x"></i>' \
        + '<div id="clear"></div>' * 6  # an old template's clearfix, repeated with its id: one kind of element
    assert _dark_links(f"<html><body>{own}<p>县政府召开常务会议。</p></body></html>") == []


def test_recovery_scams_and_housing_fund_cash_out() -> None:
    assert find_sensitive("被骗了无法提现怎么办？【帮追回：ab12.com】←先追回后收费")
    assert find_sensitive("某县公积金取现提现 ███【41530556】q、v同号███可当面可远程办理")
    # the police warning and the fund centre's own guide stay quiet
    assert find_sensitive("警方提醒：声称能帮追回被骗钱款的，都是二次诈骗，切勿轻信。") == []
    assert find_sensitive("住房公积金提取指南：职工可通过线上渠道申请提取住房公积金。") == []


def test_a_redirect_only_for_search_engine_visitors() -> None:
    # blind122 s05: hijacked pages send visitors who come from a search engine to a stranger's site, whatever its name
    cloaked = ('<html><body><p>学校概况</p><script>var s=document.referrer;if(s.indexOf("baidu")>0||s.indexOf("google")>0)'
               ' location.href="http://luckyblog.example.com/";</script></body></html>')
    [link] = _dark_links(cloaked)
    assert link["category"] == "搜索引擎劫持跳转" and link["href"] == "http://luckyblog.example.com/"
    # a mobile redirect by user agent, and a referrer test that sends visitors to the site's own pages, are no hijack
    mobile = ('<html><body><p>首页</p><script>if(/Android|iPhone/i.test(navigator.userAgent))'
              ' window.location.href="http://m.example.gov.cn/";</script></body></html>')
    own = ('<html><body><p>首页</p><script>if(document.referrer.indexOf("baidu")>-1)'
           ' location.href="http://www.example.com/index_360.html";</script></body></html>')
    assert _dark_links(mobile) == []
    assert _dark_links(own, frozenset({"example.com"})) == []


def test_casino_trial_bonuses_and_black_hat_seo_tools() -> None:
    assert find_sensitive("For more info click here #體驗金 (https://luckcoin.example/娛樂城體驗金/)")
    assert find_sensitive("小旋风蜘蛛池出租，泛目录程序搭建，TG联系")
    # a bank's trial bonus and a government notice on black-hat SEO stay quiet
    assert find_sensitive("新客专享理财体验金，到期收益可提现。") == []
    assert find_sensitive("网信办通报：部分网站被黑帽SEO劫持，已督促整改。") == []


def test_ads_for_margin_trading_and_hospitals() -> None:
    assert find_sensitive("据中国人民银行网站消息中国十大股票配资公司,为维护债券市场稳健运行")
    assert find_sensitive("北京哪个医院白癜风治的好 http://www.ytysbz.com/")
    # the regulator's warning and a citizen's question in a letter stay quiet
    assert find_sensitive("证监会提醒投资者远离非法配资平台和场外配资活动。") == []
    assert find_sensitive("来信人询问县里哪家医院看得好，卫健局已作答复。") == []


def test_betting_titles() -> None:
    assert find_sensitive("关于我们 | 联系我们\n\n火狐体育|全站app\n\n荣誉资质")
    assert find_sensitive("澳门银河的网址400-2019动画片大全")
    assert find_sensitive("万丰国际网址-万丰国际娱乐-万丰国际客服13577941199_ZALMAN")
    assert find_sensitive("澳门银河综合度假城今日公布业绩，全站改版后访问量上升。") == []


def test_account_shops() -> None:
    assert find_sensitive("飞机号购买, 苹果ID发卡网, 谷歌邮箱批发, Gemini Pro会员, TikTok账号购买")
    assert find_sensitive("推荐一个美区苹果ID与小火箭共享账号网站：每30分钟自动更新，免费查看")
    assert find_sensitive("公司项目紧急高价收购一个苹果企业账号，出手的可以加我QQ 542357086")
    # a regulator's crackdown and a security rule name the same trade
    assert find_sensitive("网信办通报：依法查处一批出售飞机号、成品号的网店，涉案账号被批量封禁。") == []
    assert find_sensitive("严禁共享账号，严禁出售、出租账号。") == []


def test_a_casino_calling_itself_the_only_official_site() -> None:
    assert find_sensitive("【EWIN娱乐】_唯一指定官网首页 发布：2018-07-17 来源:高唐县电子政务管理办公室")
    assert find_sensitive("中国体育彩票唯一官方网站") == []


def test_mirrored_names_with_a_site_number() -> None:
    assert find_sensitive("必发7790电子集团入口首页\n矿业学院教学工作管理规程")
    assert find_sensitive("澳门888新莆京游戏医院特别举行“美护士颁奖盛典”活动")
    assert find_sensitive("2、有哪些信誉好的足球投注网站(book118)网站文档一经付费")
    assert find_sensitive("维基体育官方入口用好体彩公益金——福建漳州打造家门口的“健身房”")
    # a museum's numbered exhibit, volunteers counted in Macao, trustworthy firms and an encyclopedia stay quiet
    assert find_sensitive("本馆7790号藏品入口首页展示") == []
    assert find_sensitive("澳门2000余名志愿者参加医院服务") == []
    assert find_sensitive("信誉好的企业获得守信激励，信誉高的网站优先收录。") == []
    assert find_sensitive("维基百科官方网站显示") == []


def test_a_welfare_lottery_hall() -> None:
    # 中福在线 is the welfare lottery's own video game, sold in its halls
    assert find_sensitive("县首家“中福在线”销售厅开业，彩民可在中福在线投注机上购买。") == []
    assert find_sensitive("福彩3D在线投注，注册即送彩金") != []


def test_disguised_contacts() -> None:
    assert find_sensitive("做个各种假公章【╬溦542394562】")
    assert find_sensitive("我要浙江内的住宿和餐饮类发票,最好定额的『(掂微)137-1947-0891它有漂Q48752-5892〗")
    # a contact person named 薇 with her mobile, and a crackdown naming forged seals, are no ads
    assert find_sensitive("联系人：张薇13912345678") == []
    assert find_sensitive("公安机关依法打击伪造公章、假证件犯罪，群众如发现制作假公章线索请举报。") == []


def test_a_credit_score_recovery_lure() -> None:
    assert find_sensitive("App操作錯誤需要修復信譽分才能提現怎麼辦？【幫追回：ax67.com】←先追回後收費")
    assert find_sensitive("警方提醒：所谓平台要求修复信誉分才能提现，都是诈骗，切勿转账。") == []


def test_every_match_of_a_stuffing_pattern_holds_one_of_its_anchors() -> None:
    # a pattern runs only on a text that holds one of its anchors: an anchor list that misses a form the pattern
    # matches would hide that form; checked on every real row (spam and decoys), folded as the check folds them
    from checks.sensitive import page_rules
    from checks.text import fold

    texts = [fold(str(r.get("text") or r.get("html"))) for r in ROWS.values()]
    for family in page_rules().families:
        for rx, anchors in family.patterns:
            for text in texts:
                m = rx.search(text) if anchors else None
                assert m is None or any(a in text for a in anchors), (rx.pattern, m.group(0))


def test_the_round47_rows() -> None:
    # first run on 8f5f5c1: 5/8 and 4/10, no decoy reported; still missed: a 六合彩 forum's notice selling tips for coins
    # (no trade term beside the admin's WeChat and QQ)
    assert outcome(ROWS, "blind328") == ({"328s05"}, set())
    assert outcome(ROWS, "blind329") == (set(), set())
    # wave 2, first run on a5ef26c: 8/11 with 2 decoys reported, and 1/3 with none; still missed: a hijacked page quoting
    # "正版天下彩" as false advertising, a 2005 mail of a fake hospital and one selling "西班牙D6水"; still reported: a Macau
    # travel blog listing the casinos' slot machines and a page on the history of baccarat
    assert outcome(ROWS, "blind336") == ({"336s08"}, {"336l09", "336l11"})
    assert outcome(ROWS, "blind337") == ({"337s02", "337s03"}, set())


def test_the_round48_rows() -> None:
    # first run on f1a2476: 4/11 and 9/10, no decoy reported; still missed: a parasite page under a sex-education cover
    # (女生白浆) and a copied 扫黄打非 news item under the bait title 深圳哪有约的
    assert outcome(ROWS, "blind344") == ({"344s05", "344s10"}, set())
    assert outcome(ROWS, "blind345") == (set(), set())
    # wave 2, first run on f1a2476: 5/7 with 2 decoys reported, 9/11 with none; still missed: a 供卵/海外代孕 SEO article
    # with the sensitive words stripped and a spider-pool page; still reported: a news feature on a surrogate mother (no
    # court, police or interview word); no longer (round 50: 窃听器 only where the page sells it): a security article
    # asking about "防非线探测的窃听器型号"
    assert outcome(ROWS, "blind350") == ({"350s06"}, {"350l03"})
    assert outcome(ROWS, "blind351") == ({"351s05"}, set())


def test_the_round49_rows() -> None:
    # first run on 20a8e3a: 8/11 with 1 decoy reported, 5/11 with none; still missed: a fake-certificate spam mail (代办…毕业证、
    # 身份证…印章, the contact lines below) and a 代开发票 list stuffed with county names; still reported: a
    # news investigation explaining 特码 (the 彩票 family is not judged by context: fake "official" 六合彩 pages are prose too)
    assert outcome(ROWS, "blind358") == (set(), {"358l01"})
    assert outcome(ROWS, "blind359") == ({"359s01", "359s06"}, set())
    # wave 2, first run on 20a8e3a: 9/10 with 1 decoy reported, 4/10 with none; still missed: two spun SEO pages whose
    # inserted keywords are not sensitive (直播吧体育, 手机兼职)
    assert outcome(ROWS, "blind366") == (set(), set())
    assert outcome(ROWS, "blind367") == ({"367s04", "367s05"}, set())


def test_the_round50_rows() -> None:
    # first run on 369db1c: 4/9 and 8/10 with 2 decoys reported; still missed: three trec06c-style mails (a bridging-loan
    # broker, a get-rich pitch, a mortgage broker) and a page whose sentences are doubled word by word (試管試管, 醫院醫院);
    # no longer reported: a Hong Kong feature on a women's detective agency (援交 beside 家长, 子女) and a news item on
    # street sellers of a fake "007 窃听器" (no selling cue on the page: 窃听器 joins sold_on_page)
    assert outcome(ROWS, "blind374") == ({"374s01", "374s02", "374s03"}, set())
    assert outcome(ROWS, "blind375") == ({"375s04"}, set())
    # wave 2, first run on 369db1c: 5/11 and 2/10, no decoy reported; still missed: a private-server article that never
    # names 私服 (打破官方服务器限制), a README linking a follower shop, a slimming page whose only lead is its
    # "官方微信号：down0128" (government sites publish their accounts so too), and the 男科/性病 hospitals' SEO pages whose
    # keywords are cut into fragments
    assert outcome(ROWS, "blind382") == ({"382s07", "382s10"}, set())
    assert outcome(ROWS, "blind383") == ({"383s01", "383s04", "383s05", "383s06", "383s09", "383s10"}, set())


def test_the_round51_rows() -> None:
    # first run on e165eda: 2/10, 0/12 (1 decoy reported), 1/11, 1/4: money-laundering services (黑U, U卡代办, 免签支付), paper
    # mills (论文代发, 0定金代发, Project代写) and tobacco SEO titles (免税外烟批发, 卖烟微信) were not in the lexicon.
    # Still missed: a payment-channel offer without a laundering word, an English bitcoin mixer, a gambling brand's
    # neutral explainer of 跑分, paper-mill pages with no selling phrase, a tobacco buying guide, an e-cigarette brand
    # paragraph, and three soft fake-certificate articles; still reported: a news item quoting a fake-diploma ad word for word
    assert outcome(ROWS, "blind390") == ({"390s05", "390s08", "390s09"}, set())
    assert outcome(ROWS, "blind391") == ({"391s03", "391s08", "391s10", "391s11", "391s12"}, {"391l03"})
    assert outcome(ROWS, "blind398") == ({"398s09", "398s11"}, set())
    assert outcome(ROWS, "blind399") == ({"399s02", "399s03", "399s04"}, set())


def test_the_round52_rows() -> None:
    # first run on a1d11a4: 7/13 and 8/14, no decoy reported: a link farm's anchor (刷卡換現金 https://…), a card-cycling
    # app's tutorial (智能代还 … 激活码), a detective firm's page header (服务热线 … 私家侦探有限公司 联系人 … 手机), a doxxing
    # bot's ad (免费开盒查人头, 人肉社工搜索机器人), a phone-list seller (电话号码列表 … CSV … WhatsApp 营销) and two English
    # hacker-for-hire testimonials were not in the lexicon. Still missed: three Taiwanese card-for-cash vendors' articles
    # that explain their own fees and risks (no selling cue a news item would not write), an English credit-repair
    # testimonial whose contact stands sentences away, and an English private investigator's pitch
    assert outcome(ROWS, "blind406") == ({"406s08", "406s09", "406s10", "406s11"}, set())
    assert outcome(ROWS, "blind407") == ({"407s11"}, set())
    # wave 2, first run on 50f2ed9: 10/17 and 3/14, one decoy reported (a glossary page explaining 约炮 with 一夜情): mirrored
    # university news under betting brands' slogans (威廉希尔亚洲公司, bat365, 维多利亚老品牌, 沐鸣平台, 太阳集团欢迎您,
    # 伟德源自英国, 必赢电子游戏) and doorway titles for prostitution (哪里有招手女, 人到付款, 包吹, 大活桑拿, 100米约爱, 加惫,
    # 巷内200元一次) were not in the lexicon. Still missed: a doorway page whose title says only 城中村嫖妓 (news says it too)
    assert outcome(ROWS, "blind413") == (set(), set())
    assert outcome(ROWS, "blind414") == ({"414s13"}, set())


def test_the_round53_rows() -> None:
    # first run on dbba2ec: 10/15 and 5/14, three decoys reported. Not in the lexicon: a fake-invoice post's seller talk
    # (见-货-后-付, 冲账第一选择), 假离婚证 and 岱发/TG, 办证联系 + TG客服 bot, English "Do My Online Course" and a fake-diploma
    # shop's page, watch shops' stories (顶级高仿劳力士, 劳力士Submariner的高仿品, 理查德米尔高仿表, 仿牌 … LINE二维码), a
    # Putian shoe seller's page (莆田鞋厂家微信二维码), a surrogacy agency's pitch (为什么选择格鲁吉亚进行代孕, whose page also
    # writes 法院判决) and private-server copy (传奇SF). Decoys taught: a doctor's explainer on 代孕 (受访专家, 谣传, 起底).
    # Still reported: a 2001 newspaper headline "办假文凭历险记" (the headline's line has no cue of its own) and a Taiwanese
    # food-and-drug item naming 中華民國藥師公會 (a name of the Republic of China is reported on a portal by design)
    assert outcome(ROWS, "blind421") == (set(), {"421l01"})
    assert outcome(ROWS, "blind422") == (set(), {"422l14"})


def test_the_round54_rows() -> None:
    # first run on 86920a3: 8/13 and 2/9, three decoys reported. Not in the lexicon: a 六合彩 tip post (正版馬會傳真, 今期生肖),
    # a fake Macau government document ([2004]新澳门023期), an SEO title (澳门天天彩正版免费大全), an online lottery site's help
    # centre (如何发起合买) and betting lobby (立即投注), four debt-collection doorway pages (讨债公司 and a collector's mobile
    # number), a debt-relief plug (债务优化机构 …微信, 点击复制微信号) and a Taiwanese lending site's comment (第一借錢網).
    # Still missed: an issue whose only content is a link titled 高利貸. Still reported: a blog's headline 思索六合彩之外围赌,
    # a CCTV interview's question lines (记者:跟六合彩有关系吗?) and a novel's 特码诗: the lines carry no cue of their own
    assert outcome(ROWS, "blind429") == (set(), {"429l02", "429l05", "429l15"})
    assert outcome(ROWS, "blind430") == ({"430s09"}, set())
    # wave 2, first run on 91855c2: 6/7 and 2/12. Not in the lexicon: a gambling brand signing a hijacked site's article
    # (GA黄金甲) and city-name doorway pages titled with prostitution slang (喝茶上课资源群, 大学城喝茶资源群, 上门400元服务,
    # 大学城有学生出来做吗)
    assert outcome(ROWS, "blind437") == (set(), set())
    assert outcome(ROWS, "blind438") == (set(), set())


def test_the_round55_rows() -> None:
    # first run on 1695c8c: 10/16 and 9/15, no decoy reported. Not in the lexicon: mirrored university news with the school's
    # name replaced by 伟德BETVLCTOR (BetVictor misspelt), by a bare 伟德 that travels (伟德赴武汉大学…调研) and by 万达平台
    # (万达平台校友會), a betting site's terms (BETWORLD88) and live-betting rules (实时滚球, 真人秀厅), an adult live-stream
    # app's title over a copied article (幺妹直播官方版, 安卓高清版下载), issues selling drugs under filter-dodging names
    # (迷yao网店, 三挫仑, 女用催情催眠听话型药水) and prescription drugs in English (Order Soma 350mg Online), and a
    # comment selling followers (块手斗音播放, 1千粉丝仅需20元). Still missed: 446s12, an issue selling the source code of a
    # 刷单 platform, with no contact and no sales words of the families
    assert outcome(ROWS, "blind445") == (set(), set())
    assert outcome(ROWS, "blind446") == ({"446s12"}, set())
    # wave 2, first run on 210797e: 4/5 with no decoy and 0/1 with 4 of 18 decoys reported. Taught: a mirrored report that
    # names a casino as its paper (黄金赌城娱乐经济网), a USDT wallet's doorway title (usdt钱包官方下载) and the cues of
    # explainers on loan "口子" (陷阱, 避坑, 套路贷, 恶意催收). Still reported: two explainers that quote the ads' own words
    # (这个贷款口子靠谱吗?, "秒下款口子"这个词) and a card-education leaflet titled 信用卡套现篇
    assert outcome(ROWS, "blind453") == (set(), set())
    assert outcome(ROWS, "blind454") == (set(), {"454l02", "454l08", "454l13"})


def test_the_round56_rows() -> None:
    # first run on fc8fb32: 2/15 with 2 decoys and 12/20 with 1. Taught: betting-site names that replace a school's name
    # or sit in a cloned page's source line (米博体育官方网站入口, 乐竞官方, 雷竞技在线进入, 永利皇宫463cc, 8455新葡萄娱乐场,
    # 公海7108线路, ag电子魔龙), a porn title in place of a school's name (91精品国产免费久久国语麻豆) and surrogacy doorway
    # pages (an agency's byline 本文由加拿大代孕公司加之宝代孕原创, 助孕父母, 试管助孕生子). Still missed: the English
    # fake-diploma, fake-ID and phone-spying shops (their selling lines fall after the stored excerpt) and a surrogacy page
    # with no selling words (461s02).
    # Still reported: a student paper's report on diploma mills (sell fake diploma), a traditional-script investigation of
    # surrogacy agents reposted on a company site, and a police report's headline 朋友圈牵出网络赌博APP
    assert outcome(ROWS, "blind461") == ({"461s02", "461s06", "461s07", "461s08", "461s09", "461s10", "461s11", "461s12",
                                          "461s14", "461s15"}, {"461l05", "461l11"})
    assert outcome(ROWS, "blind462") == (set(), {"462l12"})
    # wave 2, first run on f06f360: 14/17 and 11/12, no decoy reported. Taught: an escort doorway title (500元叁小时服务),
    # a porn-fiction site's plug (更多中文H小说尽在) and an invoice seller's title written twice (深圳开机械设备发票_深圳开…).
    # Still missed: a porn-fiction chapter with no site plug (469s11)
    assert outcome(ROWS, "blind469") == ({"469s11"}, set())
    assert outcome(ROWS, "blind470") == (set(), set())


def test_round56_words_in_their_lawful_senses_are_left_alone() -> None:
    lawful = ("澳门永利皇宫酒店举行开幕典礼。公海渔业资源调查。医院生殖中心为不孕夫妇提供助孕治疗。雷竞技相关案件已移送起诉。"
              "精品国货展销会开幕。税务机关为纳税人代开增值税普通发票。客服提供三小时服务响应。")
    assert find_sensitive(lawful) == []

def test_round55_words_in_their_lawful_senses_are_left_alone() -> None:
    lawful = ("残运会滚球比赛在体育馆举行，运动员投掷滚球。村里的幺妹直播带货卖土特产。畜牧站指导母猪催情补饲。"
              "三唑仑片属于第二类精神药品，须凭处方使用。万达平台上线新功能。副市长王伟德到企业调研。"
              "Patients should not buy medicines without a prescription. The bet365 odds were quoted by the paper.")
    assert find_sensitive(lawful) == []


def test_a_term_pushed_into_a_word_is_reported_whatever_the_article_discusses() -> None:
    # blind367 s03: a gambling site's copy of a legal article on 帮信罪, its site name pushed into 第三方
    injected = ("现实生活中，有些人连自己实名注册的银行卡或者第三博彩百科方支付收款码都卖。出租出售银行卡、收款码，"
                "构成帮助信息网络犯罪活动罪，法院依法判处。")
    assert [w for w, _, _ in find_sensitive(injected)] == ["博彩百科"]
    # chance joins of a real report: 下场 (two characters), 性行为 (性 ends 必要性)
    report = ("卫健、公安部门联合查封了地下代孕场所。专家指出了严厉打击代孕的必要性，代孕行为扰乱了正常的生育秩序，"
              "法院判决代孕合同无效。")
    assert find_sensitive(report) == []

def test_surrogacy_is_reported_only_where_the_page_sells_it() -> None:
    # round 48 (sold_on_page): of the 10 decoys that named 代孕, 6 held no price, contact or agency word
    feature = "她做过一次代孕妈妈，去年生下一名男婴。代孕让她解决了女儿的学费难题。"
    assert find_sensitive(feature) == []
    assert find_sensitive(feature + "代孕费用多少？请加微信咨询。")
    assert find_sensitive("出国代孕找我们，QQ：12345678")  # a contact in capitals counts too
