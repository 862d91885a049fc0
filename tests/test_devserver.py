"""`make devserver`: which edits bring a rebuild, and that the server follows the swapped site."""

from __future__ import annotations

import os
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from breachwatch import devserver


def _site(root: Path) -> Path:
    """A tiny investigation: seeds, a correction, a page, cases, data, theme and settings."""
    for name, text in {
        "seeds/001_a.txt": "Officer sacked\n\nA constable looked up a neighbour.\n",
        "seeds/sources.csv": "seed,url,publisher,published\n001_a.txt,,,\n",
        "content/corrections/001_a.yaml": "status: proven\n",
        "content/pages/about.md": "Title: About\n\nWho we are.\n",
        "content/cases.yaml": "confirmed: []\n",
        "content/articles/officer-sacked.md": "Title: Officer sacked\n",
        "content/.build.lock": "",
        "content/.ingest-cache.pickle": "x",
        "data/forces.yaml": "forces: []\n",
        "theme/templates/base.html": "<html></html>\n",
        "pelicanconf.py": f'THEME = "theme"\nDATA_PATH = {str(root.resolve() / "data")!r}\n',
    }.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def _take(site: Path) -> devserver.Snapshot:
    """A snapshot of the site's watched files, as the devserver takes one."""
    settings = site / "pelicanconf.py"
    return devserver.snapshot(devserver.watched_files(
        site, settings, devserver.data_path(settings), devserver.theme_path(settings)))


def _edit(path: Path, text: str) -> None:
    """Change a file; the stamp is moved on too, since a fast edit can fall in one clock tick."""
    info = path.stat() if path.exists() else None
    path.write_text(text)
    if info is not None:
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def test_settings_name_the_data_and_theme_folders(tmp_path: Path) -> None:
    site = _site(tmp_path)
    settings = site / "pelicanconf.py"
    assert devserver.data_path(settings) == site / "data"
    assert devserver.theme_path(settings) == site / "theme"


def test_a_theme_not_beside_the_settings_is_found_as_pelican_finds_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path / "examples" / "other")
    (site / "pelicanconf.py").write_text('THEME = "theme"\n')
    (site / "theme/templates/base.html").unlink()
    (site / "theme/templates").rmdir()
    (site / "theme").rmdir()
    (tmp_path / "theme").mkdir()
    monkeypatch.chdir(tmp_path)
    assert devserver.theme_path(site / "pelicanconf.py") == Path("theme")
    (site / "pelicanconf.py").write_text(f"THEME = {str(tmp_path / 'shared')!r}\n")
    assert devserver.theme_path(site / "pelicanconf.py") == tmp_path / "shared"


def test_watches_every_editor_input_and_nothing_the_build_writes(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "output").mkdir()
    (site / "output" / "index.html").write_text("built")
    watched = {Path(path).relative_to(site).as_posix() for path in _take(site)}
    assert watched == {
        "seeds/001_a.txt", "seeds/sources.csv", "content/corrections/001_a.yaml",
        "content/pages/about.md", "content/cases.yaml", "data/forces.yaml",
        "theme/templates/base.html", "pelicanconf.py",
    }


def test_an_untouched_tree_is_no_change(tmp_path: Path) -> None:
    site = _site(tmp_path)
    assert devserver.changes(_take(site), _take(site)) == []


@pytest.mark.parametrize("name", [
    "seeds/001_a.txt", "seeds/sources.csv", "content/corrections/001_a.yaml",
    "content/pages/about.md", "data/forces.yaml", "theme/templates/base.html",
    "pelicanconf.py",
])
def test_an_edited_input_is_a_change(tmp_path: Path, name: str) -> None:
    site = _site(tmp_path)
    before = _take(site)
    _edit(site / name, (site / name).read_text() + "# more\n")
    assert devserver.changes(before, _take(site)) == [str(site / name)]


def test_a_same_size_edit_is_seen_by_its_time(tmp_path: Path) -> None:
    site = _site(tmp_path)
    before = _take(site)
    _edit(site / "content/corrections/001_a.yaml", "status: denied\n")
    assert (site / "content/corrections/001_a.yaml").stat().st_size == len("status: proven\n")
    assert devserver.changes(before, _take(site)) == [str(site / "content/corrections/001_a.yaml")]


def test_new_and_deleted_seeds_are_changes(tmp_path: Path) -> None:
    site = _site(tmp_path)
    before = _take(site)
    (site / "seeds/002_b.txt").write_text("Another report\n\nText.\n")
    (site / "content/corrections/001_a.yaml").unlink()
    assert devserver.changes(before, _take(site)) == [
        str(site / "content/corrections/001_a.yaml"), str(site / "seeds/002_b.txt")]


def test_what_the_build_writes_is_no_change(tmp_path: Path) -> None:
    site = _site(tmp_path)
    before = _take(site)
    _edit(site / "content/articles/officer-sacked.md", "Title: Officer dismissed\n")
    (site / "content/articles/new.md").write_text("Title: New\n")
    _edit(site / "content/.ingest-cache.pickle", "changed")
    (site / "seeds/.001_a.txt.swp").write_text("editor's swap file")
    (site / "output").mkdir()
    (site / "output/index.html").write_text("built")
    assert devserver.changes(before, _take(site)) == []


def test_the_watch_loop_builds_once_per_change(tmp_path: Path) -> None:
    site = _site(tmp_path)
    builds: list[str] = []
    polls = iter(range(4))
    edits = {1: "seeds/001_a.txt", 3: "data/forces.yaml"}  # nothing changes at polls 0 and 2

    def take() -> devserver.Snapshot:
        return _take(site)

    def stop() -> bool:
        poll = next(polls, None)
        if poll is None:
            return True
        if poll in edits:
            _edit(site / edits[poll], f"# edited at poll {poll}\n")
        return False

    def build() -> None:
        builds.append("built")

    devserver.watch(take, build, interval=0, stop=stop)
    assert builds == ["built", "built"]


def test_the_server_follows_the_swapped_output(tmp_path: Path) -> None:
    """The build exchanges output/ for a new folder; the next request sees the new site."""
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("old site")
    server = devserver.start_server(output, "127.0.0.1", 0)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        assert urllib.request.urlopen(url, timeout=5).read() == b"old site"
        staging = tmp_path / "output.staging"
        staging.mkdir()
        (staging / "index.html").write_text("new site")
        output.rename(tmp_path / "output.previous")
        staging.rename(output)
        assert urllib.request.urlopen(url, timeout=5).read() == b"new site"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(url + "nowhere/", timeout=5)
        assert missing.value.code == 404
    finally:
        server.shutdown()
        server.server_close()
    assert not any(t.name == "devserver-http" and t.is_alive() for t in threading.enumerate())


def test_a_failed_build_is_reported_and_not_fatal(capsys: pytest.CaptureFixture[str]) -> None:
    python = devserver.sys.executable
    assert devserver.rebuild([python, "-c", "raise SystemExit(2)"]) is False
    assert "build failed (exit 2); still serving the last good site" in capsys.readouterr().out
    assert devserver.rebuild([python, "-c", "raise SystemExit(1)"]) is True
    assert devserver.rebuild([python, "-c", "pass"]) is True
    assert "rebuilt in" in capsys.readouterr().out


def test_the_build_goes_through_our_pipeline(tmp_path: Path) -> None:
    command = devserver.build_command(tmp_path, tmp_path / "publishconf.py", tmp_path / "out")
    assert command[1:] == ["-m", "breachwatch", "build", "--site", str(tmp_path), "--settings",
                           str(tmp_path / "publishconf.py"), "--output", str(tmp_path / "out")]
