"""`make devserver`: rebuild through our pipeline whenever an editor's input changes, and
serve the live output/ on 127.0.0.1 meanwhile.

Pelican's own `--autoreload` watches only content/ and the theme, and would skip the ingest:
a new seed, a correction or a data file would not reach the site. This polls the stamps of
every input an editor touches once a second (no dependency, the same on every system) and
runs `python -m breachwatch build` for each change, exactly as `make html` does.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from breachwatch.settings import SettingsError, data_path, run_settings
from breachwatch.speed.stamps import Stamp, file_stamp

# Each watched file's stamp (breachwatch/speed/stamps.py), by path.
Snapshot = dict[str, Stamp]

# Folders the build writes into content/ (ingested articles); watching them would rebuild
# after every rebuild.
BUILT_IN_CONTENT = frozenset({"articles"})
SKIPPED_FOLDERS = frozenset({"__pycache__"})


def _skipped(name: str) -> bool:
    """Hidden files (locks, caches, editors' swap files) and backups are no editor's input."""
    return name.startswith(".") or name.endswith("~")


def _files(folder: str | Path, recursive: bool = True, skip: frozenset[str] = frozenset()
           ) -> Iterator[str]:
    """Every file an editor may have changed under `folder`, none if it is missing (plain
    strings: at 10,000 seeds, Path objects were most of a poll's time)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if _skipped(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            if recursive and entry.name not in skip and entry.name not in SKIPPED_FOLDERS:
                yield from _files(entry.path)
        elif entry.is_file():
            yield entry.path


def theme_path(settings_file: Path) -> Path:
    """The theme folder a settings file names, as Pelican resolves it (relative to the file's
    folder if there, else to the working folder), so a theme another site shares is watched."""
    theme = ""
    if settings_file.is_file():
        theme = str(run_settings(settings_file).get("THEME", ""))
    if not theme:
        return settings_file.parent / "theme"
    beside = settings_file.parent / theme
    return beside if beside.is_dir() else Path(theme)


def watched_files(site: Path, settings_file: Path, data: Path, theme: Path) -> Iterator[str]:
    """Every input of a build an editor changes: seeds (texts and sources.csv), content/
    (corrections, pages, cases.yaml, extra files) but not the articles the ingest writes,
    the data files, the theme and the settings files."""
    yield from _files(site / "seeds", recursive=False)
    yield from _files(site / "content", skip=BUILT_IN_CONTENT)
    yield from _files(data)
    yield from _files(theme)
    # The settings file and those it imports (publishconf.py reads pelicanconf.py).
    yield from (path for path in _files(settings_file.parent, recursive=False)
                if path.endswith(".py"))


def snapshot(files: Iterable[str | Path]) -> Snapshot:
    """The stamp of each file, by path; a file gone meanwhile is left out (it was deleted)."""
    stamps: Snapshot = {}
    for path in files:
        stamp = file_stamp(path)
        if stamp is not None:
            stamps[str(path)] = stamp
    return stamps


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """The files added, deleted or changed between two snapshots, sorted; empty if none."""
    return sorted(path for path in before.keys() | after.keys()
                  if before.get(path) != after.get(path))


def settle(take: Callable[[], Snapshot], current: Snapshot, pause: float = 0.2,
           tries: int = 10) -> Snapshot:
    """Wait until two snapshots agree, so one save of several files is one rebuild, not a
    build of a half-written file."""
    for _ in range(tries):
        time.sleep(pause)
        later = take()
        if later == current:
            break
        current = later
    return current


def build_command(site: Path, settings_file: Path, output: Path) -> list[str]:
    """The build `make html` runs, in a process of its own: each build reads fresh code,
    data and settings, and a crash cannot take the server down."""
    return [sys.executable, "-m", "breachwatch", "build", "--site", str(site),
            "--settings", str(settings_file), "--output", str(output)]


def rebuild(command: list[str]) -> bool:
    """Run a build and say how it went on one line; tell whether output/ was replaced."""
    started = time.monotonic()
    status = subprocess.run(command, check=False).returncode
    took = time.monotonic() - started
    if status == 0:
        print(f"devserver: rebuilt in {took:.1f} s", flush=True)
    elif status == 1:
        print(f"devserver: rebuilt in {took:.1f} s; some seeds failed (see above)", flush=True)
    else:
        print(f"devserver: build failed (exit {status}); still serving the last good site",
              flush=True)
    return status in (0, 1)


class _Handler(SimpleHTTPRequestHandler):
    """Serves files by path on every request (the build swaps output/ for a new folder, so a
    handle on the old one would serve a stale site) and logs only failures."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Successful requests are noise beside the build's report."""
        if str(code).isdigit() and int(code) >= 400:
            super().log_request(code, size)


def start_server(output: Path, host: str, port: int) -> ThreadingHTTPServer:
    """Serve `output` in a background thread; the caller shuts it down."""
    handler = partial(_Handler, directory=str(output.absolute()))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="devserver-http", daemon=True).start()
    return server


def _shown(path: str) -> str:
    """A path as the editor knows it: relative to this folder when it is inside."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def watch(take: Callable[[], Snapshot], build: Callable[[], object], interval: float = 1.0,
          stop: Callable[[], bool] = lambda: False, current: Snapshot | None = None) -> None:
    """Poll every `interval` seconds and build after each change until `stop()` says so.

    Each build's snapshot is taken before it starts (pass the first build's as `current`),
    so a file saved during a build brings another."""
    current = take() if current is None else current
    while not stop():
        time.sleep(interval)
        later = take()
        changed = changes(current, later)
        if not changed:
            continue
        later = settle(take, later)
        changed = changes(current, later)
        shown = ", ".join(map(_shown, changed[:3])) + (
            f" and {len(changed) - 3} more" if len(changed) > 3 else "")
        print(f"devserver: changed: {shown}; rebuilding", flush=True)
        current = later
        build()


def _parser() -> argparse.ArgumentParser:
    """Options: the investigation's folder, as for `python -m breachwatch build`."""
    parser = argparse.ArgumentParser(prog="python -m breachwatch.devserver",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("."),
                        help="the investigation's folder (default: this folder)")
    parser.add_argument("--settings", type=Path, default=None,
                        help="default: <site>/pelicanconf.py")
    parser.add_argument("--output", type=Path, default=None, help="default: <site>/output")
    parser.add_argument("--bind", default="127.0.0.1", help="default: 127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="default: 8000")
    parser.add_argument("--interval", type=float, default=1.0,
                        help="seconds between looks at the files (default: 1)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Build once, serve output/, rebuild on every change until Ctrl-C."""
    args = _parser().parse_args(argv)
    settings_file = args.settings or args.site / "pelicanconf.py"
    output = args.output or args.site / "output"
    if not settings_file.is_file():
        print(f"error {settings_file}: settings file not found", file=sys.stderr)
        return 2
    try:
        data, theme = data_path(settings_file), theme_path(settings_file)
    except SettingsError as error:
        print(f"error {error}", file=sys.stderr)
        return 2
    try:
        server = start_server(output, args.bind, args.port)
    except OSError as error:
        print(f"error {args.bind}:{args.port}: cannot serve there ({error.strerror}); "
              "another server running? Try --port", file=sys.stderr)
        return 2
    command = build_command(args.site, settings_file, output)

    def take() -> Snapshot:
        """The stamps of every watched file now."""
        return snapshot(watched_files(args.site, settings_file, data, theme))

    try:
        first = take()
        rebuild(command)
        print(f"devserver: serving {output}/ on http://{args.bind}:{args.port}/ ; watching "
              "seeds, content, data, theme and settings; Ctrl-C stops", flush=True)
        watch(take, lambda: rebuild(command), args.interval, current=first)
    except KeyboardInterrupt:
        print("\ndevserver: stopped", flush=True)
    finally:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
