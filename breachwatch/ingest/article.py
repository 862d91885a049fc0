"""The ingest line for one seed: read -> clean -> paragraphs -> extract -> metadata."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from breachwatch.extract.breaches import extract_breaches
from breachwatch.extract.dates import DateGuess, date_from_url, infer_date
from breachwatch.extract.entities import entities_of
from breachwatch.extract.evidence import HEADLINE, Evidence
from breachwatch.extract.outcomes import extract_outcomes
from breachwatch.extract.publisher import UNKNOWN, credit_publisher, extract_publisher
from breachwatch.extract.standards import extract_standards
from breachwatch.extract.status import extract_status
from breachwatch.extract.title import extract_title
from breachwatch.ingest.clean import DroppedLine, strip_boilerplate
from breachwatch.ingest.corrections import apply_correction, load_correction
from breachwatch.ingest.near_entities import near_entity_names
from breachwatch.ingest.paragraphs import build_paragraphs
from breachwatch.ingest.provenance import SourceRow, published_date
from breachwatch.ingest.read import SeedError, read_seed
from breachwatch.review import with_review
from breachwatch.schema import validate
from breachwatch.sentences import body_sentences, normalise_space
from breachwatch.taxonomy import cue_taxonomy, entity_taxonomy

MAX_SLUG_CHARS = 80
# A made-up seed whose ingest reads every data file and compiles its patterns. It is a police
# story because the police investigation is the one whose cues it warms; with another
# investigation's data it still reads every file, and warms fewer cues.
_SAMPLE = """Kent Polce Service officer sacked after he leaked police records to a journalist

By Reporter | Example News

A Kent Police constable who searched police systems without a policing purpose and disclosed
14 records to a journalist was dismissed without notice at a misconduct hearing on Monday
3 May 2021, after the panel found he breached the standards of professional behaviour relating
to confidentiality; he could face prosecution and was not given a final written warning.
"""


@dataclass
class Article:
    """Everything the ingest learned about one seed, ready to be written as Markdown."""

    seed: Path
    metadata: dict[str, Any]
    paragraphs: list[str]
    dropped: list[DroppedLine]
    evidence: dict[str, list[Evidence]]
    warnings: list[str] = field(default_factory=list)


def slugify(text: str) -> str:
    """URL slug from a title: ASCII, lower case, hyphens, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG_CHARS:
        slug = slug[:MAX_SLUG_CHARS].rsplit("-", 1)[0]
    return slug


def evidence_refs(evidence: dict[str, list[Evidence]], title: str, body: list[str]) -> list[str]:
    """Where each tag's sentence sits, as field:slug:sN for sentence N of the body (as the page
    numbers it) or field:slug:headline, so a reader can check every tag."""
    numbers: dict[str, int] = {}
    # Sentences of a normalised paragraph are normalised already.
    for number, sentence in enumerate(body_sentences(body), start=1):
        numbers.setdefault(sentence, number)
    normalised = {
        item.sentence: normalise_space(item.sentence)
        for found in evidence.values()
        for item in found
    }
    headline = normalise_space(title)
    refs = []
    for name, found in evidence.items():
        for item in found:
            sentence = normalised[item.sentence]
            if sentence in numbers:
                refs.append(f"{name}:{item.slug}:s{numbers[sentence]}")
            elif sentence == headline:
                refs.append(f"{name}:{item.slug}:{HEADLINE}")
    return refs


def prepare() -> None:
    """Read the data files now (and compile the cues a sample needs), so worker processes
    forked later share them."""
    ingest_text(_SAMPLE, Path("sample.txt"))


def publication_date(source: SourceRow, title: str, body: list[str],
                     today: date | None) -> DateGuess:
    """The date a source states, first that wins: sources.csv, the web address, the page's
    date line; else the date inferred from the text."""
    if source.published:
        when, precision = published_date(source.published) or (None, "")
        if when is not None:
            return DateGuess(when, "seeds/sources.csv", "source-list", "high", precision)
    stated = date_from_url(source.url, today) if source.url else None
    return stated or infer_date(title, body, today)


def ingest_article(seed: Path, correction_file: Path, source: SourceRow,
                   today: date | None = None) -> Article:
    """A seed's article as it is published: extracted from its text and source row, corrected
    by its editor's file, reviewed and validated; raises SeedError or MetadataError if it
    cannot be one."""
    article = ingest_seed(seed, today, source)
    article.metadata = apply_correction(article.metadata, load_correction(correction_file))
    article.metadata = with_review(article.metadata, article.evidence)
    validate(article.metadata, str(seed))
    return article


def ingest_seed(path: Path, today: date | None = None, source: SourceRow | None = None) -> Article:
    """Turn one seed file into an Article; raises SeedError if it cannot become one."""
    text, _encoding = read_seed(path)
    return ingest_text(text, path, today, source)


def ingest_text(text: str, path: Path, today: date | None = None,
                source: SourceRow | None = None) -> Article:
    """Turn the text of the seed at `path`, and its row of sources.csv, into an Article; raises
    SeedError if it cannot."""
    source = source or SourceRow()
    lines, dropped = strip_boilerplate(text)
    in_text, masthead_index = extract_publisher(lines)
    publisher = credit_publisher(source.url, source.publisher, in_text)
    if masthead_index is not None:
        lines = lines[:masthead_index] + lines[masthead_index + 1 :]
    paragraphs = build_paragraphs(lines)
    if not paragraphs:
        raise SeedError(path, "has no article text once page boilerplate is removed")
    title, heading, body = extract_title(paragraphs)
    if not body:
        raise SeedError(path, "has a headline but no article text")
    slug = slugify(title) or slugify(path.stem)

    entities, cues = entity_taxonomy(), cue_taxonomy()
    evidence = {
        entities.name: entities_of(title, body, publisher),
        cues.name: extract_breaches(title, body),
        "outcomes": extract_outcomes(title, body),
        "standards": extract_standards(title, body),
    }
    status = extract_status(title, body)
    evidence["case_status"] = [status]
    # The headline as it stood, with any date label glued before it.
    guess = publication_date(source, heading, body, today)
    metadata: dict[str, Any] = {
        "title": title,
        "slug": slug,
        "date": guess.date.isoformat(),
        "date_basis": guess.basis,
        "date_rule": guess.rule,
        "date_confidence": guess.confidence,
        "date_precision": guess.precision,
        "publisher": publisher,
        "source_url": source.url,
        "seed": path.name,
        **{name: [item.slug for item in found] for name, found in evidence.items()
           if name != "case_status"},
        "case_status": status.slug,
        "evidence": evidence_refs(evidence, title, body),
    }
    warnings = []
    if not metadata[entities.name]:
        warnings.append(f"no {entities.singular} found")
    warnings += near_entity_names([title, *body])
    if not metadata[cues.name]:
        warnings.append(f"no {cues.singular} type found")
    if not status.sentence:
        warnings.append("no allegation or finding found; status set to alleged")
    if guess.confidence in {"low", "none"}:
        warnings.append(f"{guess.confidence}-confidence date ({guess.basis})")
    if publisher == UNKNOWN:
        warnings.append("unknown publisher")
    return Article(path, metadata, body, dropped, evidence, warnings)
