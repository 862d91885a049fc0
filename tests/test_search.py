"""Search indexing plans its shards from the article pages, in a stable order."""

from __future__ import annotations

from breachwatch.search import bundle_name, plan_shards


def test_shards_cut_sorted_pages_into_fixed_sizes() -> None:
    pages = [f"articles/{name}/index.html" for name in "edcba"]
    assert plan_shards(pages, 2) == [
        ["articles/a/index.html", "articles/b/index.html"],
        ["articles/c/index.html", "articles/d/index.html"],
        ["articles/e/index.html"],
    ]
    assert plan_shards(pages, 10) == [sorted(pages)]
    assert plan_shards([], 10) == [[]]


def test_first_shard_is_the_main_bundle() -> None:
    assert [bundle_name(n) for n in (1, 2, 3)] == ["pagefind", "pagefind-2", "pagefind-3"]
