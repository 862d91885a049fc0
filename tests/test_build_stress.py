"""Issue 19's "Done when" for the build lock and the atomic swap, on a 600-article site."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hostile.pages import ROOT

from bench import corpus
from breachwatch.review import is_true

ARTICLES = 600
PAIRS = 20
POLLED_BUILDS = 50
# A build that takes longer than this is stuck (a warm one takes about a second).
TIMEOUT = 180

# Runs `python -m breachwatch ...` with one function wrapped so that its Nth call (counted in
# each process) SIGKILLs the build: every process of its group at once ("group"), or only its
# main process ("main", as `kill -9 PID` does), with no cleanup. The kill lands exactly where
# it is asked to; production code has no test hooks.
KILLER = r"""
import os, signal, sys

point, count, whom, argv = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
calls = [0]
main_process = os.getpid()


def kill():
    if whom == "group":
        os.killpg(0, signal.SIGKILL)
    os.kill(main_process, signal.SIGKILL)


def wrap(owner, name, kill_before):
    original = getattr(owner, name)

    def wrapped(*args, **kwargs):
        calls[0] += 1
        if kill_before and calls[0] >= count:
            kill()
        result = original(*args, **kwargs)
        if not kill_before and calls[0] >= count:
            kill()
        return result

    setattr(owner, name, wrapped)


import pelican.readers
import pelican.writers

import breachwatch.build
import breachwatch.ingest.run

owner, name, kill_before = {
    "ingest": (breachwatch.ingest.run, "replace_file", False),
    "reading": (pelican.readers.Readers, "read_file", True),
    "writing": (pelican.writers.Writer, "write_file", False),
    "post-build": (breachwatch.build, "wait_all", False),
    "swap": (breachwatch.build, "exchange", True),
    "after-exchange": (breachwatch.build, "exchange", False),
}[point]
wrap(owner, name, kill_before)

from breachwatch.cli import main

sys.exit(main(argv))
"""


@dataclass
class Site:
    """A site's folders and the build command an editor runs on them."""

    seeds: Path
    content: Path
    output: Path
    tags: Iterator[int] = field(default_factory=itertools.count)

    def arguments(self) -> list[str]:
        """The build command's arguments after `python -m breachwatch`."""
        return ["build", "--seeds", str(self.seeds), "--content", str(self.content),
                "--output", str(self.output), "--no-search"]

    def start(self, *prefix: str) -> subprocess.Popen:
        """A build in its own group (killed whole), logging to files: orphans keep pipes open."""
        command = [sys.executable, *(prefix or ("-m", "breachwatch")), *self.arguments()]
        logs = tempfile.TemporaryFile(), tempfile.TemporaryFile()
        process = subprocess.Popen(command, cwd=ROOT, stdout=logs[0], stderr=logs[1],
                                   start_new_session=True)
        process.logs = logs  # type: ignore[attr-defined]
        return process

    def build(self) -> str:
        """Run one build to its end; assert it worked; give its stderr."""
        process = self.start()
        out, err = finish(process)
        assert process.returncode == 0, err
        assert "Traceback" not in out + err, err
        return err

    def published(self) -> dict[str, str]:
        """Seed file name -> slug of every published (not held) article: only those have pages."""
        found = {}
        for path in sorted((self.content / "articles").glob("*.md")):
            head = dict(line.split(": ", 1) for line in
                        path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
                        if ": " in line)
            if not is_true(head.get("Held", "false")):
                found[head["Seed"]] = head["Slug"]
        return found

    def edit(self, seed: str) -> str:
        """Append a sentence to a seed in one step; give the words its page must then show."""
        words = f"corrected one detail of this report (edit {next(self.tags)})"
        path = self.seeds / seed
        temporary = path.with_name(f".{seed}.tmp")
        temporary.write_text(path.read_text(encoding="utf-8") + f"\nThe force later {words}.\n",
                             encoding="utf-8")
        os.replace(temporary, path)
        return words

    def page(self, slug: str) -> str:
        """An article's page on the live site."""
        return (self.output / "articles" / slug / "index.html").read_text(encoding="utf-8")


def finish(process: subprocess.Popen, timeout: float = TIMEOUT) -> tuple[str, str]:
    """A build's stdout and stderr once it ends; one that hangs is killed and fails the test."""
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        out, err = _logs(process)
        pytest.fail(f"build still running after {timeout} s:\n{out[-2000:]}\n{err[-2000:]}")
    return _logs(process)


def _logs(process: subprocess.Popen) -> tuple[str, str]:
    """What a build started by Site.start wrote to stdout and stderr."""
    texts = []
    for log in process.logs:  # type: ignore[attr-defined]
        log.seek(0)
        texts.append(log.read().decode("utf-8", "replace"))
        log.close()
    return texts[0], texts[1]


def tree(folder: Path) -> dict[str, str]:
    """Every entry under `folder`: a file's SHA-256, a link's target, or 'folder'."""
    found = {}
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(parent, name)
            key = str(path.relative_to(folder))
            if path.is_symlink():
                found[key] = "-> " + os.readlink(path)
            elif path.is_dir():
                found[key] = "folder"
            else:
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def differences(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The entries that were added, removed or changed."""
    return sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    """600 generated seeds (no real text), built once so that the tests' builds are warm."""
    root = tmp_path_factory.mktemp("stress")
    articles, _ = corpus.generate(ARTICLES)
    corpus.write_seeds(articles, root / "seeds")
    built = Site(root / "seeds", root / "content", root / "output")
    built.build()
    assert len(built.published()) > 2 * PAIRS
    return built


def test_two_builds_started_together_twenty_times(site: Site) -> None:
    """Two builds 0.3 s apart, 20 times: the lock makes both succeed and every edit show."""
    seeds = iter(site.published().items())
    shown: dict[str, str] = {}  # slug -> the words its page must show
    waited = 0
    for _ in range(PAIRS):
        (first_seed, first_slug), (second_seed, second_slug) = next(seeds), next(seeds)
        shown[first_slug] = site.edit(first_seed)
        first = site.start()
        time.sleep(0.3)
        shown[second_slug] = site.edit(second_seed)
        second = site.start()
        results = [finish(first), finish(second)]
        for process, (out, err) in zip((first, second), results, strict=True):
            assert process.returncode == 0, err
            assert "Traceback" not in out + err, err
        waited += sum("waiting for it to finish" in err for _, err in results)
        assert shown[first_slug] in site.page(first_slug)
        assert shown[second_slug] in site.page(second_slug)
    assert {slug: words for slug, words in shown.items() if words not in site.page(slug)} == {}
    assert waited >= PAIRS // 2  # most second builds really ran into the first one's lock
    assert not site.output.with_name("output.staging").exists()


def test_a_reader_never_misses_the_index_during_fifty_builds(site: Site) -> None:
    """A reader of output/index.html through 50 swaps always gets a whole page, never none."""
    index = site.output / "index.html"
    stop = threading.Event()
    failures: list[str] = []
    versions: set[tuple[int, int]] = set()
    reads = [0]

    def poll() -> None:
        while not stop.is_set():
            try:
                with open(index, "rb") as handle:
                    page = handle.read()
                    info = os.fstat(handle.fileno())
            except OSError as error:
                failures.append(f"{type(error).__name__}: {error}")
                continue
            reads[0] += 1
            versions.add((info.st_ino, info.st_mtime_ns))
            if not page.rstrip().endswith(b"</html>"):
                failures.append(f"partial page: {len(page)} bytes")

    published = iter(site.published())
    reader = threading.Thread(target=poll, daemon=True)
    reader.start()
    try:
        for _ in range(POLLED_BUILDS):
            site.edit(next(published))
            site.build()
    finally:
        stop.set()
        reader.join()
    assert len(failures) == 0, failures[:5]
    assert len(versions) > 1, f"{reads[0]} reads never crossed a swap"


# Where the build is killed: the function whose Nth call (in whichever process makes it)
# kills the build (see KILLER), with three seeds edited so the build has a new site to swap in.
KILL_POINTS = {
    "ingest": 2,  # after the second of three edited articles is written to content/
    "reading": 2,  # as Pelican reads the second changed article
    "writing": 3,  # after the third page is written into output.staging/
    "post-build": 1,  # Pelican done, the alongside steps (raw sources) just joined
    "swap": 1,  # the staged site complete, page keys dropped, just before the exchange
}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_build_killed_anywhere_leaves_the_site_as_it_was(site: Site, point: str) -> None:
    """A whole build SIGKILLed anywhere before the swap leaves output/ byte for byte as it was."""
    before = tree(site.output)
    edits = {slug: site.edit(seed) for seed, slug in list(site.published().items())[-3:]}
    process = site.start("-c", KILLER, point, str(KILL_POINTS[point]), "group")
    out, err = finish(process)
    assert process.returncode == -signal.SIGKILL, f"the kill never landed:\n{out}\n{err}"
    assert differences(before, tree(site.output)) == []
    err = site.build()
    assert "waiting for it to finish" not in err  # the killed build's lock was taken over at once
    assert {slug: words for slug, words in edits.items() if words not in site.page(slug)} == {}


def test_a_build_killed_just_after_the_exchange_leaves_the_new_site(site: Site) -> None:
    """Killed just after the exchange, output/ is the whole new site, as the next build makes it."""
    edits = {slug: site.edit(seed) for seed, slug in list(site.published().items())[-3:]}
    process = site.start("-c", KILLER, "after-exchange", "1", "group")
    out, err = finish(process)
    assert process.returncode == -signal.SIGKILL, f"the kill never landed:\n{out}\n{err}"
    killed = tree(site.output)
    assert {slug: words for slug, words in edits.items() if words not in site.page(slug)} == {}
    site.build()
    assert differences(killed, tree(site.output)) == []


def test_a_build_whose_main_process_alone_is_killed_does_not_hold_the_lock(site: Site) -> None:
    """`kill -9 PID` of the main process alone must not leave orphans holding the lock forever."""
    # 150 changed articles, so Pelican reads them in its Markdown pool, whose forked workers
    # inherit the lock's open file and, orphaned, would hold it.
    before = tree(site.output)
    published = site.published()
    changed = sorted(path.name for path in site.seeds.glob("*.txt"))[:150]
    words = {seed: site.edit(seed) for seed in changed}
    edits = {published[seed]: words[seed] for seed in changed if seed in published}
    process = site.start("-c", KILLER, "reading", "2", "main")
    try:
        out, err = finish(process)
        assert process.returncode == -signal.SIGKILL, f"the kill never landed:\n{out}\n{err}"
        assert differences(before, tree(site.output)) == []
        following = site.start()
        out, err = finish(following, timeout=45)
        assert following.returncode == 0, err
        assert "Traceback" not in out + err, err
    finally:
        with contextlib.suppress(ProcessLookupError):  # the killed build's orphans, if any
            os.killpg(process.pid, signal.SIGKILL)
    assert {slug: words for slug, words in edits.items() if words not in site.page(slug)} == {}
