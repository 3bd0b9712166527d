"""A template's hint published with the text (累计主动公开政府信息23条（请根据实际情况填写）; 请与行政机关规范全称联系;
政府门户网站（具体网址）查阅): part of `text.typo`, class 常见错别字.

Units fill in the national format of the annual report (国办公开办函〔2021〕30号) and their superiors' templates, whose
hints say what to write in brackets; one left in print is a slip an inspector deducts for like a typo. Only the
template's own wording counts: a bracketed request to fill in, correct or delete something, a bracketed 具体网址/具体
地址 …, and 行政机关规范全称 (the format's own hint). Placeholders such as ×× are left alone: courts' sample
documents and anonymised news print them on purpose. None of these is found in 93.5 MB of correct text (laws,
policies, 2026 work reports, People's Daily 1998, csc_hard).
"""

from __future__ import annotations

import re

_HINT = re.compile(
    "[（(](?:请[^（）()\n]{0,12}?(?:填写|填报|修改|删除|补充|替换|核实)[^（）()\n]{0,6}"
    "|具体(?:网址|地址|电话|名称|时间|日期|数字|数量|单位)|此处[^（）()\n]{1,10})[）)]"
    "|行政机关规范全称")


# every hint holds one of these: the pattern, which opens with a bracket (tried at every one), runs only on a text
# that has one
_NEEDLES = ("（请", "(请", "（具体", "(具体", "（此处", "(此处", "规范全称")


def find_template_hints(text: str) -> list[tuple[int, int, str]]:
    """(start, end, why) for each hint of a template left in `text`."""
    if not any(needle in text for needle in _NEEDLES):
        return []
    return [(m.start(), m.end(), f"模板提示文字“{m.group()}”未替换或删除，应改为实际内容") for m in _HINT.finditer(text)]
