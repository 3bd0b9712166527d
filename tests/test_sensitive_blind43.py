"""text.sensitive on the blind43 rows of benchmarks/data/sensitive_real.jsonl (real pages and page texts, each with its
source; four as markup), collected by a helper that did not see the checks, and run once before the rules below
existed: recall 5/15, one decoy reported (benchmarks/results/sensitive_real-2026-12-04-blind43.txt).

Misses then, taught: university notices mirrored with the school's name replaced by a betting site's ("太阳集团城官网关于
举办…", "米博体育(中国)有限公司", "beat365中文官方网站…"), a porn app's download title on a State Council notice's mirror
(免费菠萝视频app下载), knock-out drug, fake-ID, card cash-out and English hacking-service ads. The decoy was a photo
caption in a crackdown report (图为上海某代孕机构…), now read as prose. Two school names replaced by brands that
carry no betting word (星空XK, 华体平台) were found later, by the title rule that blind44 was measured with."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED: set[str] = set()


def test_the_blind43_rows() -> None:
    assert outcome(ROWS, "blind43") == (STILL_MISSED, set())


def test_a_website_as_the_author_of_a_notice() -> None:
    assert find_sensitive("太阳集团城官网关于举办第八届田径运动会的通知\n发布时间:2021-10-22")
    assert find_sensitive("全体师生：\n运动会定于10月举行。\n太阳集团城官网\n2021年10月20日")
    # an office's own notice, and news that cites a website, are no report
    assert find_sensitive("关于举办第八届田径运动会的通知\n全体师生：\n据教育部官网消息，运动会定于10月举行。") == []
    assert find_sensitive("市体育局关于举办第八届全民健身运动会的通知") == []


def test_a_betting_brand_posing_as_a_chinese_company_but_not_a_real_sportswear_maker() -> None:
    assert find_sensitive("经研究，米博体育(中国)有限公司决定举行第十五届田径运动会。")
    assert find_sensitive("中标供应商：耐克体育(中国)有限公司，成交金额12万元。") == []


def test_drug_cash_out_and_porn_app_ads_but_not_the_warnings() -> None:
    assert find_sensitive("失忆迷幻听话的药水货到付款【订药】加微信【56647355】")
    assert find_sensitive("杭州花呗取现，杭州白条取现【132-0571-9740微信】扫码秒到账，各种额度专业代提")
    assert find_sensitive("免费菠萝视频app下载\n\n信息公开")
    assert find_sensitive("近期，不法分子在网上兜售所谓“听话水”“迷幻药”，声称无色无味、货到付款，公安机关提醒广大群众"
                          "提高警惕，发现线索及时举报，切勿购买。") == []
    assert find_sensitive("银行提醒：信用卡套现、花呗套现属于违法行为，一些非法中介以“秒到账”“手续费低”为诱饵，"
                          "骗取持卡人信息，请广大持卡人警惕，切勿参与。") == []


def test_a_caption_is_prose_but_a_visitor_comment_is_not() -> None:
    report = ROWS["43s04"]["text"]  # a crackdown report with a photo caption
    assert "图为上海某代孕机构" in report and find_sensitive(report) == []
    assert find_sensitive(report + "\n网友留言：找代孕机构，加微信详聊。")
