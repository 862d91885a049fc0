"""Pages rendered in forked processes are the pages one process would write."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, StrictUndefined
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import Writer

from breachwatch.speed import parallel, parallel_writer
from breachwatch.speed.parallel_writer import FlushPages, ParallelWriter

TEMPLATES = {"page.html": "<h1>{{ article.title }}</h1>{{ article.body }}",
             "broken.html": "{% if article.fails %}{{ no_such_thing.attribute }}{% endif %}"}


class Story:
    def __init__(self, number: int) -> None:
        self.title = f"Story {number}"
        self.body = f"<p>{'word ' * number}</p>"
        self.fails = number % 3 == 1  # only pages a forked process renders (shares are i::3)


def _write_all(writer: Writer, output: Path, template: str, count: int) -> None:
    """Queue one page per story the way Pelican's article generator does, then flush."""
    environment = Environment(loader=DictLoader(TEMPLATES), undefined=StrictUndefined)
    context = {**DEFAULT_CONFIG, "localsiteurl": ""}
    for number in range(count):
        writer.write_file(f"articles/{number}/index.html", environment.get_template(template),
                          context, article=Story(number), relative_urls=False)
    if isinstance(writer, ParallelWriter):
        writer.flush()


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.html"))}


@pytest.fixture(autouse=True)
def _fork_small_batches(monkeypatch) -> None:
    monkeypatch.setattr(parallel_writer, "FORK_THRESHOLD", 2)
    monkeypatch.setattr(parallel, "cores", lambda: 3)


def test_forked_pages_equal_sequential_pages(tmp_path: Path) -> None:
    settings = dict(DEFAULT_CONFIG)
    _write_all(Writer(str(tmp_path / "one"), settings), tmp_path / "one", "page.html", 40)
    writer = ParallelWriter(str(tmp_path / "many"), settings)
    _write_all(writer, tmp_path / "many", "page.html", 40)
    assert len(_files(tmp_path / "many")) == 40
    assert _files(tmp_path / "many") == _files(tmp_path / "one")
    assert len(writer._written_files) == 40  # a later write to the same page is still refused


def test_error_in_any_process_fails_with_its_message(tmp_path: Path) -> None:
    writer = ParallelWriter(str(tmp_path / "out"), dict(DEFAULT_CONFIG))
    with pytest.raises(Exception, match="no_such_thing"):
        _write_all(writer, tmp_path / "out", "broken.html", 40)


def test_every_page_waits_for_the_last_generator(tmp_path: Path) -> None:
    environment = Environment(loader=DictLoader({"list.html": "{{ title }}"}))
    writer = ParallelWriter(str(tmp_path), dict(DEFAULT_CONFIG))
    context = {**DEFAULT_CONFIG, "localsiteurl": "", "title": "All forces"}
    writer.write_file("forces/index.html", environment.get_template("list.html"), context,
                      relative_urls=False)
    assert not (tmp_path / "forces" / "index.html").exists()
    FlushPages(context=context, settings=DEFAULT_CONFIG).generate_output(writer)
    assert (tmp_path / "forces" / "index.html").read_text() == "All forces"


def _write_data(folder: Path, fail: bool) -> None:
    """A background job: writes a file, or fails after writing half of it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data.csv").write_text("id\n1\n", encoding="utf-8")
    if fail:
        raise OSError("disk full")


def test_background_job_is_done_when_the_pages_are(tmp_path: Path) -> None:
    writer = ParallelWriter(str(tmp_path / "out"), dict(DEFAULT_CONFIG))
    writer.in_background("open data", _write_data, tmp_path / "out" / "data", False)
    _write_all(writer, tmp_path / "out", "page.html", 40)
    assert (tmp_path / "out" / "data" / "data.csv").read_text(encoding="utf-8") == "id\n1\n"
    assert len(_files(tmp_path / "out")) == 40


def test_failing_background_job_fails_the_flush_naming_the_job(tmp_path: Path) -> None:
    writer = ParallelWriter(str(tmp_path / "out"), dict(DEFAULT_CONFIG))
    writer.in_background("open data", _write_data, tmp_path / "out" / "data", True)
    with pytest.raises(RuntimeError, match="open data: OSError: disk full"):
        _write_all(writer, tmp_path / "out", "page.html", 40)
    assert not writer.background


def test_a_generator_writes_in_the_background_only_through_our_writer(tmp_path: Path) -> None:
    plain = Writer(str(tmp_path / "plain"), dict(DEFAULT_CONFIG))
    parallel_writer.in_background(plain, "open data", _write_data, tmp_path / "plain", False)
    assert (tmp_path / "plain" / "data.csv").is_file()  # written at once
    ours = ParallelWriter(str(tmp_path / "ours"), dict(DEFAULT_CONFIG))
    parallel_writer.in_background(ours, "open data", _write_data, tmp_path / "ours", False)
    assert [name for name, _ in ours.background] == ["open data"]
    ours.flush()
    assert (tmp_path / "ours" / "data.csv").is_file()
