"""The investigation's declared taxonomies (taxonomies.yaml) as Pelican taxonomies: validated
terms, an index page, a page and a feed per term."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from pelican import signals
from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper

from breachwatch.schema import MetadataError, as_list, field_errors, fields_by_name
from breachwatch.taxonomy import Taxonomy, load_terms, names, taxonomies

LABELS = ("outcomes", "standards")


class _Term(URLWrapper):
    """A term with a page: its URL and save path, fixed by its slug, are formatted once.

    Pelican formats them from the settings on every use; pages show terms thousands of times.
    """

    @cached_property
    def url(self) -> str:
        """The term page's URL."""
        return self._from_settings("URL")

    @cached_property
    def save_as(self) -> str:
        """Where the term page is written."""
        return self._from_settings("SAVE_AS")


class Term(_Term):
    """A term of a declared taxonomy: its page settings are named after the taxonomy's
    singular (FORCE_URL, FORCE_SAVE_AS), so each taxonomy gets a subclass of its own."""


@cache
def term_class(taxonomy: Taxonomy) -> type[Term]:
    """The URLWrapper class of one taxonomy's terms, named so that Pelican's settings
    lookup finds its SINGULAR_URL and SINGULAR_SAVE_AS."""
    name = taxonomy.singular.capitalize()
    cls = type(name, (Term,), {"__doc__": Term.__doc__, "__module__": __name__})
    globals()[name] = cls  # found by name, as pickle looks classes up
    return cls


@dataclass(frozen=True)
class Label:
    """A term without its own page (outcome, standard, status): slug, name, definition."""

    slug: str
    name: str
    definition: str = ""


@dataclass(frozen=True)
class Listing:
    """A declared taxonomy as the theme sees it: its words (those of its declaration), the URL
    of its index page, its feed pattern, and its terms with their articles."""

    taxonomy: Taxonomy
    url: str
    feed: str
    terms: list

    def __getattr__(self, name: str) -> Any:
        """The declaration's words: listing.title, listing.column, listing.about, ..."""
        return getattr(self.taxonomy, name)


def _make_term(cls: type[URLWrapper], slug: str, name: str, settings: dict, **extra: Any):
    """A URLWrapper whose slug is the data-file slug, not a re-slugified name."""
    term = cls(name, settings)
    term.slug = slug
    for key, value in extra.items():
        setattr(term, key, value)
    return term


def load_code():
    """The code of conduct the standards belong to (its title and introduction)."""
    from breachwatch.extract.standards import load_code as load  # noqa: PLC0415

    return load()


def _vocabularies(settings: dict) -> dict[str, dict[str, Any]]:
    """Every term the site knows, by field and slug, built from the data files."""
    from breachwatch.extract.outcomes import load_outcomes
    from breachwatch.extract.standards import load_standards
    from breachwatch.extract.status import load_statuses

    vocabularies: dict[str, dict[str, Any]] = {
        taxonomy.name: {
            slug: _make_term(term_class(taxonomy), slug, term.name, settings, data=term,
                             definition=getattr(term, "definition", ""))
            for slug, term in load_terms(taxonomy.name).items()
        }
        for taxonomy in taxonomies()
    }
    return {
        **vocabularies,
        "outcomes": {s: Label(s, o.name) for s, o in load_outcomes().items()},
        "standards": {s: Label(s, st.name, st.description) for s, st in load_standards().items()},
        "case_status": {
            s: Label(s, st.name, st.definition) for s, st in load_statuses().items()
        },
    }


def attach_terms(articles: list, vocabularies: dict[str, dict[str, Any]]) -> None:
    """Validate every article's metadata and replace slugs by term objects; fail on any error."""
    problems = []
    for article in articles:
        errors = [
            error
            for name in fields_by_name()
            if name in article.metadata
            for error in field_errors(name, article.metadata[name])
        ]
        if errors:
            problems.append(f"{article.source_path}: " + "; ".join(errors))
            continue
        for name in (*names(), *LABELS):
            terms = vocabularies[name]
            setattr(article, name, [terms[s] for s in as_list(article.metadata.get(name))])
        status = article.metadata.get("case_status")
        article.case_status = vocabularies["case_status"].get(status) if status else None
    if problems:
        raise MetadataError(
            "invalid article metadata:\n  " + "\n  ".join(problems)
        )


def group_by(articles: list, field: str) -> dict[Any, list]:
    """Articles per term in one pass, each list in the articles' own order."""
    groups: dict[Any, list] = defaultdict(list)
    for article in articles:
        for term in getattr(article, field):
            groups[term].append(article)
    return groups


class TaxonomyGenerator(Generator):
    """Writes each declared taxonomy's index page, one page per term, and term feeds."""

    def generate_context(self) -> None:
        """Attach terms to articles and publish the groupings to every template."""
        articles = self.context.get("articles", [])
        vocabularies = _vocabularies(self.settings)
        # Drafts (held articles in an editor's preview) show their terms but are not listed.
        attach_terms([*articles, *self.context.get("drafts", [])], vocabularies)
        for taxonomy in taxonomies():
            groups = group_by(articles, taxonomy.name)
            terms = (vocabularies[taxonomy.name].values() if taxonomy.lists_every_term
                     else groups)
            # Most articles first; a gazetteer lists only the entities articles are about.
            setattr(self, taxonomy.name, sorted(
                ((term, groups.get(term, [])) for term in terms),
                key=lambda item: (-len(item[1]), item[0].name)))
        self._update_context(names())
        self.context["vocabularies"] = vocabularies
        self.context["standards_code"] = load_code()
        self.listings = [
            Listing(taxonomy, self.settings[taxonomy.setting("URL", index=True)],
                    self.settings[taxonomy.setting("FEED_ATOM")], getattr(self, taxonomy.name))
            for taxonomy in taxonomies()
        ]
        # The theme loops over `taxonomies`; `subject` is the one articles are about.
        self.context["taxonomies"] = self.listings
        self.context["subject"] = next(item for item in self.listings if item.about)

    def generate_output(self, writer) -> None:
        """Write the index and term pages, and an Atom feed per term with articles."""
        relative = self.settings["RELATIVE_URLS"]
        for listing in self.listings:
            writer.write_file(
                self.settings[listing.setting("SAVE_AS", index=True)],
                self.get_template("terms"),
                self.context,
                relative_urls=relative,
                url=listing.url,
                taxonomy=listing,
                template_name="terms",
            )
            template = self.get_template("term")
            for term, articles in listing.terms:
                feed = listing.feed.format(slug=term.slug) if listing.feed else None
                writer.write_file(
                    term.save_as,
                    template,
                    self.context,
                    relative_urls=relative,
                    url=term.url,
                    taxonomy=listing,
                    term=term,
                    articles=articles,
                    feed=feed,
                    template_name="term",
                    page_name=term.page_name,
                )
                if articles and feed:
                    writer.write_feed(articles, self.context, feed, feed, feed_title=term.name)


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican our generator class."""
    return TaxonomyGenerator


def register() -> None:
    """Pelican plugin entry point."""
    signals.get_generators.connect(get_generators)
