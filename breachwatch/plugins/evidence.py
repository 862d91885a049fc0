"""Link each tag of an article to the sentence that justified it, so readers can check it.

The ingest records, for every extracted tag, the number of its source sentence in the body
(`Evidence: breaches:data-loss:s7, ...`), or `headline` for a tag found there; the anchors
plugin gives sentence N the id "sN", the template gives the headline its id. Tags an editor
added by correction have no sentence and no link.
The template asks for an article's links (`article|evidence_anchors`) when it renders the page,
so a rebuild that reuses a page does not work them out.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from breachwatch.extract.evidence import HEADLINE
from breachwatch.schema import as_list


def parse_evidence(refs: list[str]) -> dict[str, dict[str, str]]:
    """field -> slug -> sentence id, from the `field:slug:sN` entries of the metadata."""
    anchors: dict[str, dict[str, str]] = {}
    for ref in refs:
        field, _, rest = ref.partition(":")
        slug, _, anchor = rest.partition(":")
        numbered = anchor.startswith("s") and anchor[1:].isdigit()
        if field and slug and (numbered or anchor == HEADLINE):
            anchors.setdefault(field, {}).setdefault(slug, anchor)
    return anchors


def evidence_anchors(article: Any) -> dict[str, dict[str, str]]:
    """field -> slug -> sentence id of an article, dropping ids its page does not have."""
    anchors = parse_evidence(as_list(article.metadata.get("evidence")))
    count = len(getattr(article, "sentences", None) or [])
    return {
        field: {slug: a for slug, a in by_slug.items() if a == HEADLINE or int(a[1:]) <= count}
        for field, by_slug in anchors.items()
    }


def add_filter(generator: Any) -> None:
    """Make `article|evidence_anchors` available to every template."""
    generator.env.filters["evidence_anchors"] = evidence_anchors


def register() -> None:
    """Pelican plugin entry point."""
    signals.generator_init.connect(add_filter)
