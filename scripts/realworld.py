"""Score the pipeline on real published articles: hand labels in tests/realworld/labels.yaml,
texts fetched by whoever runs it into tests/realworld/texts/<id>.txt (never committed).

    python -m scripts.realworld [--split dev|test|all] [--url] [--show]

--url gives the ingest each article's web address as seeds/sources.csv would (provenance);
without it the ingest sees the text alone. --show lists every disagreement.
"""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from breachwatch.ingest.article import ingest_text
from breachwatch.ingest.provenance import SourceRow
from breachwatch.ingest.read import SeedError
from breachwatch.review import with_review
from breachwatch.schema import SHOWN_CONFIDENCES

HERE = Path(__file__).resolve().parent.parent / "tests" / "realworld"
LABELS = HERE / "labels.yaml"
TEXTS = HERE / "texts"
# The day the set was collected: "yesterday" in an article never reads as after it.
TODAY = date(2026, 12, 7)


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    """The labelled articles, in file order."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


class Tally:
    """True and false positives and negatives of one set-valued field, micro-averaged."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, found: set[str], truth: set[str]) -> None:
        self.tp += len(found & truth)
        self.fp += len(found - truth)
        self.fn += len(truth - found)

    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0


def same_publisher(found: str, truth: str) -> bool:
    """Publisher names agree, ignoring case, a leading 'The' and a 'via' credit."""
    def norm(name: str) -> str:
        return name.casefold().removeprefix("the ").strip()
    return norm(found) == norm(truth) or norm(found).startswith(norm(truth) + " via ")


def score(entries: list[dict[str, Any]], with_url: bool, show: bool) -> dict[str, Any]:
    """Ingest every article that has a text and compare it with its labels."""
    forces, breaches, outcomes = Tally(), Tally(), Tally()
    status_right = years_labelled = year_right = publisher_found = publisher_right = 0
    held = published = wrong_status_published = wrong_force_published = 0
    wrong_year_published = published_with_year = scored = 0
    missing = []
    problems: Counter[str] = Counter()
    for entry in entries:
        path = TEXTS / f"{entry['id']}.txt"
        if not path.is_file():
            missing.append(entry["id"])
            continue
        source = SourceRow(entry["url"]) if with_url else SourceRow()
        try:
            article = ingest_text(path.read_text(encoding="utf-8"), path, TODAY, source)
        except SeedError as error:
            problems["seed error"] += 1
            if show:
                print(f"{entry['id']}: {error}")
            continue
        scored += 1
        meta = with_review(article.metadata, article.evidence)
        found_forces, truth_forces = set(meta["forces"]), set(entry.get("forces") or [])
        forces.add(found_forces, truth_forces)
        breaches.add(set(meta["breaches"]), set(entry.get("breaches") or []))
        outcomes.add(set(meta["outcomes"]), set(entry.get("outcomes") or []))
        status_ok = meta["case_status"] == entry["status"]
        status_right += status_ok
        shown = meta.get("date_confidence") in SHOWN_CONFIDENCES
        year = int(meta["date"][:4]) if shown else None
        year_ok = None
        if entry.get("year"):
            years_labelled += 1
            year_ok = year == int(entry["year"])
            year_right += year_ok
        if meta["publisher"] != "unknown":
            publisher_found += 1
            publisher_right += same_publisher(meta["publisher"], entry.get("publisher", ""))
        is_held = bool(meta.get("held"))
        held += is_held
        if not is_held:
            published += 1
            wrong_status_published += not status_ok
            wrong_force_published += found_forces != truth_forces
            if year is not None and entry.get("year"):
                published_with_year += 1
                wrong_year_published += not year_ok
        if show:
            notes = []
            if found_forces != truth_forces:
                notes.append(f"forces +{sorted(found_forces - truth_forces)} "
                             f"-{sorted(truth_forces - found_forces)}")
            found_b, truth_b = set(meta["breaches"]), set(entry.get("breaches") or [])
            if found_b != truth_b:
                notes.append(f"breaches +{sorted(found_b - truth_b)} -{sorted(truth_b - found_b)}")
            if not status_ok:
                notes.append(f"status {meta['case_status']} (truth {entry['status']})")
            if year_ok is False:
                notes.append(f"year {year} (truth {entry['year']}; {meta['date_rule']}: "
                             f"{meta['date_basis']})")
            if notes:
                flag = "HELD" if is_held else "pub"
                print(f"{entry['id']} [{flag}] " + "; ".join(notes))
                for reason in meta.get("review") or []:
                    print(f"    review: {reason}")
    return {
        "articles scored": scored,
        "texts missing": len(missing),
        "force F1": round(forces.f1(), 3),
        "breach F1": round(breaches.f1(), 3),
        "outcome F1": round(outcomes.f1(), 3),
        "status right": f"{status_right}/{scored}",
        "year right": f"{year_right}/{years_labelled}",
        "publisher found": f"{publisher_found}/{scored}",
        "publisher right": f"{publisher_right}/{scored}",
        "held": f"{held}/{scored}",
        "published with wrong status": f"{wrong_status_published}/{published}",
        "published with wrong forces": f"{wrong_force_published}/{published}",
        "published with wrong year": f"{wrong_year_published}/{published_with_year}",
        **{f"problem: {k}": v for k, v in problems.items()},
    }


def main() -> None:
    """Print the scores of one split."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--url", action="store_true", help="give the ingest each web address")
    parser.add_argument("--show", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    entries = [e for e in load_labels() if args.split in ("all", e.get("split"))]
    for name, value in score(entries, args.url, args.show).items():
        print(f"{name:32} {value}")


if __name__ == "__main__":
    main()
