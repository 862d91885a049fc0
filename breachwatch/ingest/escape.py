"""Escape plain text so Markdown renders it exactly as written, never as markup."""

from __future__ import annotations

import re

# Characters core Python-Markdown treats as inline markup anywhere in a line
# (only core syntax is enabled in pelicanconf.py, so no tables or footnotes).
_INLINE = re.compile(r"([\\`*_\[\]{}!])")
# Constructs that only mean something at the start of a line: headings, lists.
_LINE_START = re.compile(r"^(\s*)(?:([#+\-])|(\d+)(?=[.)]))", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Return `text` as Markdown source whose rendering shows the same characters."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if _INLINE.search(text):  # most text has none: one quick scan instead of a substitution
        text = _INLINE.sub(r"\\\1", text)
    if "\n" not in text:  # one line: only its start can be a line start
        start = _LINE_START.match(text)
        return text if start is None else _escape_line_start(start) + text[start.end() :]
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    """Put a backslash before a heading or bullet marker, or before the dot of '1.'."""
    indent, marker, number = match.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{number}\\"
