"""A failed build publishes nothing, and a re-run of the ingest never loses an editor's work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEEDS
from hostile.pages import ROOT, build_cli, new_content, run_cli

from breachwatch.ingest.write import is_hand_edited


def _snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file's bytes, inode and modification time: 'unchanged' means not even rewritten."""
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture()
def built(tmp_path: Path) -> dict[str, Path]:
    """The real seeds built once into tmp/output, as the previous good site."""
    dirs = {"seeds": tmp_path / "seeds", "content": new_content(tmp_path / "content"),
            "output": tmp_path / "output"}
    shutil.copytree(SEEDS, dirs["seeds"])
    done = build_cli(dirs["seeds"], dirs["content"], dirs["output"])
    assert done.returncode == 0, done.stderr
    return dirs


def _theme_settings(tmp: Path, template: str, old: str, new: str) -> Path:
    """A settings file using a copy of our theme with one template edited."""
    theme = tmp / "broken-theme"
    shutil.copytree(ROOT / "theme", theme)
    path = theme / "templates" / template
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    settings = tmp / "broken_theme_settings.py"
    settings.write_text(f"from pelicanconf import *  # noqa: F403\nTHEME = {str(theme)!r}\n")
    return settings


def _assert_failed_cleanly(done, output: Path, before: dict, *expected: str) -> None:
    """Exit 2, a clear message without traceback, the old site untouched, no staging left."""
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
    assert errors and all(word in " ".join(errors) for word in expected), done.stderr
    assert "build failed" in done.stderr and "left as it was" in done.stderr
    assert _snapshot(output) == before
    assert not output.with_name("output.staging").exists()
    assert not output.with_name("output.side").exists()
    assert not output.with_name("output.old").exists()


def test_the_replaced_site_is_kept_until_the_next_build(built: dict[str, Path]) -> None:
    output = built["output"]
    first = _snapshot(output)
    seed = next(built["seeds"].glob("002_*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA new closing line.\n",
                    encoding="utf-8")
    assert build_cli(built["seeds"], built["content"], output).returncode == 0
    previous = output.with_name("output.previous")
    assert {name: data for name, (data, _, _) in _snapshot(previous).items()} == {
        name: data for name, (data, _, _) in first.items()}
    second = _snapshot(output)
    assert build_cli(built["seeds"], built["content"], output).returncode == 0
    assert {name: data for name, (data, _, _) in _snapshot(previous).items()} == {
        name: data for name, (data, _, _) in second.items()}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("{% block content %}", "{% block content %}{{ no_such_thing.attribute }}",
         ("article.html", "no_such_thing")),
        ("{% block content %}", "{% block content %}{% if %}", ("article.html",)),
    ],
    ids=["undefined-variable", "syntax-error"],
)
def test_broken_template_leaves_previous_site_exactly(built, tmp_path, old, new, expected):
    before = _snapshot(built["output"])
    settings = _theme_settings(tmp_path, "article.html", old, new)
    done = build_cli(built["seeds"], built["content"], built["output"], settings=settings)
    _assert_failed_cleanly(done, built["output"], before, *expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("confirmed: [\n  - slug: x\n", ("cases.yaml",)),
        ("confirmed:\n  - slug: ghost\n    title: Ghost\n    articles: [no_such_seed]\n",
         ("cases.yaml", "no_such_seed")),
    ],
    ids=["not-yaml", "unknown-seed"],
)
def test_bad_editors_data_file_leaves_previous_site_exactly(built, text, expected):
    before = _snapshot(built["output"])
    (built["content"] / "cases.yaml").write_text(text, encoding="utf-8")
    done = build_cli(built["seeds"], built["content"], built["output"])
    _assert_failed_cleanly(done, built["output"], before, *expected)


def test_failing_side_job_fails_the_build_and_leaves_previous_site_exactly(built):
    from breachwatch.build import build_site
    from breachwatch.failures import BuildError

    def copy_nothing(site: Path) -> None:
        """A side job that fails after writing part of its folder."""
        (site / "sources").mkdir()
        (site / "sources" / "half.txt").write_text("half", encoding="utf-8")
        raise OSError("disk full")

    output = built["output"]
    before = _snapshot(output)
    with pytest.raises(BuildError, match="build step .* failed: OSError: disk full"):
        build_site(ROOT / "pelicanconf.py", built["content"], output, alongside=(copy_nothing,))
    assert _snapshot(output) == before
    assert not output.with_name("output.staging").exists()
    assert not output.with_name("output.side").exists()


def test_failing_seed_keeps_its_article_and_the_site_still_builds(built):
    articles = built["content"] / "articles"
    before = {p.name: p.read_bytes() for p in articles.glob("*.md")}
    seed = sorted(built["seeds"].glob("*.txt"))[0]
    seed.write_bytes(b"\x00" + seed.read_bytes())  # re-scraped badly: now binary
    done = build_cli(built["seeds"], built["content"], built["output"])
    assert done.returncode == 1
    assert [line for line in done.stderr.splitlines() if line.startswith("error")] == [
        f"error {seed}: contains NUL bytes: binary data, not a text article"
    ]
    assert {p.name: p.read_bytes() for p in articles.glob("*.md")} == before


@pytest.mark.parametrize(
    "text",
    [
        "date: [not, a, date\n",
        "title: !!python/object/apply:os.system ['touch {marker}']\n",
        "forces: [metropolitan-police-servise]\n",
    ],
    ids=["not-yaml", "python-object", "unknown-force"],
)
def test_bad_correction_fails_that_seed_only_and_keeps_its_article(built, tmp_path, text):
    articles = built["content"] / "articles"
    before = {p.name: p.read_bytes() for p in articles.glob("*.md")}
    seed = sorted(built["seeds"].glob("*.txt"))[1]
    corrections = built["content"] / "corrections"
    corrections.mkdir()
    marker = tmp_path / "code-ran"
    (corrections / f"{seed.stem}.yaml").write_text(text.format(marker=marker))
    done = run_cli("ingest", "--seeds", built["seeds"], "--content", built["content"])
    assert done.returncode == 1
    (error,) = [line for line in done.stderr.splitlines() if line.startswith("error")]
    assert f"{seed.stem}.yaml" in error and "Traceback" not in done.stderr
    assert {p.name: p.read_bytes() for p in articles.glob("*.md")} == before
    assert not marker.exists()


def test_correction_survives_a_changed_seed(built):
    seed = sorted(built["seeds"].glob("*.txt"))[2]
    corrections = built["content"] / "corrections"
    corrections.mkdir()
    (corrections / f"{seed.stem}.yaml").write_text(
        "publisher: Independent Office for Police Conduct\nnote: checked\n")
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA paragraph added on re-scrape.\n",
                    encoding="utf-8")
    assert run_cli("ingest", "--seeds", built["seeds"],
                   "--content", built["content"]).returncode == 0
    (article,) = [p for p in (built["content"] / "articles").glob("*.md")
                  if f"Seed: {seed.name}\n" in p.read_text(encoding="utf-8")]
    text = article.read_text(encoding="utf-8")
    assert "Publisher: Independent Office for Police Conduct\n" in text
    assert "A paragraph added on re-scrape." in text
    assert not is_hand_edited(article)


def test_reingest_deletes_only_articles_whose_seed_is_gone(built):
    articles = built["content"] / "articles"
    by_seed = {seed.name: [p for p in articles.glob("*.md")
                           if f"Seed: {seed.name}\n" in p.read_text(encoding="utf-8")]
               for seed in built["seeds"].glob("*.txt")}
    assert all(len(found) == 1 for found in by_seed.values())
    gone = sorted(by_seed)[0]
    (built["seeds"] / gone).unlink()
    done = run_cli("ingest", "--seeds", built["seeds"], "--content", built["content"])
    assert done.returncode == 0
    assert not by_seed[gone][0].exists()
    assert all(found[0].exists() for name, found in by_seed.items() if name != gone)


def test_article_keeps_its_url_and_file_when_a_same_titled_seed_goes(tmp_path):
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    for name, force in (("a.txt", "Kent Police"), ("b.txt", "Surrey Police")):
        (seeds / name).write_text(
            f"Officer jailed for data breach\n\nA {force} officer was jailed for a data breach.\n",
            encoding="utf-8",
        )

    def ingest() -> dict[str, Path]:
        done = run_cli("ingest", "--seeds", seeds, "--content", content)
        assert "Traceback" not in done.stderr
        return {line.partition(": ")[2]: path for path in (content / "articles").glob("*.md")
                for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("Seed: ")}

    first = ingest()
    assert sorted(first) == ["a.txt", "b.txt"]
    edited = first["a.txt"].read_text(encoding="utf-8") + "\nAn editor's paragraph.\n"
    first["a.txt"].write_text(edited, encoding="utf-8")  # the editor keeps a's page by hand
    (seeds / "a.txt").unlink()
    second = ingest()
    assert second["b.txt"] == first["b.txt"]  # same file, so the same URL
    assert first["a.txt"].read_text(encoding="utf-8") == edited


def test_renamed_seed_keeps_its_url(tmp_path):
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    (seeds / "old-name.txt").write_text(
        "Officer sacked for misusing records\n\nA Kent Police officer was sacked.\n",
        encoding="utf-8",
    )
    run_cli("ingest", "--seeds", seeds, "--content", content)
    before = sorted(p.name for p in (content / "articles").glob("*.md"))
    (seeds / "old-name.txt").rename(seeds / "new-name.txt")
    run_cli("ingest", "--seeds", seeds, "--content", content)
    after = sorted(p.name for p in (content / "articles").glob("*.md"))
    assert after == before
    assert "Seed: new-name.txt\n" in (content / "articles" / after[0]).read_text()


@pytest.mark.parametrize(
    ("settings", "expected"),
    [(None, "settings file not found"), ("THEME = 1 / 0\n", "cannot read settings")],
    ids=["missing", "raises"],
)
def test_bad_settings_file_leaves_previous_site_exactly(built, tmp_path, settings, expected):
    before = _snapshot(built["output"])
    path = tmp_path / "bad_settings.py"
    if settings is not None:
        path.write_text(settings, encoding="utf-8")
    done = build_cli(built["seeds"], built["content"], built["output"], settings=path)
    _assert_failed_cleanly(done, built["output"], before, "bad_settings.py", expected)


def test_missing_seeds_folder_leaves_previous_site_exactly(built, tmp_path):
    before = _snapshot(built["output"])
    done = build_cli(tmp_path / "no_such_seeds", built["content"], built["output"])
    _assert_failed_cleanly(done, built["output"], before, "no_such_seeds", "not found")


def test_two_articles_with_one_slug_fail_the_build_and_leave_previous_site(built):
    from breachwatch.build import build_site
    from breachwatch.failures import BuildError

    articles = built["content"] / "articles"
    first = sorted(articles.glob("*.md"))[0]
    (articles / "copy-by-hand.md").write_text(first.read_text(encoding="utf-8"),
                                             encoding="utf-8")
    before = _snapshot(built["output"])
    with pytest.raises(BuildError, match="overwrite"):
        build_site(ROOT / "pelicanconf.py", built["content"], built["output"])
    assert _snapshot(built["output"]) == before


def test_broken_data_file_met_by_the_ingest_fails_the_build_cleanly(built, monkeypatch, capsys):
    from breachwatch import cli
    from breachwatch.datafiles import DataFileError

    def broken_ingest(*args, **kwargs):
        raise DataFileError("breachwatch/data/forces.yaml: not valid YAML")

    monkeypatch.setattr(cli, "ingest_all", broken_ingest)  # the forked ingest inherits it
    before = _snapshot(built["output"])
    assert cli.main(["build", "--seeds", str(built["seeds"]), "--content", str(built["content"]),
                     "--output", str(built["output"]), "--no-search"]) == 2
    err = capsys.readouterr().err
    assert "error breachwatch/data/forces.yaml: not valid YAML" in err and "build failed" in err
    assert _snapshot(built["output"]) == before
    assert not built["output"].with_name("output.staging").exists()


def test_content_written_until_pelican_is_ready_to_read_is_built(built, tmp_path):
    from breachwatch.build import build_site

    articles = built["content"] / "articles"
    aside = tmp_path / "aside"
    articles.rename(aside)  # the content folder has no articles when the build starts

    def copy_sources(site: Path) -> None:
        (site / "sources").mkdir()
        (site / "sources" / "seed.txt").write_text("seed", encoding="utf-8")

    def content_ready():
        aside.rename(articles)  # as the forked ingest finishes
        return (copy_sources,)

    output = tmp_path / "fresh-output"
    build_site(ROOT / "pelicanconf.py", built["content"], output, content_ready=content_ready)
    assert len(list(output.glob("articles/*/index.html"))) == len(list(articles.glob("*.md")))
    assert (output / "sources" / "seed.txt").read_text(encoding="utf-8") == "seed"
