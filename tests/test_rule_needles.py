"""The needles of typos.yaml's context rules: a rule's regex runs only over a text that holds one of them, so they
must be in every text the rule matches, and selective enough that a rule does not run on every page."""

from __future__ import annotations

import re
from datetime import date

from checks.typos import _needle_sets, _needles, find_typo_hits, typo_lexicon


def test_lookaheads_groups_and_small_classes_are_read_as_alternatives() -> None:
    assert _needles(re.compile(r"(?<![点时])\d{1,4}(?P<wrong>分)(?=文件|材料)")) == ("分文件", "分材料")
    assert _needles(re.compile(r"(?:牵头|部门)(?P<wrong>会)(?=[市县])")) == ("牵头会县", "牵头会市", "部门会县", "部门会市")
    assert _needles(re.compile(r"(?P<wrong>[O0])(?<=[一二][O0])(?=[一二])")) == ("0一", "0二", "O一", "O二")
    # a lookbehind inside a group matches no character and is stepped over
    assert _needles(re.compile(r"(?P<wrong>的)(?:(?<=办的)|(?<=管的))(?=很好|不够)")) == ("的不够", "的很好")


def test_what_cannot_be_told_gives_no_needle() -> None:
    assert _needles(re.compile(r"\d+\w")) == ()
    assert _needles(re.compile(r"\d+[年月]")) == ("年", "月")
    assert _needles(re.compile(r"截止", re.IGNORECASE)) == ()
    # too many alternatives: the shorter set read before them stands
    many = "|".join(f"{chr(0x4E00 + i)}{chr(0x4E80 + i)}" for i in range(400))
    assert _needles(re.compile(f"截止(?={many})")) == ("截止",)


def test_every_shipped_rule_has_needles() -> None:
    rules = typo_lexicon().context_rules
    assert [r.pattern.pattern for r in rules if not _needles(r.pattern)] == []


def test_a_rule_still_reports_what_its_lookahead_needs() -> None:
    hits = find_typo_hits("请各单位于月底前报送3分材料。", date(2026, 1, 1))
    assert any(h["matched"] == "分" and h["suggestion"] == "份" for h in hits), hits


def test_a_rule_is_gated_by_every_set_its_matches_hold() -> None:
    # an optional group is read as its alternatives or nothing (round 48: the missing-为 rule's "，更好推动")
    assert _needles(re.compile(r"[，,](?:更好)?(?:推动|确保)")) == (",推动", ",更好推动", ",更好确保", ",确保", "，推动",
                                                                   "，更好推动", "，更好确保", "，确保")
    # what a lookahead holds after a run of any characters gates the rule too (the missing-以 rule's 为主题)
    sets = _needle_sets(re.compile(r"(?P<wrong>“)(?=[^”\n]{2,40}”为(?:主题|契机))"))
    assert ("为主题", "为契机") in sets
    assert not any("以" in n for s in _needle_sets(re.compile(r"(?!以)“(?=为)")) for n in s)  # not a negative lookahead's
