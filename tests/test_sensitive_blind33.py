"""text.sensitive on the blind33 rows of benchmarks/data/sensitive_real.jsonl (real pages and fragments, each with its
source), collected and run once before the rules below existed (blind: recall 7/15, 4 of 15 decoys reported;
benchmarks/results/sensitive_real-2026-12-02-blind33.txt).

Misses then: online betting brands as a list or a landing page (太阳城 … 开云体育 必威体育; 星空体育 开云体育 米兰体育), a
娱乐城's member terms in its own voice ("本娱乐城所定之各项规则"), Vietnamese betting SEO whose words stood further apart
than 40 letters, a brand in place of "关于" in a county notice ("英国威廉希尔公司_官方网站:"), a surrogacy agency's 代母.
False alarms: three news stories on underground 六合彩 (地下“六合彩”). Still missed, left as they are: a brand put into a
mirrored headline (33s12 "欧博庄家") and an online casino's bonus page (33s08 "娛樂場即時紅利": 娱乐场 is also Macau's
word for its real casinos). A feature on surrogacy in California (33l10, no cue near 代孕) was reported until round 48:
代孕 now needs a selling word on the page (sold_on_page), which also lost an agency's soft article that names no price,
contact or service (33s15 "出国代孕还必要吗")."""

from __future__ import annotations

import pytest

from benchmarks.sensitive_real import judge, load_rows, row_ids
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"33s08", "33s12", "33s15"}
STILL_REPORTED: set[str] = set()


@pytest.mark.parametrize(("text", "reported"), [
    ("星空体育 立即访问 开云体育 立即访问 米兰体育 立即访问", True),
    ("太阳城 皇冠体育 拼搏体育", True),
    # Macau's real casinos side by side in government news, and the bookmakers that sports news quotes for odds
    ("行政长官批示把经营批给判给美高梅、银河、威尼斯人、永利等公司", False),
    ("威廉希尔、立博、bet365等博彩公司开出的赔率显示主队占优", False),
    ("家住太阳城小区的居民反映，皇冠体育馆门前道路积水", False),
])
def test_a_list_of_online_betting_brands(text: str, reported: bool) -> None:
    assert bool(find_sensitive(text)) == reported


def test_a_casino_speaking_of_itself_and_its_betting_slips() -> None:
    assert find_sensitive("请会员务必于进入网站前详阅本娱乐城所定之各项规则")
    assert find_sensitive("本公司保留权利取消该类注单以及注单产生之红利，并停用该会员帐号")
    # Macau's word for its real casinos and a court's account of a casino case are not a casino's voice
    assert find_sensitive("本娱乐场大堂今日举行开幕仪式") == []


def test_underground_lottery_news_is_legitimate_and_a_tip_site_title_is_not() -> None:
    assert find_sensitive("近几年来，地下“六合彩”活动以惊人的速度由南向北蔓延，不仅在城市，在乡村也泛滥成灾。") == []
    assert find_sensitive("他们在短短数月内成了当地地下六合彩有名的大庄家，还发展了十来个下线替他拉投注者。") == []
    assert judge(ROWS["33s11"])  # a Mark Six tip site's header above a mirrored story on underground 六合彩


def test_vietnamese_betting_words_may_stand_further_apart_than_chinese_ones() -> None:
    assert find_sensitive("kuwin game bài đổi thưởng ketquade1 net quy luật quay thử xsmb")
    assert find_sensitive("kết quả xổ số kiến thiết miền bắc hôm nay xsmb trực tuyến") == []


def test_a_brand_and_its_company_before_its_official_site() -> None:
    assert find_sensitive("英国威廉希尔公司_官方网站:停止审批游艺娱乐场所的公告")
    assert find_sensitive("代孕中介：选择最优质的胚胎植入代母体内怀孕")
    assert find_sensitive("他替代母亲照顾弟弟") == []


# blind34, collected after the rules above and run once (5 of 9 found, 4 of 10 decoys fired; main the same): then cues of
# court cases and legal writing for 代孕, 星空 and 米兰 as brands before 官网/app/网址, up to two words between a brand and
# its call (6 of 9, 1 of 10, touched). Still missed: a platform's SEO heading of an unlisted brand (34s01 "恒耀平台网址"),
# Vietnamese 98win sports scores (34s09) and, since the court cues, a surrogacy agency reposting a custody story (34s08:
# its agency words stand in the breadcrumbs of a page that discusses the case). Still reported: a traditional-character
# thesis on surrogacy contracts (34l08) until round 48, where 代孕 needs a selling word on the page
STILL_MISSED_34 = {"34s01", "34s08", "34s09"}
STILL_REPORTED_34: set[str] = set()


@pytest.mark.parametrize(("text", "reported"), [
    ("星空体育平台网址【Q-——333307——】", True),
    ("星空体育app 探索星空体育精彩赛事", True),
    ("求索纪录 星空少儿 星空科幻 星空体育 星空赛车频道", False),
    ("湖北华奥星空体育产业联盟发展有限公司", False),
    ("法院判决孩子抚养权归女方，双方只是代孕关系", False),
    ("代孕包成功，试管代孕套餐咨询", True),
])
def test_star_brand_calls_and_surrogacy_court_cases(text: str, reported: bool) -> None:
    assert bool(find_sensitive(text)) == reported


@pytest.mark.parametrize(("text", "reported"), [
    ("本店为全台独家经销商，欢迎洽询。", False),  # 全台 + 独家: 34s07's "全台獨家" came out as 台独
    ("坚决反对台独分裂活动", True),
    ("搞台独活动的顽固分子", True),
    ("一些国家的地下代孕产业链已经相当完善", True),  # 下代 + 孕产 are too rare to outweigh 代孕
])
def test_a_term_straddling_two_ordinary_words_is_not_reported(text: str, reported: bool) -> None:
    assert bool(find_sensitive(text, judge_context=False)) == reported


# blind35, collected after all of the above and run once (2 of 4 found, 1 of 8 decoys fired; main the same); then
# Vietnamese bookmakers' names as subjects of the Vietnamese family (4 of 4, touched). Still reported: 35l05, a story on a
# romance scam that names the casino site "澳门金沙娛樂城" in quotation marks, with no cue in the excerpt
STILL_REPORTED_35 = {"35l05"}


def test_vietnamese_bookmaker_names_count_with_their_calls_and_results_alone_do_not() -> None:
    assert find_sensitive("kuwin thứ hạng của crystal palace top nhà cái uy tín 2023 đăng nhập fb88")
    assert find_sensitive("trực tiếp bóng đá hôm nay lịch thi đấu ngoại hạng anh") == []


# blind36, collected after the last change and run once, not changed after (1 of 1, 0 of 5; main the same).
# Every batch of this file: the rows the rules above catch, less the misses and false alarms each batch lists
BATCHES = ("blind33", "blind34", "blind35", "blind36")


@pytest.mark.parametrize("row", row_ids(ROWS, BATCHES, "spam", STILL_MISSED | STILL_MISSED_34))
def test_every_injected_page_of_blind33_to_36_is_reported(row: str) -> None:
    assert judge(ROWS[row])


@pytest.mark.parametrize("row", row_ids(ROWS, BATCHES, "legit", STILL_REPORTED | STILL_REPORTED_34 | STILL_REPORTED_35))
def test_the_legitimate_pages_of_blind33_to_36_stay_quiet(row: str) -> None:
    assert judge(ROWS[row]) == []
