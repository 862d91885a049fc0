"""An investigation declares its taxonomies in taxonomies.yaml; a bad declaration is one error
naming the file and the entry."""

from __future__ import annotations

import copy

import pytest

from breachwatch.datafiles import DataFileError, read_data_file
from breachwatch.taxonomy import parse_taxonomies, taxonomies


def _declaration() -> dict:
    """A copy of the police investigation's declaration, to break."""
    return copy.deepcopy(read_data_file("taxonomies.yaml"))


def test_the_police_site_declares_forces_about_and_breaches_by_cues() -> None:
    forces, breaches = taxonomies()
    assert (forces.name, forces.extract, forces.about) == ("forces", "entities", True)
    assert (breaches.name, breaches.extract, breaches.about) == ("breaches", "cues", False)
    assert forces.default_settings()["FORCE_FEED_ATOM"] == "feeds/forces/{slug}.atom.xml"
    assert breaches.setting("URL", index=True) == "BREACHES_URL"


@pytest.mark.parametrize(("change", "message"), [
    (lambda t: t[0].pop("title"), "'title' must be text"),
    (lambda t: t[0].update(title="  "), "'title' must not be empty"),
    (lambda t: t[0].update(extract="regex"), "'extract' must be one of"),
    (lambda t: t[0].update(colour="blue"), "unknown field(s) ['colour']"),
    (lambda t: t[1].update(name="forces"), "two taxonomies share a name"),
    (lambda t: t[1].update(extract="entities"), "exactly one taxonomy extracted by 'entities'"),
    (lambda t: t[1].update(singular="breach-type"), "must be lower-case letters, digits or _"),
    (lambda t: t[1].update(name="categories", singular="category"), "is taken by Pelican"),
    (lambda t: t[0].update(name="outcomes"), "is taken by Pelican or by another field"),
])
def test_a_broken_declaration_names_file_and_problem(change, message) -> None:
    data = _declaration()
    change(data["taxonomies"])
    with pytest.raises(DataFileError) as error:
        parse_taxonomies(data)
    assert "taxonomies.yaml" in str(error.value) and message in str(error.value)


def test_optional_words_may_be_empty() -> None:
    data = _declaration()
    data["taxonomies"][0].update(count="", intro="", empty="", known="")
    assert parse_taxonomies(data)[0].count == ""
