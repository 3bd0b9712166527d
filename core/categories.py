"""A column's category from its name, when the registry does not give one (SPEC categories: core.vocab)."""

from __future__ import annotations

# Order matters: the first keyword found in the name decides (解读 before 政策, 年报 before 计划).
_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("interpretation", ("解读", "图解", "问答")),
    ("annual_report", ("年报", "年度报告")),
    ("personnel", ("人事", "任免", "招聘", "招考", "录用", "干部")),
    ("planning", ("规划", "计划", "总结")),
    ("policy", ("政策", "文件", "法规", "规章", "制度")),
    ("notice", ("通知", "公告", "公示", "通告")),
    ("news", ("动态", "要闻", "新闻", "资讯", "工作信息", "快讯")),
)
# Column names in traditional characters (汕尾's portals: 政務動態, 政策解讀) are folded to simplified
# first. Only the characters of the keywords above matter, so a small table does (core may not import
# the text checks' full conversion table).
_T2S = str.maketrans("讀圖問報規劃計總錄幹製動態聞訊資", "读图问报规划计总录干制动态闻讯资")


def classify_column(name: str) -> str:
    """The SPEC category of a column from its name; `other` when nothing matches."""
    name = name.translate(_T2S)
    for category, words in _KEYWORDS:
        if any(word in name for word in words):
            return category
    return "other"
