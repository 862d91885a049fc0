"""Build the site into a fresh folder and swap it in only if the whole build succeeded."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings
from pelican.writers import Writer

from breachwatch.build_lock import exchange
from breachwatch.failures import BuildError
from breachwatch.speed import store
from breachwatch.speed.page_reuse import install_keys
from breachwatch.speed.parallel import start_forked, wait_all
from breachwatch.speed.parallel_writer import FlushPages, ParallelWriter


def _calling_first(function: Callable[[], None]) -> type:
    """A generator whose context step only calls `function`: listed first, it runs once every
    generator is set up (content caches loaded) and before any reads the content folder."""

    class CallFirst:
        def __init__(self, *args, **kwargs) -> None:
            pass

        def generate_context(self) -> None:
            function()

    return CallFirst


class _Pelican(Pelican):
    """Pelican writing pages on every core (see breachwatch/speed/parallel_writer.py)."""

    def __init__(self, settings: dict, before_content: Callable[[], None] | None = None) -> None:
        self.before_content = before_content
        super().__init__(settings)

    def _get_generator_classes(self):
        """Pelican's and the plugins' generators, those writing in the background first (their
        files are written while the others queue pages), then the one that renders the pages;
        before them all, the wait for the content folder, if any."""
        classes = super()._get_generator_classes()
        first = [cls for cls in classes if getattr(cls, "writes_in_background", False)]
        waiting = [_calling_first(self.before_content)] if self.before_content else []
        return [*waiting, *first, *(cls for cls in classes if cls not in first), FlushPages]

    def _get_writer(self):
        """Our writer, unless a plugin asks for its own."""
        writer = super()._get_writer()
        if type(writer) is Writer:
            return ParallelWriter(self.output_path, settings=self.settings)
        return writer


class _ErrorCounter(logging.Handler):
    """Counts errors Pelican logs but does not raise, so they can fail the build."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Remember the message of every error record."""
        self.messages.append(record.getMessage())


def run_pelican(
    settings_file: Path, content: Path, output: Path, cache: Path | None = None,
    previous: Path | None = None, before_content: Callable[[], None] | None = None,
) -> None:
    """Run Pelican in-process into `output`; raise BuildError on any logged error.

    Unchanged pages are taken from `previous`, the live output (page_reuse.py). Pelican calls
    `before_content` once it is set up, before it reads `content`.
    """
    override = {"PATH": str(content.resolve()), "OUTPUT_PATH": str(output.resolve())}
    if cache is not None:
        override["CACHE_PATH"] = str(cache.resolve())
    if previous is not None and previous.is_dir():
        override["REUSE_PAGES_FROM"] = str(previous.resolve())
    try:
        settings = read_settings(str(settings_file), override=override)
    except Exception as error:  # noqa: BLE001 - a broken settings file is a failed build
        raise BuildError(f"{settings_file}: cannot read settings ({error})") from error
    counter = _ErrorCounter()
    logger = logging.getLogger("pelican")
    logger.addHandler(counter)
    try:
        _Pelican(settings, before_content).run()
    except Exception as error:  # noqa: BLE001 - any failure must leave output/ as it was
        raise BuildError(str(error)) from error
    finally:
        logger.removeHandler(counter)
    if counter.messages:
        raise BuildError("Pelican reported errors:\n  " + "\n  ".join(counter.messages))


def previous_site(output: Path) -> Path:
    """Where the site a build replaced is kept, for a rollback, until the next build."""
    return output.with_name(output.name + ".previous")


def swap_in(staging: Path, output: Path) -> None:
    """Replace `output` by `staging` in one step (renameat2's exchange), so readers see the old
    site or the new one, never half a site and never none.

    The replaced site becomes previous_site(output), for a rollback; deleting it (thousands of
    folders) is left to the next build, which does it while it works. Where the system cannot
    exchange two folders, two renames leave a moment with no site.
    """
    previous = previous_site(output)
    shutil.rmtree(previous, ignore_errors=True)  # normally gone already
    if output.exists() and exchange(staging, output):
        staging.rename(previous)  # the old site, now at the staging path
        return
    if output.exists():
        output.rename(previous)
    staging.rename(output)


def _name(step) -> str:
    """A readable name for a build step in an error message."""
    return getattr(step, "__qualname__", repr(step)).split(".<locals>")[0]


def build_site(
    settings_file: Path, content: Path, output: Path, steps=(), alongside=(),
    content_ready: Callable[[], Iterable] | None = None, site_store: Path | None = None,
) -> None:
    """Build into output.staging, run extra steps on it, then swap it in.

    Each of `alongside` writes a folder of the site that Pelican does not (the raw sources)
    in a process of its own while Pelican builds; its folders are moved into the staged site
    before `steps` run. `content_ready`, if given, is called once Pelican is set up and before
    it reads `content` (which may be written until then); the steps it returns run alongside
    from then on. The site it replaces is kept as output.previous until the next build.
    `site_store` is the site's store (speed.store.folder()) when the caller has named it.
    """
    if not settings_file.is_file():
        raise BuildError(f"{settings_file}: settings file not found")
    staging = output.with_name(output.name + ".staging")
    side = output.with_name(output.name + ".side")
    for folder in (staging, side):
        shutil.rmtree(folder, ignore_errors=True)
    cache = site_store or store.folder(settings_file, output)
    side.mkdir(parents=True)
    waits = [(step, start_forked(step, side)) for step in alongside]

    def start_more() -> None:
        """Wait for the content, then start the steps that needed it."""
        waits.extend((step, start_forked(step, side)) for step in content_ready())

    # The site two builds old goes while this one builds, in a process of its own: a thread
    # would wait for the busy build's lock between files.
    cleaner = start_forked(shutil.rmtree, previous_site(output), True)
    try:
        run_pelican(settings_file, content, staging, cache, previous=output,
                    before_content=start_more if content_ready else None)
        for step, error in wait_all(waits)[:1]:
            raise BuildError(f"build step {_name(step)} failed: {error}") from error
        for folder in sorted(side.iterdir()):
            folder.rename(staging / folder.name)
        for step in steps:
            _run_step(step, lambda step=step: step(staging))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        wait_all(waits)  # if Pelican failed, its error is the one to report
        shutil.rmtree(side, ignore_errors=True)
        cleaner()
    install_keys(cache, lambda: swap_in(staging, output))


def _run_step(step, run) -> None:
    """Run a build step; its failure is a failed build naming the step."""
    try:
        run()
    except (OSError, ValueError, RuntimeError) as error:
        raise BuildError(f"build step {_name(step)} failed: {error}") from error
