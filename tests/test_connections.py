"""No request on a connection the server is closing (crawler.connections): the cause of a list page lost
now and then in CI (yunhe-sjt's form POST, pageNo=3, failed with "Connection was closed cleanly")."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.connections import closes_after

ROOT = Path(__file__).resolve().parent.parent

# Back-to-back form POSTs through a persistent Twisted pool, with the crawler's protocol factory or
# Twisted's own; prints how many failed. In a child process: a Twisted reactor runs once per process.
POSTS = """
import json, sys
from io import BytesIO
from twisted.internet import defer, reactor
from twisted.web.client import Agent, FileBodyProducer, HTTPConnectionPool, readBody
from twisted.web.http_headers import Headers
from crawler.connections import HonestKeepAliveFactory

url, honest, count = sys.argv[1].encode(), sys.argv[2] == "honest", int(sys.argv[3])
pool = HTTPConnectionPool(reactor, persistent=True)
if honest:
    pool._factory = HonestKeepAliveFactory
agent, failed = Agent(reactor, pool=pool), []

@defer.inlineCallbacks
def run():
    for page in range(count):
        form = b"columnId=2001&pageSize=8&pageNo=%d" % (page % 3 + 1)
        try:
            response = yield agent.request(b"POST", url, Headers({b"Content-Type": [b"application/x-www-form-urlencoded"]}),
                                           FileBodyProducer(BytesIO(form)))
            rows = json.loads((yield readBody(response)))["rows"]
            assert rows, form
        except Exception as exc:
            failed.append(type(exc).__name__)
    print(json.dumps(failed))
    reactor.stop()

reactor.callWhenRunning(run)
reactor.run()
"""


def _failed_posts(url: str, factory: str, count: int = 60) -> list[str]:
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", POSTS, url, factory, str(count)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_back_to_back_posts_to_an_http10_server_all_answer(farm) -> None:
    url = farm.urls["yunhe_sjt"] + "/common/list.do"  # the farm's servers answer HTTP/1.0, then close
    assert _failed_posts(url, "honest") == []
    # the same with Twisted's own factory loses POSTs: what the crawler did before, and proof the test bites
    assert "ResponseNeverReceived" in _failed_posts(url, "twisted")


@pytest.mark.parametrize("version, connection, closes", [
    ((b"HTTP", 1, 0), [], True),
    ((b"HTTP", 1, 0), [b"Keep-Alive"], False),
    ((b"HTTP", 1, 0), [b"close"], True),
    ((b"HTTP", 1, 1), [], False),
    ((b"HTTP", 1, 1), [b"keep-alive, Close"], True),
    ((b"HTTP", 1, 1), [b"Upgrade"], False),
])
def test_which_answers_end_the_connection(version, connection, closes) -> None:
    assert closes_after(version, connection) is closes
