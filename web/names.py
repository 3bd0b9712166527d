"""Chinese display names the UI shows. The shared tables (check codes, states, categories, failure and
snapshot kinds) are core.names; what only the UI shows (actions of the audit log, roles, appeal outcomes,
evidence keys) is here, in one place.
"""

from __future__ import annotations

from core.names import CATEGORY_NAMES, CHECK_NAMES, FAILURE_NAMES, SNAPSHOT_KIND_NAMES, STATE_NAMES, check_name

__all__ = ["ACTION_NAMES", "CATEGORY_NAMES", "CHECK_NAMES", "CLOSED_NAMES", "EVIDENCE_NAMES",
           "FAILURE_NAMES", "OUTCOME_NAMES", "ROLE_NAMES", "SNAPSHOT_KIND_NAMES", "STATE_NAMES", "category_name",
           "check_name", "evidence_name", "failure_name", "state_name", "ENTITY_NAMES", "AUDIT_FIELD_NAMES",
           "audit_value"]

ACTION_NAMES = {
    "confirm": "确认", "reject": "驳回", "appeal": "申请复核", "uphold": "复核维持", "overturn": "复核撤销",
    "allow": "加入白名单", "allow_remove": "移出白名单", "false_alarm": "误报关闭",
    "login": "登录", "login_failed": "登录失败", "logout": "退出", "export": "导出", "user_add": "新建账号",
    "user_disable": "停用账号", "user_enable": "启用账号",
    "appeal_file": "上传复核材料",
}
ROLE_NAMES = {"admin": "管理员", "inspector": "考评人员", "viewer": "只读用户"}
OUTCOME_NAMES = {None: "待复核", "upheld": "维持扣分", "overturned": "撤销扣分"}
CLOSED_NAMES = {"false_alarm": "误报关闭"}



def category_name(key: str) -> str:
    return CATEGORY_NAMES.get(key, key)


def failure_name(kind: str | None) -> str:
    return "正常" if kind is None else FAILURE_NAMES.get(kind, kind)


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


ENTITY_NAMES = {"deduction_event": "扣分事项", "finding": "问题", "user": "账号", "allow_list": "白名单",
                "appeal": "复核申请", "snapshot": "快照", "score_sheet": "成绩表", "bonus_award": "加分",
                "stage_score": "环节得分"}
# fields of the audit log's before/after records
AUDIT_FIELD_NAMES = {
    "state": "状态", "points": "扣分", "reason": "理由", "decided_by": "审核人", "client": "地址", "name": "用户名",
    "role": "角色", "scheme": "方案", "quarter": "考核期", "units": "单位数", "details": "明细条数", "format": "格式",
    "file": "文件", "sha256": "SHA-256", "closed_as": "关闭方式", "allow_entry": "白名单条目", "check": "检查项",
    "phrase": "词语", "url": "网址", "unit": "单位", "unit_id": "单位编号", "active": "启用", "size": "大小",
    "rectified_on": "整改日期", "created_by": "操作人",
}


def audit_value(key: str, value: object) -> str:
    """A before/after value as people read it: states, roles and check codes by their Chinese names."""
    if value is None:
        return "—"
    text = str(value)
    if key == "state":
        return state_name(text)
    if key == "role":
        return ROLE_NAMES.get(text, text)
    if key == "check":
        return check_name(text)
    if key == "closed_as":
        return CLOSED_NAMES.get(text, text)
    if isinstance(value, bool):
        return "是" if value else "否"
    return text
