"""Forces and breach types as Pelican taxonomies: validated terms, pages and feeds."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pelican import signals
from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper

from breachwatch.schema import FIELDS_BY_NAME, MetadataError, as_list, field_errors

LIST_FIELDS = ("forces", "breaches", "outcomes", "standards")
# (context name and plural template, singular template and settings prefix)
TAXONOMIES = (("forces", "force"), ("breaches", "breach"))


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


class Force(_Term):
    """A police force page: URL and save path come from FORCE_URL / FORCE_SAVE_AS."""


class Breach(_Term):
    """A breach-type page: URL and save path come from BREACH_URL / BREACH_SAVE_AS."""


@dataclass(frozen=True)
class Label:
    """A term without its own page (outcome, standard, status): slug, name, definition."""

    slug: str
    name: str
    definition: str = ""


def _make_term(cls: type[URLWrapper], slug: str, name: str, settings: dict, **extra: Any):
    """A URLWrapper whose slug is the data-file slug, not a re-slugified name."""
    term = cls(name, settings)
    term.slug = slug
    for key, value in extra.items():
        setattr(term, key, value)
    return term


def _vocabularies(settings: dict) -> dict[str, dict[str, Any]]:
    """Every term the site knows, by field and slug, built from the data files."""
    from breachwatch.extract.breaches import load_breach_types
    from breachwatch.extract.forces import load_forces
    from breachwatch.extract.outcomes import load_outcomes
    from breachwatch.extract.standards import load_standards
    from breachwatch.extract.status import load_statuses

    return {
        "forces": {
            slug: _make_term(Force, slug, force.name, settings, data=force)
            for slug, force in load_forces().items()
        },
        "breaches": {
            slug: _make_term(Breach, slug, kind.name, settings, definition=kind.definition)
            for slug, kind in load_breach_types().items()
        },
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
            for name in FIELDS_BY_NAME
            if name in article.metadata
            for error in field_errors(name, article.metadata[name])
        ]
        if errors:
            problems.append(f"{article.source_path}: " + "; ".join(errors))
            continue
        for name in LIST_FIELDS:
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
    """Writes forces/ and breaches/ index pages, one page per term, and term feeds."""

    def generate_context(self) -> None:
        """Attach terms to articles and publish the groupings to every template."""
        articles = self.context.get("articles", [])
        vocabularies = _vocabularies(self.settings)
        # Drafts (held articles in an editor's preview) show their terms but are not listed.
        attach_terms([*articles, *self.context.get("drafts", [])], vocabularies)
        forces = group_by(articles, "forces")
        breaches = group_by(articles, "breaches")
        self.forces = sorted(forces.items(), key=lambda item: (-len(item[1]), item[0].name))
        self.breaches = sorted(
            ((term, breaches.get(term, [])) for term in vocabularies["breaches"].values()),
            key=lambda item: (-len(item[1]), item[0].name),
        )
        self._update_context(("forces", "breaches"))
        self.context["vocabularies"] = vocabularies

    def generate_output(self, writer) -> None:
        """Write the index and term pages, and an Atom feed per term with articles."""
        relative = self.settings["RELATIVE_URLS"]
        for plural, singular in TAXONOMIES:
            writer.write_file(
                self.settings[f"{plural.upper()}_SAVE_AS"],
                self.get_template(plural),
                self.context,
                relative_urls=relative,
                url=self.settings[f"{plural.upper()}_URL"],
                template_name=plural,
            )
            template = self.get_template(singular)
            for term, articles in getattr(self, plural):
                writer.write_file(
                    term.save_as,
                    template,
                    self.context,
                    relative_urls=relative,
                    url=term.url,
                    term=term,
                    articles=articles,
                    template_name=singular,
                    page_name=term.page_name,
                )
                if articles:
                    feed = self.settings[f"{singular.upper()}_FEED_ATOM"].format(slug=term.slug)
                    writer.write_feed(articles, self.context, feed, feed, feed_title=term.name)


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican our generator class."""
    return TaxonomyGenerator


def register() -> None:
    """Pelican plugin entry point."""
    signals.get_generators.connect(get_generators)
