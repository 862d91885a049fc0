"""Notice entity names (police forces here) misspelt in the text, which the extractor rightly
does not tag."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import cache, lru_cache

from breachwatch.extract.entities import Entity, load_entities
from breachwatch.taxonomy import entity_taxonomy

# Runs of capitalised words ("the Metropolitan Polce Service"), allowing "of" and "and".
_AFTER_CAPITAL = r"[\w&-]*(?<!['\u2019]s)"
_WORD = rf"[A-Z]{_AFTER_CAPITAL}"
# The first capital comes first, then a look back that it starts a word (what \b before it
# means): the regex engine skips straight to capitals.
_CAPITALISED_RUN = re.compile(
    rf"[A-Z](?<!\w[A-Z]){_AFTER_CAPITAL}(?:\s+(?:of|and|&|{_WORD}))+"
)
# How alike a phrase and a known name must be to suggest it (one slip in ~20 letters).
SIMILARITY = 0.9
# Distinct phrases examined per article, so a megabyte of capitals stays quick.
MAX_PHRASES = 2000


@cache
def _known_names() -> dict[str, Entity]:
    """Every entity by the case-folded form of its name and of each alias."""
    return {
        name.casefold(): entity
        for entity in load_entities().values()
        for name in (entity.name, *entity.aliases)
    }


@cache
def _names_by_word() -> dict[tuple[int, str], tuple[tuple[str, frozenset[str]], ...]]:
    """Known names with their words, by (word count, word): a slip leaves a word intact."""
    index: dict[tuple[int, str], list[tuple[str, frozenset[str]]]] = {}
    for name in _known_names():
        words = name.split()
        for word in set(words):
            index.setdefault((len(words), word), []).append((name, frozenset(words)))
    return {key: tuple(names) for key, names in index.items()}


def _candidates(phrase: str) -> set[str]:
    """Known names one slip away in words: same word count, at most one word different."""
    index = _names_by_word()
    words = phrase.split()
    unique = frozenset(words)
    return {
        name
        for word in unique
        for name, name_words in index.get((len(words), word), ())
        # ratio = 2 * matches / (len(a) + len(b)) <= 2 * min / sum, so lengths must be close.
        if 2 * min(len(name), len(phrase)) / (len(name) + len(phrase)) >= SIMILARITY
        and len(unique - name_words) <= 1
        and _one_slip(unique - name_words, name_words - unique)
    }


@lru_cache(maxsize=8192)
def _near_names(folded: str) -> tuple[tuple[str, float], ...]:
    """Known names at least SIMILARITY alike to a case-folded phrase, with their scores.

    Cached: the same capitalised phrases ("Chief Constable", "Home Office") recur in article
    after article."""
    found = []
    for name in sorted(_candidates(folded)):
        matcher = difflib.SequenceMatcher(None, folded, name)
        if matcher.quick_ratio() < SIMILARITY:
            continue
        score = matcher.ratio()
        if score >= SIMILARITY:
            found.append((name, score))
    return tuple(found)


def _one_slip(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """Tell whether the one differing word could be a slip: close in length and letters."""
    if not ours or not theirs:
        return not ours and not theirs
    mine, real = next(iter(ours)), next(iter(theirs))
    return abs(len(mine) - len(real)) <= 2 and len(set(mine) & set(real)) * 2 >= len(set(real))


@lru_cache(maxsize=4096)
def _sub_phrases(run: str) -> tuple[str, ...]:
    """Every stretch of two or more words in a run, so 'The Metropolitan ...' is tried bare.

    Cached: the same runs (entity names, titles, bodies) recur from article to article."""
    words = run.split()
    return tuple(
        " ".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 2, len(words) + 1)
        if words[start][0].isupper() and words[end - 1][0].isupper()
    )


def near_entity_names(texts: Iterable[str]) -> list[str]:
    """Warnings for phrases that look like a entity name but are not one, with the suggestion."""
    known = _known_names()
    phrases: dict[str, None] = {}
    for text in texts:
        for match in _CAPITALISED_RUN.finditer(text):
            phrases.update(dict.fromkeys(_sub_phrases(match.group())))
            if len(phrases) >= MAX_PHRASES:
                break
    exact = {known[phrase.casefold()].slug for phrase in phrases if phrase.casefold() in known}
    best: dict[str, tuple[float, str]] = {}
    for phrase in phrases:
        folded = phrase.casefold()
        if folded in known:
            continue
        for name, score in _near_names(folded):
            entity = known[name]
            if entity.slug in exact:
                continue
            if score > best.get(entity.name, (0.0, ""))[0]:
                best[entity.name] = (score, phrase)  # a slip beside the right name is noise
    return [
        f"'{phrase}' is not a known {entity_taxonomy().singular}; did you mean '{name}'?"
        for name, (_, phrase) in sorted(best.items())
    ]
