"""Work out each article's and page's URL once, when all content is known.

Pelican formats `url` and `save_as` from the settings on every use, about thirty times a page
(related lists, neighbours, figures, feeds); at 10,000 articles that was several seconds of a
rebuild. Pelican's own `override_url` / `override_save_as` attributes (the `url` and `save_as`
metadata) then answer at once, with the very same strings.
"""

from __future__ import annotations

from itertools import chain

from pelican import signals


def fix_urls(generators) -> None:
    """Give every article and page its formatted URL and save path as overrides."""
    for generator in generators:
        contents = chain(getattr(generator, "articles", []), getattr(generator, "pages", []))
        for content in contents:
            content.override_url = content.url
            content.override_save_as = content.save_as


def register() -> None:
    """Pelican plugin entry point."""
    signals.all_generators_finalized.connect(fix_urls)
