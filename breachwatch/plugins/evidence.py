"""Link each tag of an article to the sentence that justified it, so readers can check it.

The ingest records, for every extracted tag, the number of its source sentence in the body
(`Evidence: breaches:data-loss:s7, ...`); the anchors plugin gives sentence N the id "sN".
Tags an editor added by correction, or found in the headline, have no sentence and no link.
"""

from __future__ import annotations

from pelican import signals
from pelican.contents import Article

from breachwatch.schema import as_list


def parse_evidence(refs: list[str]) -> dict[str, dict[str, str]]:
    """field -> slug -> sentence id, from the `field:slug:sN` entries of the metadata."""
    anchors: dict[str, dict[str, str]] = {}
    for ref in refs:
        field, _, rest = ref.partition(":")
        slug, _, anchor = rest.partition(":")
        if field and slug and anchor.startswith("s") and anchor[1:].isdigit():
            anchors.setdefault(field, {}).setdefault(slug, anchor)
    return anchors


def attach_evidence(instance) -> None:
    """Give an article `evidence_anchors`, dropping ids its page does not have."""
    if not isinstance(instance, Article):
        return
    anchors = parse_evidence(as_list(instance.metadata.get("evidence")))
    count = len(getattr(instance, "sentences", None) or [])
    instance.evidence_anchors = {
        field: {slug: a for slug, a in by_slug.items() if int(a[1:]) <= count}
        for field, by_slug in anchors.items()
    }


def register() -> None:
    """Pelican plugin entry point; runs after the anchors plugin has numbered the sentences."""
    signals.content_object_init.connect(attach_evidence)
