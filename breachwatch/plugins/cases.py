"""Cases on the site: group articles, date low-confidence articles by their case, write pages.

Grouping runs before Pelican sorts articles into taxonomies and archives, so a date improved
from the case is the date every list, feed and data file shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper

from breachwatch.cases.detect import CaseGroup, detect_cases
from breachwatch.cases.editorial import load_editor_cases
from breachwatch.cases.facts import ArticleFacts, text_facts
from breachwatch.cases.timeline import Step, case_timeline, improved_date
from breachwatch.plugins.anchors import anchor_id
from breachwatch.schema import as_list
from breachwatch.settings import Setting, declare
from breachwatch.speed.markdown_reader import converted, published, raw_published
from breachwatch.speed.memo import remembered_all
from breachwatch.taxonomy import cue_taxonomy, entity_taxonomy

declare(
    Setting("CASE_URL", "cases/{slug}/", "a case page's URL", (str,)),
    Setting("CASE_SAVE_AS", "cases/{slug}/index.html", "where a case page is written", (str,)),
    Setting("CASES_URL", "cases/", "the list of cases' URL", (str,)),
    Setting("CASES_SAVE_AS", "cases/index.html", "where the list of cases is written", (str,)),
)


CASES_FILE = "cases.yaml"
# Case status: the most advanced status among its articles wins.
STATUS_ORDER = ("alleged", "proven")


class Case(URLWrapper):
    """A case page: URL and save path come from CASE_URL / CASE_SAVE_AS."""


def seed_key(article: Any) -> str:
    """An article's stable key: its seed's file name without .txt."""
    return str(article.metadata.get("seed", article.slug)).removesuffix(".txt")


def _facts_call(article: Any) -> tuple:
    """The arguments of ArticleFacts for a Pelican article (after its sentences were anchored)."""
    confidence = article.metadata.get("date_confidence", "medium")
    return (
        seed_key(article), article.slug, as_list(article.metadata.get(entity_taxonomy().name)),
        as_list(article.metadata.get(cue_taxonomy().name)),
        str(article.metadata.get("case_status", "")),
        list(getattr(article, "sentences", [])),
        published(article), confidence,
    )


def facts_beside_conversion(_sender: Any, metadata: dict, extra: dict) -> list[tuple]:
    """The text_facts call for an article the reader's workers convert (see `converted`)."""
    try:
        when = raw_published(metadata)
    except ValueError:
        return []
    return [(text_facts, (list(extra.get("sentences", [])), when))]


def articles_facts(articles: list, settings: dict) -> dict[str, ArticleFacts]:
    """What the detector needs from each article, by seed key (new articles on all cores)."""
    calls = [_facts_call(a) for a in articles]
    # The memo keeps what is found in the text, not the sentences it was found in.
    found = remembered_all(settings, text_facts, [(call[5], call[6]) for call in calls])
    facts = (ArticleFacts(*call, entities=entities, periods=periods)
             for call, (entities, periods) in zip(calls, found, strict=True))
    return {fact.key: fact for fact in facts}


def _redate(article: Any, when, basis: str) -> None:
    """Give an article the date its case implies, and say so."""
    article.date = article.date.replace(year=when.year, month=when.month, day=when.day)
    article.locale_date = article.date.strftime(article.date_format)
    article.metadata.update({
        "date": article.date, "date_basis": basis, "date_rule": "case-timeline",
        "date_confidence": "medium", "date_precision": "month",
    })


def group_cases(generator) -> None:
    """Detect cases, improve dates from them, and keep the article order total."""
    articles = generator.articles
    content = Path(generator.settings["PATH"])
    facts = articles_facts(articles, generator.settings)
    editor = load_editor_cases(content / CASES_FILE, set(facts))
    groups = detect_cases(list(facts.values()), editor)
    redated = False
    for group in groups:
        members = [facts[key] for key in group.keys]
        steps = case_timeline(members)
        for fact in members:
            better = improved_date(fact, steps)
            if better:
                article = next(a for a in articles if seed_key(a) == fact.key)
                _redate(article, *better)
                facts.update(articles_facts([article], generator.settings))
                redated = True
    if redated:
        articles.sort(key=generator.settings["ARTICLE_ORDER_BY"])
    generator.context["case_groups"] = groups
    generator.context["case_facts"] = facts


def _status(articles: list) -> Any:
    """The most advanced status among a case's articles."""
    statuses = [a.case_status for a in articles if getattr(a, "case_status", None)]
    ranked = sorted(statuses, key=lambda s: (
        STATUS_ORDER.index(s.slug) if s.slug in STATUS_ORDER else -1, s.slug))
    return ranked[-1] if ranked else None


def build_case(group: CaseGroup, facts: dict[str, ArticleFacts], by_key: dict[str, Any],
               settings: dict) -> Case:
    """A Case object with its articles (oldest first) and its cited timeline."""
    case = Case(group.title, settings)
    case.slug = group.slug
    case.group = group
    case.articles = sorted((by_key[k] for k in group.keys), key=lambda a: (a.date, a.slug))
    case.steps = [
        _shown_step(step, by_key[step.key])
        for step in case_timeline([facts[k] for k in group.keys])
    ]
    case.status = _status(case.articles)
    name = entity_taxonomy().name
    shared = {slug for a in case.articles for slug in as_list(a.metadata.get(name))}
    subjects = [t for a in case.articles for t in getattr(a, name) if t.slug in shared]
    case.subjects = sorted({t.slug: t for t in subjects}.values(), key=lambda t: t.slug)
    return case


def _shown_step(step: Step, article: Any) -> dict[str, Any]:
    """A timeline step with its article and the link to its sentence."""
    return {"step": step, "article": article,
            "url": f"{article.url}#{anchor_id(step.sentence_index)}"}


def case_record(case: Case) -> dict[str, Any]:
    """The open-data record of a case."""
    return {
        "slug": case.slug,
        "title": case.name,
        "url": case.url,
        "source": case.group.source,
        "status": case.status.slug if case.status else None,
        entity_taxonomy().name: [t.slug for t in case.subjects],
        "articles": [a.slug for a in case.articles],
        "shared_entities": case.group.shared_entities,
        "score": case.group.score,
        "steps": [
            {
                "kind": s["step"].kind, "label": s["step"].label, "article": s["article"].slug,
                "sentence_index": s["step"].sentence_index, "sentence": s["step"].sentence,
                "url": s["url"], "start": s["step"].start, "end": s["step"].end,
                "date_text": s["step"].date_text, "date_basis": s["step"].date_basis,
            }
            for s in case.steps
        ],
    }


class CasesGenerator(Generator):
    """Builds Case objects, links articles to them, and writes the cases pages."""

    def generate_context(self) -> None:
        """Turn the detected groups into Case pages once terms are attached to articles."""
        articles = self.context.get("articles", [])
        by_key = {seed_key(a): a for a in articles}
        facts = self.context.get("case_facts", {})
        self.cases = [
            build_case(group, facts, by_key, self.settings)
            for group in self.context.get("case_groups", [])
        ]
        for article in articles:
            article.case = None
        for case in self.cases:
            for article in case.articles:
                article.case = case
        self._update_context(("cases",))

    def generate_output(self, writer) -> None:
        """Write cases/index.html and one page per case."""
        relative = self.settings["RELATIVE_URLS"]
        writer.write_file(self.settings["CASES_SAVE_AS"], self.get_template("cases"),
                          self.context, relative_urls=relative,
                          url=self.settings["CASES_URL"], template_name="cases")
        template = self.get_template("case")
        for case in self.cases:
            writer.write_file(case.save_as, template, self.context, relative_urls=relative,
                              url=case.url, case=case, template_name="case")


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican our generator class."""
    return CasesGenerator


def register() -> None:
    """Pelican plugin entry point."""
    signals.article_generator_pretaxonomy.connect(group_cases)
    converted.connect(facts_beside_conversion)
    signals.get_generators.connect(get_generators)

