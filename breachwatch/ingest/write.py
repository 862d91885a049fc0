"""Write an article as Pelican Markdown, never clobbering an editor's hand edits."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from breachwatch.ingest.escape import escape_markdown
from breachwatch.schema import fields
from breachwatch.sentences import normalise_space

DIGEST_KEY = "Ingest_digest"


def header_value(value: Any) -> str:
    """Metadata values are single lines; lists are comma-separated."""
    if isinstance(value, list | tuple):
        value = ", ".join(str(item) for item in value)
    return " ".join(str(value).split())


def _digest(text: str) -> str:
    """Fingerprint of the generated file, to notice later edits by hand."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render_markdown(metadata: dict[str, Any], paragraphs: list[str]) -> str:
    """Markdown source: schema fields in schema order, then the escaped paragraphs."""
    header = [
        f"{field.name.capitalize()}: {header_value(metadata[field.name])}"
        for field in fields()
        if field.name in metadata and metadata[field.name] not in (None, "", [])
    ]
    body = "\n\n".join(escape_markdown(normalise_space(p)) for p in paragraphs)
    text = "\n".join(header) + "\n\n" + body + "\n"
    return f"{DIGEST_KEY}: {_digest(text)}\n{text}"


def recorded_digest(text: str) -> str | None:
    """The digest line of a generated file, or None for a hand-written one."""
    first, _, _ = text.partition("\n")
    key, _, value = first.partition(": ")
    return value.strip() if key == DIGEST_KEY else None


def edited_by_hand(text: str) -> bool:
    """True if a generated file's text no longer matches the digest the ingest wrote."""
    digest = recorded_digest(text)
    return digest is None or digest != _digest(text.partition("\n")[2])


def is_hand_edited(path: Path) -> bool:
    """True if the file was written or changed by a person since the ingest wrote it."""
    return edited_by_hand(path.read_text(encoding="utf-8"))


def replace_file(path: Path, text: str) -> None:
    """Put `text` at `path` in one step: a temporary file, then a rename."""
    temporary = path.with_name(f".{path.name}.tmp")
    data = text.replace("\n", os.linesep).encode("utf-8")  # as write_text would write it
    try:
        _write_new(temporary, data)
    except FileNotFoundError:  # the folder is new
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_new(temporary, data)
    os.replace(temporary, path)


def _write_new(path: Path, data: bytes) -> None:
    """Write a file with bare system calls: Python's text file layers cost more system calls
    (terminal check, seeks) and time than the write itself, thousands of times a run."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
