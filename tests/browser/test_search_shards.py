"""A large archive's search index comes in shards; the search page merges all of them."""

from __future__ import annotations

import json
import shutil

from breachwatch.search import BUNDLE_DIR, SHARDS_FILE, index_site
from scripts.localsite import article_bodies, distinctive_word, search_for, serve


def test_every_shard_is_searched(browser, site, tmp_path) -> None:
    output = tmp_path / "output"
    shutil.copytree(site.directory, output)
    for bundle in output.glob(f"{BUNDLE_DIR}*"):
        shutil.rmtree(bundle)
    index_site(output, shard_pages=2)
    shards = json.loads((output / BUNDLE_DIR / SHARDS_FILE).read_text(encoding="utf-8"))
    count = len(article_bodies(site.content))
    assert len(shards) == (count + 1) // 2 - 1
    # The last article in path order sits in the last shard, far from the main bundle.
    last = sorted(p.parent.name for p in output.glob("articles/*/index.html"))[-1]
    _, word = distinctive_word(site.content, slug=last)
    with serve(output) as server:
        page = browser.new_page()
        page.goto(f"{server.origin}/search/")
        search_for(page, word)
        hrefs = page.locator("main a[href*='articles/']").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        page.close()
    assert any(f"articles/{last}/" in href for href in hrefs), hrefs
