"""Chinese display names of codes the UI shows, in one place.

Issue 8 brings `core/names.py` (one table for the whole code base); when it lands, this module becomes
a re-export of it. Until then the UI reads every display name from here and nowhere else.
"""

from __future__ import annotations

from core.categories import CATEGORY_NAMES
from crawler.coverage import ERROR_NAMES

CHECK_NAMES = {
    "site.unreachable": "网站无法访问",
    "site.blocked": "网站拦截检查",
    "link.broken": "链接不可用",
    "column.stale": "栏目不更新",
    "column.blank": "空白栏目",
    "interpretation.missing": "政策文件无解读",
    "interpretation.unlinked": "文件与解读未双向关联",
    "interpretation.late": "解读发布滞后",
    "interpretation.copied": "解读照抄原文",
    "annual_report.missing": "年报未发布",
    "annual_report.late": "年报逾期发布",
    "annual_report.format": "年报格式缺项",
    "annual_report.similar": "年报内容雷同",
    "annual_report.inconsistent": "年报数据不一致",
    "text.typo": "错别字或错误表述",
    "text.sensitive": "敏感词",
    "text.privacy": "泄露个人信息",
    "newmedia.stale": "新媒体不更新",
    "warning.home_stale": "预警：首页不更新",
    "warning.unreachable": "预警：网站无法访问",
    "warning.stale_columns": "预警：不更新栏目数",
    "warning.blank_columns": "预警：空白栏目数",
}

STATE_NAMES = {"pending": "待审核", "confirmed": "已确认", "rejected": "已驳回", "appealed": "复核中"}
ACTION_NAMES = {
    "confirm": "确认", "reject": "驳回", "appeal": "申请复核", "uphold": "复核维持", "overturn": "复核撤销",
    "allow": "加入白名单", "allow_remove": "移出白名单", "false_alarm": "误报关闭",
    "login": "登录", "login_failed": "登录失败", "logout": "退出", "export": "导出", "user_add": "新建账号",
    "appeal_file": "上传复核材料",
}
ROLE_NAMES = {"admin": "管理员", "inspector": "考评人员", "viewer": "只读用户"}
OUTCOME_NAMES = {None: "待复核", "upheld": "维持扣分", "overturned": "撤销扣分"}
FAILURE_NAMES = {**ERROR_NAMES, None: "正常"}
SNAPSHOT_KIND_NAMES = {"home": "首页", "list": "栏目列表页", "detail": "详情页", "attachment": "附件", "feed": "订阅源",
                       "link": "链接", "media_page": "新媒体页面"}
CLOSED_NAMES = {"false_alarm": "误报关闭"}


def check_name(code: str) -> str:
    return CHECK_NAMES.get(code, code)


def category_name(key: str) -> str:
    return CATEGORY_NAMES.get(key, key)


def state_name(state: str) -> str:
    return STATE_NAMES.get(state, state)


# keys of a finding's evidence, as the evidence page labels them; an unknown key is shown as it is
EVIDENCE_NAMES = {
    "matched": "命中文字", "category": "类别", "count": "出现次数", "suggestion": "建议改为", "why": "依据",
    "url": "网址", "title": "标题", "publish_date": "发布日期", "year": "年度", "share": "比例", "status": "HTTP 状态",
    "working_days": "工作日数", "source_url": "来源网址", "published_at": "发布时间", "probes": "探测次数",
    "posts_read": "读取的帖子数", "passages": "段落", "page": "页面", "observations": "观察记录", "night": "夜间任务",
    "missing": "缺少", "matched_by": "配对方式", "link": "链接", "limit": "期限", "latest_post": "最近一次发布",
    "last_failed": "最近一次失败", "kinds": "类型", "kind": "类型", "failed": "失败次数", "error": "错误",
    "document_number": "文号", "latest": "最新一条信息", "window": "期限", "column": "栏目", "items": "信息条数",
}


def evidence_name(key: str) -> str:
    return EVIDENCE_NAMES.get(key, key)
