"""A rebuild that reuses unchanged article pages writes the same site as a build from scratch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from breachwatch.cli import main
from breachwatch.speed import page_reuse
from breachwatch.speed.page_reuse import stable, theme_digest

UNSEEN = ROOT / "tests" / "fixtures" / "unseen"


def _settings(tmp: Path) -> Path:
    """Our settings with one article a page, so every list has later pages to reuse."""
    path = tmp / "settings.py"
    path.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                    "from pelicanconf import *  # noqa\nDEFAULT_PAGINATION = 1\n"
                    f"THEME = {str(ROOT / 'theme')!r}\n", encoding="utf-8")
    return path


def _build(seeds: Path, content: Path, output: Path) -> None:
    settings = _settings(output.parent)
    assert main(["build", "--seeds", str(seeds), "--content", str(content), "--output",
                 str(output), "--no-search", "--settings", str(settings)]) == 0


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _article_mtimes(output: Path) -> dict[str, int]:
    return {p.parent.name: p.stat().st_mtime_ns
            for p in (output / "articles").glob("*/index.html")}


def _feed_inodes(output: Path) -> dict[str, int]:
    return {str(p.relative_to(output)): p.stat().st_ino for p in (output / "feeds").rglob("*.xml")}


def _edit_headline(seeds: Path, prefix: str, new: str) -> None:
    (seed,) = seeds.glob(f"{prefix}*.txt")
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    seed.write_text(new + "\n" + "".join(lines[1:]), encoding="utf-8")


def _append(seeds: Path, prefix: str, sentence: str) -> None:
    (seed,) = seeds.glob(f"{prefix}*.txt")
    seed.write_text(seed.read_text(encoding="utf-8") + "\n" + sentence + "\n", encoding="utf-8")


def _add_unseen(seeds: Path, name: str) -> None:
    shutil.copyfile(UNSEEN / name, seeds / name)


EDITS = {
    "body": lambda seeds: _append(seeds, "002", "The officer declined to comment."),
    "status": lambda seeds: _append(
        seeds, "000", "A misconduct panel found the officer had committed gross misconduct "
        "and he was dismissed without notice."),
    "headline": lambda seeds: _edit_headline(
        seeds, "003", "Met officers caught helping criminals and selling police data"),
    "new article": lambda seeds: _add_unseen(seeds, "btp-bbc-sacked.txt"),
    "removed article": lambda seeds: next(seeds.glob("devon-email.txt")).unlink(),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_rebuild_after_an_edit_equals_a_fresh_build(tmp_path: Path, edit: str,
                                                     monkeypatch) -> None:
    copied: list[str] = []
    render = page_reuse.PreviousOrRendered.render

    def counting(self, context):
        if context.get("output_file") in self.reusable:
            copied.append(context["output_file"])
        return render(self, context)

    monkeypatch.setattr(page_reuse.PreviousOrRendered, "render", counting)
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    _add_unseen(seeds, "devon-email.txt")
    shutil.copytree(ROOT / "content" / "pages", tmp_path / "content" / "pages")
    output = tmp_path / "output"
    _build(seeds, tmp_path / "content", output)
    _build(seeds, tmp_path / "content", output)  # keys of the live output now recorded
    before = _article_mtimes(output)
    feeds_before = _feed_inodes(output)

    EDITS[edit](seeds)
    copied.clear()
    _build(seeds, tmp_path / "content", output)
    reused_lists = list(copied)
    shutil.copytree(tmp_path / "content", tmp_path / "fresh-content")
    _build(seeds, tmp_path / "fresh-content", tmp_path / "fresh")

    assert _files(output) == _files(tmp_path / "fresh")
    after = _article_mtimes(output)
    reused = {slug for slug, mtime in after.items() if before.get(slug) == mtime}
    assert reused < set(after), "every article page was reused"
    if edit != "headline":  # every other article shows this headline in its related list
        assert reused, "no article page was reused"
    if edit == "body":  # no list shows the body
        assert any("/page/" in name for name in reused_lists), "no later list page reused"
        first_pages = [name for name in reused_lists if name.startswith(("forces/", "breaches/"))
                       and "/page/" not in name]
        assert first_pages, "no first page of a force or breach-type list reused"
        feeds = _feed_inodes(output)
        linked = {name for name, inode in feeds.items() if feeds_before.get(name) == inode}
        assert linked, "no feed was reused"
        assert "feeds/all.atom.xml" not in linked  # it shows the edited body


def test_a_page_key_never_depends_on_object_identity() -> None:
    class Term:
        def __init__(self, slug: str) -> None:
            self.slug, self.name, self.url = slug, slug.title(), f"forces/{slug}/"

    assert stable([Term("kent-police")]) == stable([Term("kent-police")])
    assert stable({"forces": {Term("a")}}) == stable({"forces": {Term("a")}})
    assert stable([Term("a")]) != stable([Term("b")])


def test_theme_digest_follows_every_template(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "theme" / "templates", tmp_path / "templates")
    before = theme_digest(str(tmp_path))
    macros = tmp_path / "templates" / "_macros.html"
    macros.write_text(macros.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert theme_digest(str(tmp_path)) != before


def test_an_article_with_pelican_link_syntax_is_always_rendered(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from breachwatch.speed.page_reuse import PageReuse

    reuse = PageReuse({"CACHE_CONTENT": True, "CACHE_PATH": str(tmp_path / "cache"),
                       "THEME": str(ROOT / "theme"), "REUSE_PAGES_FROM": str(tmp_path)},
                      str(tmp_path / "out"))
    article = SimpleNamespace(_content='<p><a href="{filename}other.md">see</a></p>')
    assert reuse.reuse("articles/a/index.html", {}, {"article": article}) is False
    assert "articles/a/index.html" not in reuse.new  # never recorded, so never reused


def test_a_reused_page_that_cannot_be_linked_is_rendered(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(ROOT / "content" / "pages", tmp_path / "content" / "pages")
    output = tmp_path / "output"
    _build(seeds, tmp_path / "content", output)
    _build(seeds, tmp_path / "content", output)
    page = sorted((output / "articles").glob("*/index.html"))[0]
    expected = page.read_bytes()
    page.unlink()  # gone from the live site, though its key says it is unchanged
    _append(seeds, "002", "The officer declined to comment.")
    _build(seeds, tmp_path / "content", output)
    assert page.read_bytes() == expected


def test_a_term_pages_key_follows_its_counts_and_charts() -> None:
    from dataclasses import dataclass
    from types import SimpleNamespace as Obj

    from breachwatch.charts import Bar, Chart

    @dataclass(frozen=True)
    class Term:
        slug: str
        name: str
        url: str

    kent = Term("kent-police", "Kent Police", "forces/kent-police/")
    sacked = Term("dismissed", "Dismissed", "")
    articles = [Obj(forces=[kent], breaches=[], outcomes=[sacked], standards=[]),
                Obj(forces=[kent], breaches=[], outcomes=[], standards=[])]
    chart = Chart("c", "Records", "", "records", [Bar("Kent", 3.0, "3", "a/#s-1")])
    context = {"term_charts": {kent.url: [chart]}}
    kwargs = {"articles": articles, "term": kent}
    before = page_reuse.term_inputs(kwargs, context)
    assert page_reuse.term_inputs(kwargs, context) == before
    articles[1].outcomes = [sacked]
    assert page_reuse.term_inputs(kwargs, context) != before
    counted = page_reuse.term_inputs(kwargs, context)
    context["term_charts"][kent.url] = [Chart("c", "Records", "", "records",
                                              [Bar("Kent", 4.0, "4", "a/#s-1")])]
    assert page_reuse.term_inputs(kwargs, context) != counted
