"""Accounts of the web UI: create, verify a password, and throttle guessing.

Passwords are kept only as argon2id hashes (argon2-cffi's defaults, RFC 9106 low-memory profile).
Failed logins are audit-log rows; the throttle counts them, so it holds across server processes and
restarts and the same rows answer "who tried to log in as whom".
"""

from __future__ import annotations

from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.clock import utcnow
from storage.models import AuditLog
from storage.web_models import ROLES, User

_HASHER = PasswordHasher()
# a hash of nothing anyone can type, so an unknown name costs as much time as a wrong password
_DUMMY = _HASHER.hash("\x00zwgk-no-such-user")
MIN_PASSWORD = 8
THROTTLE_FAILURES = 5
THROTTLE_WINDOW = timedelta(minutes=15)


class AccountError(ValueError):
    """A refused account change or login; the message is Chinese, for the user."""


def add_user(session: Session, name: str, role: str, password: str, *, by: str = "cli") -> User:
    name = name.strip()
    if not name:
        raise AccountError("用户名不能为空")
    if role not in ROLES:
        raise AccountError(f"角色只能是 {'、'.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"密码至少 {MIN_PASSWORD} 个字符")
    if session.scalar(select(User.id).where(User.name == name)):
        raise AccountError(f"用户 {name} 已存在")
    user = User(name=name, role=role, password_hash=_HASHER.hash(password))
    session.add(user)
    session.flush()
    session.add(AuditLog(actor=by, action="user_add", entity="user", entity_id=user.id, before={},
                         after={"name": name, "role": role}))
    session.flush()
    return user


def recent_failures(session: Session, name: str, now: datetime | None = None) -> int:
    since = (now or utcnow()) - THROTTLE_WINDOW
    return session.scalar(select(func.count(AuditLog.id)).where(
        AuditLog.action == "login_failed", AuditLog.actor == name[:100], AuditLog.at >= since)) or 0


def authenticate(session: Session, name: str, password: str, *, client: str = "") -> User:
    """The active user with this name and password; every attempt is audit-logged."""
    name = name.strip()[:100]
    if recent_failures(session, name) >= THROTTLE_FAILURES:
        session.add(AuditLog(actor=name, action="login_failed", entity="user", after={"client": client},
                             reason="尝试过于频繁，已拒绝"))
        session.flush()
        raise AccountError(f"登录失败次数过多，请 {int(THROTTLE_WINDOW.total_seconds() // 60)} 分钟后再试")
    user = session.scalar(select(User).where(User.name == name))
    try:
        ok = _HASHER.verify(user.password_hash if user else _DUMMY, password) and user is not None and user.active
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None:
        session.add(AuditLog(actor=name, action="login_failed", entity="user", entity_id=user.id if user else None,
                             after={"client": client}))
        session.flush()
        raise AccountError("用户名或密码错误")
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    session.add(AuditLog(actor=name, action="login", entity="user", entity_id=user.id, after={"client": client}))
    session.flush()
    return user


def set_active(session: Session, name: str, active: bool, *, by: str = "cli") -> User:
    """Disable (or enable again) an account; a disabled user's open sessions end at their next request."""
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise AccountError(f"没有用户 {name}")
    before = {"active": user.active}
    user.active = active
    session.add(AuditLog(actor=by, action="user_enable" if active else "user_disable", entity="user",
                         entity_id=user.id, before=before, after={"active": active}))
    session.flush()
    return user


def list_users(session: Session) -> list[dict]:
    return [{"name": u.name, "role": u.role, "active": u.active, "created_at": u.created_at}
            for u in session.scalars(select(User).order_by(User.name))]
