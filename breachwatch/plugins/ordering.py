"""A total order for articles, so every list and feed is identical between builds."""

from __future__ import annotations

from typing import Any


def newest_first(article: Any) -> tuple[int, str]:
    """Sort key: newest date first, then slug, so ties never depend on file-system order."""
    return (-article.date.toordinal(), article.slug)
