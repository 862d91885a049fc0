"""Hold doubtful articles back for an editor: the published site (DRAFT_SAVE_AS empty) drops
them; `make review` (reviewconf.py) previews them as drafts in review/."""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.urlwrappers import Category

from breachwatch.review import is_true
from breachwatch.schema import as_list
from breachwatch.settings import Setting, declare

declare(Setting("PUBLISH_UNREVIEWED", False, "publish articles held for an editor's check, "
                "each with a notice that no editor has checked it", (bool,)))


# Settings this plugin reads, with their defaults.
DEFAULTS = {"PUBLISH_UNREVIEWED": False}


def is_held(article: Any) -> bool:
    """Tell whether an article waits for an editor's confirmation."""
    return is_true(article.metadata.get("held"))


def hold_back(generator: Any) -> None:
    """Move held articles from the published list to the drafts, before any taxonomy, case,
    feed or export sees them; with PUBLISH_UNREVIEWED they stay, marked as unchecked."""
    if generator.settings.get("PUBLISH_UNREVIEWED", DEFAULTS["PUBLISH_UNREVIEWED"]):
        return
    held = [article for article in generator.articles if is_held(article)]
    if not held:
        return
    generator.articles = [article for article in generator.articles if not is_held(article)]
    if not generator.settings.get("DRAFT_SAVE_AS"):
        return  # the published site: no trace of them at all
    for article in held:
        article.status = "draft"
        if not hasattr(article, "category"):  # Pelican's draft writer asks for one
            article.category = Category(generator.settings["DEFAULT_CATEGORY"],
                                        generator.settings)
    generator.drafts = sorted([*generator.drafts, *held], key=lambda a: a.slug)


def add_filter(generator: Any) -> None:
    """Let templates list a comma-separated metadata field, such as the review reasons."""
    generator.env.filters["list_value"] = as_list


def register() -> None:
    """Pelican plugin entry point."""
    signals.generator_init.connect(add_filter)
    signals.article_generator_pretaxonomy.connect(hold_back)
