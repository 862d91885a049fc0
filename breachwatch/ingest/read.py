"""Read a seed file's bytes into clean Unicode text without altering what it says."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path


class SeedError(ValueError):
    """A seed cannot become an article; the message names the file and the problem."""

    def __init__(self, path: Path, problem: str) -> None:
        shown = str(path) if str(path).isprintable() else ascii(str(path))  # stays one line
        super().__init__(f"{shown}: {problem}")
        self.path = path
        self.problem = problem


# Control characters (Unicode category Cc) that never belong in article text; tab, newline
# and carriage return are fine.
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Noncharacters XML 1.0 forbids, so the Atom feeds stay well-formed.
_NOT_XML = re.compile("[\ufffe\uffff]")
# The longest news story is a few hundred kilobytes; more is a dump, not an article.
MAX_SEED_BYTES = 2_000_000
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Read bytes that are not UTF-8 as Windows-1252 (Latin-1 where 1252 has no character)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    text = "".join(
        bytes([byte]).decode("latin-1" if byte in _CP1252_HOLES else "cp1252") for byte in bad
    )
    return text, error.end


codecs.register_error("breachwatch-cp1252", _as_cp1252)


def decode_seed(path: Path, raw: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM allowed), else Windows-1252; return (text, encoding)."""
    if raw.startswith(_UTF16_BOMS):
        try:
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise SeedError(path, "starts like UTF-16 text but is not valid UTF-16") from None
    if b"\x00" in raw:
        raise SeedError(path, "contains NUL bytes: binary data, not a text article")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw, encoding = raw[3:], "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        # Scraped British news is usually Windows-1252 when it is not UTF-8 (curly quotes, £);
        # pasted-together pages mix both, so each run of non-UTF-8 bytes is read as 1252.
        text = raw.decode("utf-8", errors="breachwatch-cp1252")
        encoding = "cp1252" if len(text) == len(raw) else "utf-8+cp1252"
    controls = len(_STRAY_CONTROLS.findall(text))
    if controls > max(8, len(text) // 20):
        raise SeedError(path, f"looks binary ({controls} control characters), not a text article")
    return text, encoding


def normalise_text(text: str) -> str:
    """Unify line endings and strip stray controls so every later step sees one form."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _STRAY_CONTROLS.sub("", text)
    text = _NOT_XML.sub("", text)  # one U+FFFE would make every feed unreadable
    text = text.replace("\t", " ").replace("\u00a0", " ")
    return unicodedata.normalize("NFC", text)


def read_seed(path: Path) -> tuple[str, str]:
    """Return a seed's normalised text and the encoding it was read with."""
    if not path.name.isprintable():
        raise SeedError(path, "file name has control or invisible characters: rename it")
    if path.is_symlink():
        raise SeedError(path, "is a symbolic link; copy the article into seeds/ instead")
    try:
        size = path.stat().st_size
        if size > MAX_SEED_BYTES:
            raise SeedError(
                path, f"is {size / 1e6:.1f} MB, over the {MAX_SEED_BYTES / 1e6:g} MB limit "
                "for one article: split it or check what was scraped"
            )
        raw = path.read_bytes()
    except OSError as error:
        raise SeedError(path, f"cannot read file ({error.strerror})") from None
    text, encoding = decode_seed(path, raw)
    text = normalise_text(text)
    if not text.strip():
        raise SeedError(path, "is empty or whitespace only: nothing to publish")
    return text, encoding
