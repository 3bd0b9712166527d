"""text.privacy on real government text: what a published penalty decision, a regulation database dump and the
GB 11643 example number do to the check."""

from __future__ import annotations

from checks.privacy import find_personal_data

# 中国银保监会江苏监管局 苏银保监罚决字〔2019〕64号 (2019-12-19), as a penalty-decision scraper keeps it as its sample
# (code-index id 42881621655; the start of the decision): a masked ID number, a document number, sums of money
DECISION = ("苏银保监罚决字〔2019〕64号被处罚人姓名：陈跃飞住址：南京市建邺区集庆门大街219号身份证号：32068319821024****"
            "依据《中华人民共和国保险法》《中华人民共和国行政处罚法》等有关法律规定，我局对中国平安财产保险股份有限公司宿迁中心"
            "支公司（以下简称平安财险宿迁中支）财务数据不真实一案进行了调查、审理。2018年9-12月，平安财险宿迁中支通过服务费、"
            "宣传费两个科目列支费用7480351元，实为公司给予业务部门保费金额3%-40%的销售费用。给予陈跃飞警告，并处8万元罚款。")
# the GB 11643-1999 example number, standing where the decision has the masked one
EXAMPLE_ID = "11010519491231002X"


def test_a_published_decision_with_a_masked_id_number_exposes_nothing() -> None:
    assert find_personal_data(DECISION) == []


def test_an_id_number_after_its_label_is_a_leak_whatever_the_code_labels_nearby() -> None:
    # the code labels (证号, 编码, 代码 …) only ever excuse an 11-digit mobile-shaped run, never an ID number
    leaked = DECISION.replace("32068319821024****", EXAMPLE_ID)
    assert [(k, n) for k, n, *_ in find_personal_data(leaked)] == [("身份证号", EXAMPLE_ID)]
    assert [k for k, *_ in find_personal_data(f"统一社会信用代码：见附件；身份证号码：{EXAMPLE_ID}")] == ["身份证号"]


def test_digits_inside_a_hash_are_no_mobile_number() -> None:
    # /work/realdata/heldout/浙江地方法规/db.sqlite3 (LawRefBook/Laws), as benchmarks/text_real.py reads it: the one
    # text.privacy alarm on 23.16 MB of correct government text before this rule
    assert find_personal_data("下的罚款。\n\x08\x00\t\x00Mf45a89b88db74f17844831981f57d395地方性") == []
    # a number glued to a label on one side only is still one
    assert [n for _, n, *_ in find_personal_data("Tel13812345678")] == ["13812345678"]
