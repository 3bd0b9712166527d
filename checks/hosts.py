"""Whose host is it: the site's own, a government's, a well-known public service's, or a stranger's.

A script, a frame or a hidden link that a page takes from a stranger's host is what injected spam looks
like; from the site's own domain, from a government or education domain, or from a public service that
government pages use (statistics, sharing, library CDNs, accessibility, maps, the 党政机关 emblem and the
error-report button: lexicons/third_party_hosts.txt, which ops extend) it is not. A host on
lexicons/compromised_hosts.txt (a script CDN that changed hands and served malware, such as polyfill.io
in 2024) is no public service whatever the other list says: what a page loads from it is
reported wherever it stands.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

from checks.lexicon import noted_list, word_list

# second-level labels under which a registrable domain has three labels (xx.gov.cn, xx.com.cn, xx.co.uk)
_SECOND_LEVEL = frozenset({"gov", "com", "net", "org", "edu", "ac", "co", "mil"})
# government and education domains: China's and the conventional ones elsewhere
_PUBLIC_SUFFIXES = (".gov.cn", ".edu.cn", ".gov", ".mil", ".gov.hk", ".gov.mo", ".edu")


def host_of(url: str) -> str:
    """The lower-case host of an absolute or protocol-relative URL ("" for a relative one)."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://", "//")):
        return ""
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:  # an unbalanced [ in the netloc
        return ""


@functools.lru_cache(maxsize=8192)
def site_of(host: str) -> str:
    """The registrable domain of a host (www.beijing.gov.cn -> beijing.gov.cn, s19.cnzz.com -> cnzz.com);
    an IP address is its own site."""
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def is_public_body(host: str) -> bool:
    """A government or education host (gov.cn, edu.cn …)."""
    host = "." + host
    return host.endswith(_PUBLIC_SUFFIXES) or host in (".gov.cn", ".edu.cn")


@functools.lru_cache(maxsize=1)
def _known_services() -> frozenset[str]:
    return frozenset(d.lower().strip(".") for d in word_list("third_party_hosts.txt"))


def is_known_service(host: str) -> bool:
    """A host of a well-known public service (third_party_hosts.txt), sub-domains included; never a
    compromised one (compromised_hosts.txt)."""
    known = _known_services()
    labels = host.split(".")
    return any(".".join(labels[i:]) in known for i in range(len(labels) - 1)) and compromised(host) is None


@functools.lru_cache(maxsize=1)
def _compromised() -> dict[str, str]:
    return {d.lower().strip("."): note for d, note in noted_list("compromised_hosts.txt").items()}


@functools.lru_cache(maxsize=4096)
def compromised(host: str) -> str | None:
    """What happened to a hijacked or re-registered service host (compromised_hosts.txt, sub-domains
    included), or None."""
    bad = _compromised()
    labels = host.lower().split(".")
    return next((bad[d] for d in (".".join(labels[i:]) for i in range(len(labels) - 1)) if d in bad), None)


def own_sites(urls: Iterable[str | None]) -> frozenset[str]:
    """The registrable domains of a unit's own addresses (its portal, its columns and pages)."""
    return frozenset(site_of(h) for h in (host_of(u) for u in urls if u) if h)


def is_stranger(host: str, own: frozenset[str]) -> bool:
    """Neither the site's own domain, nor a government or education one, nor a known public service."""
    return bool(host) and site_of(host) not in own and not is_public_body(host) and not is_known_service(host)
