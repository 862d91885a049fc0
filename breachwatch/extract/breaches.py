"""Tag the types of breach an article reports, each with the sentence that shows it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from breachwatch.datafiles import load_entries, read_data_file, require
from breachwatch.extract.cues import (
    WORD,
    ArticleText,
    CueSet,
    CueTable,
    Match,
    compile_cues,
    cue_list,
    find_all,
    fold,
    words_before,
)
from breachwatch.extract.evidence import Evidence, first_per_slug
from breachwatch.taxonomy import cue_taxonomy


def _file() -> str:
    """The data file of the taxonomy found by cue phrases (breaches.yaml here)."""
    return cue_taxonomy().terms

# What each cue set of the combined table holds: its name is the kind, then the slug.
_CUE, _VAGUE, _RECIPIENT, _VERB = "cue:", "vague:", "recipient:", "verb:"
# How far after a disclosure verb its recipient may be named.
RECIPIENT_WINDOW = 15
# How close a recipient must follow the verb to need no linking word ("tipped off dealers").
DIRECT_OBJECT_WORDS = 2
# Words that may join one more item to a list instead of starting a clause.
LIST_JOINERS = frozenset({"and", "or"})
# The word that names who did a passive act, not who received it ("the images were shared
# by another person").
AGENT_MARK = "by"
# How many words after a passive disclosure verb may name the information ("journalists were
# given confidential details").
INFORMATION_WINDOW = 6
# How many words before a cue a `not_if` phrase cancels it.
NEGATION_WINDOW = 6
# A recipient's next word, to tell "a criminal" from "a criminal record".
_NEXT_WORD = re.compile(r"[ \t\-\u2013\u2014/]*([\w'\u2019-]+)")
# What may sit between two words that name one thing ("loyalist paramilitaries").
_JOINED = re.compile(r"[ \t\-\u2013\u2014/]*")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$", re.IGNORECASE)


@dataclass(frozen=True)
class BreachType:
    """One type of breach as listed in breaches.yaml."""

    slug: str
    name: str
    definition: str
    cues: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    vague_cues: tuple[str, ...] = ()
    yields_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Rules:
    """breaches.yaml compiled into patterns."""

    every: CueTable  # cues, vague cues, recipients and verbs, searched in one pass
    yields_to: dict[str, frozenset[str]]
    links: frozenset[str]
    false_links: frozenset[tuple[str, ...]]
    clause_breaks: frozenset[str]
    list_starts: frozenset[str]
    whole_of: frozenset[str]
    not_information: frozenset[str]
    modifies: CueSet
    information: CueSet
    informing: CueSet
    not_if: CueSet
    policy: CueSet  # statements of general policy and page furniture


def _parse_type(entry: Any, index: int) -> BreachType:
    """Validate one entry of `breaches`; errors name the entry."""
    require(isinstance(entry, dict), _file(), f"breaches entry {index + 1} must be a mapping")
    slug = entry.get("slug")
    where = f"breach {slug!r}" if isinstance(slug, str) else f"breaches entry {index + 1}"
    require(
        isinstance(slug, str) and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) is not None,
        _file(),
        f"{where}: 'slug' must be lower-case words joined by hyphens",
    )
    for key in ("name", "definition"):
        value = entry.get(key)
        require(isinstance(value, str) and bool(value.strip()), _file(),
                f"{where}: '{key}' missing")
    unknown = set(entry) - {
        "slug", "name", "definition", "cues", "recipients", "vague_cues", "yields_to"
    }
    require(not unknown, _file(), f"{where}: unknown field(s) {sorted(unknown)}")
    cues = tuple(cue_list(entry, "cues", _file(), where))
    recipients = tuple(cue_list(entry, "recipients", _file(), where))
    vague = tuple(cue_list(entry, "vague_cues", _file(), where))
    yields_to = tuple(cue_list(entry, "yields_to", _file(), where))
    require(bool(cues or recipients), _file(), f"{where}: needs 'cues' or 'recipients'")
    require(bool(vague) == bool(yields_to), _file(),
            f"{where}: 'vague_cues' and 'yields_to' go together")
    return BreachType(slug, entry["name"].strip(), entry["definition"].strip(), cues, recipients,
                      vague, yields_to)


def _word_pairs(data: dict, key: str) -> frozenset[tuple[str, ...]]:
    """A list of two-word phrases ("known to") as lower-case word pairs."""
    pairs = frozenset(tuple(p.lower().split()) for p in cue_list(data, key, _file(), key))
    require(all(len(p) == 2 for p in pairs), _file(), f"{key}: every entry must be two words")
    return pairs


def _words(data: dict, key: str) -> frozenset[str]:
    """A list of single words, lower-cased."""
    words = frozenset(w.lower() for w in cue_list(data, key, _file(), key))
    require(all(WORD.fullmatch(w) for w in words), _file(), f"{key}: every entry must be one word")
    return words


@cache
def load_breach_types() -> dict[str, BreachType]:
    """Every breach type in breaches.yaml by slug, in the file's order."""
    return load_entries(_file(), cue_taxonomy().name, _parse_type)


@cache
def _rules() -> _Rules:
    """Compile every cue list of breaches.yaml once."""
    data = read_data_file(_file())
    types = load_breach_types()
    for slug, kind in types.items():
        unknown = set(kind.yields_to) - set(types)
        require(not unknown, _file(), f"breach {slug!r}: 'yields_to' names {sorted(unknown)}")
    sets = {}
    for kind, field in ((_CUE, "cues"), (_VAGUE, "vague_cues"), (_RECIPIENT, "recipients")):
        for slug, entry in types.items():
            if getattr(entry, field):
                sets[kind + slug] = compile_cues(getattr(entry, field), _file(), f"breach {slug!r}")
    verbs = cue_list(data, "disclosure_verbs", _file(), "disclosure_verbs")
    sets[_VERB] = compile_cues(verbs, _file(), "disclosure_verbs")
    return _Rules(
        every=CueTable(sets),
        yields_to={s: frozenset(t.yields_to) for s, t in types.items()},
        links=_words(data, "recipient_links"),
        false_links=_word_pairs(data, "not_links"),
        clause_breaks=_words(data, "clause_breaks"),
        list_starts=_words(data, "list_starts"),
        whole_of=_words(data, "whole_of"),
        not_information=_words(data, "not_information"),
        modifies=compile_cues(cue_list(data, "modifies", _file(), "modifies"), _file(), "modifies"),
        information=compile_cues(
            cue_list(data, "information", _file(), "information"), _file(), "information"
        ),
        informing=compile_cues(
            cue_list(data, "informing_verbs", _file(), "informing_verbs"), _file(),
            "informing_verbs"
        ),
        not_if=compile_cues(cue_list(data, "not_if", _file(), "not_if"), _file(), "not_if"),
        # Page furniture ("follow us on Facebook") is read like policy: one set, one search.
        policy=compile_cues(
            cue_list(data, "policy", _file(), "policy")
            + cue_list(data, "furniture", _file(), "furniture"),
            _file(), "policy and furniture",
        ),
    )


def _negated(match: Match, rules: _Rules) -> bool:
    """Tell whether a `not_if` phrase just before a cue cancels it."""
    before = words_before(match.sentence, match.offset, NEGATION_WINDOW)
    return rules.not_if.search(before) is not None


def _counts(match: Match, rules: _Rules, policy: dict[str, bool]) -> bool:
    """Tell whether a cue reports this case: not negated, not in a statement of general policy
    ("officers must only access systems for a policing purpose") nor in page furniture ("follow
    us on Facebook"); `policy` caches sentences."""
    if _negated(match, rules):
        return False
    if match.sentence not in policy:
        # Whether a policy phrase occurs at all: one regex, not the index built for long texts.
        policy[match.sentence] = rules.policy.combined.search(fold(match.sentence)) is not None
    return not policy[match.sentence]


def _modifier(text: str, recipient: Match, rules: _Rules, starts: set[int]) -> bool:
    """Tell whether a recipient only describes the noun after it: "a criminal record",
    "partner agencies", or another recipient ("loyalist paramilitaries")."""
    if _JOINED.match(text, recipient.end).end() in starts:
        return True
    after = _NEXT_WORD.match(text, recipient.end)
    if after is None or not after.group(1)[:1].isalpha():
        return False
    word = after.group(1)
    found = rules.modifies.search(word)
    return found is not None and found.start() == 0 and found.end() == len(word)


def _names_owner(tail: list[str], rules: _Rules) -> bool:
    """Tell whether the recipient is named as whose someone is ("the mother of one of the
    suspects"), as a possessive would name it, rather than as one of a group ("members of")."""
    if "of" not in tail:
        return False
    at = tail.index("of")
    return at > 0 and tail[at - 1] not in rules.whole_of


def _breaks_clause(words: list[str], at: int, rules: _Rules) -> bool:
    """Tell whether words[at] starts a new clause; "and" that adds one more to a list ("a
    colleague and three members of the public") does not."""
    if words[at] not in rules.clause_breaks:
        return False
    following = words[at + 1] if at + 1 < len(words) else ""
    return words[at] not in LIST_JOINERS or following not in rules.list_starts


def _linked(words: list[str], rules: _Rules) -> bool:
    """Tell whether a linking word joins the verb to the recipient: the nearest one before it,
    in the same clause, not part of a phrase such as "known to", naming no owner."""
    for at in range(len(words) - 1, -1, -1):
        word = words[at]
        if _breaks_clause(words, at, rules):
            return False
        if word in rules.links:
            if at and (words[at - 1], word) in rules.false_links:
                return False
            return not _names_owner(words[at + 1 :], rules)
    return False


def _passes_information(text: str, verb: Match, rules: _Rules) -> bool:
    """Tell whether a passive verb passes information on: "the suspect was tipped off" or
    "journalists were given details" does, "the suspect was given a suspended sentence" not."""
    if rules.informing.search(text[verb.start : verb.end]) is not None:
        return True
    end = text.find("\n", verb.end)
    after = WORD.findall(text, verb.end, len(text) if end < 0 else end)
    return rules.information.search(" ".join(after[:INFORMATION_WINDOW])) is not None


def _received(text: str, verb: Match, recipient: Match, rules: _Rules) -> bool:
    """Tell whether a recipient named near a disclosure verb (same sentence) received it."""
    if _POSSESSIVE.search(text[recipient.start : recipient.end]):
        return False
    if recipient.end <= verb.start:
        between = text[recipient.end : verb.start]
        return (
            len(WORD.findall(between)) <= 3
            and _PASSIVE.search(between) is not None
            and _passes_information(text, verb, rules)
        )
    words = [w.lower() for w in WORD.findall(text[verb.end : recipient.start])]
    if len(words) > RECIPIENT_WINDOW or rules.not_information.intersection(words):
        return False
    named = [w for w in words if w not in rules.list_starts]
    if named and named[-1] == AGENT_MARK:
        return False
    return len(words) < DIRECT_OBJECT_WORDS or _linked(words, rules)


def _longest(matches: list[Match]) -> list[Match]:
    """Drop a cue that a longer cue of another type covers: "misused the computer database to
    check records" is a look-up, though "misused the computer" alone is other misuse."""
    return [
        m
        for m in matches
        if not any(
            o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
            for o in matches
        )
    ]


def _by_kind(article: ArticleText, rules: _Rules) -> dict[str, list[Match]]:
    """Every match of the combined table, by kind, each named by its breach type's slug."""
    found: dict[str, list[Match]] = {_CUE: [], _VAGUE: [], _RECIPIENT: [], _VERB: []}
    for match in find_all(article, rules.every):
        kind, _, slug = match.slug.partition(":")
        found[kind + ":"].append(Match(slug, match.start, match.end, match.sentence, match.offset))
    return found


def extract_breaches(title: str, paragraphs: list[str]) -> list[Evidence]:
    """Every breach type the article reports, with its first source sentence, in text order."""
    rules = _rules()
    article = ArticleText.of(title, paragraphs)
    matches = _by_kind(article, rules)
    policy: dict[str, bool] = {}
    found = [m for m in _longest(matches[_CUE]) if _counts(m, rules, policy)]
    verbs_by_sentence: dict[int, list[Match]] = {}
    for verb in matches[_VERB]:
        verbs_by_sentence.setdefault(article.index_of(verb.start), []).append(verb)
    recipients = _longest(matches[_RECIPIENT])
    starts = {r.start for r in recipients}
    for recipient in recipients:
        verbs = verbs_by_sentence.get(article.index_of(recipient.start), [])
        if (
            verbs
            and not _modifier(article.text, recipient, rules, starts)
            and any(_received(article.text, verb, recipient, rules) for verb in verbs)
            and _counts(recipient, rules, policy)
        ):
            found.append(recipient)
    # A vague cue ("divulged confidential details") counts only when no type it yields to
    # (a leak to the press, say) says more exactly what happened.
    shown = {m.slug for m in found}
    found += [
        m
        for m in matches[_VAGUE]
        if not rules.yields_to[m.slug] & shown and _counts(m, rules, policy)
    ]
    found.sort(key=lambda m: m.start)
    return first_per_slug([m.evidence() for m in found])
