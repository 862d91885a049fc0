"""Articles that are not seeds, naming other forces, get the tags a reader would give."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import TODAY

from breachwatch.ingest.article import ingest_seed

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"
EXPECTED = yaml.safe_load((UNSEEN / "expected.yaml").read_text(encoding="utf-8"))
FIELDS = ("forces", "breaches", "outcomes", "standards", "case_status", "publisher")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_unseen_article_tags(name: str) -> None:
    metadata = ingest_seed(UNSEEN / name, TODAY).metadata
    for field in (f for f in FIELDS if f in EXPECTED[name]):
        expected = EXPECTED[name][field]
        actual = metadata[field]
        if isinstance(expected, list):
            assert sorted(actual) == sorted(expected), (name, field)
        else:
            assert actual == expected, (name, field)


def test_every_fixture_has_expectations() -> None:
    assert {p.name for p in UNSEEN.glob("*.txt")} == set(EXPECTED)
