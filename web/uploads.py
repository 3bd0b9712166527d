"""Files handed in with an appeal: size-limited, type-checked by their first bytes as well as their name,
kept under a random name in the upload directory (outside anything the server serves by path)."""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# extension -> (content type, the magic prefixes a real file of that type starts with)
ALLOWED: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    ".doc": ("application/msword", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    ".xls": ("application/vnd.ms-excel", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
}


class UploadError(ValueError):
    """A refused file; the message is Chinese, for the inspector."""


@dataclass(frozen=True)
class Stored:
    original_name: str
    stored_name: str
    content_type: str
    size: int
    sha256: str


def clean_name(name: str) -> str:
    """The uploader's file name as text to show: no path, no control characters, at most 200 characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return base[:200] or "未命名文件"


def store_upload(stream: BinaryIO, name: str, directory: Path, max_bytes: int) -> Stored:
    original = clean_name(name)
    suffix = Path(original).suffix.lower()
    if suffix not in ALLOWED:
        raise UploadError(f"文件“{original}”的类型不允许，只接受 {'、'.join(sorted(ALLOWED))}")
    content_type, magics = ALLOWED[suffix]
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadError(f"文件“{original}”超过 {max_bytes // (1024 * 1024)} MB 的上限")
    if not data:
        raise UploadError(f"文件“{original}”是空文件")
    if not any(data.startswith(m) for m in magics):
        raise UploadError(f"文件“{original}”的内容与扩展名 {suffix} 不符")
    directory.mkdir(parents=True, exist_ok=True)
    stored_name = secrets.token_hex(16) + suffix
    (directory / stored_name).write_bytes(data)
    return Stored(original, stored_name, content_type, len(data), hashlib.sha256(data).hexdigest())
