"""Replies to a deputy's 建议 that call it a 提案, and salutations that contradict the reply (checks/reply_letters.py).
The letters are written here in the shape of the published ones (blind77–81); the real ones are in the batches."""

from __future__ import annotations

from datetime import date

from checks.reply_letters import mixed_up_proposals
from checks.typos import find_typo_hits


def marked(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], right) for a, b, right, _ in mixed_up_proposals(text)]


def test_a_letter_to_a_deputy_that_speaks_of_a_proposal() -> None:
    letter = ("张三代表：\n您提出的《关于维修南丰二桥的建议》已收悉，经认真研究，现将提案办理情况答复如下：\n"
              "一、加快项目前期工作。\n感谢您对交通工作的关心和支持。\n县交通运输局\n2025年6月1日")
    assert marked(letter) == [("提案", "建议")]
    assert marked("尊敬的李四代表：\n感谢您对殡葬改革工作的关注，针对您的提案我们高度重视。") == [("提案", "建议")]


def test_a_salutation_that_contradicts_the_reply() -> None:
    to_member = "尊敬的陈五代表：\n您在市政协十四届三次会议上提出的《关于加强校园安全的提案》收悉。现答复如下：……"
    assert marked(to_member) == [("代表", "委员")]
    to_deputy = "赵六、钱七委员：\n你们在县第十八届人大第四次会议上提出的第26号建议收悉，现答复如下：……"
    assert marked(to_deputy) == [("委员", "代表")]
    # a page in traditional script, whose only cue is 委員
    to_deputy_traditional = "趙六委員：\n您在縣第十八屆人大第四次會議上提出的第26號建議收悉，現答覆如下：……"
    assert marked(to_deputy_traditional) == [("委員", "代表")]


def test_consistent_letters_reports_and_speeches_are_left_alone() -> None:
    assert marked("张三代表：\n您提出的《关于维修南丰二桥的建议》已收悉，现将办理情况答复如下。") == []
    # a 提案 titled as a 建议, answered to the member (the State Council's replies of 2006 read so)
    assert marked("王五委员：\n您提出的《关于加强农村饮水安全的建议》（第15号提案）收悉，现答复如下。") == []
    assert marked("各位代表：\n现在，我代表市人民政府，向大会报告工作。认真办理人大代表建议和政协提案。") == []
    assert marked("今年共承办人大代表建议35件、政协委员提案42件。\n张三代表：您的建议已办结。") == []
    # a law's line that ends in 委员， is no salutation
    assert marked("人大街道工委主任、副主任和委员，由县级人民代表大会常务委员会任免。第26号建议。") == []


def test_the_finding_reaches_text_typo() -> None:
    letter = "尊敬的李四代表：\n针对您的提案我们高度重视。"
    hits = find_typo_hits(letter, date(2025, 6, 1))
    assert [(h["matched"], h["suggestion"], h["class"]) for h in hits] == [("提案", "建议", "语境误用")]
