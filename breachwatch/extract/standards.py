"""Tag the standards of a code of conduct (the police's Standards of Professional Behaviour
here) that an article says are at issue."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from breachwatch.datafiles import load_entries, read_data_file, require
from breachwatch.extract.cues import ArticleText, CueSet, CueTable, compile_cues, cue_list
from breachwatch.extract.evidence import Evidence, first_per_slug

_FILE = "standards.yaml"


@dataclass(frozen=True)
class Standard:
    """One standard of the code as listed in standards.yaml."""

    slug: str
    name: str
    description: str
    short: tuple[str, ...] = ()


def _parse_standard(entry: Any, index: int) -> Standard:
    """Validate one entry of `standards`; errors name the entry."""
    require(isinstance(entry, dict), _FILE, f"standards entry {index + 1} must be a mapping")
    name = entry.get("name")
    where = f"standard {name!r}" if isinstance(name, str) else f"standards entry {index + 1}"
    for key in ("slug", "name", "description"):
        value = entry.get(key)
        require(isinstance(value, str) and bool(value.strip()), _FILE, f"{where}: '{key}' missing")
    unknown = set(entry) - {"slug", "name", "description", "short"}
    require(not unknown, _FILE, f"{where}: unknown field(s) {sorted(unknown)}")
    short = tuple(cue_list(entry, "short", _FILE, where))
    return Standard(entry["slug"], name.strip(), entry["description"].strip(), short)


@dataclass(frozen=True)
class Code:
    """The code of conduct the standards belong to, as the methodology page names it."""

    title: str
    intro: str


@cache
def load_code() -> Code:
    """The code's title and introduction, from the head of standards.yaml."""
    data = read_data_file(_FILE)
    for key in ("title", "intro"):
        require(isinstance(data.get(key), str) and bool(data[key].strip()), _FILE,
                f"'{key}' must be text naming the code of conduct")
    return Code(data["title"].strip(), " ".join(data["intro"].split()))


@cache
def load_standards() -> dict[str, Standard]:
    """The standards by slug, in the code's order; as many as the file says the code has."""
    standards = load_entries(_FILE, "standards", _parse_standard)
    expected = read_data_file(_FILE).get("count")
    require(expected is None or len(standards) == expected, _FILE,
            f"expected the {expected} standards of {load_code().title}, found {len(standards)}")
    return standards


@cache
def _patterns() -> tuple[CueSet, CueTable, CueTable]:
    """The context pattern, and per standard its full-name and short-name patterns."""
    standards = load_standards()
    context = compile_cues(cue_list(read_data_file(_FILE), "context", _FILE, "context"),
                           _FILE, "context")
    full = {s: compile_cues([st.name], _FILE, f"standard {s!r}") for s, st in standards.items()}
    short = {
        s: compile_cues(st.short, _FILE, f"standard {s!r}") for s, st in standards.items()
    }
    return context, CueTable(full), CueTable(short)


def extract_standards(title: str, paragraphs: list[str]) -> list[Evidence]:
    """The standards named as at issue, each with its sentence, in the order named."""
    context, full, short = _patterns()
    article = ArticleText.of(title, paragraphs)
    first_cue: dict[int, int] = {}  # sentence number -> where its first context cue starts
    for cue in context.finditer(article.text):
        first_cue.setdefault(article.index_of(cue.start()), cue.start())
    found: list[tuple[int, Evidence]] = []
    for number, cue_start in first_cue.items():
        sentence, cue_offset = article.locate(cue_start)
        full_names = full.finditer(sentence)
        # Where full names sit, so "conduct" inside "discreditable conduct" is not read twice.
        taken = [m.span() for matches in full_names.values() for m in matches]
        for slug, matches in full_names.items():
            for m in matches:
                found.append((number * 10_000 + m.start(), Evidence(slug, sentence)))
        for slug, matches in short.finditer(sentence, cue_offset).items():
            for m in matches:
                if not any(s <= m.start() < e for s, e in taken):
                    found.append((number * 10_000 + m.start(), Evidence(slug, sentence)))
    return first_per_slug([evidence for _, evidence in sorted(found, key=lambda f: f[0])])
