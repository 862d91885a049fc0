"""Checks of the corpus generator (run with `pytest bench`; not part of `make test`, untimed)."""

from __future__ import annotations

from pathlib import Path

from bench import corpus


def test_same_seed_same_corpus_and_corpora_nest() -> None:
    """Deterministic from the seed, and article i does not depend on N."""
    small, _ = corpus.generate(5, seed=7)
    large, _ = corpus.generate(20, seed=7)
    assert [a.seed_text for a in small] == [a.seed_text for a in large[:5]]
    other, _ = corpus.generate(5, seed=8)
    assert [a.seed_text for a in small] != [a.seed_text for a in other]


def test_articles_are_shaped_like_seeds() -> None:
    """About 600 words, both story kinds, the force named in the text, known breach slugs."""
    articles, _ = corpus.generate(200, seed=1)
    mean = sum(a.words for a in articles) / len(articles)
    assert 500 <= mean <= 700
    assert {a.kind for a in articles} == {"case", "statistics"}
    for article in articles:
        assert article.forces and article.breaches
        assert set(article.breaches) <= set(corpus.BREACH_CUES)
        assert article.forces[0].name in article.seed_text


def test_twin_corpora_carry_the_generator_taxonomies(tmp_path: Path) -> None:
    """Pelican tags and Hugo taxonomies come from the generator's own truth."""
    articles, _ = corpus.write_all(3, 5, tmp_path)
    first = articles[0]
    pelican = (tmp_path / "pelican-content" / f"{first.file_stem}.md").read_text()
    hugo = (tmp_path / "hugo-content" / f"{first.file_stem}.md").read_text()
    for name in [f.name for f in first.forces] + first.breaches:
        assert name in pelican.split("\n\n", 1)[0]
        assert name in hugo.split("\n---\n", 1)[0]
    assert pelican.split("\n\n", 1)[1] == hugo.split("\n---\n\n", 1)[1]
    assert len(list((tmp_path / "seeds").glob("*.txt"))) == 3


def test_forces_file_shapes(tmp_path: Path) -> None:
    """forces.yaml is read whether it is a list or a mapping; a missing file falls back."""
    listed = tmp_path / "list.yaml"
    listed.write_text("forces:\n" + "".join(
        f"  - slug: f{i}\n    name: Force {i}\n    aliases: [F{i}]\n" for i in range(6)))
    forces, source = corpus.load_forces(listed)
    assert len(forces) == 6 and forces[0].aliases == ("F0",) and "built-in" not in source
    mapped = tmp_path / "map.yaml"
    mapped.write_text("".join(f"f{i}:\n  name: Force {i}\n" for i in range(6)))
    assert corpus.load_forces(mapped)[0][5].slug == "f5"
    assert corpus.load_forces(tmp_path / "missing.yaml")[0] == corpus.FALLBACK_FORCES
