"""Build the site into a fresh folder and swap it in only if the whole build succeeded."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings


class BuildError(RuntimeError):
    """The site could not be built; the previous output is untouched."""


class _ErrorCounter(logging.Handler):
    """Counts errors Pelican logs but does not raise, so they can fail the build."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Remember the message of every error record."""
        self.messages.append(record.getMessage())


def run_pelican(settings_file: Path, content: Path, output: Path) -> None:
    """Run Pelican in-process into `output`; raise BuildError on any logged error."""
    settings = read_settings(
        str(settings_file),
        override={"PATH": str(content.resolve()), "OUTPUT_PATH": str(output.resolve())},
    )
    counter = _ErrorCounter()
    logger = logging.getLogger("pelican")
    logger.addHandler(counter)
    try:
        Pelican(settings).run()
    except Exception as error:  # noqa: BLE001 - any failure must leave output/ as it was
        raise BuildError(str(error)) from error
    finally:
        logger.removeHandler(counter)
    if counter.messages:
        raise BuildError("Pelican reported errors:\n  " + "\n  ".join(counter.messages))


def swap_in(staging: Path, output: Path) -> None:
    """Replace `output` by `staging` with two renames, so readers never see half a site."""
    retired = output.with_name(output.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if output.exists():
        output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired, ignore_errors=True)


def _name(step) -> str:
    """A readable name for a build step in an error message."""
    return getattr(step, "__qualname__", repr(step)).split(".<locals>")[0]


def build_site(settings_file: Path, content: Path, output: Path, steps=()) -> None:
    """Build into output.staging, run extra steps on it, then swap it in."""
    staging = output.with_name(output.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        run_pelican(settings_file, content, staging)
        for step in steps:
            try:
                step(staging)
            except (OSError, ValueError, RuntimeError) as error:
                raise BuildError(f"build step {_name(step)} failed: {error}") from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, output)
