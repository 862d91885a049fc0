"""An editor's check before anything doubtful is published: review reasons from review.yaml,
the held or published decision, and the `review` command that lists and confirms articles."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from breachwatch.datafiles import read_data_file, require
from breachwatch.extract import entities, status
from breachwatch.extract.evidence import Evidence
from breachwatch.schema import as_list, fields_by_name, suggest
from breachwatch.taxonomy import entity_taxonomy, names

_FILE = "review.yaml"
HOLD, QUEUE = "hold", "queue"
# Reasons are stored as one comma-separated metadata field: a reason never holds a comma.
_COMMA = re.compile(r"\s*,\s*")


@dataclass(frozen=True)
class Rule:
    """One review rule: whether it holds or queues, what it looks at, and its message."""

    kind: str
    message: str
    field: str = ""
    doubt: str = ""
    values: tuple[str, ...] = ()
    empty: bool = False
    outcomes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()


def _parse_rule(kind: str, entry: Any, index: int) -> Rule:
    """Validate one rule; errors name the list and the entry."""
    where = f"{kind} rule {index + 1}"
    require(isinstance(entry, dict), _FILE, f"{where} must be a mapping")
    known = {"field", "doubt", "values", "empty", "outcomes", "statuses", "message"}
    require(not set(entry) - known, _FILE, f"{where}: unknown key(s) {sorted(set(entry) - known)}")
    require(isinstance(entry.get("message"), str), _FILE, f"{where}: 'message' missing")
    rule = Rule(kind, entry["message"], str(entry.get("field", "")), str(entry.get("doubt", "")),
                tuple(entry.get("values") or ()), entry.get("empty") is True,
                tuple(entry.get("outcomes") or ()), tuple(entry.get("statuses") or ()))
    shapes = [bool(rule.field and rule.doubt), bool(rule.field and rule.values),
              bool(rule.field and rule.empty), bool(rule.outcomes and rule.statuses)]
    require(sum(shapes) == 1, _FILE, f"{where}: give field + doubt, field + values, "
            "field + empty: true (with statuses, only for those), or outcomes + statuses")
    require(not rule.statuses or rule.outcomes or rule.empty, _FILE,
            f"{where}: 'statuses' goes with 'outcomes' or 'empty'")
    # A rule on a field articles do not have (a taxonomy renamed) would never fire.
    require(not rule.field or rule.field in fields_by_name(), _FILE,
            f"{where}: no field {rule.field!r}{suggest(rule.field, fields_by_name())}")
    return rule


@cache
def load_rules() -> tuple[Rule, ...]:
    """Every rule of review.yaml, hold rules first."""
    data = read_data_file(_FILE)
    require(isinstance(data, dict), _FILE, "expected a mapping with 'hold' and 'queue'")
    rules = []
    for kind in (HOLD, QUEUE):
        entries = data.get(kind) or []
        require(isinstance(entries, list), _FILE, f"'{kind}' must be a list")
        rules += [_parse_rule(kind, entry, index) for index, entry in enumerate(entries)]
    # A doubt no rule names would publish what its extractor doubts, unseen by an editor.
    for field, doubts in ((entity_taxonomy().name, entities.DOUBTS),
                          ("case_status", status.DOUBTS)):
        ruled = {rule.doubt for rule in rules if rule.field == field}
        missing = [doubt for doubt in doubts if doubt not in ruled]
        require(not missing, _FILE, f"no rule for {field} doubt(s) {', '.join(missing)}")
    return tuple(rules)


def _say(rule: Rule, **values: str) -> str:
    """A rule's message with its blanks filled, prefixed by its kind, without commas."""
    return f"{rule.kind}: " + _COMMA.sub("; ", rule.message.format(**values))


def reasons_with_evidence(metadata: dict[str, Any], evidence: dict[str, list[Evidence]]
                          ) -> dict[str, Evidence | None]:
    """Why an editor should check this article ("hold: ..." or "queue: ..."), in rule order,
    each with the tag and sentence it is about, if any."""
    corrected = set(as_list(metadata.get("corrected")))
    found: dict[str, Evidence | None] = {}
    for rule in load_rules():
        if rule.field in corrected:
            continue
        if rule.doubt:
            tagged = set(as_list(metadata.get(rule.field)))
            for item in evidence.get(rule.field, []):
                if item.doubt == rule.doubt and item.slug in tagged:
                    found.setdefault(_say(rule, slug=item.slug), item)
        elif rule.values:
            value = str(metadata.get(rule.field, ""))
            if value in rule.values:
                found.setdefault(_say(rule, value=value), None)
        elif rule.empty:
            in_scope = not rule.statuses or metadata.get("case_status") in rule.statuses
            if in_scope and not as_list(metadata.get(rule.field)):
                found.setdefault(_say(rule), None)
        elif not {"outcomes", "case_status"} & corrected:
            status = str(metadata.get("case_status", ""))
            outcomes = {item.slug: item for item in evidence.get("outcomes", [])}
            for outcome in as_list(metadata.get("outcomes")):
                if status in rule.statuses and outcome in rule.outcomes:
                    found.setdefault(_say(rule, outcome=outcome, status=status),
                                     outcomes.get(outcome))
    return found


def review_reasons(metadata: dict[str, Any], evidence: dict[str, list[Evidence]]) -> list[str]:
    """Why an editor should check this article, in rule order."""
    return list(reasons_with_evidence(metadata, evidence))


def is_true(value: Any) -> bool:
    """A yes/no metadata value as YAML, Markdown or Pelican gives it."""
    return value is True or str(value).strip().lower() in {"true", "yes"}


def holds(reasons: Iterable[str]) -> bool:
    """Tell whether any reason is a doubtful verdict."""
    return any(reason.startswith(f"{HOLD}:") for reason in reasons)


def with_review(metadata: dict[str, Any], evidence: dict[str, list[Evidence]]) -> dict[str, Any]:
    """Metadata with its review reasons, and `held` when a doubt is not yet confirmed."""
    reasons = review_reasons(metadata, evidence)
    marked = {key: value for key, value in metadata.items() if key not in {"review", "held"}}
    if reasons:
        marked["review"] = reasons
    if holds(reasons) and not is_true(metadata.get("reviewed")):
        marked["held"] = True
    return marked


def record(metadata: dict[str, Any], publish_unreviewed: bool) -> dict[str, Any]:
    """The `review --json` object of one article: a contract other tools rely on."""
    held = is_true(metadata.get("held"))
    date = None if metadata.get("date_confidence") == "none" else str(metadata.get("date"))
    return {
        "seed": metadata.get("seed"),
        "slug": metadata.get("slug"),
        "title": metadata.get("title"),
        "date": date,
        "date_confidence": metadata.get("date_confidence"),
        "publisher": metadata.get("publisher"),
        **{name: as_list(metadata.get(name)) for name in names()},
        "outcomes": as_list(metadata.get("outcomes")),
        "status": metadata.get("case_status"),
        "review": as_list(metadata.get("review")),
        "reviewed": is_true(metadata.get("reviewed")),
        "published": not held or publish_unreviewed,
    }


def as_json(metadatas: Iterable[dict[str, Any]], publish_unreviewed: bool) -> str:
    """The JSON array `review --json` prints: one object per article ingested from seeds/."""
    return json.dumps([record(m, publish_unreviewed) for m in metadatas], ensure_ascii=False,
                      indent=2)


def accept(correction_file: Path) -> bool:
    """Record an editor's confirmation in a corrections file, keeping what it says; tell
    whether the file changed."""
    text = correction_file.read_text(encoding="utf-8") if correction_file.exists() else ""
    lines = text.splitlines()
    kept = [line for line in lines if not re.match(r"reviewed\s*:", line)]
    if len(kept) < len(lines) and any(re.fullmatch(r"reviewed\s*:\s*true\s*", line)
                                      for line in lines):
        return False
    correction_file.parent.mkdir(parents=True, exist_ok=True)
    correction_file.write_text("\n".join([*kept, "reviewed: true"]) + "\n", encoding="utf-8")
    return True


def describe_held(slug: str, seed: str, metadata: dict[str, Any],
                  evidence: dict[str, list[Evidence]], sentences: list[str]) -> list[str]:
    """Lines for `review`: the held article, each doubtful field's reason and the sentence it
    rests on (sN as the page numbers it, or the headline)."""
    lines = [f"{slug}  ({seed})"]
    for reason, item in reasons_with_evidence(metadata, evidence).items():
        if not reason.startswith(f"{HOLD}:"):
            continue
        lines.append(f"  {reason}")
        if item is not None and item.sentence:
            where = (f"s{sentences.index(item.sentence) + 1}" if item.sentence in sentences
                     else "headline")
            lines.append(f"    evidence ({where}): {item.sentence}")
    return lines
