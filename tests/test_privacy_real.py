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


# Two records of the Guangdong government service guides (Clarence-Kong/QABasedOnPolicyKnowledgeGraph@b1f5aec
# data/policy.json, as /work/realdata/policy.json holds it; benchmarks/privacy_real.py reads the whole file): an
# office's landlines, a weibo id, a postcode, the 12345 hotline and a task code built on an organ's code. Nothing
# here is a person's number; the whole file (3.65 MB: 3,336 landlines, 2,859 credit-code-like strings, 8,954 runs
# of 11+ digits) gives no finding either.
GUIDE = ("咨询电话号码：020-86350153，受理时间：周一至周五（法定节假日除外）上午08：30-12:00，下午14:00-17:30.。"
         "实施机关咨询网址：http://www.gdsf.gov.cn/column.do?colId=40400。政务微博及网址：广东省司法厅新浪微博，"
         "https://weibo.com/u/6505531746?refer_flag=1001030101_。微信号：gdsifaxingzheng。电子邮箱：sft_ggc@126.com。"
         "咨询信函邮寄地址：广东省广州白云区政民路51号广东省司法厅公共法律服务管理处218室。邮政编码：510405。"
         '","complain_phone":"020-86350756"\n'
         '00MB2D0234372440125017014","ORGCODE":"MB2D02343","CATAID":"440125017014","AREACODE":"440000",'
         '"TASK_CODE":"11440000006939756B2440101007000","consult_phone":"020-12345","complain_phone":"020-12345-1"')


def test_a_service_guide_full_of_office_numbers_and_codes_exposes_nothing() -> None:
    assert find_personal_data(GUIDE) == []


def test_a_mobile_number_where_the_guide_has_its_landline_is_reported() -> None:
    # 13800138000, the number handset makers print as an example, standing where the office's landline is
    leaked = GUIDE.replace("020-86350153", "13800138000")
    assert [(k, n) for k, n, *_ in find_personal_data(leaked)] == [("手机号码", "13800138000")]
