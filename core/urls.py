"""Links resolved as a browser resolves them.

Pages of older IIS sites write paths with backslashes (href="..\\xxgk\\2019\\a.html"). A browser reads a backslash
in the address of an http(s) page as a slash (WHATWG URL standard), so the visitor reaches the page; Python's urljoin
keeps it, and the request goes to "..%5Cxxgk%5C…", a 404 the site never served: a broken link that is not.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

_STRIPPED = "".join(chr(c) for c in range(0x21))  # C0 controls and space, stripped from both ends by browsers


def resolve(base: str, href: str) -> str:
    """`href` on the page at `base`, as the browser requests it (fragment kept)."""
    href = href.strip(_STRIPPED)
    if "\\" in href:
        cut = min((i for i in (href.find("?"), href.find("#")) if i >= 0), default=len(href))
        slashed = href[:cut].replace("\\", "/") + href[cut:]  # the query and fragment keep theirs
        if urlsplit(urljoin(base, slashed)).scheme in ("http", "https"):
            href = slashed
    return urljoin(base, href)
