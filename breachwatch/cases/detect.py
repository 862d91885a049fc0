"""Find articles that report the same incident: shared subject plus distinctive details."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from breachwatch.cases.editorial import EditorCases
from breachwatch.cases.facts import ArticleFacts
from breachwatch.cases.rules import load_case_rules


@dataclass(frozen=True)
class PairScore:
    """Why two articles may report one incident: what they share and what that is worth."""

    subjects: tuple[str, ...]
    entities: tuple[str, ...]
    entity_weight: int
    periods_overlap: bool
    allegations_match: bool
    score: int


@dataclass
class CaseGroup:
    """Articles found (or confirmed by an editor) to report one incident."""

    slug: str
    title: str
    keys: list[str]
    source: str  # "detected" or "editor"
    shared_entities: list[str] = field(default_factory=list)
    score: int = 0


def score_pair(a: ArticleFacts, b: ArticleFacts) -> PairScore | None:
    """Score a pair, or None when it is no candidate (no shared subject: never a case)."""
    rules = load_case_rules()
    subjects = tuple(sorted(set(a.subjects) & set(b.subjects)))
    if not subjects:
        return None
    weights = {kind.name: kind.weight for kind in rules.entities}
    shared = tuple(sorted(set(a.entities) & set(b.entities)))
    entity_weight = sum(weights[a.entities[entity]] for entity in shared)
    overlap = any(s1 <= e2 and s2 <= e1 for s1, e1 in a.periods for s2, e2 in b.periods)
    union = set(a.kinds) | set(b.kinds)
    matching = bool(union) and len(set(a.kinds) & set(b.kinds)) * 2 >= len(union)
    score = (entity_weight + rules.period_overlap_weight * overlap
             + rules.allegation_overlap_weight * matching)
    return PairScore(subjects, shared, entity_weight, overlap, matching, score)


def is_candidate(pair: PairScore | None) -> bool:
    """Enough distinctive details and a high enough score; subject alone never suffices."""
    rules = load_case_rules()
    return bool(pair) and pair.entity_weight >= rules.min_entity_weight and (
        pair.score >= rules.min_score)


def _slug(text: str) -> str:
    """URL slug of a case name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _candidate_pairs(pool: list[ArticleFacts], need_entity: bool
                     ) -> list[tuple[ArticleFacts, ArticleFacts]]:
    """Each pair (in pool order) sharing a subject and, if needed, a detail: the only pairs
    that can score.

    Comparing every pair is quadratic in the archive; pairs within each subject (and detail)
    are far fewer.
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for index, fact in enumerate(pool):
        for subject in set(fact.subjects):
            for entity in fact.entities if need_entity else ("",):
                groups.setdefault((subject, entity), []).append(index)
    pairs = {
        (i, j) for members in groups.values()
        for n, i in enumerate(members) for j in members[n + 1:]
    }
    return [(pool[i], pool[j]) for i, j in sorted(pairs)]


def detect_cases(facts: list[ArticleFacts], editor: EditorCases) -> list[CaseGroup]:
    """Editor-confirmed cases first, then detected groups of the remaining articles."""
    rules = load_case_rules()
    by_key = {fact.key: fact for fact in facts}
    groups = [
        CaseGroup(case.slug, case.title, [k for k in case.keys if k in by_key], "editor")
        for case in editor.confirmed
    ]
    groups = [group for group in groups if group.keys]
    confirmed = {key for group in groups for key in group.keys}
    pool = sorted(
        (f for f in facts if f.key not in confirmed and f.status not in rules.not_cases),
        key=lambda f: f.key,
    )
    pairs = []
    for a, b in _candidate_pairs(pool, need_entity=rules.min_entity_weight > 0):
        pair = score_pair(a, b)
        if is_candidate(pair) and not editor.kept_apart(a.key, b.key):
            pairs.append((pair, a.key, b.key))
    pairs.sort(key=lambda item: (-item[0].score, item[1], item[2]))
    component: dict[str, set[str]] = {f.key: {f.key} for f in pool}
    found: dict[frozenset[str], list[PairScore]] = {}
    for pair, a, b in pairs:
        left, right = component[a], component[b]
        if left is right:
            continue
        if any(editor.kept_apart(x, y) for x in left for y in right):
            continue  # an editor split these: never join them through a third article
        merged = left | right
        for key in merged:
            component[key] = merged
        found[frozenset(merged)] = found.pop(frozenset(left), []) + found.pop(
            frozenset(right), []) + [pair]
    taken = {group.slug for group in groups}
    for members, scores in sorted(found.items(), key=lambda item: sorted(item[0])):
        keys = sorted(members)
        entities = sorted({e for s in scores for e in s.entities})
        best = max(entities, key=lambda e: (_weight(by_key, keys, e), e), default="case")
        subject = scores[0].subjects[0]
        slug = base = _slug(f"{subject}-{best}")
        suffix = 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(slug)
        from breachwatch.extract.entities import load_entities

        subject_name = load_entities()[subject].name if subject in load_entities() else subject
        groups.append(CaseGroup(slug, f"{subject_name}: the {best.title()} case", keys,
                                "detected", entities, max(s.score for s in scores)))
    return sorted(groups, key=lambda group: group.slug)


def _weight(by_key: dict[str, ArticleFacts], keys: list[str], entity: str) -> int:
    """The weight of an entity's kind, to name a case after its most distinctive detail."""
    weights = {kind.name: kind.weight for kind in load_case_rules().entities}
    kind = next(by_key[k].entities[entity] for k in keys if entity in by_key[k].entities)
    return weights[kind]
