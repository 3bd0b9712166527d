"""Usage rules of typos.yaml context_rules written from the natural-error batches blind25–32 (errors published on real
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
    # round 24: from blind25–30's misses, and blind31–32 after they were measured
    pytest.param("要充分认清形式,增强做好防控工作的责任感和紧迫感。", "形式", "形势", id="blind30-认清形式"),
    pytest.param("(一)《政府公开条例》第二十条规定的主动公开政府信息情况", "政府公开", "政府信息公开",
                 id="blind29-政府公开条例"),
    pytest.param("一、部门概括", "概括", "概况", id="blind29-部门概括"),
    pytest.param("坚持预防为主，防范与未然。", "与", "于", id="blind28-防范与未然"),
    pytest.param("保障市场主体权力平等、机会平等、规则平等。", "权力", "权利", id="blind25-市场主体权力平等"),
    pytest.param("对群众通过意见箱反应的问题逐一登记。", "反应", "反映", id="blind29-意见箱反应"),
    pytest.param("社会消费品零售总额增长8.2%,同时也反应了社会购买力的旺盛。", "反应", "反映", id="blind32-也反应了"),
    pytest.param("要进一步强化责任落实,确实保障市民安全。", "确实", "切实", id="blind32-确实保障"),
    pytest.param("人大代表说:“我们要把我们县建设的更加美好。”", "的", "得", id="blind32-建设的更加美好"),
    pytest.param("会议对下一阶段工作进行了详细地安排和部署。", "地", "的", id="blind31-详细地安排"),
    pytest.param("示范户在全村产业发展中起到了积极地推动作用。", "地", "的", id="blind32-积极地推动作用"),
    pytest.param("通过发放宣传资料、悬挂横幅等方式,极大的提高了群众的森林防火意识。", "的", "地", id="blind31-极大的提高了"),
    pytest.param("工作人员耐心的给农户讲解森林防火知识。", "的", "地", id="blind31-耐心的给"),
    pytest.param("确保保质保量的完成各项目标任务。", "的", "地", id="blind31-保质保量的完成"),
    pytest.param("我局将继续坚持以公开为常态，积极稳步的开展我乡政府信息公开工作。", "的", "地", id="blind58-积极稳步的开展"),
    pytest.param("弘扬“奉献、有爱、互助、进步”的志愿精神。", "有爱", "友爱", id="blind59-奉献、有爱、互助、进步"),
    pytest.param("认真落实《党政主要负责人推进法治建设第一责任人职责规定》。", "党政主要负责人推进", "履行推进",
                 id="blind60-漏履行"),
    pytest.param("严格执行《法治政府建设与责任落实督查工作规定》。", "督查", "督察", id="blind58-督查工作规定"),
    pytest.param("推行马上办、网上办、就近半、一次办。", "就近半", "就近办", id="blind60-就近半"),
    pytest.param("及时准确的公开政府信息，更好的发挥政府信息公开作用。", "的", "地", id="blind58-更好的发挥"),
    pytest.param("坚持依法决策，最大限度的规避法律风险。", "的", "地", id="blind58-最大限度的规避"),
    pytest.param("有力的促进我镇依法治理水平持续提升。", "的", "地", id="blind58-有力的促进"),
    # written after blind35–36 were measured (4/62, 4/74)
    pytest.param("全院干警要坚定拥护以习近平为核心的党中央。", "习近平为", "习近平同志为", id="blind36-以习近平为核心"),
    pytest.param("组织信教群众学习《宗教事务条》。", "条", "条例", id="blind36-宗教事务条"),
    pytest.param("今年的民主生活会开的很扎实。", "的", "得", id="blind36-开的很扎实"),
    pytest.param("干警对扫黑除恶政策进行了深入浅出地讲解。", "地", "的", id="blind36-深入浅出地讲解"),
    # round 25: written after blind41–45 were measured (4/42, 4/34, 2/24, 0/20, 2/64); other sentences than theirs
    pytest.param("全局坚持以新时代中国特色社会主义思想为指导，扎实推进各项工作。", "新时代中国特色社会主义思想",
                 "习近平新时代中国特色社会主义思想", id="blind41-以新时代中国特色社会主义思想为指导"),
    pytest.param("深入学习贯彻新时代中国特色社会主义思想。", "新时代中国特色社会主义思想",
                 "习近平新时代中国特色社会主义思想", id="blind41-学习贯彻新时代中国特色社会主义思想"),
    pytest.param("常委会听取了和审议了县人民政府关于财政决算的报告。", "了和", "和", id="blind44-听取了和审议了"),
    pytest.param("王书强调，要压实各村防汛责任。", "书", "书记", id="blind45-侯书要求"),
    pytest.param("全体党员坚决拥护“两个确定”，坚决做到“两个维护”。", "两个确定", "两个确立", id="blind45-两个确定"),
    pytest.param("今年村里的环境卫生保持的不错。", "的", "得", id="blind45-保持的不错"),
    pytest.param("通过参观学习，大家深刻的认识到廉洁自律的重要性。", "的", "地", id="blind42-直观的感受到"),
    pytest.param("我们要稳妥的推动改革任务落地。", "的", "地", id="blind41-稳妥的推动"),
    pytest.param("按时按量的完成全年植树任务。", "的", "地", id="blind41-按时按量的做好"),
    pytest.param("我们将一如既往的为企业做好服务。", "的", "地", id="blind46-一如既往的支持政府工作"),
    # round 26: written after blind50–55 were measured; other sentences than theirs
    pytest.param("会议全面的总结了上半年的工作。", "的", "地", id="blind51-实事求是的总结了"),
    pytest.param("雨后的山路显的格外泥泞。", "的", "得", id="blind51-路显的更窄了"),
    pytest.param("这项工作大家干的挺好。", "的", "得", id="blind51-做的蛮好"),
    pytest.param("2023年，我严格落实信息发布审核制度。", "我", "我单位", id="blind54-2024年，我坚持"),
    pytest.param("本机关未收到公众、法人或者其他组织提出的申请。", "公众", "公民", id="blind54-公众、法人或其他组织"),
    pytest.param("局办公室负责政府信息工作的日常组织协调。", "政府信息", "政府信息公开", id="blind54-政府信息工作"),
    pytest.param("（三）政府信息平台建设。我局持续优化网站栏目。", "政府信息", "政府信息公开", id="blind54-政府信息平台建设"),
    # round 28: written after blind62–63 were measured (8/80, 6/80); other sentences than theirs
    pytest.param("为更好的倾听群众呼声，代表们走进社区。", "的", "地", id="blind62-更好的倾听民声"),
    pytest.param("为更好的落实《关于加强基层治理的意见》，镇里召开会议。", "的", "地", id="blind63-更好的落实《"),
    pytest.param("让家长更好的了解学生资助政策。", "的", "地", id="blind63-更好的了解职业教育"),
    pytest.param("站在山顶可以清楚的看见整个村庄。", "的", "地", id="blind62-清楚的看见"),
    pytest.param("代表们力所能及的为困难群众办实事。", "的", "地", id="blind62-力所能及的为群众解决"),
    pytest.param("让每一个孩子都能快乐的成长。", "的", "地", id="blind62-健康、快乐的成长"),
    pytest.param("这次培训有利地推动了全镇政务公开工作。", "利", "力", id="blind63-有利地促进"),
    pytest.param("切实保障群众依法获取信息的权力。", "权力", "权利", id="blind63-获取政府信息的权力"),
    # written after blind64–65 were measured (0/26, 3/44); other sentences than theirs
    pytest.param("要最大限度的降低群众损失。", "的", "地", id="blind64-最大限度的减少"),
    pytest.param("市森林防灭火指指挥部召开会议。", "森林防灭火指指挥部", "森林防灭火指挥部", id="blind65-防汛抗抗旱指挥部"),
    pytest.param("全县召开电话电话会议部署防汛工作。", "电话电话会议", "电视电话会议", id="blind65-电话电话会议"),
    pytest.param("印发《葛公镇葛公镇森林防火预案》。", "葛公镇葛公镇", "葛公镇", id="blind65-葛公镇葛公镇"),
    pytest.param("根据《上海市上海市河道管理条例》规定。", "上海市上海市", "上海市", id="blind64-北京市北京市"),
    # round 29: written after blind66–67 were measured (14/80, 6/82); other sentences than theirs
    pytest.param("鲁迅在文章中写到：“横眉冷对千夫指。”", "到", "道", id="blind66-曾写到：“"),
    pytest.param("那段日子忙的不能再忙。", "的", "得", id="blind66-简单的不能再简单"),
    pytest.param("群众很难分辩出真假产品。", "分辩", "分辨", id="blind66-分辩出"),
    pytest.param("着力提升应急队员的反映能力。", "反映", "反应", id="blind66-反映能力"),
    pytest.param("干部深人农村调查研究。", "深人", "深入", id="blind66-深人山区"),
    pytest.param("组织学习《红心照耀中国》一书。", "红心照耀中国", "红星照耀中国", id="blind66-红心照耀中国"),
    pytest.param("三、依法申请公开情况", "依法申请公开", "依申请公开", id="blind67-（二）依法申请公开方面"),
    pytest.param("2025年是五年行动首站之年。", "首站", "首战", id="blind67-首站之年"),
    pytest.param("切实保障人民群众知情权、参加权、表达权。", "参加权", "参与权", id="blind67-参加权"),
    pytest.param("（一）主动政府信息公开情况", "主动政府信息公开", "主动公开政府信息", id="blind67-主动政府信息公开情况"),
    # written after blind68 was measured (2/32); other sentences than its
    pytest.param("会议听取了当前经济形式分析报告。", "形式", "形势", id="blind68-宏观经济形式分析"),
    pytest.param("经县政同意，现将方案印发给你们。", "政", "政府", id="blind68-经区政同意"),
    pytest.param("本预案适用于全县行政域内的突发事件。", "域", "区域", id="blind68-行政域内"),
    pytest.param("这里是农区向牧区的过度地带。", "度", "渡", id="blind68-过度地带"),
    # a degree complement after a verb (complement_de.py; blind rows 住的很开心, 开的成功与否)
    pytest.param("今年的工作推进的非常顺利。", "的", "得", id="complement-住的很开心"),
    pytest.param("群众说这件事办的十分漂亮！", "的", "得", id="complement-办的十分漂亮"),
    pytest.param("志愿者把村道打扫的干干净净。", "的", "得", id="complement-打扫的干干净净"),
    pytest.param("群众紧紧得围在一起。", "得", "地", id="reported-牢牢得绑在雪橇上"),
    # written after blind69 was measured (8/37); other sentences than its
    pytest.param("肯定了全县一年来取的成效。", "取的", "取得的", id="blind69-取的成绩"),
    pytest.param("要充实认识做好安全生产的重要性。", "充实", "充分", id="blind69-充实认识"),
    pytest.param("确保队伍拉得出、派的上。", "的", "得", id="blind69-用的上"),
    pytest.param("打造宜居宜业和美丽乡村示范村。", "宜居宜业和美丽乡村", "宜居宜业和美乡村", id="blind69-和美丽乡村"),
    pytest.param("学习二十届二中三中全会精神。", "二十届二中三中全会", "二十届二中、三中全会", id="blind67-二十二中、三中全会"),
    # round 30: rules written from blind70–73's misses; the sentences are written for the test, not the blind rows
    pytest.param("志愿者们忙前忙后，搬运物资，忙的不亦乐乎。", "的", "得", id="round30-忙的不亦乐乎"),
    pytest.param("一位老人拉着工作人员的手感叹到：“现在办事真方便！”", "到", "道", id="round30-感叹到"),
    pytest.param("学校为留守儿童开展心里健康讲座和心里疏导。", "里", "理", id="round30-心里健康"),
    pytest.param("要把防汛工作摆在更加突出的位子，压实责任。", "子", "置", id="round30-摆在突出位子"),
    pytest.param("止目前，全县已建成村级服务站三十个。", "止", "截至", id="round30-止目前"),
    pytest.param("镇政府召开企业家座会，听取意见建议。", "座会", "座谈会", id="round30-座会"),
    pytest.param("这支队伍即是宣传员，又是服务员。", "即是", "既是", id="round30-即是又是"),
    pytest.param("引导党员干部增加“四个意识”、坚定“四个自信”。", "增加", "增强", id="round30-增加四个意识"),
    pytest.param("根据有关法律法规，结合本县实际，特制本办法。", "特制", "特制定", id="round30-特制本办法"),
    pytest.param("本年度上年转结政府信息公开申请数量为零。", "转结", "结转", id="round30-转结"),
    pytest.param("依据《国务院办公厅关于印发……的通知》（国发办〔2019〕12号）执行。", "国发办", "国办发",
                 id="round30-国发办"),
    pytest.param("培训采取集中授课为主、现场指导为铺的方式。", "铺", "辅", id="round30-为主为铺"),
    pytest.param("通过活动，让群众持久的开展健身锻炼。", "的", "地", id="round30-持久的开展"),
    pytest.param("工作人员逐一的查看了每户的用电线路。", "的", "地", id="round30-逐一的查看了"),
    pytest.param("帮助困难群众更好的度过寒冬。", "的", "地", id="round30-更好的度过"),
    pytest.param("近年来，当地经济发展的越来越快。", "的", "得", id="round30-发展的越来越快"),
    pytest.param("全力推进四号农村路建设。", "四号农村路", "四好农村路", id="round30-四号农村路"),
    # round 31: one sentence for each rule written from blind74–77's misses (written here, not the rows)
    pytest.param("您提出“关于加强校园安全的建议”已收悉，现答复如下。", "提出", "提出的", id="round31-您提出的建议已收悉"),
    pytest.param("感谢乡村振兴工作的关心和支持。", "感谢", "感谢您对", id="round31-感谢您对"),
    pytest.param("局机关全体干职工参加培训。", "干职工", "干部职工", id="round31-干部职工"),
    pytest.param("深入学习贯彻党的二十届历中全会精神。", "历中", "历次", id="round31-历次全会"),
    pytest.param("认真贯彻落实中共、省、市决策部署。", "中共", "中央", id="round31-中央省市"),
    pytest.param("严格落实党风廉政建设一岗多责。", "一岗多责", "一岗双责", id="round31-一岗双责"),
    pytest.param("深化行政执法体质改革。", "体质改革", "体制改革", id="round31-体制改革"),
    pytest.param("县委理论中组开展专题学习。", "理论中组", "理论中心组", id="round31-理论中心组"),
    pytest.param("修订森林草防灭火应急预案。", "森林草防灭火", "森林草原防灭火", id="round31-森林草原防灭火"),
    pytest.param("学校不定期的邀请民警到校宣讲。", "的", "地", id="round31-不定期地邀请"),
    pytest.param("主要负责人把法治建设摆在重要位置，亲自部署、重大问题亲自过问。", "亲自部署", "重要工作亲自部署",
                 id="round31-重要工作亲自部署"),
    pytest.param("全局干部深入学习贯彻法治思想。", "法治思想", "习近平法治思想", id="round31-习近平法治思想"),
    pytest.param("认真落实重要指示批精神。", "批", "批示", id="round31-重要指示批示"),
    pytest.param("车辆乱停乱放至消防车辆通行受阻。", "至", "致", id="round31-乱停乱放致"),
    pytest.param("我们将负责任的答复群众。", "的", "地", id="round31-负责任地答复"),
    # round 32: one sentence for each rule written from blind78–81's misses (written here, not the rows)
    pytest.param("群众可拨打12315市长热线反映诉求。", "12315", "12345", id="round32-市长热线12345"),
    pytest.param("共组织志愿者50余多人参加活动。", "余多", "余", id="round32-余多"),
    pytest.param("本年度结转结余2300元元，全部用于下年度。", "元元", "元", id="round32-元元"),
    pytest.param("邀列席会议的有县政府办公室负责人。", "邀列席", "应邀列席", id="round32-应邀列席"),
    pytest.param("传达学习省委省政府、委市政府有关会议精神。", "委市政府", "市委市政府", id="round32-市委市政府"),
    pytest.param("来信请简明扼，并写明联系方式。", "扼", "扼要", id="round32-简明扼要"),
    pytest.param("公示期间，署名、冒名的异议不予受理。", "署名", "匿名", id="round32-匿名冒名"),
    pytest.param("感谢社会各级对残疾人事业的关心。", "各级", "各界", id="round32-社会各界"),
    pytest.param("各村要势必确保汛期安全。", "势必", "务必", id="round32-务必确保"),
    pytest.param("镇党委对秋冬季防火工作紧密部署。", "紧密", "周密", id="round32-周密部署"),
    pytest.param("听证时，许可人、利害关系人可以提出证据。", "许可人", "许可申请人", id="round32-许可申请人"),
    pytest.param("序号 | 权利类型 | 权力名称 | 实施依据", "权利", "权力", id="round32-权力类型"),
    pytest.param("指导村(民)民委员会开展自治。", "民", "居", id="round32-村居民委员会"),
    pytest.param("会议精神概况起来有三点。", "概况", "概括", id="round32-概括起来"),
    pytest.param("局机关3分文件未按时公开。", "分", "份", id="round32-3份文件"),
    pytest.param("要做牢疫情防控的坚固防线。", "做牢", "筑牢", id="round32-筑牢防线"),
    pytest.param("县长就做好防汛工作提出二点要求。", "二", "两", id="round32-两点要求"),
    pytest.param("广泛凝结起干事创业的强大力量。", "凝结", "凝聚", id="round32-凝聚力量"),
    pytest.param("大会在嘹亮的国歌中开幕。", "国歌中", "国歌声中", id="round32-国歌声中"),
    pytest.param("接到报警后，消防队迅赶到现场。", "迅", "迅速", id="round32-迅速赶到"),
    pytest.param("全体干部参加防汛应急练。", "练", "演练", id="round32-应急演练"),
    pytest.param("做好预防化矛盾纠纷工作。", "化", "化解", id="round32-预防化解"),
    # 的 for 地 after an idiom, two manner words in a row, before 着 and before 按照 (round 32)
    pytest.param("党员干部全心全意的为群众办实事。", "的", "地", id="round32-成语的为"),
    pytest.param("各村及时主动的发布了防汛信息。", "的", "地", id="round32-及时主动地发布"),
    pytest.param("孩子们开心的唱着歌曲。", "的", "地", id="round32-开心地唱着"),
    pytest.param("考核组实事求是的按照细则打分。", "的", "地", id="round32-实事求是地按照"),
    pytest.param("支部紧密的把群众团结在一起。", "的", "地", id="round32-紧密地把"),
    # round 33 (blind82, 87, 88; taught after their first run)
    pytest.param("现将2016年地方财政预算执行情况和2016年地方财政预算草案报告如下", "2016年", "下一年",
                 id="blind82-预算执行情况和同一年预算草案"),
    pytest.param("认真学习党的十九大历次全会、党的二十大精神", "历次全会", "和十九届历次全会", id="blind82-十九大历次全会"),
    pytest.param("第十四个五年规划和二О三五年远景目标纲要", "О", "〇", id="blind87-西里尔字母О"),
    pytest.param("也可以登陆“支付宝”首页搜索", "登陆", "登录", id="blind87-登陆支付宝首页"),
    pytest.param("第十四个五年规划和二〇三五远景目标纲要", "远景目标", "年远景目标", id="blind88-二〇三五远景目标"),
    pytest.param("政协盐池县第十届委员会五次会议", "次会议", "第", id="blind88-第十届委员会五次会议"),
    pytest.param("选举了县十六届人大二次主席团和秘书长", "次", "次会议", id="blind88-人大二次主席团"),
    pytest.param("关于坚持和完善人民代表大会制度重要思想", "人民代表大会制度重要思想", "的重要思想",
                 id="blind88-人大制度重要思想"),
    # round 34 (blind97, 98, 101, 103, 104; taught after their first run)
    pytest.param("截止上半年已完成年度计划的50.4%", "截止", "截至", id="blind97-截止上半年"),
    pytest.param("用创新、协调、绿色、发展、共享五大发展理念作指导", "发展", "开放", id="blind97-新发展理念"),
    pytest.param("营商环境优化升温,市场主题活力迸发", "主题", "主体", id="blind97-市场主题"),
    pytest.param("为更多项目入住创造条件", "入住", "入驻", id="blind97-项目入住"),
    pytest.param("满足一下全部条件的，可以提出申请", "一下", "以下", id="blind98-一下条件"),
    pytest.param("需提供病例、县级以上医院诊断证明等相关佐证材料", "病例", "病历", id="blind98-提供病例"),
    pytest.param("完成500万元，与上年增长10.3%", "与", "比", id="blind98-与上年增长"),
    pytest.param("旅客周转量14435.4万人/公里", "人/公里", "人公里", id="blind98-人每公里"),
    pytest.param("在劳动行政部门作出工伤认定后申请申请医疗费用。", "申请申请", "申请", id="blind98-申请申请"),
    pytest.param("区政协第六次次会议", "次次", "次", id="blind103-第六次次会议"),
    pytest.param("市第四届届人大代表", "届届", "届", id="blind103-第四届届人大"),
    pytest.param("您提出的第105号建设已转交我们研究办理", "建设", "建议", id="blind103-第105号建设"),
    pytest.param("防控新冠状病毒感染肺炎疫情", "新冠状病毒", "新型冠状病毒", id="blind103-新冠状病毒"),
    pytest.param("根据《中华人民共和国政务信息公开条例》", "政务", "政府", id="blind104-政务信息公开条例"),
    pytest.param("《中华人民共和国政府信息公开条例》(国务院令第771号)", "771", "711", id="blind104-国务院令第771号"),
    pytest.param("坚持“公开为常规,不公开为例外”", "规", "态", id="blind101-公开为常规"),
    pytest.param("维护人民群众切实利益", "切实", "切身", id="blind101-切实利益"),
    pytest.param("刷脸登陆，进入广州市仲裁申请业务", "登陆", "登录", id="blind102-刷脸登陆"),
    pytest.param("市民政部门牵头会市财政部门和市残联", "会", "会同", id="blind102-会市财政部门"),
    pytest.param("（粤办含〔2022〕260号）", "含", "函", id="blind102-粤办含"),
    pytest.param("纳入家庭医生签约服务团队同意管理", "同意", "统一", id="blind102-同意管理"),
    pytest.param("转移接续基本养老关系", "基本养老", "基本养老保险", id="blind102-基本养老关系"),
    pytest.param("认知障碍（含阿尔兹海默病）", "阿尔兹海默病", "阿尔茨海默病", id="blind102-阿尔兹海默病"),
    # round 35 (blind107–111; taught after their first run)
    pytest.param("本报告中所列数据的统计限自2021年1月1日至2021年12月31日止。", "统计限自", "统计期限自", id="blind107-统计限"),
    pytest.param("现将我局2023年度政府公开信息工作情况报告如下", "政府公开信息工作", "政府信息公开工作",
                 id="blind109-政府公开信息工作"),
    pytest.param("截止日前,我校有38个教学班", "截止日前", "截至目前", id="blind107-截止日前"),
    pytest.param("截止今日开展集中排查12次", "截止", "截至", id="blind111-截止今日"),
    pytest.param("巡查途径各乡镇时，工作人员发放资料", "途径", "途经", id="blind110-途径各乡镇"),
    pytest.param("对途径我区的生猪及生猪产品", "途径", "途经", id="blind111-途径我区"),
    pytest.param("本预案施用于固原市境内草原", "施用", "适用", id="blind110-施用于"),
    pytest.param("依据《生猪屠宰管理条例》第三十一条第一款“违法本条例规定，未经定点从事生猪屠宰活动的", "违法", "违反",
                 id="blind111-违法本条例"),
    pytest.param("牛、羊血清口蹄抗体检测结果", "口蹄", "口蹄疫", id="blind111-口蹄抗体"),
    pytest.param("身着红马甲的义工们们穿梭其间", "们们", "们", id="blind108-们们"),
    pytest.param("教育孩子不到危急水域戏水", "危急水域", "危险水域", id="blind110-危急水域"),
    pytest.param("您的建议提的很好,我们将认真研究", "的", "得", id="blind107-提的很好-ASCII逗号"),
    # round 36: rules written from blind115–120's misses; the sentences are written for the test, not the rows
    pytest.param("老支书笑着说到：“日子越过越好了。”", "到", "道", id="round36-说到引语"),
    pytest.param("夜间有一辆货车在国道上高速行使，被交警拦下。", "行使", "行驶", id="round36-货车行使"),
    pytest.param("依法维护农民工的合法权力。", "权力", "权利", id="round36-合法权力"),
    pytest.param("县教育局局、卫健局负责同志参加。", "局局", "局", id="round36-局局"),
    pytest.param("报名时间的已网上提交时间为准。", "已", "以", id="round36-已为准"),
    pytest.param("做好社会矫正对象的日常管理。", "社会矫正", "社区矫正", id="round36-社区矫正"),
    pytest.param("新任所长是科班出生，业务过硬。", "出生", "出身", id="round36-科班出身"),
    pytest.param("举一反三，防治类似问题再次发生。", "防治", "防止", id="round36-防止类似"),
    pytest.param("进一步增加群众的安全意识。", "增加", "增强", id="round36-增加意识"),
    pytest.param("请于报名截止前登陆《某省公共资源交易中心电子交易系统》进行注册。", "登陆", "登录", id="round36-登陆长名"),
    pytest.param("他在基层工作二十年，凡事名察秋毫。", "名察秋毫", "明察秋毫", id="round36-名察秋毫"),
    pytest.param("做一个名察秋毫的干部。", "名察秋毫", "明察秋毫", id="round36-一个名察秋毫"),
    pytest.param("经研究，同意调拔资金用于项目建设。", "调拔", "调拨", id="round36-调拔"),
    # round 37: rules written from blind127–132's misses; the sentences are written for the test, not the rows
    pytest.param("外出就医时请带好口罩，勤洗手。", "带", "戴", id="round37-带好口罩"),
    pytest.param("田野里呈现出一副丰收的美丽画卷。", "副", "幅", id="round37-一副画卷"),
    pytest.param("共悬挂横幅120副，发放资料三千份。", "副", "幅", id="round37-横幅副"),
    pytest.param("晚会上的男生独唱赢得阵阵掌声。", "生", "声", id="round37-男生独唱"),
    pytest.param("全县行政村5G网络已到达全覆盖。", "到达", "达到", id="round37-到达全覆盖"),
    pytest.param("今年的十件民生实施项目全部完工。", "实施", "实事", id="round37-民生实施项目"),
    pytest.param("他每天忙于繁杂事物。", "事物", "事务", id="round37-繁杂事物"),
    pytest.param("坚持党对国防工作的集中统一领，确保", "领", "领导", id="round37-集中统一领"),
    pytest.param("加强顶层，统筹推进。", "顶层", "顶层设计", id="round37-加强顶层"),
    pytest.param("以新思想为指，推动工作落实。", "指", "指导", id="round37-为指"),
    pytest.param("实行“三公开”。既：公开标准、公开程序、公开结果。", "既", "即", id="round37-既冒号"),
    pytest.param("值此中秋佳节莅临之际，向大家致以节日问候。", "莅临", "来临", id="round37-佳节莅临"),
    pytest.param("聚集群众急难愁盼需求，办好实事。", "聚集", "聚焦", id="round37-聚集群众需求"),
    pytest.param("全市办非企业单位年检工作启动。", "办非企业单位", "民办非企业单位", id="round37-办非企业单位"),
    pytest.param("进一步优化班子结，增强活力。", "结", "结构", id="round37-班子结"),
    pytest.param("可登陆“某省企业信用信息网”查询。", "登陆", "登录", id="round37-登陆信息网"),
    pytest.param("对群众的意见，我们会认真的研究并及时答复。", "的", "地", id="round37-会认真的研究"),
    pytest.param("与会人员对方案进行了深入地讨论。", "地", "的", id="round37-进行了深入地讨论"),
    pytest.param("这项制度对规范审批起到了积极地推动作用。", "地", "的", id="round37-起到了积极地推动作用"),
    pytest.param("为项目落地提供了有力地组织保障。", "地", "的", id="round37-提供了有力地组织保障"),
    pytest.param("老人感慨的说：“现在日子好过了。”", "的", "地", id="round37-感慨的说"),
    pytest.param("工作人员具体的解答了群众提出的问题。", "的", "地", id="round37-具体的解答了"),
    pytest.param("今年的非遗保护工作开展地有声有色。", "地", "得", id="round37-开展地有声有色"),
    pytest.param("全县植树活动进行的如火如荼，", "的", "得", id="round37-进行的如火如荼"),
    pytest.param("把生态环境作为作为改善民生的大事。", "作为作为", "作为", id="round37-作为作为"),
    pytest.param("请携带本人身份证到到县政务服务中心办理。", "到到", "到", id="round37-到到"),
    pytest.param("依法履行国防义务和权力。", "权力", "权利", id="round38-义务和权力"),
    pytest.param("保障权利规范运行。", "权利", "权力", id="round38-权利规范运行"),
    pytest.param("工作人员到制定路段进行核查。", "制定", "指定", id="round38-制定路段"),
    pytest.param("采用篷布进行遮盖，防治洒落起尘。", "防治", "防止", id="round38-防治洒落"),
    pytest.param("全年干茶交易额8万吨左右。", "额", "量", id="round38-交易额万吨"),
    pytest.param("新开通的环城公交线路途径24个站点。", "途径", "途经", id="round38-途径站点"),
    pytest.param("告知其报道流程及注意事项。", "报道", "报到", id="round38-报道流程"),
    pytest.param("老兵来社区报道时步履蹒跚。", "报道", "报到", id="round38-来社区报道"),
    pytest.param("他从小励志科研报国。", "励志", "立志", id="round38-励志报国"),
    pytest.param("一名战士说到：“我们一定守好大堤。”", "到", "道", id="round38-说到冒号"),
    pytest.param("开展爱军、拥军、忧军活动。", "忧军", "优军", id="round38-忧军"),
    pytest.param("及时处治路面裂缝、坑塘、水毁等病害。", "坑塘", "坑槽", id="round38-坑塘"),
    pytest.param("出台一系列扶持政，着力稳定就业。", "政", "政策", id="round38-扶持政"),
    pytest.param("认真履行推进法治建设第一责任人，带头学法。", "第一责任人", "第一责任人职责", id="round38-第一责任人"),
    pytest.param("区组建局、区消防救援大队参加检查。", "组建局", "住建局", id="round38-组建局"),
    pytest.param("权力行使到那里，公开透明就延伸到那里。", "那里", "哪里", id="round38-到那里就到那里"),
    pytest.param("让优抚对象住的舒心、养的开心。", "的", "得", id="round38-住的舒心"),
    pytest.param("大家个个累的满头大汗。", "的", "得", id="round38-累的满头大汗"),
    pytest.param("各项工作有条不紊得进行。", "得", "地", id="round38-有条不紊得进行"),
    pytest.param("危桥改造正在如火如荼的进行中。", "的", "地", id="round38-如火如荼的进行中"),
    pytest.param("新桥建成后将极大的方便学生出行。", "的", "地", id="round38-将极大的方便"),
    pytest.param("看到这些，我心理好生羡慕啊。", "心理", "心里", id="round38-心理好生羡慕"),
    pytest.param("开发区康庄家园过度房已建成。", "过度", "过渡", id="round38-过度房"),
    pytest.param("约300余人参见本次会议。", "参见", "参加", id="round38-参见会议"),
    pytest.param("日前非洲猪瘟防疫形势严峻，", "日前", "目前", id="round38-日前形势"),
    pytest.param("正确认识当前防疫形式，", "形式", "形势", id="round38-防疫形式"),
    pytest.param("恩施州富裕农村劳动力转移就业。", "富裕", "富余", id="round38-富裕劳动力"),
    pytest.param("开展技能公关、技艺创新。", "公关", "攻关", id="round38-技能公关"),
    pytest.param("县社保局将于银行合作推出社保卡。", "于", "与", id="round38-将于银行合作"),
    pytest.param("使其时刻保持良好的战备状态，确保安全渡汛。", "渡汛", "度汛", id="round38-确保安全渡汛"),
    pytest.param("工作人员有针对性的对青少年开展宣传。", "的", "地", id="round38-有针对性的对"),
    pytest.param("他乐呵呵的说道：“日子越过越好。”", "的", "地", id="round38-乐呵呵的说道"),
    pytest.param("为了更好的服务三农，局里成立了服务队。", "的", "地", id="round38-更好的服务三农"),
    pytest.param("为了更好的提供交通信息，开通了热线。", "的", "地", id="round38-更好的提供"),
    pytest.param("水价调整后会不同程度的减少浪费。", "的", "地", id="round38-会不同程度的减少"),
    pytest.param("院子也收拾地井井有条。", "地", "得", id="round38-收拾地井井有条"),
    pytest.param("阿波罗悄悄的离开了，", "的", "地", id="round38-悄悄的-不被ABB挡住"),
    pytest.param("“错过今夏，再等一年。”中医科主任方方笑着说到。", "到", "道", id="round39-引语后说到"),
    pytest.param("羽毛球队打破了历届省运会最好记录。", "记录", "纪录", id="round39-打破记录"),
    pytest.param("巡游队伍途径礼坂路、嘉兴路。", "途径", "途经", id="round39-途径路"),
    pytest.param("截止记者发稿，渔政船艇处于待命状态。", "截止", "截至", id="round39-截止发稿"),
    pytest.param("台下响起热烈地掌声。", "地", "的", id="round39-热烈地掌声"),
    pytest.param("讲解了《安全生产法》修定背景。", "修定", "修订", id="round39-法修定"),
    pytest.param("推行“街社吹哨、部门报道”工作机制。", "报道", "报到", id="round39-部门报道"),
    pytest.param("许多群众走进宣讲人员身边咨询。", "走进", "走近", id="round39-走进身边"),
    pytest.param("有的还流下的激动的泪水。", "的", "了", id="round39-流下的泪水"),
    pytest.param("团结的班级情都在运动会中展现的淋漓尽致。", "的", "得", id="round39-展现的淋漓尽致"),
    pytest.param("要求全体同学深刻吸取教育，牢记防溺水要求。", "教育", "教训", id="round39-吸取教育"),
    pytest.param("按照“保护第一、抢救第一、合理利用、传承发展”的方针。", "保护第一", "保护为主", id="round39-保护第一抢救第一"),
    pytest.param("这条路修的太好了！", "的", "得", id="round39-修的太好了"),
    pytest.param("老人们详细的诉说着自己的身体情况。", "的", "地", id="round39-详细的诉说着"),
    pytest.param("最后将结婚证郑重的交到新人手中。", "的", "地", id="round39-郑重的交到"),
    pytest.param("量血压、健康宣教等有条不紊的进行。", "的", "地", id="round39-有条不紊的进行"),
    pytest.param("心情也淡淡的回归了宁静。", "的", "地", id="round39-淡淡的回归了"),
    pytest.param("医护人员身体健康才能更好的守护患者的健康。", "的", "地", id="round39-更好的守护"),
    pytest.param("记得带上治疗单，这样就可以清楚的知道自己的项目。", "的", "地", id="round39-清楚的知道"),
    pytest.param("将法庭尽可能的把法庭开到群众家门口。", "的", "地", id="round39-尽可能的把"),
    pytest.param("学生们快速有序的奔向走廊。", "的", "地", id="round39-有序的奔向"),
    pytest.param("统计部门要充分认识当前经济形式及统计改革的新要求。", "形式", "形势", id="round39-当前经济形式"),
    pytest.param("准确把握形式，扎实做好统计工作。", "形式", "形势", id="round39-把握形式"),
    pytest.param("积极参与扫黑除斗争，营造良好环境。", "扫黑除斗争", "扫黑除恶斗争", id="round39-扫黑除斗争"),
    pytest.param("带头听党话、踉党走。", "踉党走", "跟党走", id="round39-踉党走"),
    pytest.param("“能帮就帮。”村民夏瑞君激动的说。", "的", "地", id="round40-引语后激动的说"),
    pytest.param("鼓励企业入统入规，从而更好的享受国家政策红利。", "的", "地", id="round40-更好的享受"),
    pytest.param("培育自然资源文化，更好的服务全市经济发展。", "的", "地", id="round40-更好的服务全市"),
    pytest.param("一场志愿服务活动正在如火如荼的开展。", "的", "地", id="round40-如火如荼的开展"),
    pytest.param("要持续强化约束，更好的为群众企业提供服务。", "的", "地", id="round40-更好的为"),
    pytest.param("发现问题的同时也提出了有效地整改措施。", "地", "的", id="round40-提出了有效地"),
    pytest.param("对市国土资源局长期以来的支持表示衷心地感谢。", "地", "的", id="round40-表示衷心地感谢"),
    pytest.param("会议开的庄严隆重。", "的", "得", id="round40-开的庄严隆重"),
    pytest.param("村里的农家乐经营的红红火火。", "的", "得", id="round40-经营的红红火火"),
    pytest.param("老人感动的潸然泪下。", "的", "得", id="round40-感动的潸然泪下"),
    pytest.param("主动更好的配合学校的老年教育各项工作。", "的", "地", id="round40-更好的配合"),
    pytest.param("通过此次活动，即进一步增强了大家的环保意识，又营造了良好氛围。", "即", "既", id="round40-即又"),
    pytest.param("清明祭扫即文明又环保。", "即", "既", id="round40-即文明又环保"),
    pytest.param("督导组列席召开民生生活会的全过程。", "民生生活会", "民主生活会", id="round40-民生生活会"),
    pytest.param("挂牌保护，注明每一颗古树名木所在位置。", "颗", "棵", id="round40-一颗古树"),
    pytest.param("仅仅半个小时，10多颗树苗就成排而立。", "颗", "棵", id="round40-颗树苗"),
]
CORRECT = [
    "也要做为后人作铺垫的实事。",  # 做 + 为后人 (People's Daily 1998)
    "保护长江三峡库区及其重要支流。",  # 及其 + an adjective before its noun (local regulations)
    "证券从业人员不得同时在两个以上证券公司任职。",  # 不得同时
    "为保障电力生产和建设的顺利进行。",  # 的 before a noun phrase
    "他说道：“这里的变化真大。”",  # 说道 before what is said
    "把重点放在心理健康教育上。",
    "要认清形式主义、官僚主义的危害。",  # 形式主义
    "县人民政府公开招聘专职消防员。",  # 政府 + 公开招聘
    "这段话基本概括了会议的精神。",  # 概括 as a verb
    "市场对利率变化作出反应。",  # 作出反应
    "全县农民收入确实提高了。",  # 的确 (indeed)
    "对有关单位进行实地检查。",  # 实地 is a word
    "做了详细的介绍。",  # 的 before a noun
    "感谢大家一如既往的支持。",
    "有明确的向公众开放的时间。",
    "落实“国十条”和《房地产十条》。",  # titles that count articles
    "他们做的很多工作得到了群众认可。",  # 做的 + 很多工作: a noun phrase
    "深入学习贯彻习近平新时代中国特色社会主义思想。",
    "会议听取和审议了工作报告，大家吃了饭和喝了茶。",  # 饭和: no two verbs sharing 了
    "读书要求专心，文书强调格式。",  # 读书, 文书: no surname before 书
    "提供直观的感受和切身的体会。",  # 的 before nouns
    "国家提出两个确定性目标。",
    "感谢您一如既往的支持！在大家一如既往的关心和支持下，工作取得新进展。",
    "效果十分明显的更多措施已经出台。",  # 明显的
    "去年，我按照资料要求种棉花。",  # a farmer's words: no year
    "2023年，我们认真落实各项部署。",  # 我们
    "广泛征求社会公众、专家学者的意见。",  # 公众 in another list
    "共同健全政府信息平台与司法网络互联互通。",  # a regulation's 政府信息平台, no heading
    "做好政府信息公开工作年度报告的编制。",
    "文化站起到了有力的促进作用，采取了积极的推进措施。",  # the verb heads a noun
    "设置明显的引导指示标志，提供良好的服务和严格的保护规定。",  # nouns after 的
    "他是我很好的朋友了。",
    "弘扬奉献、友爱、互助、进步的志愿精神，践行富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善。",
    "认真落实《党政主要负责人履行推进法治建设第一责任人职责规定》和《中国共产党纪律处分条例》。",
    "按照《法治政府建设实施纲要（2021—2025年）》要求，推行马上办、网上办、就近办、一次办。",
    "大家对政策有了更好的了解。快乐的成长经历让人难忘，健康的成长环境很重要。",  # nouns after 的
    "对中国的了解和友谊不断加深。",
    "部队占据有利地形，有力地推动了战役进程。",
    "国家防汛抗旱总指挥部召开可视电话会议，吉林省吉林市、大同市城区参加。",
    "夜深人静时，资深人士仍在加深人们对政策的理解。",  # 深人 across words
    "他在日记里写到了那一天。群众反映能力建设不足。",  # 写到 + what, no quotation; 群众 + 反映
    "公民可以依法申请公开政府信息。",  # 依法 + 申请: a verb phrase
    "实行多种经济形式并存，防止过度开发，在本行政领域内经市政部门同意。",
    "这是选取的成绩样本，采取的成效评估办法，用的上午时间；建设宜居宜业美丽乡村。",
    "我们做的很多工作得到认可，他的很多朋友都来了，你所说的很对。给予的特别扶助。",  # no complement: nouns follow, 所
    "把生态理念融入乡村振兴的方方面面。",  # a doubled noun
    "需求远远得不到满足，他深深得罪了邻居，慢慢得知了真相。",  # 得 begins a word
    # round 30: correct uses beside the new rules
    "我们的越来越多的朋友来了。他问到了这个问题，说到这里。心里很高兴，心里话说出来。",
    "专题讲座会在礼堂举行，坐在前排的位子上。截至目前进展顺利，至目前为止。",
    "这就是说，知识即是力量。增加四个意识形态工作岗位。特制本地化的方案。",
    "持久的和平。逐一的核对是必要的。更好的服务，更好的生活。",
    "省人民政府政府采购监督管理部门负责监督。我们再商量商量办法。广东实业有限公司公司治理顾问。",
    # round 31: correct uses beside the new rules
    "您提出的《关于加强校园安全的建议》已收悉。您提出《关于加强管理》的建议，我们高度重视。",
    "感谢您对乡村振兴工作的关心和支持。感谢各级领导对我县工作的关心和支持。",
    "培养骨干职工队伍，全体干部职工参加。贯彻落实中、省、市决策部署。党的二十届四中全会。",
    "接受了他们热情的邀请。定期的体检很有必要。市政府暨有关部门负责同志出席。",
    "书记亲自部署、重大问题亲自过问。学习马克思主义法治思想。重要指示批示精神。给予负责任的答复意见。",
    "进入森林草原防火期，要树牢森林草原防火意识。",  # still said so (People's Daily 2023–24), not 防灭火 missing 灭
    # round 32: correct uses beside the new rules
    "消费者可拨打12315投诉举报热线，也可拨打12345市长热线。村民100余人参加，另有50多人观看。",
    "发放慰问金500元，元旦前送到。特邀列席人员、受邀列席人员入场。市委市政府、县委县政府部署。",
    "材料要简明扼要。本人署名的异议予以受理，匿名、冒名的异议不予受理。",
    "社会各级组织积极参与，社会各界广泛关注。这势必影响进度。各部门紧密配合、周密部署。被许可人、利害关系人到场。",
    "可实行继续按原用途和土地权利类型使用土地的过渡期政策。村（居）民委员会协助。",
    "在事关国计民生的反映建议中，参事们秉公直言。寿爷已听得进入似神非神、似仙非仙的意境了。",  # idioms before nouns
    "制定有针对性的对策，提供有效的在线服务，给出科学的根据。",  # 对, 在, 根据 open nouns
    "地区概况如下，概括起来有三点。下午3点30分文件送达。做牢固的堤防。第二点意见、十二点意见。凝结成冰。",
    "鲁迅行动起来时，消防队迅即赶到。开展应急练兵。预防化学品泄漏，预防化肥滥用。",
    # round 33: correct uses beside the new rules
    "关于2025年预算执行情况和2026年预算草案的报告。党的十九大和十九届历次全会精神。二〇三五年远景目标。",
    "台风登陆后向西北移动，平台发布预警。请登录网站首页查询。政协第十届委员会第五次会议。十届五次会议。",
    "县十六届人大二次会议主席团。二〇二四年。第2024号。O2O平台。",
    # round 34: correct uses beside the new rules
    "截止时间为上半年末。坚持创新、协调、绿色、开放、共享的新发展理念。激发市场主体活力，突出活动主题。",
    "企业入住酒店期间，项目组入驻园区。请稍等一下，休息一下午。病例数持续下降，复印病历。",
    "与上年相比增长10.3%，比上年增长5%。货物周转量123.4亿吨公里。",
    "第五条条首部分修改为。宪法第四章章名修改。一届届学子。第六次会议。",
    "第105号建议已收悉。新冠病毒、新型冠状病毒。《中华人民共和国政府信息公开条例》（国务院令第711号）。",
    "原条例（国务院令第492号）。以公开为常态、不公开为例外。切实维护群众切身利益，切实可行。",
    "台风登陆后，扫码登录系统。经批准同意管理权限下放。转移接续基本养老保险关系。大会市委书记讲话。",
    "（粤办函〔2022〕260号）。牵头会同市财政部门。阿尔茨海默病。坚持人民至上、生命至上。",
    # round 35
    "报名应在截止日前提交。截至今日。通过多种途径，各乡镇积极参与。途经我区的车辆。本办法适用于全市。",
    "科学施用于农田的化肥。违反本条例规定的。口蹄疫抗体。我们、他们的工作。危险水域。政府信息公开工作。",
    # round 36: correct uses beside the new rules
    "说到这里，他停了一下。谈到：加强管理。外国船舶行使紧追权。代表人民行使国家权力。公安局局长到场。",
    "以网上提交时间为准。已经确认的以公告为准。社会矫正理论研究。他出生于1980年，出生地是北京。",
    "防治病虫害，防治类风湿。增加意识形态工作人员。台风登陆后，企业登陆科创板。计提拨缴工会经费。",
    "不得允许他人使用其所掌握的商业秘密。其他原因导致项目无法继续实施的。",  # 用其所掌, 目无法继 across four words
    # round 37: correct uses beside the new rules
    "出门请携带好口罩和消毒湿巾。他露出一副笑脸。张贴春联500余副。女生合唱团成立。列车到达北京站。",
    "新生事物不断涌现。繁杂的事务性工作。加强顶层设计，完善制度。以新思想为指导，推动落实。即：公开标准。",
    "欢迎各位领导莅临指导。人员聚集场所。民办非企业单位年检。优化班子结构。登陆电商平台。",
    "这个思路正在成功的实践当中。社会广泛的称赞。我们要有积极的态度。进行认真的研究。给予热情的接待。",
    "有声有色地开展活动。我们从来没想到到北京打工。要做到到岗到位。作为一名党员。",
    "看到情敌，他能高兴的起来？",  # a potential complement (高兴得起来), not 地
    "申请人应当提供具体地址和联系电话。",  # 地址, not 地
    "中医药传统文化会得到更好地传承和发展。",  # 得到 …地 is the usage of official prose; left alone
    # round 38: correct uses beside the new rules
    "享有权利，履行义务。加强权力运行监督。在制定区域规划时。防治扬尘污染。交易额8亿元。通过多种途径向乡镇报告。",
    "新闻报道时间。励志故事。说到这里。拥军优属。坑塘整治。出台一系列扶持政策，履行第一责任人职责，",
    "带来极大的方便。心理健康。过度开发。参见会议纪要。将于明年合作。将于明年与银行合作。危机公关。富裕起来的农民。",
    "日前会议认为形势严峻。日前全省疫情防控形势分析会召开。住的地方很舒心。为群众提供更好的服务。提供更好的服务环境。",
    "有针对性的对策。积极的对华政策。做好相关业务系统的对接。你到哪里，我就到哪里。多种经济形式并存。",
    # round 39: correct uses beside the new rules
    "他说到这里停了一下。“好。”他说道。记录在案。会议记录。世界纪录。通过多种途径向乡镇报告。截止日期。截至发稿时。",
    "热烈的掌声。修订草案。新闻报道。走进校园。走近群众。流下的眼泪是真诚的。汲取营养。接受教育。每逢降雪都高兴得不得了。",
    "坚持保护第一、加强管理、挖掘价值、有效利用。战争的进行。详细的介绍。这条路修得很好。",
    "鼓励多种经济形式共同发展。把握形式美的规律。深入开展常态化扫黑除恶斗争。听党话、感党恩、跟党走。",
    "转化效率打破了当时的记录。中国美术发展的曲折途径狭路相遇。",  # People's Daily 2023–24 and 1998
    # round 40: correct uses beside the new rules
    "他激动的心情难以平复。他说：“好。”大家激动的心情。更好的服务环境。更好的展示平台。更好的享受。",
    "立即组织人员，随即又出发。即日起又增加两个窗口。即使下雨也不停工。提出有效的措施。表示衷心的感谢。",
    "会议开得庄严隆重。一颗种子，一颗树种，一棵树。民主生活会。如火如荼的建设热潮。日子过得红红火火。",
]


@pytest.mark.parametrize(("sentence", "wrong", "right"), REAL)
def test_the_published_slip_is_reported(sentence: str, wrong: str, right: str) -> None:
    hits = find_typo_hits(sentence, date(2026, 1, 1))
    assert any(wrong in str(h["matched"]) and right in str(h["suggestion"]) for h in hits), hits


@pytest.mark.parametrize("sentence", CORRECT)
def test_correct_uses_are_left_alone(sentence: str) -> None:
    assert find_typo_hits(sentence, date(2026, 1, 1)) == []
