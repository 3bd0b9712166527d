"""text.sensitive on the blind85 and blind89 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its
source), collected by helpers that did not see the checks. First run: benchmarks/results/
sensitive_real-2026-12-05-blind85-89-first.txt (5/12 and 5/12, no decoy). Taught afterwards in round 33; the outcome is
pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind85_rows() -> None:
    # still missed: a mirrored college page whose department became "传媒万博水晶宫" (no site word, no listed make-up)
    assert outcome(ROWS, "blind85") == ({"85s02"}, set())


def test_the_blind89_rows() -> None:
    assert outcome(ROWS, "blind89") == (set(), set())


def test_a_subject_beside_a_sellers_disguised_contact_is_an_ad() -> None:
    assert find_sensitive("成都华阳花呗取现\n███【41530556】q、v同号███可当面可远程办理")
    assert find_sensitive("龙泉办毕业证【178(电)7383(溦)9004同步】龙泉办毕业证")
    assert find_sensitive("催迷水正品网上购买-推荐【溦---11334136--- 】【信誉第一】")
    assert find_sensitive("武汉哪里有卖手机分析仪【十(V)4190_9866】豆蔻梢头春色浅")
    assert find_sensitive("鄂尔多斯有偿卖卵联系方式【—岱发TG:@ybseo7—】")
    # the same subjects in a warning, a court story and a bank's notice, with no contact beside them, stay quiet
    assert find_sensitive("警方提醒：所谓“花呗取现”“办毕业证”多为诈骗，切勿轻信，如有疑问请拨打110。") == []
    assert find_sensitive("法院审理查明，被告人组织他人有偿卖卵，其行为违反国家规定，依法判处。") == []
    # a contact that is not beside the subject (a newsroom's tip line) makes no ad
    assert find_sensitive("公安机关破获一起非法销售手机分析仪的案件，缴获设备20台。欢迎提供线索，新闻热线：微信abc12345。") == []


def test_betting_names_where_an_institution_stands() -> None:
    assert find_sensitive("澳门新葡萄京官网首页 1\n\n繁简分流是根据司法规律作出的合理选择")
    assert find_sensitive("2017年9月1日上午,beat365亚洲版登录召开新学期首次党政联席会")
    assert find_sensitive("由意昂4代理、中國體育科學學會運動訓練學分會共同主辦的學術交流平臺")
    assert find_sensitive("在今年報送新聞作品中,万泰娱乐黨委宣傳部施暉撰寫的通訊榮獲一等獎")
    assert find_sensitive("石家庄市36500365体育在线投注政府信息公开指南")
    assert find_sensitive("市编办第一时间下发《经典老虎机:推进网站挂标工作的通知》")
    # an enumerated list, a launch mission, an entertainment company named in full and a crackdown stay quiet
    assert find_sensitive("办理时限更长。\n5.注册登记材料齐全的，当场办理。") == []
    assert find_sensitive("嫦娥4号登录月球背面，实现人类首次月背软着陆。") == []
    assert find_sensitive("华谊兄弟传媒股份有限公司党委召开专题会议。") == []
    assert find_sensitive("公安机关开展专项整治，查处老虎机等赌博机具12台，严厉打击在线投注等网络赌博活动。") == []


def test_a_porn_group_invitation() -> None:
    assert find_sensitive("qq黄群免费进的群号qq_qq黄群免费进的群号qq全集观看")
    assert find_sensitive("黄群同志任县委常委、宣传部部长。") == []
