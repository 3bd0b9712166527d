"""Confirm and reject of the same event at the same instant, from two processes: exactly one wins,
on SQLite and on PostgreSQL; the loser is told who decided and when, and writes no audit row."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime

from sqlalchemy import func, select

from assessment.review import decide
from storage.db import make_engine, make_sessionmaker
from storage.models import AuditLog, DeductionEvent
from tests.test_assessment_db import event, registry

ROUNDS = 8
REASON = "栏目已迁移，误报"


def _worker(url: str, ids: list[int], action: str, barrier, results) -> None:
    from assessment.review import ReviewError

    engine = make_engine(url)
    Session = make_sessionmaker(engine)
    for event_id in ids:
        with Session() as session:
            # Both inspectors have the event on screen, pending, before either clicks: the read is done
            # before the barrier, so every round is a real race between two stale views.
            shown = session.get(DeductionEvent, event_id)
            assert shown is not None and shown.state == "pending"
            barrier.wait(timeout=60)
            try:
                decide(session, event_id, action, actor=f"审核员-{action}", reason=REASON if action == "reject" else None)
                session.commit()
                results.put((event_id, action, "ok", ""))
            except ReviewError as exc:
                session.rollback()
                results.put((event_id, action, "lost", str(exc)))
    engine.dispose()


def _race(url: str) -> tuple[list[int], dict[int, dict[str, tuple[str, str]]]]:
    engine = make_engine(url)
    Session = make_sessionmaker(engine)
    with Session() as s, s.begin():
        (unit,) = registry(s, kinds=("department",))
        ids = [event(s, unit, "column.stale", subject=f"column:{i}").id for i in range(ROUNDS)]
    engine.dispose()
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=_worker, args=(url, ids, action, barrier, results)) for action in ("confirm", "reject")]
    for w in workers:
        w.start()
    outcome: dict[int, dict[str, tuple[str, str]]] = {i: {} for i in ids}
    for _ in range(2 * ROUNDS):
        event_id, action, result, message = results.get(timeout=120)
        outcome[event_id][action] = (result, message)
    for w in workers:
        w.join(timeout=30)
        assert w.exitcode == 0
    return ids, outcome


def test_confirm_and_reject_at_the_same_instant(db_url: str) -> None:
    ids, outcome = _race(db_url)
    engine = make_engine(db_url)
    with make_sessionmaker(engine)() as s:
        for event_id in ids:
            results = outcome[event_id]
            winners = [a for a, (r, _) in results.items() if r == "ok"]
            assert len(winners) == 1, results  # exactly one of the two decisions took effect
            (winner,) = winners
            loser = "reject" if winner == "confirm" else "confirm"
            message = results[loser][1]
            assert f"已由 审核员-{winner} 于 " in message and "未生效" in message
            row = s.get_one(DeductionEvent, event_id)
            assert row.state == {"confirm": "confirmed", "reject": "rejected"}[winner]
            assert row.decided_by == f"审核员-{winner}"
            assert row.reason == (REASON if winner == "reject" else None)  # never confirmed with the reject's reason
            audits = s.scalars(select(AuditLog).where(AuditLog.entity_id == event_id)).all()
            assert [(a.action, a.before["state"]) for a in audits] == [(winner, "pending")]
        assert s.scalar(select(func.count()).select_from(AuditLog)) == len(ids)
    engine.dispose()


def test_stale_view_loses_with_who_and_when(Session) -> None:
    """An inspector whose page still shows `pending` rejects after a colleague confirmed: nothing changes."""
    from assessment.review import ReviewError

    with Session() as s, s.begin():
        (unit,) = registry(s, kinds=("department",))
        event_id = event(s, unit, "column.stale", subject="column:x").id
    with Session() as stale:
        shown = stale.get_one(DeductionEvent, event_id)  # what the second inspector saw (kept: the identity map is weak)
        assert shown.state == "pending"
        with Session() as first, first.begin():
            decide(first, event_id, "confirm", actor="张三", now=datetime(2024, 10, 8, 1, 2, 3, tzinfo=UTC))
        try:
            decide(stale, event_id, "reject", actor="李四", reason="误报")
        except ReviewError as exc:
            assert str(exc) == f"扣分事项 {event_id} 已由 张三 于 2024-10-08 09:02:03 处理（当前状态：已确认），本次驳回未生效"
        else:
            raise AssertionError("the stale decision took effect")
        stale.rollback()
    with Session() as s:
        row = s.get_one(DeductionEvent, event_id)
        assert (row.state, row.decided_by, row.reason) == ("confirmed", "张三", None)
        assert s.scalars(select(AuditLog.actor).where(AuditLog.entity_id == event_id)).all() == ["张三"]
