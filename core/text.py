"""Text from hostile pages made safe once, where it is decoded.

`clean_text` drops control characters (a pasted Word line break arrives as \\x0b), non-characters
(U+FFFE, U+FFFF, U+FDD0…U+FDEF and each plane's last two) and lone surrogates, none of which lxml,
XML, Excel or a terminal accept; vertical tab, form feed and the Unicode line separators become
newlines. Tab, newline and carriage return stay. `terminal_safe` is for output: it also neutralises
what the text may legitimately keep but a terminal or a CSV reader would act on.
"""

from __future__ import annotations

import re

_NONCHARS = "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17))
_DROP = re.compile(f"[\\x00-\\x08\\x0e-\\x1f\\x7f-\\x84\\x86-\\x9f\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff{_NONCHARS}]")
_BREAK = re.compile("[\\x0b\\x0c\\x1c-\\x1e\\x85\\u2028\\u2029]")
_CONTROL = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029]")  # C0, C1, bidi overrides
_CONTROL_BUT_NEWLINE = re.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029]")
_JSON_UNSAFE = re.compile("[\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029]")  # json.dumps escapes C0 itself


def clean_text(text: str) -> str:
    """The text without control characters, non-characters or lone surrogates (see the module doc)."""
    if _BREAK.search(text):
        text = _BREAK.sub("\n", text)
    if _DROP.search(text):
        text = _DROP.sub("", text)
    return text


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, *, keep_newlines: bool = False) -> str:
    """Text for a terminal, a CSV cell or a log: every control character (ESC included) and
    bidirectional override shown as a visible escape, never acted on. One line unless `keep_newlines`."""
    return (_CONTROL_BUT_NEWLINE if keep_newlines else _CONTROL).sub(_shown, text)


def json_safe(text: str) -> str:
    """JSON text (json.dumps with ensure_ascii=False) with C1 controls and bidi overrides escaped too:
    still the same JSON value, but nothing a terminal would act on."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
