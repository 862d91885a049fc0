"""The taxonomies an investigation sorts its articles by, as its data file taxonomies.yaml
declares them: the schema, the ingest, the plugins and the theme all loop over this."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from breachwatch.datafiles import read_data_file, require

_FILE = "taxonomies.yaml"
# How a taxonomy's terms are found in an article's text.
EXTRACTORS = {
    "entities": "a gazetteer of names and aliases, tagged where the article is about them",
    "cues": "cue phrases, one set per term",
}
_WORDS = ("singular", "title", "nav", "label", "filter", "column", "tally", "browse",
          "description")
_OPTIONAL_WORDS = ("count", "intro", "empty", "known")
# A taxonomy's name is a metadata key (Pelican lower-cases them) and, with its singular, the
# prefix of its settings and the name of its terms' class.
_NAME = re.compile(r"[a-z][a-z0-9_]*")
# Names Pelican or the schema already use for something else.
RESERVED = frozenset({
    "article", "articles", "page", "pages", "draft", "drafts", "category", "categories", "tag",
    "tags", "author", "authors", "archives", "period_archives", "dates", "term", "terms",
    "label", "labels", "listing", "title", "slug", "date", "summary", "status", "seed",
    "publisher", "outcomes", "standards", "case_status", "review", "held", "reviewed",
    "evidence", "corrected", "source_url",
})


@dataclass(frozen=True)
class Taxonomy:
    """One taxonomy: its field name, the words the site uses for it, its terms' data file and
    how they are extracted."""

    name: str  # the metadata field, the context name, and the prefix of its index settings
    singular: str  # one term in running text; the prefix of its term-page settings
    title: str  # heading of the index page
    nav: str  # navigation label
    label: str  # heading of its row on an article page
    filter: str  # name of its search filter
    column: str  # table header where other pages break their articles down by it
    tally: str  # caption of that breakdown
    browse: str  # heading of its list on the home page
    description: str  # meta description of a term page: {articles}, {name}, {definition}
    count: str  # after "N articles" on a term page ("about this force"), or ""
    intro: str  # first paragraph of the index page, or ""
    empty: str  # said on a term page with no articles yet, or ""
    known: str  # the methodology page's line on the terms known; {count}, or ""
    terms: str  # data file of its terms
    extract: str  # a key of EXTRACTORS

    @property
    def about(self) -> bool:
        """Whether its terms are the entities articles are about (a gazetteer's)."""
        return self.extract == "entities"

    @property
    def lists_every_term(self) -> bool:
        """Whether the index lists terms with no articles: a short defined list, not a
        gazetteer of every entity that could be named."""
        return not self.about

    def setting(self, suffix: str, *, index: bool = False) -> str:
        """The name of one of its page or feed settings, after Pelican's conventions:
        FORCE_URL, FORCES_SAVE_AS, FORCE_FEED_ATOM."""
        return f"{(self.name if index else self.singular).upper().replace('-', '_')}_{suffix}"

    def default_settings(self) -> dict[str, str]:
        """Its page and feed settings when the settings file leaves them out."""
        return {
            self.setting("URL"): f"{self.name}/{{slug}}/",
            self.setting("SAVE_AS"): f"{self.name}/{{slug}}/index.html",
            self.setting("URL", index=True): f"{self.name}/",
            self.setting("SAVE_AS", index=True): f"{self.name}/index.html",
            self.setting("FEED_ATOM"): f"feeds/{self.name}/{{slug}}.atom.xml",
        }


def _parse(raw: Any, index: int) -> Taxonomy:
    """One declared taxonomy, every word required, so the theme never falls back on ours."""
    where = f"taxonomies entry {index + 1}"
    require(isinstance(raw, dict), _FILE, f"{where} must be a mapping")
    fields = ("name", *_WORDS, *_OPTIONAL_WORDS, "terms", "extract")
    unknown = set(raw) - set(fields)
    require(not unknown, _FILE, f"{where}: unknown field(s) {sorted(unknown)}")
    for field in fields:
        require(isinstance(raw.get(field), str), _FILE, f"{where}: '{field}' must be text")
        require(field in _OPTIONAL_WORDS or bool(raw[field].strip()), _FILE,
                f"{where}: '{field}' must not be empty")
    require(raw["extract"] in EXTRACTORS, _FILE,
            f"{where}: 'extract' must be one of {sorted(EXTRACTORS)}")
    for field in ("name", "singular"):
        require(bool(_NAME.fullmatch(raw[field])), _FILE,
                f"{where}: '{field}' must be lower-case letters, digits or _ (a metadata key "
                f"and a settings prefix), not {raw[field]!r}")
        require(raw[field] not in RESERVED, _FILE,
                f"{where}: '{field}' {raw[field]!r} is taken by Pelican or by another field")
    return Taxonomy(**{field: raw[field] for field in fields})


@cache
def taxonomies() -> tuple[Taxonomy, ...]:
    """Every declared taxonomy, in the file's order (the order pages show them in)."""
    return parse_taxonomies(read_data_file(_FILE))


def parse_taxonomies(data: Any) -> tuple[Taxonomy, ...]:
    """Check a taxonomies.yaml; errors name the file and the entry."""
    require(isinstance(data, dict) and isinstance(data.get("taxonomies"), list), _FILE,
            "'taxonomies' must be a list")
    declared = tuple(_parse(raw, index) for index, raw in enumerate(data["taxonomies"]))
    names = [t.name for t in declared]
    require(len(set(names)) == len(names), _FILE, "two taxonomies share a name")
    for kind in EXTRACTORS:
        count = sum(t.extract == kind for t in declared)
        require(count == 1, _FILE, f"declare exactly one taxonomy extracted by '{kind}' "
                                   f"(found {count})")
    return declared


def entity_taxonomy() -> Taxonomy:
    """The taxonomy of the entities articles are about (police forces, NHS trusts)."""
    return next(t for t in taxonomies() if t.extract == "entities")


def cue_taxonomy() -> Taxonomy:
    """The taxonomy tagged by cue phrases (types of breach)."""
    return next(t for t in taxonomies() if t.extract == "cues")


def names() -> tuple[str, ...]:
    """The metadata fields of the taxonomies, entity first as declared."""
    return tuple(t.name for t in taxonomies())


def load_terms(name: str) -> dict[str, Any]:
    """The terms of the taxonomy `name` by slug, as its extractor reads them."""
    if name == entity_taxonomy().name:
        from breachwatch.extract.entities import load_entities  # noqa: PLC0415 - no cycle

        return load_entities()
    from breachwatch.extract.breaches import load_breach_types  # noqa: PLC0415

    require(name == cue_taxonomy().name, _FILE, f"no taxonomy named {name!r}")
    return load_breach_types()
