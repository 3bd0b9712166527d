"""text.sensitive on the blind41 rows of benchmarks/data/sensitive_real.jsonl (real pages and page texts, each with its
source; four as markup), collected by a helper that did not see the checks after the blind40 changes, and run once
before the rules below existed: recall 6/15, no decoy reported (benchmarks/results/sensitive_real-2026-12-04-blind41.txt).

Misses then, taught: a casino name with a number as a clone's brand (威尼斯5994), an SEO keyword list glued to the front
of a real lottery article (爱体育,爱体育官网,爱体育百家乐…), web-shell and hacklink sellers in a hidden footer block,
fake-diploma ads (做…毕业证书, 留信网认证, 扣微), egg-donor ads (供卵, 选性别, 包成功), and a latin-and-Chinese casino
brand inserted again and again into a police story (bob半岛体育). Still missed: an Indonesian landing page whose hidden
block links hijacked .go.id subdomains by their bare addresses, a football-betting title (网上投注足球竞彩网), a
spider-pool post."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"41s11", "41s15", "41s27"}


def test_the_blind41_rows() -> None:
    assert outcome(ROWS, "blind41") == (STILL_MISSED, set())


def test_a_casino_name_with_a_number_but_not_a_year_or_a_count() -> None:
    assert find_sensitive("威尼斯5994院长会见来访客人")
    assert find_sensitive("威尼斯2023双年展中国馆开幕") == []
    assert find_sensitive("金沙300名员工参加培训") == []


def test_a_keyword_list_glued_to_a_lottery_article() -> None:
    article = ("“一直以来，中国体育彩票致力于建设负责任、可信赖的国家公益彩票，不向未成年人销售彩票及兑奖是坚决不可触碰的底线。”"
               "体彩管理机构的代销合同中也有相关条款，违约向未成年人销售彩票的，取消代销资格；公安机关依法打击非法彩票。")
    assert find_sensitive("爱体育,爱体育官网,爱体育APP,爱体育下载,爱体育百家乐,爱体育真人," + article)
    assert find_sensitive(article) == []


def test_fake_diplomas_sold_and_a_university_notice() -> None:
    assert find_sensitive("扣微:1151714174）做美国MSU毕业证书#MSU成绩单#留信使馆认证。主营项目：办理毕业证，改成绩单，"
                          "高精仿度跟学校原版100%相同。留信网认证，永久存档可查。")
    assert find_sensitive("毕业生可于6月28日到教务处领取毕业证书和学位证书；需办理学历学位认证的，请登录学信网申请。") == []


def test_a_brand_inserted_again_and_again() -> None:
    story = "乌兰察布一群众在废弃房屋内发现一支土制火枪bob半岛体育!主动上交派出所。民警介绍，bob半岛官网私藏枪支属违法行为。"
    assert find_sensitive(story)
    assert find_sensitive("NBA中国赛今晚在上海举行，球迷可在赛事官网购票。") == []
