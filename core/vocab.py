"""The project's fixed vocabularies, spelled once. Each is a StrEnum: members compare equal to the plain
strings stored in the database and written in registry and scheme files."""

from __future__ import annotations

from enum import StrEnum


class CheckCode(StrEnum):
    """The product contract's check codes: the only codes a check may register under or a scheme may price."""

    SITE_UNREACHABLE = "site.unreachable"
    LINK_BROKEN = "link.broken"
    COLUMN_STALE = "column.stale"
    COLUMN_BLANK = "column.blank"
    INTERPRETATION_MISSING = "interpretation.missing"
    INTERPRETATION_UNLINKED = "interpretation.unlinked"
    INTERPRETATION_LATE = "interpretation.late"
    INTERPRETATION_COPIED = "interpretation.copied"
    ANNUAL_REPORT_MISSING = "annual_report.missing"
    ANNUAL_REPORT_LATE = "annual_report.late"
    ANNUAL_REPORT_FORMAT = "annual_report.format"
    ANNUAL_REPORT_SIMILAR = "annual_report.similar"
    ANNUAL_REPORT_INCONSISTENT = "annual_report.inconsistent"
    TEXT_TYPO = "text.typo"
    TEXT_SENSITIVE = "text.sensitive"
    TEXT_PRIVACY = "text.privacy"
    NEWMEDIA_STALE = "newmedia.stale"
    # recorded, never priced (SPEC "Findings"): a portal that blocked the prober all week, and the
    # warnings below the 19号 veto lines
    SITE_BLOCKED = "site.blocked"
    WARNING_UNREACHABLE = "warning.unreachable"
    WARNING_HOME_STALE = "warning.home_stale"
    WARNING_STALE_COLUMNS = "warning.stale_columns"
    WARNING_BLANK_COLUMNS = "warning.blank_columns"


NEVER_PRICED = frozenset({CheckCode.SITE_BLOCKED, CheckCode.WARNING_UNREACHABLE, CheckCode.WARNING_HOME_STALE,
                          CheckCode.WARNING_STALE_COLUMNS, CheckCode.WARNING_BLANK_COLUMNS})


class Category(StrEnum):
    """Column categories (SPEC; staleness windows in core.categories)."""

    NEWS = "news"
    NOTICE = "notice"
    POLICY = "policy"
    PERSONNEL = "personnel"
    PLANNING = "planning"
    INTERPRETATION = "interpretation"
    ANNUAL_REPORT = "annual_report"
    OTHER = "other"


class UnitKind(StrEnum):
    GOVERNMENT = "government"
    DEPARTMENT = "department"
    TOWNSHIP = "township"
    VILLAGE = "village"
    PUBLIC_INSTITUTION = "public-institution"


class Level(StrEnum):
    """The assessing office's level."""

    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"


class EventState(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    APPEALED = "appealed"


class SnapshotKind(StrEnum):
    """What a stored response was fetched as."""

    HOME = "home"
    LIST = "list"
    DETAIL = "detail"
    ATTACHMENT = "attachment"
    FEED = "feed"
    MEDIA_PAGE = "media_page"


class FailureKind(StrEnum):
    """Why a fetch gave no usable page stored on snapshots, probes, link checks and collector runs.

    Decided by crawler.failures only."""

    DNS = "dns"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    CONNECTION = "connection"
    STATUS = "status"  # an HTTP error status that is not a block
    BLOCKED = "blocked"  # 401/403/418/429 or a WAF notice: neither up nor down
    ROBOTS = "robots"
    EMPTY = "empty"
    IGNORED = "ignored"
    GIVEN_UP = "given_up"  # the server kept failing: given up for the night (crawler.middlewares)
    SLOW = "slow"  # probes only: answered, but later than the slow threshold
    TOKEN = "token"  # new-media collectors: the account's token expired (401)
    RATE_LIMITED = "rate_limited"  # new-media collectors: 418/429
    MALFORMED = "malformed"  # new-media collectors: not a readable feed
    EGRESS = "egress"  # refused by the egress policy (file:, ftp:, an internal address): never fetched
    TOO_LARGE = "too_large"  # the body (or what it inflates to: a gzip bomb) passed the size cap
    REDIRECTS = "redirects"  # a redirect loop or a chain longer than the limit
    ERROR_PAGE = "error_page"  # the site's "page not found" page (200): reached by a redirect (/404.html) or at the address
    OTHER = "other"

