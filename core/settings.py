"""The one place that reads the environment.

Every setting is `ZWGK_<NAME>`; child processes (the crawl subprocess) get the same values through
`Settings.as_env()`, so nothing else in the code base touches `os.environ`.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]


_PASSWORD_IN_URL = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s]*:)(?P<password>[^/\s]+)(?P<at>@)", re.I)


def mask_url(text: str) -> str:
    """Any URL's password in `text` replaced by ***, so that no message or log shows a secret."""
    return _PASSWORD_IN_URL.sub(lambda m: f"{m['head']}***{m['at']}", text)


EVIDENCE_FIELDS = {"evidence_store", "evidence_dir", "warc_dir", "evidence_s3_endpoint", "evidence_s3_bucket",
                   "evidence_s3_prefix", "evidence_s3_region", "evidence_s3_access_key", "evidence_s3_secret_key"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ZWGK_", extra="ignore")

    database_url: str = Field("sqlite:///zwgk.sqlite", description="SQLAlchemy URL of the store")
    timezone: str = Field("Asia/Shanghai", description="zone that 'today' and as-of dates are judged in")
    data_dir: Path = Field(Path("var"), description="working files: demo database, logs, job store")
    warc_dir: Path = Field(Path("var/warc"), description="WARC files written during each crawl (raw requests and "
                           "responses as they came off the wire); the database indexes their records")
    evidence_store: str = Field(
        "local", description="where evidence files live: local (WARC files in warc_dir, bodies and screenshots in the "
                             "database, as before), shared (a directory several machines mount) or s3 (an "
                             "S3-compatible object store); see storage/evidence_store.py")
    evidence_dir: Path | None = Field(None, description="the directory of the shared evidence store (required with "
                                      "evidence_store=shared; with local, bodies are not stored here)")
    evidence_s3_endpoint: str = Field("", description="S3-compatible endpoint, e.g. http://10.0.0.6:9000 (path-style "
                                      "addressing); empty: AWS")
    evidence_s3_bucket: str = Field("", description="bucket of the S3 evidence store (created when missing)")
    evidence_s3_prefix: str = Field("", description="key prefix inside the bucket, e.g. zwgk/")
    evidence_s3_region: str = Field("us-east-1", description="region sent to the S3 endpoint")
    evidence_s3_access_key: str = Field("", description="access key of the S3 evidence store")
    evidence_s3_secret_key: str = Field("", description="secret key of the S3 evidence store (never printed)")
    warc_segment_bytes: int = Field(64 * 1024 * 1024, description="with a shared or S3 evidence store: a crawl's "
                                    "WARC file is put into the store (and indexed) in segments of about this size")
    warc_segment_seconds: float = Field(300.0, description="with a shared or S3 evidence store: a segment with "
                                        "records is put into the store after this long at the latest (what a "
                                        "machine lost with its disk can lose; a killed process loses nothing, "
                                        "its segment is finished from the spool under data_dir)")
    lexicon_dir: Path | None = Field(
        None, description="extra word lists for the text checks (same file names as checks/lexicons/, added to them)")
    lexicon_cache_dir: str = Field(
        "~/.cache/zwgk", description="where the text checks' compiled word lists are kept between processes (about "
                                     "25 CPU seconds saved in every later process; keyed by the code, lexicons and "
                                     "libraries, so never stale), and numba's compiled probes (numba/); empty: "
                                     "compile the word lists in every process, the probes go to the temporary directory")

    # crawling
    user_agent: str = Field(
        "zwgk/0.1 (政务公开检查爬虫; 政务公开主管部门日常监测)",
        description="honest user agent sent to every portal",
    )
    concurrent_requests: int = Field(16, description="requests in flight over all hosts")
    per_host_concurrency: int = Field(4, description="requests in flight per host (county servers are fragile)")
    download_delay: float = Field(0.0, description="seconds between requests to one host")
    download_timeout: float = Field(15.0, description="seconds before a request counts as timed out")
    retry_times: int = Field(2, description="retries of a failed request before it is recorded as failed")
    obey_robots: bool = Field(True, description="honour robots.txt (a unit may override)")
    max_list_pages: int = Field(200, description="list pages followed per column at most (pager totals are clamped to it)")
    max_unit_pages: int = Field(20000, description="detail pages, further list pages and attachments requested per unit at most")
    max_body_bytes: int = Field(20 * 1024 * 1024, description="largest response body kept")
    revisit_days: int = Field(56, ge=1, description="a detail page whose list entry is unchanged is requested again "
                              "(conditional GET) once every N nights, in rotation (weekly while an open finding cites "
                              "it), and a column whose first list page is unchanged is paged completely once every N "
                              "nights; 1 = every page every night")
    column_look_nights: int = Field(1, ge=1, description="a column far from every update deadline that applies to it "
                                    "(no open finding, listed completely, not blank, first page unchanged at the last "
                                    "look) is looked at (its first list page requested) at least once every N nights "
                                    "rather than every night, by the nightly job (`zwgk run`; `zwgk crawl` looks at every "
                                    "column); 1 (the default) = every column every night; 3 halves an incremental "
                                    "night's requests on one polite host at the cost of seeing new items on resting "
                                    "columns up to 2 nights late")
    worker_lease_seconds: float = Field(60.0, description="a crawl worker that has not renewed its lease for this "
                                        "long is taken for dead: the requests it held go back into the queue")
    worker_id: str = Field("", description="name of this crawl worker in a shared night (default host:pid)")
    chromium_path: str = Field("/usr/bin/chromium", description="Debian's chromium for JavaScript pages")
    progress_interval: float = Field(2.0, description="seconds between progress lines of a crawl")
    retry_after_max: float = Field(300.0, description="longest wait honoured from a Retry-After header (seconds)")
    backoff_base: float = Field(2.0, description="first wait after a 429/5xx without Retry-After; doubles per retry")
    attachment_text_chars: int = Field(200_000, description="characters of text kept per attachment")
    check_links: bool = Field(True, description="after a crawl, check the links of crawled pages (HEAD, then GET)")
    probe_timeout: float = Field(15.0, description="seconds before a home-page probe counts as timed out")
    probe_slow_ms: int = Field(5000, description="a probe answered later than this is recorded as slow")
    allow_internal: str = Field(
        "", description="comma-separated host or host:port allowed although it resolves to a private, loopback "
                        "or link-local address (besides the origins the registry names); empty in production")
    screenshot_text_findings: bool = Field(True, description="after the checks, a full-page screenshot of every "
                                           "captured page that carries a text finding (typo, sensitive word, "
                                           "personal data)")
    collect_new_media: bool = Field(True, description="after a crawl, read new-media feeds and pages")

    # operations: one run at a time, alerts, data outside the code tree
    lease_ttl: float = Field(
        120.0, description="seconds a run's lease lives without a heartbeat (a killed run frees the store this long after)")
    backoff_give_up: int = Field(6, description="consecutive failed answers after which a host is given up for the night")
    autothrottle: bool = Field(True, description="adapt the delay per host to its response times (Scrapy AutoThrottle)")
    alert_webhook_url: str = Field("", description="webhook that receives alerts (empty: none)")
    alert_webhook_format: str = Field(
        "json", description="webhook body: json (generic), wecom (企业微信机器人) or dingtalk (钉钉机器人)")
    alert_smtp_host: str = Field("", description="SMTP server for alert mail (empty: no mail)")
    alert_smtp_port: int = Field(25, description="SMTP port (465: implicit TLS)")
    alert_smtp_user: str = Field("", description="SMTP login (empty: no login)")
    alert_smtp_password: str = Field("", description="SMTP password (never printed)")
    alert_smtp_starttls: bool = Field(False, description="upgrade the SMTP connection with STARTTLS")
    alert_mail_from: str = Field("zwgk@localhost", description="sender of alert mail")
    alert_mail_to: str = Field("", description="recipients of alert mail, comma-separated")

    # web UI (zwgk serve)
    web_secret_key: str = Field("", description="key that signs session cookies; empty: a random key kept in data_dir/web_secret")
    web_https: bool = Field(False, description="the UI is reached over HTTPS (directly or through a proxy): cookies get Secure")
    session_hours: int = Field(12, description="hours a login lasts")
    upload_max_bytes: int = Field(10 * 1024 * 1024, description="largest file accepted with an appeal")
    upload_dir: Path = Field(Path("var/uploads"), description="where appeal files are kept (outside the web root)")

    # scheduling
    nightly_cron: str = Field("0 1 * * *", description="crontab of the nightly job (crawl then check)")
    probe_cron: str = Field("*/30 * * * *", description="crontab of the home-page probes (site.unreachable wants >=20 a day)")

    def masked_database_url(self) -> str:
        return mask_url(self.database_url)

    def resolved_data_dir(self) -> Path:
        path = self.data_dir.expanduser()
        path.mkdir(parents=True, exist_ok=True)
        return path

    def as_env(self, **overrides: object) -> dict[str, str]:
        """The environment for a child process: the current one plus these settings."""
        env = dict(os.environ)
        values = self.model_dump() | overrides
        for name, value in values.items():
            if value is None:
                continue
            env[f"ZWGK_{name.upper()}"] = str(value).lower() if isinstance(value, bool) else str(value)
        return env


@lru_cache
def get_settings() -> Settings:
    return Settings()


def export_numba_cache_dir(folder: str) -> None:
    """Tell numba where to keep compiled functions (checks.run_probes), unless the environment already does:
    numba reads NUMBA_CACHE_DIR itself, once, when it is first imported."""
    os.environ.setdefault("NUMBA_CACHE_DIR", folder)
