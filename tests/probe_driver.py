"""Probe every unit once an hour until a moment, on whatever clock the process has: run by
tests/test_availability_week.py under a fast fake clock (libfaketime), so a week passes in a minute."""

import sys
import threading
from datetime import UTC, datetime, timedelta

from core.settings import Settings
from crawler.probe import run_probes
from storage.db import make_engine, make_sessionmaker


def main(until: str) -> None:
    settings = Settings()
    Session = make_sessionmaker(make_engine(settings.database_url))
    end = datetime.fromisoformat(until)
    while datetime.now(UTC) < end:
        started = datetime.now(UTC)
        run_probes(settings, Session)
        pause = threading.Event()  # time.sleep fails (EINVAL) under a sped-up libfaketime clock
        while datetime.now(UTC) < started + timedelta(hours=1):
            pause.wait(0.005)


if __name__ == "__main__":
    main(sys.argv[1])
