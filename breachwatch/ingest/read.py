"""Read a seed file's bytes into clean Unicode text without altering what it says."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path


class SeedError(ValueError):
    """A seed cannot become an article; the message names the file and the problem."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


# Control characters (Unicode category Cc) that never belong in article text; tab, newline
# and carriage return are fine.
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode_seed(path: Path, raw: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM allowed), else Windows-1252; return (text, encoding)."""
    if b"\x00" in raw:
        raise SeedError(path, "contains NUL bytes: binary data, not a text article")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw, encoding = raw[3:], "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        # Scraped British news is usually Windows-1252 when it is not UTF-8 (curly quotes, £).
        try:
            text, encoding = raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = raw.decode("latin-1"), "latin-1"
    controls = len(_STRAY_CONTROLS.findall(text))
    if controls > max(4, len(text) // 100):
        raise SeedError(path, f"looks binary ({controls} control characters), not a text article")
    return text, encoding


def normalise_text(text: str) -> str:
    """Unify line endings and strip stray controls so every later step sees one form."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _STRAY_CONTROLS.sub("", text)
    text = text.replace("\t", " ").replace("\u00a0", " ")
    return unicodedata.normalize("NFC", text)


def read_seed(path: Path) -> tuple[str, str]:
    """Return a seed's normalised text and the encoding it was read with."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SeedError(path, f"cannot read file ({error.strerror})") from None
    text, encoding = decode_seed(path, raw)
    text = normalise_text(text)
    if not text.strip():
        raise SeedError(path, "is empty or whitespace only: nothing to publish")
    return text, encoding
