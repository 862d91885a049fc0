"""Work out each article's and page's URL once, when its generator has finished with it.

Pelican formats `url` and `save_as` from the settings on every use, about thirty times a page
(related lists, neighbours, figures, feeds); at 10,000 articles that was several seconds of a
rebuild. Pelican's own `override_url` / `override_save_as` attributes (the `url` and `save_as`
metadata) then answer at once, with the very same strings. They are fixed when the articles'
(or pages') generator is done (after the cases plugin has redated articles), before the
other generators and plugins look at them.
"""

from __future__ import annotations

from itertools import chain

from pelican import signals


def fix_urls(generator) -> None:
    """Give every article or page of a generator its formatted URL and save path as overrides."""
    contents = chain(getattr(generator, "articles", []), getattr(generator, "pages", []))
    for content in contents:
        content.override_url = content.url
        content.override_save_as = content.save_as


def register() -> None:
    """Pelican plugin entry point."""
    signals.article_generator_finalized.connect(fix_urls)
    signals.page_generator_finalized.connect(fix_urls)
